/**
 * The projection runner, by example: the read-model database, catch-up, upsert and delete semantics, status and
 * lag, waitFor, blue/green rebuilds (views answer from the old build until the swap), version raises, and two
 * connections sharing one file as the service and `kinerja rebuild` do. Laws over random histories are in
 * runner.property.int.spec.ts; a rebuild killed with SIGKILL in kill.int.spec.ts.
 */
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, openSqliteStore, type EventStore } from '@kinerja/eventstore';
import type { Projection } from '../projection';
import { measureRebuild } from './measure';
import { createProjectionRunner, type ProjectionRunner, type RebuildProgress } from './runner';
import {
  appendHistory,
  balances,
  checkpointsIn,
  contents,
  failingAt,
  gated,
  historyOf,
  lastSeen,
  owners,
  recording,
  tablesIn,
  syntheticOps,
  testProjections,
  upTo,
  type AccountOp,
} from './runner.testkit';
import { openReadModelDb } from './schema';

/** A fixed history: 8 accounts opened, then deposits, withdrawals, renames, notes (a type no projection reads), closes. */
const OPS: ReadonlyArray<AccountOp> = syntheticOps(200, 8, 12345);
const HISTORY = historyOf(OPS);

/** The global position of the n-th event (1-based) of the history among those of the given types. */
const positionOfNth = (types: ReadonlyArray<string>, n: number): number => {
  let seen = 0;
  for (const [i, { event }] of HISTORY.entries()) {
    if (types.includes(event.type)) seen += 1;
    if (seen === n) return i + 1;
  }
  throw new Error(`fewer than ${n} events of ${types.join(', ')}`);
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-runner-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let files = 0;
const file = (name: string): string => join(dir, `${name}-${++files}.db`);

const memoryStore = async (history = HISTORY): Promise<EventStore> => {
  const store = createMemoryStore();
  await appendHistory(store, history);
  return store;
};

const readModels = (path = ':memory:'): Database.Database => {
  const db = openReadModelDb(path);
  cleanups.push(() => {
    db.close();
  });
  return db;
};

const runnerOver = (store: EventStore, db: Database.Database, projections = testProjections(), batchSize = 10): ProjectionRunner => {
  const runner = createProjectionRunner({ store, db, projections, batchSize, pollIntervalMs: 20 });
  cleanups.push(() => runner.stop());
  return runner;
};

/** The expected accounts, folded straight from the history's events (not through any projection). */
const expectedAccounts = (): unknown[] => {
  const accounts = new Map<string, { account: string; owner: string; balance: number; opened_at: string; movements: number }>();
  for (const { event } of HISTORY) {
    const d = event.data as Record<string, string | number>;
    const account = String(d['account']);
    const row = accounts.get(account);
    if (event.type === 'AccountOpened') accounts.set(account, { account, owner: String(d['owner']), balance: 0, opened_at: event.metadata.occurredAt, movements: 0 });
    else if (row !== undefined && (event.type === 'MoneyDeposited' || event.type === 'MoneyWithdrawn')) {
      row.balance = Number(d['balance']);
      row.movements = Number(d['seq']);
    } else if (row !== undefined && event.type === 'AccountRenamed') row.owner = String(d['owner']);
    else if (event.type === 'AccountClosed') accounts.delete(account);
  }
  return [...accounts.values()].sort((a, b) => a.account.localeCompare(b.account));
};

describe('openReadModelDb', () => {
  it('opens a file in WAL mode with synchronous=NORMAL and a busy timeout, with the bookkeeping migrated', () => {
    const path = file('open');
    const db = openReadModelDb(path, { busyTimeoutMs: 1234 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'runner_%' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['runner_builds', 'runner_migrations', 'runner_projections']);
    db.close();
    // Opening again finds nothing to migrate.
    const again = openReadModelDb(path);
    expect(again.prepare('SELECT count(*) FROM runner_migrations').pluck().get()).toBe(1);
    again.close();
  });

  it('refuses a file migrated by newer code', () => {
    const path = file('newer');
    const db = openReadModelDb(path);
    db.prepare(`INSERT INTO runner_migrations VALUES (99, 'from the future', 'x')`).run();
    db.close();
    expect(() => openReadModelDb(path)).toThrow(/newer than this code knows/);
  });

  it('gives a private database for :memory:', () => {
    const db = readModels();
    expect(db.memory).toBe(true);
  });
});

describe('declaring projections', () => {
  const store = createMemoryStore();
  const base = balances();
  it.each<[string, Projection, RegExp]>([
    ['a bad name', { ...base, name: 'Balances' }, /lower-case/],
    ['the runner prefix', { ...base, name: 'runner_x' }, /runner_ prefix/],
    ['a version of 0', { ...base, version: 0 }, /positive integer/],
    ['a key column that is not a column', { ...base, tables: [{ name: 't', columns: { a: 'TEXT' }, primaryKey: ['b'] }] }, /not a column/],
    ['no primary key', { ...base, tables: [{ name: 't', columns: { a: 'TEXT' }, primaryKey: [] }] }, /no primary key/],
    ['a column type SQLite STRICT lacks', { ...base, tables: [{ name: 't', columns: { a: 'BLOB' as 'TEXT' }, primaryKey: ['a'] }] }, /type BLOB/],
  ])('refuses %s', (_what, projection, message) => {
    expect(() => createProjectionRunner({ store, db: readModels(), projections: [projection] })).toThrow(message);
  });

  it('refuses two projections whose views would have the same name', () => {
    const a: Projection = { ...base, name: 'a_b', tables: [{ name: 'c', columns: { k: 'TEXT' }, primaryKey: ['k'] }] };
    const b: Projection = { ...base, name: 'a', tables: [{ name: 'b_c', columns: { k: 'TEXT' }, primaryKey: ['k'] }] };
    expect(() => createProjectionRunner({ store, db: readModels(), projections: [a, b] })).toThrow(/view a_b_c/);
  });
});

describe('catching up', () => {
  it('projects the log into rows that match the history, through the views', async () => {
    const store = await memoryStore();
    const db = readModels();
    await runnerOver(store, db).catchUp();
    expect(contents(db, [balances()])['balances_accounts']).toEqual(expectedAccounts());
    expect(db.prepare('SELECT count(*) FROM balances_movements').pluck().get()).toBe(
      HISTORY.filter((h) => h.event.type === 'MoneyDeposited' || h.event.type === 'MoneyWithdrawn').length,
    );
  });

  it('moves every checkpoint to the head, over events of types no projection reads', async () => {
    const store = await memoryStore([...HISTORY, ...historyOf([{ kind: 'note', account: 1 }, { kind: 'note', account: 2 }])]);
    const db = readModels();
    await runnerOver(store, db).catchUp();
    expect(checkpointsIn(db)).toEqual({ balances: HISTORY.length + 2, owners: HISTORY.length + 2, last_seen: HISTORY.length + 2 });
  });

  it('names physical tables <projection>_v<version>_b<build>_<table> and queries them through <projection>_<table>', async () => {
    const db = readModels();
    await runnerOver(await memoryStore(), db).catchUp();
    expect(tablesIn(db)).toEqual(['balances_v1_b1_accounts', 'balances_v1_b1_movements', 'last_seen_v1_b3_streams', 'owners_v1_b2_holdings']);
    const views = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name`).pluck().all();
    expect(views).toEqual(['balances_accounts', 'balances_movements', 'last_seen_streams', 'owners_holdings']);
    // Secondary indexes are made before the swap.
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'balances_v1_b1_accounts_ix0'`).pluck().get()).toBe(1);
  });

  it('continues from its checkpoint: a second catch-up applies only the new events', async () => {
    const store = await memoryStore();
    const db = readModels();
    await runnerOver(store, db).catchUp();
    const seen: number[] = [];
    const more = historyOf([...OPS, { kind: 'open', account: 9, owner: 1 }, { kind: 'deposit', account: 9, amount: 5 }]).slice(HISTORY.length);
    const last = await appendHistory(store, more);
    await runnerOver(store, db, [recording(balances(), seen), owners(), lastSeen()]).catchUp();
    expect(seen).toEqual([last - 1, last]);
    expect(checkpointsIn(db)['balances']).toBe(last);
  });

  it('answers no rows, with the declared columns, before the first build is swapped in', async () => {
    const db = readModels();
    // Creating the runner registers the projections; nothing has been read yet.
    runnerOver(await memoryStore(), db);
    expect(db.prepare('SELECT * FROM balances_accounts').all()).toEqual([]);
    expect(db.prepare('SELECT account, owner, balance FROM balances_accounts').columns().map((c) => c.name)).toEqual(['account', 'owner', 'balance']);
  });
});

