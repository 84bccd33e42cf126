/**
 * The runner over the EventStoreDB adapter, through the real `@eventstore/db-client` over real gRPC, against the
 * in-repo test server on 127.0.0.1 (test/eventstoredb-server/). Positions there are commit positions (not
 * gapless), and `$all` also holds events that are not kinerja envelopes: the runner must neither care nor
 * stall. As a service replica would: its own read-model database, filled from a catch-up and a live
 * subscription.
 */
import { isLeft } from 'fp-ts/Either';
import { createMemoryStore, openEventStoreDbStore, type EventStore, type NewEvent } from '@kinerja/eventstore';
import { startTestEventStoreDb, type TestEventStoreDb } from '../../../../test/eventstoredb-server/server';
import { createProjectionRunner } from './runner';
import { appendHistory, balances, contents, historyOf, owners, syntheticOps, testProjections } from './runner.testkit';
import { openReadModelDb } from './schema';

jest.setTimeout(20_000);

const PROJECTIONS = testProjections();
const HISTORY = historyOf(syntheticOps(120, 6, 99));
const FIRST = HISTORY.slice(0, 70);
const REST = HISTORY.slice(70);

let server: TestEventStoreDb;
let store: EventStore;

beforeAll(async () => {
  server = await startTestEventStoreDb();
  store = openEventStoreDbStore({ connectionString: server.connectionString });
});
afterAll(async () => {
  await store?.close();
  await server?.stop();
});

/** One append at a time: the adapter appends to a stream at the exact revision it has just read. */
const appendInOrder = async (target: EventStore, history: ReadonlyArray<Readonly<{ streamId: string; event: NewEvent }>>): Promise<number> => {
  let last = 0;
  for (const { streamId, event } of history) {
    const result = await target.append(streamId, [event], 'any');
    if (isLeft(result)) throw new Error(`append failed: ${JSON.stringify(result.left)}`);
    last = result.right.lastPosition;
  }
  return last;
};

it('catches up, follows live, reports no lag, and ends equal to a rebuild, on EventStoreDB', async () => {
  const db = openReadModelDb(':memory:');
  const runner = createProjectionRunner({ store, db, projections: PROJECTIONS, batchSize: 16, pollIntervalMs: 20 });
  try {
    const first = await appendInOrder(store, FIRST);
    await runner.start();
    expect(await runner.waitFor(first, 5_000)).toBe(true);
    const last = await appendInOrder(store, REST);
    expect(last).toBeGreaterThan(first);
    expect(await runner.waitFor(last, 5_000)).toBe(true);
    const status = await runner.status();
    expect(status.map((s) => [s.checkpoint, s.lag, s.state])).toEqual(PROJECTIONS.map(() => [last, 0, 'live']));

    // A rebuild from scratch into a second replica's database, and blue/green in this one, give the same rows.
    const other = openReadModelDb(':memory:');
    try {
      await createProjectionRunner({ store, db: other, projections: PROJECTIONS, batchSize: 50 }).catchUp();
      expect(contents(db, PROJECTIONS)).toEqual(contents(other, PROJECTIONS));
    } finally {
      other.close();
    }
    const before = contents(db, PROJECTIONS);
    const report = await runner.rebuild();
    expect(report.complete).toBe(true);
    expect(contents(db, PROJECTIONS)).toEqual(before);

    // The tables that hold no positions are the same as from the memory store, whose positions are 1, 2, 3, …
    const memory = createMemoryStore();
    await appendHistory(memory, HISTORY);
    const fromMemory = openReadModelDb(':memory:');
    try {
      await createProjectionRunner({ store: memory, db: fromMemory, projections: PROJECTIONS }).catchUp();
      const positionless = [balances(), owners()];
      const { balances_movements: _a, ...esdbRows } = contents(db, positionless);
      const { balances_movements: _b, ...memoryRows } = contents(fromMemory, positionless);
      expect(esdbRows).toEqual(memoryRows);
    } finally {
      fromMemory.close();
    }
  } finally {
    await runner.stop();
    db.close();
  }
});
