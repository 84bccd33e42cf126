/**
 * Reliability (issue 9): the running service is killed with SIGKILL in the middle of a command load, again and
 * again on the same data directory. After every restart:
 * - every command the service acknowledged (2xx) has its events in the log;
 * - `verify` finds every hash chain intact (so stream versions are gapless and nothing is half-written);
 * - a request that was in flight at the kill, retried with its Idempotency-Key, is answered 2xx and its events are
 *   in the log exactly once (the engine's idempotency by command id survives the crash);
 * - the read models, caught up by the restarted service from their checkpoints, equal a fresh rebuild of every
 *   read model from the log into a temp database.
 *
 * The service is the built `node apps/api/dist/main.js`, a child on 127.0.0.1 (port 0), demo seed off; the load
 * comes from this test process: `CONCURRENCY` loops each sending one command at a time (citizen complaint filings,
 * one new stream each, and RegisterUnit on the tenant's one roster stream, which conflicts under load).
 *
 * Quick: 3 kills. `RELIABILITY_LONG=1`: 20 kills.
 */
import { join } from 'node:path';
import {
  commandUrl,
  ensureBuilt,
  eventIdsOf,
  eventually,
  killAll,
  logFacts,
  LONG,
  mintToken,
  openReadOnly,
  OPERATOR,
  readModelCheckpoints,
  readModelViews,
  rebuiltViews,
  removeDir,
  request,
  spawnService,
  tempDir,
  type Answer,
  type ServiceProcess,
} from './reliability.testkit';

const KILLS = LONG ? 20 : 3;
const CONCURRENCY = 16;
/** Acknowledged commands before the kill timer starts (the service's first requests are slow: JIT, caches). */
const WARM_UP = 10;

type Sent = Readonly<{ key: string; aggregate: string; command: string; body: unknown; token?: string }>;

let dataDir: string;
let token: string;
let service: ServiceProcess | undefined;

beforeAll(async () => {
  ensureBuilt();
  dataDir = tempDir('crash');
  token = await mintToken(OPERATOR);
}, 180_000);

afterAll(async () => {
  await killAll();
  removeDir(dataDir);
});

const storePath = (): string => join(dataDir, 'kinerja.db');

/** The n-th command of a round: two complaint filings for each RegisterUnit. */
const commandOf = (round: number, n: number): Sent => {
  const key = `crash-${round}-${n}`;
  if (n % 3 === 2)
    return { key, aggregate: 'roster', command: 'register-unit', body: { unit: `unit-${round}-${n}`, name: `Unit ${round}.${n}` }, token };
  return {
    key,
    aggregate: 'complaint',
    command: 'file-complaint',
    body: { channel: 'web', category: 'pengaduan', unit: 'dinas-kependudukan', subject: `Antrian ${round}.${n}`, description: 'Antrian pelayanan KTP terlalu lama (BR-23)' },
  };
};

const send = (base: string, sent: Sent): Promise<Answer> =>
  request('POST', commandUrl(base, sent.aggregate, sent.command), {
    body: sent.body,
    ...(sent.token === undefined ? {} : { token: sent.token }),
    headers: { 'idempotency-key': sent.key },
    timeoutMs: 10_000,
  });

type Load = Readonly<{ acknowledged: Map<string, ReadonlyArray<string>>; unanswered: Sent[]; statuses: Map<number, number> }>;

/** Sends commands from CONCURRENCY loops until the service stops answering; what was acknowledged, and what not. */
const loadUntilKilled = (base: string, round: number, stop: () => boolean, onWarm: () => void): Promise<Load> => {
  const acknowledged = new Map<string, ReadonlyArray<string>>();
  const unanswered: Sent[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const loop = async (): Promise<void> => {
    while (!stop()) {
      const sent = commandOf(round, next++);
      let answer: Answer;
      try {
        answer = await send(base, sent);
      } catch {
        // The connection died with the service: the command may or may not have been committed.
        unanswered.push(sent);
        return;
      }
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status >= 200 && answer.status < 300) {
        acknowledged.set(sent.key, eventIdsOf(answer));
        if (acknowledged.size === WARM_UP) onWarm();
      }
      else if (answer.status >= 500) throw new Error(`${answer.status} for ${sent.command}: ${answer.text}`);
      // A 409 (the roster stream kept changing) is an honest answer: nothing was appended for it.
    }
  };
  return Promise.all(Array.from({ length: CONCURRENCY }, loop)).then(() => ({ acknowledged, unanswered, statuses }));
};