describe('row changes', () => {
  const table = { name: 'rows', columns: { id: 'TEXT', a: 'TEXT', b: 'INTEGER' }, primaryKey: ['id'] } as const;
  const scripted = (changes: Record<string, Projection['apply'] extends (e: never) => infer R ? R : never>): Projection => ({
    name: 'scripted',
    version: 1,
    description: 'changes given per event type',
    eventTypes: Object.keys(changes),
    tables: [table],
    apply: (e) => changes[e.type] ?? [],
  });
  const storeOf = async (types: ReadonlyArray<string>): Promise<EventStore> => {
    const store = createMemoryStore();
    const base = historyOf([{ kind: 'note', account: 0 }])[0];
    if (base === undefined) throw new Error('no event');
    await appendHistory(store, types.map((type) => ({ streamId: 'x-1', event: { ...base.event, type } })));
    return store;
  };

  it('an upsert inserts, then sets only the columns it gives; a key-only upsert leaves the row; a delete removes it', async () => {
    const projection = scripted({
      Insert: [{ kind: 'upsert', table: 'rows', row: { id: 'r', a: 'first', b: 1 } }],
      SetB: [{ kind: 'upsert', table: 'rows', row: { id: 'r', b: 2 } }],
      Touch: [{ kind: 'upsert', table: 'rows', row: { id: 'r' } }],
      Other: [{ kind: 'upsert', table: 'rows', row: { b: 9, id: 's' } }],
      Delete: [{ kind: 'delete', table: 'rows', key: { id: 's' } }],
    });
    const db = readModels();
    const store = await storeOf(['Insert', 'SetB', 'Touch', 'Other']);
    const runner = runnerOver(store, db, [projection]);
    await runner.catchUp();
    expect(db.prepare('SELECT * FROM scripted_rows ORDER BY id').all()).toEqual([
      { id: 'r', a: 'first', b: 2 },
      { id: 's', a: null, b: 9 },
    ]);
    await appendHistory(store, [{ streamId: 'x-1', event: { ...(HISTORY[0]?.event ?? fail()), type: 'Delete' } }]);
    await runner.catchUp();
    expect(db.prepare('SELECT * FROM scripted_rows ORDER BY id').all()).toEqual([{ id: 'r', a: 'first', b: 2 }]);
  });

  it.each<[string, Projection, RegExp]>([
    ['a table it does not declare', scripted({ Insert: [{ kind: 'upsert', table: 'nope', row: { id: 'r' } }] }), /does not declare/],
    ['a column it does not declare', scripted({ Insert: [{ kind: 'upsert', table: 'rows', row: { id: 'r', c: 1 } }] }), /column "c" is not declared/],
    ['an upsert without its key', scripted({ Insert: [{ kind: 'upsert', table: 'rows', row: { a: 'x' } }] }), /without key column id/],
    ['a delete by something else than the key', scripted({ Insert: [{ kind: 'delete', table: 'rows', key: { a: 'x' } }] }), /exactly the key/],
    ['text in an INTEGER column (STRICT tables)', scripted({ Insert: [{ kind: 'upsert', table: 'rows', row: { id: 'r', b: 'many' } }] }), /INTEGER/],
  ])('fails loudly (ProjectionFailed, naming the event), committing nothing, on %s', async (_what, projection, message) => {
    const db = readModels();
    const runner = runnerOver(await storeOf(['Insert']), db, [projection]);
    await expect(runner.catchUp()).rejects.toMatchObject({
      name: 'ProjectionFailed',
      projection: 'scripted',
      position: 1,
      message: expect.stringMatching(message),
    });
    const build = db.prepare('SELECT checkpoint, state FROM runner_builds').get();
    expect(build).toEqual({ checkpoint: 0, state: 'building' });
  });
});

