/**
 * The EventStoreDB adapter against a server, through the real `@eventstore/db-client` over real gRPC.
 *
 * - With `EVENTSTORE_URL` set (e.g. `esdb://127.0.0.1:2113?tls=false`), against that server. Only a throwaway
 *   database: the tests write to fresh streams and to a `$stats-` stream, and read all of `$all`.
 * - Without it, against the in-repo test server (test/eventstoredb-server/), started on 127.0.0.1 at an
 *   ephemeral port. Tests that need to steer that server (stop it, make it refuse, count what it did) run only
 *   then.
 *
 * Everything is bounded in time: every wait on the store is raced against a timer.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent, type ResolvedEvent } from '@eventstore/db-client';
import { isLeft, type Either } from 'fp-ts/Either';
import { startTestEventStoreDb, type TestEventStoreDb } from '../../../../test/eventstoredb-server/server';
import { changeOneByteOfJson, describeEventStoreContract } from '../contract/contract.testkit';
import { exampleMetadata } from '../contract/example-events.testkit';
import type { EventEnvelope, Json, NewEvent } from '../envelope';
import { StoreUnavailableError, type EventStore } from '../port';
import { verify } from '../verify';
import { openEventStoreDbStore, serverEventId } from './eventstoredb-store';

const externalUrl = process.env['EVENTSTORE_URL'];
const onFixture = externalUrl === undefined;
/** Tests that steer the in-repo server; skipped against a real one. */
const itOnFixture = onFixture ? it : it.skip;

jest.setTimeout(20_000);

const TIMED_OUT = Symbol('timed out');

const within = async <A>(promise: Promise<A>, ms: number): Promise<A | typeof TIMED_OUT> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/** The promise's value within `ms`, or a failed test (never a hung one). */
const settled = async <A>(promise: Promise<A>, ms = 5_000): Promise<A> => {
  const result = await within(promise, ms);
  if (result === TIMED_OUT) throw new Error(`no answer within ${ms} ms`);
  return result;
};

const rightOf = <E, A>(either: Either<E, A>): A => {
  if (isLeft(either)) throw new Error(`expected Right, got Left: ${JSON.stringify(either.left)}`);
  return either.right;
};

const leftOf = <E, A>(either: Either<E, A>): E => {
  if (!isLeft(either)) throw new Error(`expected Left, got Right: ${JSON.stringify(either.right)}`);
  return either.left;
};

const collect = async <A>(iterable: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = [];
  for await (const a of iterable) out.push(a);
  return out;
};

const event = (type: string, data: Json, eventId?: string): NewEvent => ({
  ...(eventId === undefined ? {} : { eventId }),
  type,
  schemaVersion: 1,
  data,
  metadata: exampleMetadata(),
});

let counter = 0;
const freshStream = (category: string): string => {
  counter += 1;
  return `${category}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}n${counter}`;
};

/** A server for one describe block: the external one, or a fresh test server. */
const useServer = (options: Parameters<typeof startTestEventStoreDb>[0] = {}) => {
  const state: { server?: TestEventStoreDb } = {};
  beforeAll(async () => {
    if (onFixture) state.server = await startTestEventStoreDb(options);
  });
  afterAll(async () => {
    await state.server?.stop();
  });
  return {
    connectionString: (): string => state.server?.connectionString ?? externalUrl ?? '',
    fixture: (): TestEventStoreDb => {
      if (state.server === undefined) throw new Error('only on the test server');
      return state.server;
    },
  };
};

/** Stores opened by a test, closed after it. */
const useStores = (connectionString: () => string) => {
  const open: EventStore[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => settled(store.close())));
  });
  return (options: Omit<Parameters<typeof openEventStoreDbStore>[0], 'connectionString'> = {}): EventStore => {
    const store = openEventStoreDbStore({ connectionString: connectionString(), ...options });
    open.push(store);
    return store;
  };
};

