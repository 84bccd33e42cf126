/** What is particular to the memory store; the shared behaviour is in memory-store.int.spec.ts (the contract). */
import { isLeft, type Either } from 'fp-ts/Either';
import { exampleMetadata } from '../contract/example-events.testkit';
import type { Json, NewEvent } from '../envelope';
import { createMemoryStore, tamperWithMemoryStore } from './memory-store';

const event = (data: Json, eventId?: string): NewEvent => ({
  ...(eventId === undefined ? {} : { eventId }),
  type: 'E',
  schemaVersion: 1,
  data,
  metadata: exampleMetadata(),
});

const rightOf = <E, A>(either: Either<E, A>): A => {
  if (isLeft(either)) throw new Error(`expected Right, got ${JSON.stringify(either.left)}`);
  return either.right;
};

describe('createMemoryStore', () => {
  it('starts empty, at head position 0', async () => {
    const store = createMemoryStore();
    expect(await store.headPosition()).toEqual({ _tag: 'Right', right: 0 });
    expect(rightOf(await store.append('s-1', [event(1)], 'no-stream')).lastPosition).toBe(1);
  });

  it('takes event ids from newEventId and the limit from maxAppendBytes', async () => {
    let n = 0;
    const store = createMemoryStore({ newEventId: () => `id-${++n}`, maxAppendBytes: 1000 });
    expect(rightOf(await store.append('s-1', [event(1), event(2)], 'no-stream')).events.map((e) => e.eventId)).toEqual(['id-1', 'id-2']);
    expect(await store.append('s-1', [event('x'.repeat(1000))], 'any')).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'TooLarge', limitBytes: 1000 },
    });
  });

  it('refuses a generated id that is already stored (a newEventId that repeats itself)', async () => {
    const store = createMemoryStore({ newEventId: () => 'always-the-same' });
    rightOf(await store.append('s-1', [event(1)], 'no-stream'));
    expect(await store.append('s-2', [event(2)], 'no-stream')).toEqual({
      _tag: 'Left',
      left: { _tag: 'DuplicateEventId', eventId: 'always-the-same' },
    });
    expect(await store.headPosition()).toEqual({ _tag: 'Right', right: 1 });
  });

  it('never lets recordedAt go back along the log when the clock steps back', async () => {
    const times = ['2026-01-05T02:00:00.000Z', '2026-01-05T01:59:00.000Z', '2026-01-05T02:01:00.000Z'];
    let i = 0;
    const store = createMemoryStore({ clock: () => new Date(times[i++] ?? Number.NaN) });
    for (const data of [1, 2, 3]) rightOf(await store.append('s-1', [event(data)], 'any'));
    expect(rightOf(await store.readStream('s-1')).map((e) => e.metadata.recordedAt)).toEqual([
      '2026-01-05T02:00:00.000Z',
      '2026-01-05T02:00:00.000Z',
      '2026-01-05T02:01:00.000Z',
    ]);
  });

  it.each<[string, string, ReadonlyArray<NewEvent>, number | 'any']>([
    ['an empty stream id', '', [event(1)], 'any'],
    ['a NaN in the data', 's-1', [event({ score: Number.NaN } as unknown as Json)], 'any'],
    ['a Date in the data', 's-1', [event({ at: new Date() } as unknown as Json)], 'any'],
    ['an undefined in the data', 's-1', [event({ note: undefined } as unknown as Json)], 'any'],
    ['a schemaVersion of 0', 's-1', [{ ...event(1), schemaVersion: 0 }], 'any'],
    ['an empty type', 's-1', [{ ...event(1), type: '' }], 'any'],
    ['an empty event id', 's-1', [event(1, '')], 'any'],
    ['a negative expected version', 's-1', [event(1)], -1],
  ])('refuses %s as InvalidAppend', async (_what, streamId, events, expected) => {
    const store = createMemoryStore();
    expect(await store.append(streamId, events, expected)).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidAppend' } });
    expect(await store.headPosition()).toEqual({ _tag: 'Right', right: 0 });
  });

  it('keeps what was appended, not what the caller does to its objects afterwards', async () => {
    const store = createMemoryStore();
    const data = { list: [1, 2] };
    const appended = rightOf(await store.append('s-1', [event(data)], 'no-stream')).events[0];
    data.list.push(3);
    expect(rightOf(await store.readStream('s-1'))[0]?.data).toEqual({ list: [1, 2] });
    // What it hands out is frozen, so nobody can change the stored event through it.
    expect(Object.isFrozen(appended?.data)).toBe(true);
    expect(Object.isFrozen(appended?.metadata.actor)).toBe(true);
  });

  describe('when closed', () => {
    it('answers Unavailable, ends its subscriptions, and treats readAll as a bug', async () => {
      const store = createMemoryStore();
      rightOf(await store.append('s-1', [event(1)], 'no-stream'));
      const subscription = store.subscribe(1);
      const waiting = subscription[Symbol.asyncIterator]().next();
      await store.close();
      expect(await waiting).toEqual({ done: true, value: undefined });
      const unavailable = { _tag: 'Left', left: { _tag: 'Unavailable', reason: 'the memory store is closed' } };
      expect(await store.append('s-1', [event(2)], 0)).toEqual(unavailable);
      expect(await store.readStream('s-1')).toEqual(unavailable);
      expect(await store.headPosition()).toEqual(unavailable);
      await expect(store.readAll(0)[Symbol.asyncIterator]().next()).rejects.toThrow(/closed store/);
      expect(await store.subscribe(0)[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
    });
  });

  describe('tamperWithMemoryStore', () => {
    it('changes the stored event without resealing it', async () => {
      const store = createMemoryStore();
      const [before] = rightOf(await store.append('s-1', [event({ text: 'asli' })], 'no-stream')).events;
      tamperWithMemoryStore(store, 's-1', 0, (e) => ({ ...e, data: { text: 'palsu' } }));
      const [after] = rightOf(await store.readStream('s-1'));
      expect(after).toEqual({ ...before, data: { text: 'palsu' } });
    });

    it('throws for an event that does not exist or a store that is not a memory store', async () => {
      const store = createMemoryStore();
      expect(() => tamperWithMemoryStore(store, 's-1', 0, (e) => e)).toThrow(/no event s-1@0/);
      expect(() => tamperWithMemoryStore({ ...store }, 's-1', 0, (e) => e)).toThrow(/not a memory store/);
    });
  });
});