describe('status and lag', () => {
  it('shows version, checkpoint and lag = head − checkpoint, before and after catching up', async () => {
    const store = await memoryStore();
    const db = readModels();
    const runner = runnerOver(store, db);
    expect(await runner.status()).toEqual(
      ['balances', 'owners', 'last_seen'].map((name) => ({
        name,
        activeVersion: undefined,
        declaredVersion: 1,
        checkpoint: 0,
        lag: HISTORY.length,
        state: 'stopped',
      })),
    );
    await runner.catchUp();
    await appendHistory(store, historyOf([{ kind: 'note', account: 0 }, { kind: 'note', account: 1 }, { kind: 'note', account: 2 }]));
    const after = await runner.status();
    expect(after.map((s) => [s.name, s.activeVersion, s.checkpoint, s.lag, s.state])).toEqual([
      ['balances', 1, HISTORY.length, 3, 'stopped'],
      ['owners', 1, HISTORY.length, 3, 'stopped'],
      ['last_seen', 1, HISTORY.length, 3, 'stopped'],
    ]);
    await runner.start();
    expect(await runner.waitFor(HISTORY.length + 3, 2_000)).toBe(true);
    expect((await runner.status()).map((s) => [s.lag, s.state])).toEqual([
      [0, 'live'],
      [0, 'live'],
      [0, 'live'],
    ]);
    await runner.stop();
    expect((await runner.status()).map((s) => s.state)).toEqual(['stopped', 'stopped', 'stopped']);
  });

  it('shows a rebuild in progress with its own checkpoint', async () => {
    const gate = gated(await memoryStore());
    const db = readModels();
    const runner = runnerOver(gate.store, db);
    await runner.catchUp();
    gate.holdAfter(35);
    const rebuilding = runner.rebuild(['owners']);
    await gate.held();
    const during = (await runner.status()).find((s) => s.name === 'owners');
    expect(during).toEqual({
      name: 'owners',
      activeVersion: 1,
      declaredVersion: 1,
      checkpoint: HISTORY.length,
      lag: 0,
      state: 'rebuilding',
      // The read asks for owners' types only: the 30th of them, the last of the third batch of 10.
      rebuildCheckpoint: positionOfNth(owners().eventTypes, 30),
    });
    gate.release();
    await rebuilding;
    expect((await runner.status()).find((s) => s.name === 'owners')).not.toHaveProperty('rebuildCheckpoint');
  });
});

