/**
 * Reliability (issue 9): the read models do not depend on how the log was cut into batches.
 *
 * Over a seeded history (`seedHistory` through the real engine, on a real SQLite store), the real projection
 * runner and every read model (`READ_MODELS`) are driven through random runs, and each run must end with views
 * equal to a clean rebuild (one catch-up, batches of 1,000) and every checkpoint at the head:
 * - batch boundaries anywhere: a random batch size per phase, and the log revealed in random prefixes, so that
 *   phases end (and the next begins) at arbitrary positions;
 * - duplicated batches: the store re-delivers stretches of events it already handed out (the boundaries moved back
 *   over events already applied), in catch-up reads and in the live feed; and two runners catch up on the same
 *   database at once, with different batch sizes (another process working on the same builds);
 * - reordered phases and projections: catch-up, live follow and a blue/green rebuild come in random order, and
 *   each runner gets the read models in a random order (which projection a batch is applied to first).
 * The log's own order is the port's contract (readAll is in global order), so events are never handed out of
 * order; only the cutting and the repetition vary.
 *
 * Quick: 2 tenants x 21 employees, 1 year (about 1,900 events), 20 runs. `RELIABILITY_LONG=1`: 5 tenants, 300
 * employees, 2 years, 50 runs.
 */
import * as fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { join } from 'node:path';
import { SEED_TENANTS, seedHistory } from '@kinerja/engine';
import { openSqliteStore, type EventEnvelope, type EventStore, type ReadAllOptions, type SqliteEventStore, type Subscription } from '@kinerja/eventstore';
import { createProjectionRunner, openReadModelDb, READ_MODELS, type Projection } from '@kinerja/projections';
import { LONG, readModelCheckpoints, readModelViews, removeDir, tempDir } from './reliability.testkit';

const SEED = LONG
  ? { employees: 300, years: 2, tenants: undefined }
  : { employees: 42, years: 1, tenants: SEED_TENANTS.map((t) => t.tenant).filter((t) => t === 'salatiga' || t === 'surabaya') };
const RUNS = LONG ? 50 : 20;

let dir: string;
let store: SqliteEventStore;
let head: number;
let clean: Record<string, unknown[]>;
let seedSeconds: number;

beforeAll(async () => {
  dir = tempDir('projections');
  store = openSqliteStore({ path: join(dir, 'kinerja.db') });
  const started = Date.now();
  const report = await seedHistory({
    store,
    employees: SEED.employees,
    years: SEED.years,
    seed: 'reliability',
    ...(SEED.tenants === undefined ? {} : { tenants: SEED.tenants }),
  });
  seedSeconds = (Date.now() - started) / 1000;
  expect(report.refusals).toBe(0);
  const h = await store.headPosition();
  if (isLeft(h)) throw new Error(h.left.reason);
  head = h.right;
  const db = openReadModelDb(':memory:');
  try {
    await createProjectionRunner({ store, db, projections: READ_MODELS, batchSize: 1_000 }).catchUp();
    clean = readModelViews(db);
  } finally {
    db.close();
  }
}, 600_000);

afterAll(async () => {
  await store?.close();
  removeDir(dir);
});

// ---------------------------------------------------------------------------------------------------------
// A view of the store: only the first `cut` positions exist, and stretches already handed out come again.

/** After every `every` events handed out, hand out again the last `back` of them (at most 64 remembered). */
type Redelivery = Readonly<{ every: number; back: number }>;

const redelivered = async function* (source: AsyncIterable<EventEnvelope>, cut: number, plan: Redelivery | undefined): AsyncGenerator<EventEnvelope> {
  const recent: EventEnvelope[] = [];
  let count = 0;
  for await (const event of source) {
    if (event.globalPosition > cut) break;
    yield event;
    if (plan === undefined) continue;
    recent.push(event);
    if (recent.length > 64) recent.shift();
    count += 1;
    if (count % plan.every === 0) yield* recent.slice(-plan.back);
  }
  if (plan !== undefined) yield* recent.slice(-plan.back);
};

