/**
 * Laws of the runner over random histories, on the memory store and on a real SQLite store (a temp file):
 * - an incremental run (random batch sizes, catch-up in several steps, live follow) ends equal to a rebuild
 *   from scratch;
 * - events delivered again (duplicated batches, batch boundaries moved back over events already seen) change
 *   nothing;
 * - a rebuild that fails midway resumes from the checkpoint stored in the database (and only from there) and
 *   ends equal to a clean rebuild;
 * - during a rebuild, after every committed batch, the views answer exactly what the old build held; after
 *   the swap, what a clean rebuild holds.
 */
import type Database from 'better-sqlite3';
import * as fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, openSqliteStore, type EventStore } from '@kinerja/eventstore';
import type { Projection } from '../projection';
import { createProjectionRunner } from './runner';
import {
  accountOp,
  appendHistory,
  balances,
  checkpointsIn,
  contents,
  failingAt,
  historyOf,
  owners,
  lastSeen,
  recording,
  redelivering,
  testProjections,
  type AccountOp,
} from './runner.testkit';
import { openReadModelDb } from './schema';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-runner-laws-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;

// A failing property shrinks its counterexample, which takes longer than a passing run.
jest.setTimeout(60_000);

type Backend = Readonly<{ name: string; open: () => EventStore; runs: number }>;
const backends: ReadonlyArray<Backend> = [
  { name: 'memory store', open: () => createMemoryStore(), runs: 40 },
  { name: 'SQLite store (temp file)', open: () => openSqliteStore({ path: join(dir, `store-${++files}.db`), pollIntervalMs: 10 }), runs: 12 },
];

const PROJECTIONS = testProjections();

/** Opens account 0 first, so that the history has at least one event. */
const withAnAccount = (ops: ReadonlyArray<AccountOp>): ReadonlyArray<AccountOp> => [{ kind: 'open', account: 0, owner: 0 }, ...ops];

/** A rebuild from scratch, in one catch-up with big batches: what every other run must end equal to. */
const cleanContents = async (store: EventStore): Promise<Record<string, unknown[]>> => {
  const db = openReadModelDb(':memory:');
  try {
    await createProjectionRunner({ store, db, projections: PROJECTIONS, batchSize: 1_000 }).catchUp();
    return contents(db, PROJECTIONS);
  } finally {
    db.close();
  }
};

/** One step of an incremental run: append some events, then catch up, or follow them live. */
type Step = Readonly<{ ops: ReadonlyArray<AccountOp>; batchSize: number; how: 'catch-up' | 'live' }>;
const step: fc.Arbitrary<Step> = fc.record({
  ops: fc.array(accountOp, { maxLength: 40 }),
  batchSize: fc.integer({ min: 1, max: 25 }),
  how: fc.constantFrom('catch-up' as const, 'live' as const),
});

/** Runs the steps against `db`; the store the runners read may be a wrapper of the one appended to. */
const runSteps = async (store: EventStore, readFrom: EventStore, db: Database.Database, steps: ReadonlyArray<Step>): Promise<number> => {
  const ops: AccountOp[] = [];
  let appended = 0;
  let head = 0;
  for (const s of steps) {
    ops.push(...s.ops);
    // The whole history is regenerated so that it stays valid across steps; only the new part is appended.
    const history = historyOf(ops);
    const fresh = history.slice(appended);
    appended = history.length;
    const runner = createProjectionRunner({ store: readFrom, db, projections: PROJECTIONS, batchSize: s.batchSize, pollIntervalMs: 10 });
    if (s.how === 'catch-up') {
      head = Math.max(head, await appendHistory(store, fresh));
      await runner.catchUp();
    } else {
      await runner.start();
      head = Math.max(head, await appendHistory(store, fresh));
      expect(await runner.waitFor(head, 10_000)).toBe(true);
      await runner.stop();
    }
  }
  return head;
};