describe('waitFor (read-your-writes)', () => {
  it('resolves true at once when every checkpoint is there already', async () => {
    const store = await memoryStore();
    const runner = runnerOver(store, readModels());
    await runner.catchUp();
    expect(await runner.waitFor(HISTORY.length, 0)).toBe(true);
  });

  it('resolves true once the live runner has applied the position, whatever the event type', async () => {
    const store = await memoryStore();
    const runner = runnerOver(store, readModels());
    await runner.start();
    const position = await appendHistory(store, historyOf([{ kind: 'note', account: 3 }]));
    expect(await runner.waitFor(position, 5_000)).toBe(true);
  });

  it('resolves false when the timeout passes first, and when the runner stops', async () => {
    const store = await memoryStore();
    const runner = runnerOver(store, readModels());
    await runner.catchUp();
    expect(await runner.waitFor(HISTORY.length + 1, 30)).toBe(false);
    const waiting = runner.waitFor(HISTORY.length + 1, 60_000);
    await runner.start();
    await runner.stop();
    expect(await waiting).toBe(false);
  });

  it('can wait on some projections only, and refuses unknown names', async () => {
    const gate = gated(await memoryStore());
    const db = readModels();
    const runner = runnerOver(gate.store, db);
    await runner.catchUp();
    gate.holdAfter(0);
    const rebuild = runner.rebuild(['owners'], { fresh: true });
    await gate.held();
    expect(await runner.waitFor(HISTORY.length, 10, ['balances'])).toBe(true);
    expect(() => runner.waitFor(1, 10, ['nope'])).toThrow(/unknown projection/);
    gate.release();
    await rebuild;
  });

  it('sees checkpoints advanced by another connection to the same file', async () => {
    const store = await memoryStore();
    const path = file('shared-wait');
    const mine = runnerOver(store, readModels(path));
    const theirs = runnerOver(store, readModels(path));
    await mine.catchUp();
    const position = await appendHistory(store, historyOf([{ kind: 'note', account: 3 }]));
    const waiting = mine.waitFor(position, 5_000);
    await theirs.catchUp();
    expect(await waiting).toBe(true);
  });
});

