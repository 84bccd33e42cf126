/**
 * Reliability (issue 9): 64 concurrent writers on ONE aggregate, the tenant's roster stream (`roster-<tenant>`:
 * every RegisterUnit appends to it), through the engine and over HTTP.
 *
 * No lost update: every acknowledged command's event is in the stream, the stream's versions are 0..n-1 without a
 * gap (verify), and the stream holds exactly one UnitRegistered per acknowledged command. Every conflict is either
 * retried by the pipeline (the command then succeeds) or answered as a conflict: `TooManyConflicts` (engine) / 409
 * (HTTP), and then nothing of it is in the log. Never a 5xx. A command sent twice at once with the same id (HTTP:
 * the same Idempotency-Key) is in the log once.
 *
 * Quick: 3 rounds of 64 (engine) and 3 rounds of 64 (HTTP), plus one If-Match round. `RELIABILITY_LONG=1`: 30
 * rounds each.
 */
import { isRight } from 'fp-ts/Either';
import { join } from 'node:path';
import { rosterStreamId, type Nip, type TenantId } from '@kinerja/domain';
import { commandSpecFor, type CommandOutcome } from '@kinerja/engine';
import { openSqliteStore, verify, type SqliteEventStore } from '@kinerja/eventstore';
import {
  commandUrl,
  ensureBuilt,
  eventIdsOf,
  killAll,
  logFacts,
  LONG,
  mintToken,
  OPERATOR,
  removeDir,
  request,
  spawnService,
  tempDir,
  TENANT,
  type Answer,
  type ServiceProcess,
} from './reliability.testkit';

const WRITERS = 64;
const ROUNDS = LONG ? 30 : 3;
/** Of each round's writers, this many send a command id (Idempotency-Key) that another writer sends too. */
const DUPLICATES = 8;
const ROSTER = rosterStreamId(TENANT as TenantId);

let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = tempDir('contention');
}, 180_000);

afterAll(async () => {
  await killAll();
  removeDir(dir);
});

const figures: Record<string, unknown> = {};
afterAll(() => process.stdout.write(`contention figures: ${JSON.stringify(figures)}\n`));

/** Writer i of a round: its command id (the last DUPLICATES writers repeat the first ones' ids) and its unit. */
const writer = (prefix: string, round: number, i: number): Readonly<{ id: string; unit: string }> => {
  const n = i >= WRITERS - DUPLICATES ? i - (WRITERS - DUPLICATES) : i;
  return { id: `${prefix}-${round}-${n}`, unit: `${prefix}-${round}-${n}` };
};

const unitsInStream = async (path: string): Promise<ReadonlyArray<Readonly<{ unit: string; commandId: string; version: number }>>> => {
  const facts = await logFacts(path);
  expect(facts.verify).toMatchObject({ _tag: 'Intact' });
  const roster = facts.events.filter((e) => e.streamId === ROSTER);
  // Gapless: the roster's versions are exactly 0..n-1 in global order.
  expect(roster.map((e) => e.streamVersion)).toEqual(roster.map((_, i) => i));
  return roster.map((e) => ({ unit: (e.data as { unit: string }).unit, commandId: e.metadata.commandId, version: e.streamVersion }));
};

// Within one process the engine queues commands on one stream, so they cannot conflict there; the writers are
// split over two stores on one file, as two processes would be, so that their appends do conflict in the store.
describe('64 concurrent writers on one aggregate, through the engine (SQLite, two stores on one file)', () => {
  let store: SqliteEventStore;
  let other: SqliteEventStore;
  const path = (): string => join(dir, 'engine.db');

  beforeAll(() => {
    store = openSqliteStore({ path: path() });
    other = openSqliteStore({ path: path() });
  });
  afterAll(async () => {
    await store.close();
    await other.close();
  });

  it(
    `${ROUNDS} rounds of ${WRITERS}: no lost update; every conflict retried or answered TooManyConflicts; duplicates once`,
    async () => {
      const spec = commandSpecFor('roster', 'RegisterUnit');
      if (spec === undefined) throw new Error('no RegisterUnit in the catalog');
      const tally = { acknowledged: 0, replayed: 0, tooManyConflicts: 0, other: 0 };
      let conflicts = 0;
      const acknowledged = new Set<string>();
      const rejected = new Set<string>();
      for (let round = 1; round <= ROUNDS; round++) {
        const writers = Array.from({ length: WRITERS }, (_, i) => writer('engine', round, i));
        const outcomes: ReadonlyArray<CommandOutcome> = await Promise.all(
          writers.map((w, i) =>
            spec.run(i % 2 === 0 ? store : other, TENANT as TenantId, { unit: w.unit, name: `Unit ${w.unit}` }, {
              tenant: TENANT,
              commandId: w.id,
              actor: { nip: OPERATOR.nip as Nip, role: 'operator' },
              issuedAt: new Date(),
            }),
          ),
        );
        outcomes.forEach((outcome, i) => {
          const id = (writers[i] as { id: string }).id;
          if (isRight(outcome)) {
            if (outcome.right.replayed) tally.replayed += 1;
            else tally.acknowledged += 1;
            acknowledged.add(id);
          } else if (outcome.left._tag === 'TooManyConflicts') {
            tally.tooManyConflicts += 1;
            rejected.add(id);
          } else {
            tally.other += 1;
            throw new Error(`writer ${id}: ${JSON.stringify(outcome.left)}`);
          }
        });
        conflicts = store.metrics().appendsRejected + other.metrics().appendsRejected;
      }
      const units = await unitsInStream(path());
      const inLog = new Set(units.map((u) => u.commandId));
      // Every acknowledged command is in the stream, once; nothing of a refused one is.
      expect([...acknowledged].filter((id) => !inLog.has(id))).toEqual([]);
      expect([...rejected].filter((id) => inLog.has(id) && !acknowledged.has(id))).toEqual([]);
      expect(units.length).toBe(inLog.size);
      expect(inLog.size).toBe(acknowledged.size);
      // The writers really were concurrent: the store refused stale appends, which the engine retried.
      expect(conflicts).toBeGreaterThan(0);
      const checked = await verify(store, { stream: ROSTER });
      expect(checked).toMatchObject({ _tag: 'Right', right: { _tag: 'Intact' } });
      figures['engine'] = { rounds: ROUNDS, writers: WRITERS, ...tally, streamVersion: units.length - 1, storeConflicts: conflicts };
    },
    60_000 + ROUNDS * 5_000,
  );
});

