import { isLeft, isRight, left, right } from 'fp-ts/Either';
import * as t from 'io-ts';
import { byType, eventCodec, type Command, type Decider, type Event, type Nip } from '@kinerja/domain';
import { createMemoryStore, type EventStore } from '@kinerja/eventstore';
import { eventIdFor, eventMetadata, handle, type Aggregate, type CommandContext } from './pipeline';
import { serdeFromCodec } from './serde';

// A tally that refuses to pass a limit: a decider small enough to read, real enough to exercise the pipeline.
type Tallied = Event<'Tallied', { by: number }>;
type Tally = Command<'Tally', { by: number }>;
type Refusal = { _tag: 'LimitReached'; limit: number };
const LIMIT = 100;
const tally: Decider<number, Tally, Tallied, Refusal> = {
  initialState: () => 0,
  evolve: (n, e) => n + e.data.by,
  decide: (c, n) =>
    n + c.data.by > LIMIT ? left({ _tag: 'LimitReached', limit: LIMIT }) : right([{ type: 'Tallied', data: { by: c.data.by } }]),
};
const TalliedCodec: t.Type<Tallied, unknown, unknown> = byType('TallyEvent', {
  Tallied: eventCodec('Tallied', t.type({ by: t.number })),
});
const aggregate: Aggregate<number, Tally, Tallied, Refusal> = { decider: tally, serde: serdeFromCodec(TalliedCodec) };

const actor = { nip: '198503152010011002' as Nip, role: 'pegawai' as const };
const at = new Date('2025-03-01T01:00:00Z');
const ctx = (commandId: string): CommandContext => ({ tenant: 'surabaya', commandId, actor, issuedAt: at });
const cmd = (by: number): Tally => ({ type: 'Tally', data: { by }, metadata: { now: at, actor } });