describe('blue/green rebuild', () => {
  it('keeps the views answering from the old build while it fills new tables, then swaps and drops the old', async () => {
    const gate = gated(await memoryStore());
    const db = readModels();
    const runner = runnerOver(gate.store, db);
    await runner.catchUp();
    const before = contents(db, testProjections());
    // Make the old rows recognisable: the views must keep showing exactly these until the swap.
    db.prepare(`UPDATE balances_v1_b1_accounts SET owner = 'OLD BUILD'`).run();
    const marked = contents(db, [balances()]);

    gate.holdAfter(50);
    const progress: RebuildProgress[] = [];
    const rebuilding = runner.rebuild(['balances'], { onProgress: (p) => progress.push(p) });
    await gate.held();
    expect(contents(db, [balances()])).toEqual(marked);
    expect(tablesIn(db)).toContain('balances_v1_b4_accounts');
    expect(db.prepare('SELECT count(*) FROM balances_v1_b4_accounts').pluck().get()).toBeGreaterThan(0);
    gate.release();
    const report = await rebuilding;

    expect(report).toMatchObject({ complete: true, eventsRead: expect.any(Number), projections: [{ name: 'balances', build: 4, resumedFrom: 0, checkpoint: HISTORY.length, swapped: true }] });
    expect(contents(db, testProjections())).toEqual(before);
    expect(tablesIn(db).filter((t) => t.startsWith('balances'))).toEqual(['balances_v1_b4_accounts', 'balances_v1_b4_movements']);
    expect(db.prepare(`SELECT build, state FROM runner_builds WHERE projection = 'balances' ORDER BY build`).all()).toEqual([
      { build: 1, state: 'dropped' },
      { build: 4, state: 'active' },
    ]);
    // Progress: per batch, positions done out of the head, with a rate and an ETA.
    expect(progress.length).toBeGreaterThan(3);
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ projection: 'balances', version: 1, build: 4, done: HISTORY.length, total: HISTORY.length });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('rebuilds blue/green on start when the declared version is raised; the old version answers meanwhile', async () => {
    const store = await memoryStore();
    const db = readModels();
    await runnerOver(store, db).catchUp();
    const v1 = contents(db, [owners()]);

    // Version 2 of owners adds a column; the runner must build it aside while version 1 keeps answering.
    const ownersV2: Projection = {
      ...owners(2),
      tables: [{ name: 'holdings', columns: { owner: 'TEXT', account: 'TEXT', since: 'INTEGER' }, primaryKey: ['owner', 'account'] }],
      apply: (e) => owners().apply(e).map((c) => (c.kind === 'upsert' ? { ...c, row: { ...c.row, since: e.globalPosition } } : c)),
    };
    const gate = gated(store);
    gate.holdAfter(20);
    const runner = runnerOver(gate.store, db, [balances(), ownersV2, lastSeen()]);
    await runner.start();
    await gate.held();
    expect(contents(db, [owners()])).toEqual(v1);
    const during = (await runner.status()).find((s) => s.name === 'owners');
    expect(during).toMatchObject({ activeVersion: 1, declaredVersion: 2, state: 'rebuilding' });
    // The other projections are live meanwhile.
    const position = await appendHistory(store, historyOf([{ kind: 'note', account: 1 }]));
    expect(await runner.waitFor(position, 5_000, ['balances', 'last_seen'])).toBe(true);
    gate.release();
    expect(await runner.waitFor(position, 5_000)).toBe(true);
    const after = (await runner.status()).find((s) => s.name === 'owners');
    expect(after).toMatchObject({ activeVersion: 2, declaredVersion: 2, checkpoint: position, lag: 0, state: 'live' });
    const rows = db.prepare('SELECT owner, account, since FROM owners_holdings ORDER BY owner, account').all() as Array<{ since: number }>;
    expect(rows.map(({ since: _since, ...rest }) => rest)).toEqual(v1['owners_holdings']);
    expect(rows.every((r) => typeof r.since === 'number')).toBe(true);
    expect(tablesIn(db).filter((t) => t.startsWith('owners'))).toEqual(['owners_v2_b4_holdings']);
  });

  it('refuses tables changed without a version raise', async () => {
    const store = await memoryStore();
    const db = readModels();
    await runnerOver(store, db).catchUp();
    const changed: Projection = { ...owners(), tables: [{ name: 'holdings', columns: { owner: 'TEXT', account: 'TEXT', x: 'TEXT' }, primaryKey: ['owner', 'account'] }] };
    await expect(runnerOver(store, db, [changed]).catchUp()).rejects.toThrow(/raise its version/);
  });

  it('resumes an interrupted rebuild from its checkpoint, in the same tables', async () => {
    const store = await memoryStore();
    const db = readModels();
    await runnerOver(store, db).catchUp();
    await expect(runnerOver(store, db, [failingAt(balances(), 40)], 10).rebuild()).rejects.toThrow(/injected failure/);
    // Batches of 10 of balances' types: the fourth, holding its 40th event, was rolled back whole.
    const stored = db.prepare(`SELECT build, checkpoint, state FROM runner_builds WHERE projection = 'balances' AND state = 'building'`).get() as {
      build: number;
      checkpoint: number;
    };
    expect(stored.checkpoint).toBe(positionOfNth(balances().eventTypes, 30));
    const seen: number[] = [];
    const report = await runnerOver(store, db, [recording(balances(), seen)], 10).rebuild();
    expect(report.projections[0]).toMatchObject({ build: stored.build, resumedFrom: stored.checkpoint, swapped: true });
    expect(Math.min(...seen)).toBeGreaterThan(stored.checkpoint);
    const clean = readModels();
    await runnerOver(store, clean).catchUp();
    expect(contents(db, testProjections())).toEqual(contents(clean, testProjections()));
  });

  it('with fresh: true, starts again from 0 instead of resuming', async () => {
    const store = await memoryStore();
    const db = readModels();
    await runnerOver(store, db).catchUp();
    await expect(runnerOver(store, db, [failingAt(balances(), 40)], 10).rebuild()).rejects.toThrow(/injected failure/);
    const report = await runnerOver(store, db, testProjections(), 10).rebuild(['balances'], { fresh: true });
    expect(report.projections[0]).toMatchObject({ resumedFrom: 0, swapped: true });
    expect(db.prepare(`SELECT count(*) FROM runner_builds WHERE state NOT IN ('active', 'dropped')`).pluck().get()).toBe(0);
  });
});