describe('EventStoreDB adapter', () => {
  describe('the contract', () => {
    const server = useServer();
    describeEventStoreContract('eventstoredb', async ({ clock }) => {
      const store = openEventStoreDbStore({ connectionString: server.connectionString(), clock });
      return {
        store,
        gapless: false,
        eventIdsUniqueAcrossStreams: false,
        ...(onFixture
          ? {
              tamper: async (streamId: string, streamVersion: number) =>
                server.fixture().tamper(streamId, streamVersion, changeOneByteOfJson),
            }
          : {}),
        cleanup: () => store.close(),
      };
      // Every append is three round trips (head, append, read back): the contract's 50-writer race makes
      // about 1300 attempts, a few seconds here, more on a loaded machine or a remote server.
    }, { timeoutMs: 40_000 });
  });

  describe('storage layout and ids', () => {
    const server = useServer();
    const openStore = useStores(server.connectionString);
    const raw = (): EventStoreDBClient => EventStoreDBClient.connectionString(server.connectionString());

    const rawEvents = async (client: EventStoreDBClient, streamId: string): Promise<ResolvedEvent[]> =>
      settled(collect(client.readStream(streamId)));

    it('stores data as the event payload and the envelope metadata (recordedAt, prevHash, hash, schemaVersion) as its metadata', async () => {
      const store = openStore({ clock: () => new Date('2026-02-01T00:00:00.000Z') });
      const streamId = freshStream('plan');
      const id = randomUUID();
      const [stored] = rightOf(await settled(store.append(streamId, [event('PlanDrafted', { title: 'Rencana' }, id)], 'no-stream'))).events;
      const client = raw();
      try {
        const [recorded] = await rawEvents(client, streamId);
        expect(recorded?.event).toMatchObject({
          id,
          type: 'PlanDrafted',
          streamId,
          revision: 0n,
          isJson: true,
          data: { title: 'Rencana' },
          metadata: {
            ...exampleMetadata(),
            recordedAt: '2026-02-01T00:00:00.000Z',
            prevHash: stored?.metadata.prevHash,
            hash: stored?.metadata.hash,
            schemaVersion: 1,
            $correlationId: 'corr-1',
            $causationId: 'cmd-1',
          },
        });
        // A UUID is the server's id as it is: nothing else is kept.
        expect(recorded?.event?.metadata).not.toHaveProperty('eventId');
        expect(stored?.globalPosition).toBe(Number(recorded?.event?.position?.commit));
      } finally {
        await client.dispose();
      }
    });

    it('gives an id that is not a UUID a name-based UUID on the server, the same one every time, and reads the id back as given', async () => {
      const store = openStore();
      const streamId = freshStream('plan');
      const appended = rightOf(await settled(store.append(streamId, [event('A', 1, 'cmd-42:0'), event('A', 2, 'CMD-42:1')], 'no-stream')));
      expect(appended.events.map((e) => e.eventId)).toEqual(['cmd-42:0', 'CMD-42:1']);
      expect(serverEventId('cmd-42:0')).toBe(serverEventId('cmd-42:0'));
      expect(serverEventId('cmd-42:0')).not.toBe(serverEventId('CMD-42:0'));
      // Upper-case UUIDs would come back lower-cased, so they are kept like any other non-canonical id.
      const upper = randomUUID().toUpperCase();
      expect(serverEventId(upper)).not.toBe(upper.toLowerCase());
      const client = raw();
      try {
        const recorded = await rawEvents(client, streamId);
        expect(recorded.map((r) => r.event?.id)).toEqual([serverEventId('cmd-42:0'), serverEventId('CMD-42:1')]);
        for (const r of recorded) expect(r.event?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(recorded.map((r) => (r.event?.metadata as Record<string, unknown> | undefined)?.['eventId'])).toEqual(['cmd-42:0', 'CMD-42:1']);
      } finally {
        await client.dispose();
      }
      expect(rightOf(await settled(store.readStream(streamId)))).toEqual(appended.events);
    });

    it('refuses stream ids of the server\'s system streams', async () => {
      const store = openStore();
      expect(leftOf(await settled(store.append('$kinerja-test', [event('A', 1)], 'any')))).toMatchObject({ _tag: 'InvalidAppend' });
    });
  });

  describe('calls end by themselves', () => {
    const server = useServer();
    const openStore = useStores(server.connectionString);

    itOnFixture('appends and reads cancel no call on the server (no RST_STREAM for rapid-reset defences to count)', async () => {
      const store = openStore();
      const streamId = freshStream('rst');
      const cancelledBefore = server.fixture().stats().readsCancelled;
      rightOf(await settled(store.append(streamId, [event('A', 1), event('B', 2)], 'no-stream')));
      rightOf(await settled(store.append(streamId, [event('C', 3)], 1)));
      rightOf(await settled(openStore().append(streamId, [event('D', 4)], 'any')));
      leftOf(await settled(store.append(streamId, [event('E', 5)], 0)));
      rightOf(await settled(store.readStream(streamId)));
      rightOf(await settled(store.readStream(streamId, { from: 1, to: 2 })));
      rightOf(await settled(store.readStream(streamId, { direction: 'backwards', maxCount: 2 })));
      rightOf(await settled(store.readStream(streamId, { direction: 'backwards', from: 3, to: 2 })));
      rightOf(await settled(store.readStream(freshStream('missing'))));
      rightOf(await settled(store.headPosition()));
      await settled(collect(store.readAll(0, { batchSize: 2 })));
      expect(server.fixture().stats().readsCancelled - cancelledBefore).toBe(0);
    });

    itOnFixture('1100 reads over one connection keep it: not even a call whose last event has arrived is cancelled', async () => {
      // The test server runs on Node's HTTP/2, which drops a connection after about 1000 RST_STREAMs.
      const store = openStore();
      const streamId = freshStream('many');
      rightOf(await settled(store.append(streamId, [event('A', 0), event('A', 1), event('A', 2)], 'no-stream')));
      for (let i = 0; i < 1_100; i++) rightOf(await settled(store.readStream(streamId, { direction: 'backwards', maxCount: 2 })));
    });
  });

  describe('$all: system events and other applications\' events are passed over', () => {
    const server = useServer();
    const openStore = useStores(server.connectionString);

    it('readAll, headPosition and subscribe see only kinerja envelopes', async () => {
      const store = openStore();
      const prefix = freshStream('audit');
      const from = rightOf(await settled(store.headPosition()));
      const ours: EventEnvelope[] = [];
      ours.push(...rightOf(await settled(store.append(`${prefix}-1`, [event('A', 1)], 'no-stream'))).events);

      // What else lives in $all: server statistics, stream metadata, a link, another application's event.
      const client = EventStoreDBClient.connectionString(server.connectionString());
      try {
        await settled(client.appendToStream(`$stats-${prefix}`, jsonEvent({ type: '$statsCollected', data: { cpu: 1 } })));
        await settled(client.appendToStream(`$$${prefix}-1`, jsonEvent({ type: '$metadata', data: { $maxCount: 10 } })));
        await settled(client.appendToStream(`$ce-${prefix}`, jsonEvent({ type: '$>', data: `0@${prefix}-1` })));
        await settled(client.appendToStream(`${prefix}-other-app`, jsonEvent({ type: 'SomethingElse', data: { x: 1 } })));
        ours.push(...rightOf(await settled(store.append(`${prefix}-2`, [event('B', 2)], 'no-stream'))).events);
        await settled(client.appendToStream(`$stats-${prefix}`, jsonEvent({ type: '$statsCollected', data: { cpu: 2 } })));
      } finally {
        await client.dispose();
      }

      const all = await settled(collect(store.readAll(from, { batchSize: 2 })));
      expect(all.filter((e) => e.streamId.startsWith(prefix))).toEqual(ours);
      expect(all.every((e) => !e.type.startsWith('$') && !e.streamId.startsWith('$'))).toBe(true);
      // The head is our last event, although a system event was written after it.
      expect(rightOf(await settled(store.headPosition()))).toBe(ours[1]?.globalPosition);

      const subscription = store.subscribe(from, { filter: { streamPrefixes: [prefix] } });
      const iterator = subscription[Symbol.asyncIterator]();
      expect(await settled(iterator.next())).toEqual({ done: false, value: ours[0] });
      expect(await settled(iterator.next())).toEqual({ done: false, value: ours[1] });
      expect(await within(iterator.next(), 100)).toBe(TIMED_OUT);
      await settled(subscription.close());
    });
  });

  describe('subscription', () => {
    const server = useServer();
    const openStore = useStores(server.connectionString);

    it('catches up over many events, then goes live, in order and without gaps', async () => {
      const store = openStore();
      const prefix = freshStream('sub');
      const from = rightOf(await settled(store.headPosition()));
      const stored: EventEnvelope[] = [];
      for (let i = 0; i < 30; i++)
        stored.push(...rightOf(await settled(store.append(`${prefix}-${i % 3}`, Array.from({ length: 10 }, (_, j) => event('E', i * 10 + j)), 'any'))).events);

      const subscription = store.subscribe(from, { batchSize: 16, filter: { streamPrefixes: [prefix] } });
      const iterator = subscription[Symbol.asyncIterator]();
      const seen: EventEnvelope[] = [];
      while (seen.length < stored.length) {
        const next = await settled(iterator.next());
        if (next.done === true) throw new Error('ended early');
        seen.push(next.value);
      }
      expect(seen).toEqual(stored);

      const waiting = iterator.next();
      expect(await within(waiting, 100)).toBe(TIMED_OUT);
      const [live] = rightOf(await settled(store.append(`${prefix}-0`, [event('Live', 1)], 'any'))).events;
      expect(await settled(waiting)).toEqual({ done: false, value: live });
      await settled(subscription.close());
    });

    itOnFixture('holds the server back while the reader is slow (backpressure)', async () => {
      const store = openStore();
      const prefix = freshStream('slow');
      const from = rightOf(await settled(store.headPosition()));
      const padding = 'x'.repeat(2_000);
      for (let i = 0; i < 20; i++)
        rightOf(await settled(store.append(`${prefix}`, Array.from({ length: 50 }, (_, j) => event('E', { i, j, padding })), 'any')));
      const sentBefore = server.fixture().stats().subscriptionEventsSent;

      const subscription = store.subscribe(from, { batchSize: 8 });
      const iterator = subscription[Symbol.asyncIterator]();
      for (let i = 0; i < 5; i++) expect((await settled(iterator.next())).done).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const sent = server.fixture().stats().subscriptionEventsSent - sentBefore;
      // 1000 events of ~2 kB are stored; only what fits the transport's windows and the buffers has been sent.
      expect(sent).toBeLessThan(300);
      await settled(subscription.close());
    });

    it('close() of the store ends its subscriptions, and later calls are Unavailable', async () => {
      const store = openEventStoreDbStore({ connectionString: server.connectionString() });
      const subscription = store.subscribe(rightOf(await settled(store.headPosition())));
      const waiting = subscription[Symbol.asyncIterator]().next();
      expect(await within(waiting, 100)).toBe(TIMED_OUT);
      await settled(store.close());
      expect(await settled(waiting)).toEqual(expect.objectContaining({ done: true }));
      expect(leftOf(await settled(store.append(freshStream('x'), [event('A', 1)], 'any')))._tag).toBe('Unavailable');
      expect(leftOf(await settled(store.readStream('x')))._tag).toBe('Unavailable');
      await expect(settled(collect(store.readAll(0)))).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });

  describe.each(['batch-append', 'unimplemented'] as const)('appending (ServerFeatures: %s)', (features) => {
    const server = useServer({ features, maxAppendSizeBytes: 4_096 });
    const openStore = useStores(server.connectionString);

    itOnFixture('goes over the append call the server offers', async () => {
      const store = openStore();
      rightOf(await settled(store.append(freshStream('p'), [event('A', 1)], 'no-stream')));
      const calls = server.fixture().calls();
      const path = features === 'batch-append' ? 'BatchAppend' : 'Append';
      const other = features === 'batch-append' ? 'Append' : 'BatchAppend';
      expect(calls.get(`/event_store.client.streams.Streams/${path}`)).toBeGreaterThanOrEqual(1);
      expect(calls.get(`/event_store.client.streams.Streams/${other}`)).toBeUndefined();
      expect(calls.get('/event_store.client.server_features.ServerFeatures/GetSupportedMethods')).toBeGreaterThanOrEqual(1);
    });

    it('a writer that loses the race to the server gets a VersionConflict with the actual version', async () => {
      const streamId = freshStream('race');
      const stores = Array.from({ length: 12 }, () => openStore());
      rightOf(await settled((stores[0] as EventStore).append(streamId, [event('Opened', 0)], 'no-stream')));
      const refusedBefore = onFixture ? server.fixture().stats().wrongExpectedVersions : 0;
      // All read version 0 at about the same time; the server lets one write through and refuses the others.
      const results = await settled(Promise.all(stores.map((store, i) => store.append(streamId, [event('Raced', i)], 0))));
      const losers = results.flatMap((r) => (isLeft(r) ? [r.left] : []));
      expect(results.length - losers.length).toBe(1);
      for (const loser of losers) expect(loser).toEqual({ _tag: 'VersionConflict', streamId, expected: 0, actual: 1 });
      // At least one refusal came from the server, not from the adapter's own read.
      if (onFixture) expect(server.fixture().stats().wrongExpectedVersions - refusedBefore).toBeGreaterThanOrEqual(1);
    });

    it("concurrent 'any' appends all land, one after the other, and the chain does not fork", async () => {
      const streamId = freshStream('any');
      const writers = Array.from({ length: 5 }, () => openStore());
      const results = await settled(Promise.all(writers.map((store, i) => store.append(streamId, [event('Any', i)], 'any'))));
      expect(results.map((r) => rightOf(r).nextExpectedVersion).sort()).toEqual([0, 1, 2, 3, 4]);
      const store = openStore();
      const stored = rightOf(await settled(store.readStream(streamId)));
      expect(stored.map((e) => e.streamVersion)).toEqual([0, 1, 2, 3, 4]);
      expect(rightOf(await settled(verify(store, { stream: streamId })))._tag).toBe('Intact');
    });

    itOnFixture("the server's MaximumAppendSize refusal is TooLarge with the server's limit", async () => {
      const store = openStore();
      const streamId = freshStream('big');
      const error = leftOf(await settled(store.append(streamId, [event('Big', 'x'.repeat(6_000))], 'no-stream')));
      expect(error).toEqual({ _tag: 'TooLarge', limitBytes: 4_096, sizeBytes: expect.any(Number) });
      expect(rightOf(await settled(store.readStream(streamId)))).toEqual([]);
    });
  });

  describe('when the server is gone', () => {
    itOnFixture('a stopped server: every call is Unavailable (gRPC 14) quickly, and a live subscription fails', async () => {
      const server = await startTestEventStoreDb();
      const store = openEventStoreDbStore({ connectionString: server.connectionString, timeoutMs: 5_000 });
      try {
        const streamId = freshStream('gone');
        rightOf(await settled(store.append(streamId, [event('A', 1)], 'no-stream')));
        const subscription = store.subscribe(0);
        const iterator = subscription[Symbol.asyncIterator]();
        expect((await settled(iterator.next())).done).toBe(false);
        const waiting = iterator.next();
        await settled(server.stop());

        await expect(settled(waiting, 2_000)).rejects.toBeInstanceOf(StoreUnavailableError);
        const started = Date.now();
        const appended = leftOf(await settled(store.append(streamId, [event('B', 2)], 0), 2_000));
        expect(appended).toMatchObject({ _tag: 'Unavailable', reason: expect.stringMatching(/14 UNAVAILABLE|UNAVAILABLE/) });
        expect(leftOf(await settled(store.readStream(streamId), 2_000))._tag).toBe('Unavailable');
        expect(leftOf(await settled(store.headPosition(), 2_000))._tag).toBe('Unavailable');
        await expect(settled(collect(store.readAll(0)), 2_000)).rejects.toBeInstanceOf(StoreUnavailableError);
        // Well under the 5 s timeout: a refused connection is reported at once, not waited out.
        expect(Date.now() - started).toBeLessThan(2_000);
      } finally {
        await settled(store.close());
        await server.stop();
      }
    });

    it('nothing listening: Unavailable at once', async () => {
      const port = await freePort();
      const store = openEventStoreDbStore({ connectionString: `esdb://127.0.0.1:${port}?tls=false`, timeoutMs: 5_000 });
      try {
        const started = Date.now();
        expect(leftOf(await settled(store.append(freshStream('x'), [event('A', 1)], 'any'), 2_000))._tag).toBe('Unavailable');
        expect(leftOf(await settled(store.headPosition(), 2_000))._tag).toBe('Unavailable');
        expect(Date.now() - started).toBeLessThan(2_000);
      } finally {
        await settled(store.close());
      }
    });

    it('a server that accepts connections but never answers: Unavailable after the timeout, no hang', async () => {
      const silent = await silentServer();
      const store = openEventStoreDbStore({ connectionString: `esdb://127.0.0.1:${silent.port}?tls=false`, timeoutMs: 300 });
      try {
        const started = Date.now();
        expect(leftOf(await settled(store.readStream('x'), 2_000))).toMatchObject({
          _tag: 'Unavailable',
          reason: expect.stringContaining('300 ms'),
        });
        expect(leftOf(await settled(store.append(freshStream('x'), [event('A', 1)], 'any'), 2_000))._tag).toBe('Unavailable');
        expect(leftOf(await settled(store.headPosition(), 2_000))._tag).toBe('Unavailable');
        await expect(settled(collect(store.readAll(0)), 2_000)).rejects.toBeInstanceOf(StoreUnavailableError);
        expect(Date.now() - started).toBeLessThan(3_000);
      } finally {
        await settled(store.close());
        await silent.close();
      }
    });
  });
});

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
const freePort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
};

/** A TCP server on 127.0.0.1 that accepts connections and never says a word. */
const silentServer = async (): Promise<{ port: number; close: () => Promise<void> }> => {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