describe('handle: load → fold → decide → append', () => {
  it('appends the decided events with the metadata stamped and derived event ids', async () => {
    const store = createMemoryStore();
    const result = await handle(store, aggregate, 'tally-1', cmd(2), { ...ctx('c-1'), correlationId: 'corr-9' });
    expect(isRight(result) && result.right).toMatchObject({ streamVersion: 0, position: 1, replayed: false });
    const read = await store.readStream('tally-1');
    const [stored] = isRight(read) ? read.right : [];
    expect(stored).toMatchObject({
      eventId: eventIdFor('c-1', 0),
      type: 'Tallied',
      schemaVersion: 1,
      data: { by: 2 },
      metadata: {
        tenant: 'surabaya',
        commandId: 'c-1',
        correlationId: 'corr-9',
        causationId: 'c-1',
        actor,
        occurredAt: '2025-03-01T01:00:00.000Z',
      },
    });
  });

  it('stamps a decision event with its basis: rule book, articles, and the ids of the events it was decided from', async () => {
    const store = createMemoryStore();
    const withBasis: Aggregate<number, Tally, Tallied, Refusal> = {
      ...aggregate,
      basisOf: (e) => (e.data.by >= 10 ? { ruleBook: 'tally-book@1', articles: ['BR-99'] } : undefined),
    };
    await handle(store, withBasis, 'tally-1', cmd(1), ctx('c-1'));
    await handle(store, withBasis, 'tally-1', cmd(2), ctx('c-2'));
    await handle(store, withBasis, 'tally-1', cmd(10), { ...ctx('c-3'), causationEventId: 'evt-from-elsewhere' });
    const read = await store.readStream('tally-1');
    const stored = isRight(read) ? read.right : [];
    expect(stored[0]?.metadata.basis).toBeUndefined();
    expect(stored[2]?.metadata.basis).toEqual({
      ruleBook: 'tally-book@1',
      articles: ['BR-99'],
      inputs: [eventIdFor('c-1', 0), eventIdFor('c-2', 0), 'evt-from-elsewhere'],
    });
  });

  it('answers a repeated command id with the first outcome and appends nothing', async () => {
    const store = createMemoryStore();
    const first = await handle(store, aggregate, 'tally-1', cmd(2), ctx('c-1'));
    const again = await handle(store, aggregate, 'tally-1', cmd(2), ctx('c-1'));
    expect(isRight(again) && again.right).toMatchObject({ replayed: true, streamVersion: 0, events: [{ data: { by: 2 } }] });
    expect(isRight(first) && isRight(again) && again.right.position).toBe(isRight(first) && first.right.position);
    expect(await store.headPosition()).toEqual(right(1));
  });

  it('with an expected version (If-Match) the client last saw: decides when it is current, else StaleVersion and nothing appended', async () => {
    const store = createMemoryStore();
    expect(isRight(await handle(store, aggregate, 'tally-1', cmd(1), ctx('c-1'), { expectedVersion: 'no-stream' }))).toBe(true);
    expect(isRight(await handle(store, aggregate, 'tally-1', cmd(1), ctx('c-2'), { expectedVersion: 0 }))).toBe(true);
    const stale = await handle(store, aggregate, 'tally-1', cmd(1), ctx('c-3'), { expectedVersion: 0 });
    expect(stale).toEqual(left({ _tag: 'StaleVersion', streamId: 'tally-1', expected: 0, current: 1 }));
    expect(await store.headPosition()).toEqual(right(2));
  });

  it('decides on what it remembers of a stream, and when someone else appended meanwhile, decides again from a fresh read', async () => {
    const store = createMemoryStore();
    const reads = jest.spyOn(store, 'readStream');
    await handle(store, aggregate, 'tally-1', cmd(60), ctx('c-1'));
    await handle(store, aggregate, 'tally-1', cmd(1), ctx('c-2'));
    expect(reads).toHaveBeenCalledTimes(1); // the second command was decided on the remembered state
    // Another process (same file, other pipeline) appends 30 behind this pipeline's back.
    const other = await store.append('tally-1', [{ type: 'Tallied', schemaVersion: 1, data: { by: 30 }, metadata: eventMetadata(ctx('c-other'), undefined) }], 1);
    expect(isRight(other)).toBe(true);
    // 60 + 1 + 30 + 10 > 100: only a decision on the fresh state refuses it.
    expect(await handle(store, aggregate, 'tally-1', cmd(10), ctx('c-3'))).toEqual(left({ _tag: 'Refused', error: { _tag: 'LimitReached', limit: LIMIT } }));
    expect(await store.headPosition()).toEqual(right(3));
    // A repeated command id is still answered with its first outcome.
    expect(isRight(await handle(store, aggregate, 'tally-1', cmd(1), ctx('c-2')))).toBe(true);
    expect(await store.headPosition()).toEqual(right(3));
  });

  it('runs 64 concurrent commands on one stream one after the other: none conflicts, none is lost', async () => {
    const store = createMemoryStore();
    const appends = jest.spyOn(store, 'append');
    const results = await Promise.all(Array.from({ length: 64 }, (_, i) => handle(store, aggregate, 'tally-1', cmd(1), ctx(`c-${i}`), { maxAttempts: 1 })));
    expect(results.every(isRight)).toBe(true);
    expect(appends).toHaveBeenCalledTimes(64); // no append was refused and retried
    const read = await store.readStream('tally-1');
    expect(isRight(read) && read.right.map((e) => e.streamVersion)).toEqual(Array.from({ length: 64 }, (_, i) => i));
  });

  it('returns a refusal unchanged and appends nothing', async () => {
    const store = createMemoryStore();
    const result = await handle(store, aggregate, 'tally-1', cmd(LIMIT + 1), ctx('c-1'));
    expect(result).toEqual(left({ _tag: 'Refused', error: { _tag: 'LimitReached', limit: LIMIT } }));
    expect(await store.headPosition()).toEqual(right(0));
  });

  it('retries on version conflicts: concurrent commands on one stream all land, in some order, none lost', async () => {
    const store = createMemoryStore();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => handle(store, aggregate, 'tally-1', cmd(1), ctx(`c-${i}`), { maxAttempts: 10 })),
    );
    expect(results.every(isRight)).toBe(true);
    const read = await store.readStream('tally-1');
    expect(isRight(read) && read.right.map((e) => e.streamVersion)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('concurrent duplicates of one command id append once', async () => {
    const store = createMemoryStore();
    const results = await Promise.all(Array.from({ length: 6 }, () => handle(store, aggregate, 'tally-1', cmd(1), ctx('same'))));
    expect(results.every(isRight)).toBe(true);
    expect(results.filter((r) => isRight(r) && !r.right.replayed)).toHaveLength(1);
    expect(await store.headPosition()).toEqual(right(1));
  });

  it('gives up after the bounded number of conflicts', async () => {
    const inner = createMemoryStore();
    const alwaysConflicting: EventStore = {
      ...inner,
      append: async (streamId, _events, expected) => left({ _tag: 'VersionConflict', streamId, expected, actual: 41 }),
    };
    const result = await handle(alwaysConflicting, aggregate, 'tally-1', cmd(1), ctx('c-1'), { maxAttempts: 3 });
    expect(result).toEqual(left({ _tag: 'TooManyConflicts', streamId: 'tally-1', attempts: 3 }));
  });

  it('passes an unavailable store through as Unavailable', async () => {
    const inner = createMemoryStore();
    const down: EventStore = { ...inner, readStream: async () => left({ _tag: 'Unavailable', reason: 'disk gone' }) };
    const result = await handle(down, aggregate, 'tally-1', cmd(1), ctx('c-1'));
    expect(isLeft(result) && result.left).toEqual({ _tag: 'Unavailable', reason: 'disk gone' });
  });

  it('names the event when a stored event cannot be decoded', async () => {
    const store = createMemoryStore();
    const written = await store.append('tally-1', [{ type: 'Tallied', schemaVersion: 7, data: { by: 1 }, metadata: eventMetadata(ctx('x')) }], 'no-stream');
    expect(isRight(written)).toBe(true);
    const result = await handle(store, aggregate, 'tally-1', cmd(1), ctx('c-1'));
    expect(isLeft(result) && result.left).toMatchObject({ _tag: 'CorruptStream', streamVersion: 0, problem: expect.stringContaining('schema version 7') });
  });
});