describe.each(backends)('on the $name', ({ open, runs }) => {
  const withStore = async <A>(use: (store: EventStore) => Promise<A>): Promise<A> => {
    const store = open();
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  };

  it('an incremental run (random batches, catch-ups and live follow) equals a rebuild from scratch', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), (steps) =>
        withStore(async (store) => {
          const db = openReadModelDb(':memory:');
          try {
            const head = await runSteps(store, store, db, steps);
            expect(contents(db, PROJECTIONS)).toEqual(await cleanContents(store));
            expect(Object.values(checkpointsIn(db))).toEqual([head, head, head]);
          } finally {
            db.close();
          }
        }),
      ),
      { numRuns: runs },
    );
  });

  it('events delivered again (duplicated batches, boundaries moved back) change nothing', async () => {
    const redelivery = fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10 })), {
      minLength: 1,
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), redelivery, (steps, plan) =>
        withStore(async (store) => {
          const db = openReadModelDb(':memory:');
          try {
            await runSteps(store, redelivering(store, plan), db, steps);
            expect(contents(db, PROJECTIONS)).toEqual(await cleanContents(store));
          } finally {
            db.close();
          }
        }),
      ),
      { numRuns: runs },
    );
  });

  it('a rebuild that fails midway resumes from its stored checkpoint and ends equal to a clean rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(accountOp, { minLength: 1, maxLength: 150 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 150 }),
        (ops, batchSize, failAt) =>
          withStore(async (store) => {
            await appendHistory(store, historyOf(withAnAccount(ops)));
            const db = openReadModelDb(':memory:');
            try {
              await createProjectionRunner({ store, db, projections: PROJECTIONS, batchSize }).catchUp();
              // The rebuild of all three fails at balances' failAt-th event, if it has that many.
              const failing: ReadonlyArray<Projection> = [failingAt(balances(), failAt), owners(), lastSeen()];
              const first = createProjectionRunner({ store, db, projections: failing, batchSize }).rebuild();
              const handled = historyOf(withAnAccount(ops)).filter((h) => balances().eventTypes.includes(h.event.type)).length;
              if (failAt > handled) {
                expect((await first).complete).toBe(true);
                return;
              }
              await expect(first).rejects.toThrow(/injected failure/);
              const stored = db
                .prepare(`SELECT projection, build, checkpoint FROM runner_builds WHERE state = 'building' ORDER BY build`)
                .all() as Array<{ projection: string; build: number; checkpoint: number }>;
              expect(stored.map((s) => s.projection)).toEqual(['balances', 'owners', 'last_seen']);

              const seen: number[] = [];
              const report = await createProjectionRunner({
                store,
                db,
                projections: [recording(balances(), seen), owners(), lastSeen()],
                batchSize,
              }).rebuild();
              expect(report.complete).toBe(true);
              expect(report.projections.map((p) => [p.name, p.build, p.resumedFrom])).toEqual(stored.map((s) => [s.projection, s.build, s.checkpoint]));
              const balancesFrom = stored[0]?.checkpoint ?? -1;
              expect(seen.every((position) => position > balancesFrom)).toBe(true);
              expect(contents(db, PROJECTIONS)).toEqual(await cleanContents(store));
            } finally {
              db.close();
            }
          }),
      ),
      { numRuns: runs },
    );
  });

  it('during a rebuild the views answer the old build after every batch, and the new one after the swap', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(accountOp, { minLength: 1, maxLength: 120 }), fc.integer({ min: 1, max: 15 }), (ops, batchSize) =>
        withStore(async (store) => {
          await appendHistory(store, historyOf(withAnAccount(ops)));
          const db = openReadModelDb(':memory:');
          try {
            await createProjectionRunner({ store, db, projections: PROJECTIONS, batchSize }).catchUp();
            // Mark the old build's rows, so that what the views show tells the builds apart.
            db.prepare(`UPDATE balances_v1_b1_accounts SET owner = 'old build'`).run();
            db.prepare(`UPDATE last_seen_v1_b3_streams SET type = 'old build'`).run();
            const old = contents(db, PROJECTIONS);
            let batches = 0;
            await createProjectionRunner({ store, db, projections: PROJECTIONS, batchSize }).rebuild(undefined, {
              onProgress: () => {
                batches += 1;
                expect(contents(db, PROJECTIONS)).toEqual(old);
              },
            });
            expect(batches).toBeGreaterThan(0);
            expect(contents(db, PROJECTIONS)).toEqual(await cleanContents(store));
          } finally {
            db.close();
          }
        }),
      ),
      { numRuns: runs },
    );
  });
});