describe('two processes sharing one read-model file (the service live, an operator rebuilding)', () => {
  it('the live runner notices the swap made by the other connection and continues on the new build', async () => {
    const path = file('shared');
    const storePath = file('shared-store');
    const store = openSqliteStore({ path: storePath, pollIntervalMs: 20 });
    cleanups.push(() => store.close());
    await appendHistory(store, HISTORY);
    const serviceDb = readModels(path);
    const service = runnerOver(store, serviceDb);
    await service.start();

    const operatorStore = openSqliteStore({ path: storePath });
    cleanups.push(() => operatorStore.close());
    const operator = runnerOver(operatorStore, readModels(path), testProjections(), 25);
    const report = await operator.rebuild();
    expect(report.complete).toBe(true);

    const position = await appendHistory(store, historyOf([...OPS, { kind: 'open', account: 11, owner: 2 }]).slice(HISTORY.length));
    expect(await service.waitFor(position, 5_000)).toBe(true);
    const active = serviceDb.prepare(`SELECT build FROM runner_builds WHERE state = 'active' ORDER BY build`).pluck().all();
    expect(active).toEqual(report.projections.map((p) => p.build));
    expect(serviceDb.prepare(`SELECT owner FROM balances_accounts WHERE account = 'a11'`).pluck().get()).toBe('owner-2');
    const clean = readModels();
    await runnerOver(store, clean).catchUp();
    expect(contents(serviceDb, testProjections())).toEqual(contents(clean, testProjections()));
  });

  it.each([
    ['on its next idle check', 20, false],
    ['with its next batch', 60_000, true],
  ])('a build swapped in by the other process behind the live position is caught up from its own checkpoint, %s', async (_when, pollIntervalMs, appendAfter) => {
    const store = await memoryStore();
    const path = file('behind');
    await runnerOver(store, readModels(path)).catchUp();
    const v2 = [balances(2), owners(), lastSeen()];

    // The service runs version 2 of balances; its own build of it is held at the start.
    const gate = gated(store);
    gate.holdAfter(0);
    const serviceDb = readModels(path);
    const service = createProjectionRunner({ store: gate.store, db: serviceDb, projections: v2, batchSize: 10, pollIntervalMs });
    cleanups.push(() => service.stop());
    cleanups.push(() => gate.release());
    await service.start();
    await gate.held();
    const more = historyOf([...OPS, { kind: 'open', account: 13, owner: 4 }, { kind: 'deposit', account: 13, amount: 3 }, { kind: 'note', account: 13 }]);
    let position = await appendHistory(store, more.slice(HISTORY.length, -1));
    expect(await service.waitFor(position, 5_000, ['owners', 'last_seen'])).toBe(true);

    // Another process, reading a replica that has only the first HISTORY.length events, finishes the same build
    // and swaps it in: its checkpoint is behind the events the service has already followed.
    const report = await runnerOver(upTo(store, HISTORY.length), readModels(path), v2).rebuild(['balances']);
    expect(report.projections[0]).toMatchObject({ checkpoint: HISTORY.length, swapped: true });
    if (appendAfter) position = await appendHistory(store, more.slice(-1));

    expect(await service.waitFor(position, 5_000)).toBe(true);
    gate.release();
    const clean = readModels();
    await runnerOver(store, clean, v2).catchUp();
    expect(contents(serviceDb, v2)).toEqual(contents(clean, v2));
    expect(serviceDb.prepare(`SELECT balance FROM balances_accounts WHERE account = 'a13'`).pluck().get()).toBe(3);
  });

  it('two connections rebuilding the same build at once end equal to one clean rebuild', async () => {
    const store = await memoryStore();
    const path = file('both');
    const a = runnerOver(store, readModels(path), testProjections(), 7);
    const b = runnerOver(store, readModels(path), testProjections(), 13);
    const [ra, rb] = await Promise.all([a.catchUp(), b.catchUp()]).then(() => Promise.all([a.rebuild(), b.rebuild()]));
    expect(ra.complete || rb.complete).toBe(true);
    const clean = readModels();
    await runnerOver(store, clean).catchUp();
    expect(contents(readModels(path), testProjections())).toEqual(contents(clean, testProjections()));
  });
});