/**
 * Waits until the restarted service's read models have caught up with a head that holds still, then compares
 * their views with a fresh rebuild up to the same head.
 */
const expectReadModelsEqualRebuild = async (): Promise<number> => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const head = (await logFacts(storePath())).head;
    const db = openReadOnly(join(dataDir, 'readmodels.db'));
    try {
      await eventually(
        `read models at ${head}`,
        () => (Object.values(readModelCheckpoints(db)).every((c) => c !== undefined && c >= head) ? true : undefined),
        15_000,
      );
      const live = readModelViews(db);
      const rebuilt = await rebuiltViews(storePath());
      // The service may have appended meanwhile (a ledger digest, a process manager): then compare again.
      if (rebuilt.head !== head) continue;
      if (Object.values(readModelCheckpoints(db)).some((c) => c !== head)) continue;
      expect(live).toEqual(rebuilt.views);
      return Object.values(live).reduce((sum, rows) => sum + rows.length, 0);
    } finally {
      db.close();
    }
  }
  throw new Error('the log kept moving: could not compare the read models with a rebuild at one head');
};

describe(`SIGKILL during a command load (${KILLS} kills)`, () => {
  const figures: Array<Record<string, number>> = [];

  afterAll(() => {
    // The figures docs/reliability.md quotes.
    process.stdout.write(`crash figures: ${JSON.stringify(figures)}\n`);
  });

  it(
    'after every restart: every acknowledged command is in the log, verify passes, retries are exactly-once, read models equal a rebuild',
    async () => {
      for (let round = 1; round <= KILLS; round++) {
        service = await spawnService({ dataDir });
        const base = service.url;
        let killed = false;
        // Killed at a random moment 50-500 ms after the WARM_UP-th acknowledgement.
        const delayMs = 50 + Math.floor(Math.random() * 451);
        let warm: () => void = () => undefined;
        const warmed = new Promise<void>((resolve) => {
          warm = resolve;
        });
        const started = Date.now();
        const load = loadUntilKilled(base, round, () => killed, () => warm());
        await warmed;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const loadMs = Date.now() - started;
        killed = true;
        const exit = await service.kill('SIGKILL');
        expect(exit.signal).toBe('SIGKILL');
        const { acknowledged, unanswered, statuses } = await load;
        expect(acknowledged.size).toBeGreaterThan(0);

        // The file as the kill left it, before anything else touches it.
        const after = await logFacts(storePath());
        expect(after.verify).toMatchObject({ _tag: 'Intact' });
        const missing = [...acknowledged].filter(([, ids]) => ids.some((id) => !after.eventIds.has(id)));
        expect(missing).toEqual([]);
        // Positions are 1..head without a gap.
        expect(after.events.map((e) => e.globalPosition)).toEqual(Array.from({ length: after.head }, (_, i) => i + 1));

        // Restart on the same directory; retry what was in flight at the kill, with the same keys.
        service = await spawnService({ dataDir });
        const retried = await Promise.all(unanswered.map((sent) => send(service?.url ?? '', sent)));
        expect(retried.filter((a) => a.status >= 500)).toEqual([]);
        const retriedIds = retried.flatMap((answer, i) => {
          if (answer.status >= 400) {
            // Only a roster conflict may be refused (409): a retry is a new attempt at a contended stream.
            expect([answer.status, unanswered[i]?.command]).toEqual([409, 'register-unit']);
            return [];
          }
          return eventIdsOf(answer);
        });
        const again = await logFacts(storePath());
        expect(again.verify).toMatchObject({ _tag: 'Intact' });
        for (const id of retriedIds) expect(again.eventIds.has(id)).toBe(true);
        // Exactly once: one event per command id, whether it was committed before the kill or by the retry.
        const perCommand = new Map<string, number>();
        for (const e of again.events) perCommand.set(e.metadata.commandId, (perCommand.get(e.metadata.commandId) ?? 0) + 1);
        expect([...perCommand.entries()].filter(([id, n]) => id.includes('/crash-') && n !== 1)).toEqual([]);

        const rows = await expectReadModelsEqualRebuild();
        await service.kill('SIGTERM');
        figures.push({
          round,
          killAfterMs: delayMs,
          loadMs,
          acknowledged: acknowledged.size,
          inFlightAtKill: unanswered.length,
          conflicts409: statuses.get(409) ?? 0,
          events: again.head,
          readModelRows: rows,
        });
      }
    },
    KILLS * 30_000,
  );
});