const prefixOf = (inner: EventStore, cut: number, plan: Redelivery | undefined): EventStore => ({
  ...inner,
  headPosition: async () => {
    const h = await inner.headPosition();
    return isLeft(h) ? h : { _tag: 'Right', right: Math.min(cut, h.right) };
  },
  readAll: (from: number, options?: ReadAllOptions) => redelivered(inner.readAll(from, options), cut, plan),
  subscribe: (from: number, options?: ReadAllOptions): Subscription => {
    // The stored events up to the cut (re-delivered as planned), then nothing until closed: the log "holds still".
    let closed: () => void = () => undefined;
    const closing = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const events = redelivered(inner.readAll(from, options), cut, plan);
    let ended = false;
    const iterator: AsyncIterator<EventEnvelope> = {
      next: async () => {
        if (ended) return { done: true, value: undefined };
        const next = await events.next();
        if (next.done !== true) return next;
        await closing;
        return { done: true, value: undefined };
      },
      return: async () => {
        ended = true;
        closed();
        return { done: true, value: undefined };
      },
    };
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        ended = true;
        closed();
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------------------

type Phase = Readonly<{
  /** Where the log ends during this phase, as a fraction of the head (the last phase always reaches the head). */
  upTo: number;
  how: 'catch-up' | 'live' | 'rebuild' | 'twin';
  batchSize: number;
  otherBatchSize: number;
  redelivery: Redelivery | undefined;
  /** A permutation seed for the order of the read models given to the runner. */
  order: number;
}>;

const phase: fc.Arbitrary<Phase> = fc.record({
  upTo: fc.integer({ min: 0, max: 1_000 }).map((n) => n / 1_000),
  how: fc.constantFrom('catch-up' as const, 'live' as const, 'rebuild' as const, 'twin' as const),
  batchSize: fc.oneof(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 8, max: 300 }), fc.constant(1_000)),
  otherBatchSize: fc.integer({ min: 2, max: 400 }),
  redelivery: fc.option(fc.record({ every: fc.integer({ min: 1, max: 200 }), back: fc.integer({ min: 1, max: 64 }) }), { nil: undefined }),
  order: fc.nat(),
});

const shuffled = (projections: ReadonlyArray<Projection>, seed: number): ReadonlyArray<Projection> => {
  const out = [...projections];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as Projection, out[i] as Projection];
  }
  return out;
};

const runPhase = async (db: ReturnType<typeof openReadModelDb>, p: Phase, cut: number): Promise<void> => {
  const view = prefixOf(store, cut, p.redelivery);
  const runner = (batchSize: number) =>
    createProjectionRunner({ store: view, db, projections: shuffled(READ_MODELS, p.order), batchSize, pollIntervalMs: 10 });
  switch (p.how) {
    case 'catch-up':
      await runner(p.batchSize).catchUp();
      return;
    case 'twin':
      await Promise.all([runner(p.batchSize).catchUp(), runner(p.otherBatchSize).catchUp()]);
      return;
    case 'rebuild': {
      const report = await runner(p.batchSize).rebuild();
      expect(report.complete).toBe(true);
      return;
    }
    case 'live': {
      const live = runner(p.batchSize);
      await live.start();
      try {
        expect(await live.waitFor(cut, 60_000)).toBe(true);
      } finally {
        await live.stop();
      }
    }
  }
};

it(
  `over a seeded history, random batch boundaries, re-delivered batches, twin runners and reordered phases end equal to a clean rebuild (${RUNS} runs)`,
  async () => {
    const figures = { runs: 0, phases: 0, seconds: 0 };
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(phase, { minLength: 1, maxLength: 5 }), async (phases) => {
        const db = openReadModelDb(':memory:');
        try {
          // Cuts rise (a log only grows); the last phase sees the whole log.
          const cuts = phases.map((p) => Math.floor(p.upTo * head)).sort((a, b) => a - b);
          cuts[cuts.length - 1] = head;
          for (const [i, p] of phases.entries()) await runPhase(db, p, cuts[i] as number);
          expect(readModelViews(db)).toEqual(clean);
          expect(Object.values(readModelCheckpoints(db))).toEqual(READ_MODELS.map(() => head));
          figures.phases += phases.length;
          figures.runs += 1;
        } finally {
          db.close();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    figures.seconds = (Date.now() - started) / 1000;
    const rows = Object.values(clean).reduce((sum, r) => sum + r.length, 0);
    process.stdout.write(`projection figures: ${JSON.stringify({ events: head, readModelRows: rows, seedSeconds, ...figures })}\n`);
  },
  LONG ? 3_600_000 : 120_000,
);