describe('start and stop', () => {
  it('stop() during the first catch-up ends it after the current batch, and start() returns', async () => {
    const store = await memoryStore();
    const db = readModels();
    await runnerOver(store, db).catchUp();
    await appendHistory(store, historyOf(syntheticOps(300, 8, 5)));
    const gate = gated(store);
    const runner = runnerOver(gate.store, db, testProjections(), 10);
    gate.holdAfter(25);
    const starting = runner.start();
    await gate.held();
    const stopping = runner.stop();
    gate.release();
    await starting;
    await stopping;
    const checkpoints = Object.values(checkpointsIn(db));
    // Two batches of 10 were committed before the hold; the third, under way, was the last.
    expect(new Set(checkpoints).size).toBe(1);
    expect(checkpoints[0]).toBeGreaterThan(HISTORY.length);
    expect(checkpoints[0]).toBeLessThan(HISTORY.length + 300);
    expect((await runner.status()).map((s) => s.state)).toEqual(['stopped', 'stopped', 'stopped']);
  });

  it('start() again after stop() continues from the checkpoints', async () => {
    const store = await memoryStore();
    const runner = runnerOver(store, readModels());
    await runner.start();
    await runner.stop();
    const position = await appendHistory(store, historyOf([{ kind: 'note', account: 1 }]));
    await runner.start();
    expect(await runner.waitFor(position, 5_000)).toBe(true);
  });
});