describe('64 concurrent writers on one aggregate, over HTTP (the built service)', () => {
  let service: ServiceProcess;
  let token: string;
  const dataDir = (): string => join(dir, 'http');
  const send = (unit: string, key: string, headers: Readonly<Record<string, string>> = {}): Promise<Answer> =>
    request('POST', commandUrl(service.url, 'roster', 'register-unit'), {
      token,
      body: { unit, name: `Unit ${unit}` },
      headers: { 'idempotency-key': key, ...headers },
      timeoutMs: 30_000,
    });

  beforeAll(async () => {
    token = await mintToken(OPERATOR);
    service = await spawnService({ dataDir: dataDir() });
  }, 60_000);
  afterAll(async () => {
    await service?.kill('SIGTERM');
  });

  it(
    `${ROUNDS} rounds of ${WRITERS}: 201 or 409, never 5xx; every 201 in the stream, no 409 in it; duplicates once`,
    async () => {
      const statuses: Record<string, number> = {};
      const acknowledged = new Map<string, ReadonlyArray<string>>();
      const conflicted = new Set<string>();
      const started = Date.now();
      for (let round = 1; round <= ROUNDS; round++) {
        const writers = Array.from({ length: WRITERS }, (_, i) => writer('http', round, i));
        const answers = await Promise.all(writers.map((w) => send(w.unit, w.id)));
        answers.forEach((answer, i) => {
          const { id } = writers[i] as { id: string };
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          if (answer.status === 201 || answer.status === 200) acknowledged.set(id, eventIdsOf(answer));
          else if (answer.status === 409) {
            expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
            expect(answer.body).toMatchObject({ status: 409, type: 'urn:kinerja:problem:too-many-conflicts' });
            conflicted.add(id);
          } else throw new Error(`writer ${id}: ${answer.status} ${answer.text}`);
        });
      }
      const seconds = (Date.now() - started) / 1000;
      const units = await unitsInStream(join(dataDir(), 'kinerja.db'));
      const byCommand = new Map(units.map((u) => [u.commandId, u]));
      const commandIdOf = (key: string): string => `http/${TENANT}/${OPERATOR.nip}/${key}`;
      expect([...acknowledged.keys()].filter((key) => !byCommand.has(commandIdOf(key)))).toEqual([]);
      expect([...conflicted].filter((key) => byCommand.has(commandIdOf(key)) && !acknowledged.has(key))).toEqual([]);
      const facts = await logFacts(join(dataDir(), 'kinerja.db'));
      for (const ids of acknowledged.values()) for (const id of ids) expect(facts.eventIds.has(id)).toBe(true);
      expect(units.length).toBe(acknowledged.size);
      figures['http'] = { rounds: ROUNDS, writers: WRITERS, statuses, acknowledged: acknowledged.size, streamVersion: units.length - 1, seconds };
    },
    60_000 + ROUNDS * 10_000,
  );

  it('64 writers with the same If-Match: exactly one 201, the other 63 answered 409 stale-version', async () => {
    const before = await logFacts(join(dataDir(), 'kinerja.db'));
    const version = before.events.filter((e) => e.streamId === ROSTER).length - 1;
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => send(`if-match-${i}`, `if-match-${i}`, { 'if-match': `"${version}"` })),
    );
    const byStatus = (status: number): ReadonlyArray<Answer> => answers.filter((a) => a.status === status);
    expect(answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => a.text)).toEqual([]);
    expect(byStatus(201)).toHaveLength(1);
    for (const answer of byStatus(409)) expect(answer.body).toMatchObject({ type: 'urn:kinerja:problem:stale-version', currentVersion: version + 1 });
    const after = await logFacts(join(dataDir(), 'kinerja.db'));
    expect(after.head).toBe(before.head + 1);
    figures['ifMatch'] = { writers: WRITERS, created: 1, stale409: byStatus(409).length };
  }, 60_000);
});