describe('sharing the event loop', () => {
  it('lets timers and I/O run between the batches of a long rebuild (the service keeps answering)', async () => {
    const store = await memoryStore(historyOf(syntheticOps(2_000, 50, 3)));
    const runner = runnerOver(store, readModels(), testProjections(), 100);
    let turns = 0;
    let done = false;
    const turn = (): void => {
      turns += 1;
      if (!done) setImmediate(turn);
    };
    setImmediate(turn);
    const report = await runner.rebuild();
    done = true;
    const batches = Math.floor(report.eventsRead / 100);
    expect(batches).toBeGreaterThan(10);
    expect(turns).toBeGreaterThanOrEqual(batches - 1);
  });
});

describe('measureRebuild (for pnpm bench)', () => {
  it('rebuilds and reports the events read, seconds, rate and peak RSS', async () => {
    const store = await memoryStore();
    const db = readModels();
    const measured = await measureRebuild({ store, db, projections: testProjections(), batchSize: 50 });
    expect(measured).toMatchObject({ events: HISTORY.length, positions: HISTORY.length, report: { complete: true } });
    expect(measured.seconds).toBeGreaterThan(0);
    expect(measured.eventsPerSecond).toBeCloseTo(measured.events / measured.seconds, 3);
    expect(measured.peakRssBytes).toBeGreaterThanOrEqual(measured.rssBeforeBytes);
    expect(measured.rssBeforeBytes).toBeGreaterThan(0);
    expect(contents(db, [balances()])['balances_accounts']).toEqual(expectedAccounts());
  });
});

describe('failures while live', () => {
  it('reports a projection that throws to onError and stops answering waitFor', async () => {
    const store = await memoryStore();
    const errors: unknown[] = [];
    const db = readModels();
    await runnerOver(store, db).catchUp();
    const runner = createProjectionRunner({ store, db, projections: [failingAt(balances(), 1)], pollIntervalMs: 20, onError: (e) => errors.push(e) });
    cleanups.push(() => runner.stop());
    await runner.start();
    const position = await appendHistory(store, historyOf([{ kind: 'open', account: 12, owner: 1 }]));
    expect(await runner.waitFor(position, 2_000)).toBe(false);
    expect(String(errors[0])).toMatch(/injected failure/);
    expect((await runner.status())[0]?.state).toBe('stopped');
  });
});
