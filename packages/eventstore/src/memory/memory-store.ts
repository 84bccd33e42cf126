/**
 * The in-memory EventStore: for tests and for services that embed the library. It keeps the same contract as
 * the durable stores (contract/contract.testkit.ts), so that what passes here passes there.
 *
 * The log is one array in global order (`log[i]` has globalPosition `i + 1`); each stream is a list of indexes
 * into it. Every append runs to completion without awaiting, so concurrent appends are serialised by the event
 * loop just as a database serialises transactions. Stored envelopes are a JSON copy of what was appended, deep
 * frozen: what a caller reads back is exactly what a durable store would give, and nobody can change it by
 * mutating an object they were handed.
 */
import { randomUUID } from 'node:crypto';
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { checkAppendSize, DEFAULT_MAX_APPEND_BYTES, validateAppend } from '../append-validation';
import type { EventEnvelope, NewEvent } from '../envelope';
import { sealEvents, streamGenesisHash } from '../integrity';
import type {
  AppendError,
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllFilter,
  ReadAllOptions,
  ReadError,
  ReadStreamOptions,
  StreamVersion,
  Subscription,
  Unavailable,
} from '../port';
import { serialIterator } from '../serial-iterator';

export type MemoryStoreOptions = Readonly<{
  /** Stamps `recordedAt`; the real clock by default. Tests inject one to control as-of reads. */
  clock?: () => Date;
  /** Gives an id to an event appended without one; a random UUID by default. */
  newEventId?: () => string;
  /** The largest append accepted, in bytes of JSON; 1 MiB by default. */
  maxAppendBytes?: number;
}>;

const DEFAULT_BATCH_SIZE = 500;

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};

/** A copy as a durable store would give it back: through JSON. */
const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const matchesFilter =
  (filter: ReadAllFilter | undefined) =>
  (event: EventEnvelope): boolean =>
    (filter?.types === undefined || filter.types.includes(event.type)) &&
    (filter?.streamPrefixes === undefined || filter.streamPrefixes.some((prefix) => event.streamId.startsWith(prefix)));

type Internals = {
  /** Replaces a stored event behind the store's back (tests only). */
  readonly replace: (streamId: string, streamVersion: number, mutate: (envelope: EventEnvelope) => EventEnvelope) => void;
};

/** Reaches the internals of a memory store for `tamperWithMemoryStore`, without putting them on its public face. */
const internals = new WeakMap<EventStore, Internals>();

export const createMemoryStore = (options: MemoryStoreOptions = {}): EventStore => {
  const clock = options.clock ?? (() => new Date());
  const newEventId = options.newEventId ?? randomUUID;
  const maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;

  const log: EventEnvelope[] = [];
  const streams = new Map<string, number[]>();
  const eventIds = new Set<string>();
  /** recordedAt of the last append, in ms: the clock may step back (NTP), the log's recordedAt may not. */
  let lastRecordedAt = Number.NEGATIVE_INFINITY;
  let closed = false;
  /** Wakes the subscriptions waiting for the next commit. */
  const waiters = new Set<() => void>();
  const closers = new Set<() => Promise<void>>();

  const unavailable: Unavailable = { _tag: 'Unavailable', reason: 'the memory store is closed' };

  const eventAt = (index: number): EventEnvelope => {
    const event = log[index];
    if (event === undefined) throw new Error(`memory store: no event at log index ${index}`);
    return event;
  };

  const versionOf = (streamId: string): StreamVersion => {
    const indexes = streams.get(streamId);
    return indexes === undefined ? 'no-stream' : indexes.length - 1;
  };

  const versionMatches = (expected: ExpectedVersion, actual: StreamVersion): boolean =>
    expected === 'any' || expected === actual;

  const append = async (
    streamId: string,
    events: ReadonlyArray<NewEvent>,
    expected: ExpectedVersion,
  ): Promise<Either<AppendError, AppendResult>> => {
    // No `await` before the commit below: the check and the write happen in one turn of the event loop.
    if (closed) return left(unavailable);
    const valid = validateAppend(streamId, events, expected);
    if (isLeft(valid)) return valid;
    const size = checkAppendSize(events, maxAppendBytes);
    if (isLeft(size)) return size;

    const actual = versionOf(streamId);
    if (!versionMatches(expected, actual)) return left({ _tag: 'VersionConflict', streamId, expected, actual });

    const indexes = streams.get(streamId) ?? [];
    const head = indexes.length === 0 ? undefined : eventAt(indexes[indexes.length - 1] ?? -1);
    const now = clock().getTime();
    if (!Number.isFinite(now)) throw new Error('memory store: the clock returned an invalid Date');
    const recordedAt = Math.max(lastRecordedAt, now);

    const sealed = sealEvents({
      streamId,
      firstVersion: indexes.length,
      prevHash: head?.metadata.hash ?? streamGenesisHash(streamId),
      recordedAt: new Date(recordedAt).toISOString(),
      events: jsonCopy(events),
      newEventId,
    });
    // Checked after sealing so that generated ids are checked too: an event id is never stored twice.
    const batchIds = new Set<string>();
    for (const event of sealed) {
      if (eventIds.has(event.eventId) || batchIds.has(event.eventId))
        return left({ _tag: 'DuplicateEventId', eventId: event.eventId });
      batchIds.add(event.eventId);
    }

    const stored = sealed.map((event, i) => deepFreeze({ ...event, globalPosition: log.length + i + 1 }));
    lastRecordedAt = recordedAt;
    for (const event of stored) {
      indexes.push(log.length);
      log.push(event);
      eventIds.add(event.eventId);
    }
    streams.set(streamId, indexes);

    const woken = [...waiters];
    waiters.clear();
    for (const wake of woken) wake();

    const last = stored[stored.length - 1];
    return right({
      nextExpectedVersion: indexes.length - 1,
      events: stored,
      lastPosition: last?.globalPosition ?? log.length,
    });
  };

  const readStream = async (
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<Either<ReadError, ReadonlyArray<EventEnvelope>>> => {
    if (closed) return left(unavailable);
    const asOf = options.asOfRecordedAt?.getTime();
    // First the stream as it stood at `asOf`, then the window over it: "the last event" backwards means the
    // last one as of then.
    const events = (streams.get(streamId) ?? [])
      .map(eventAt)
      .filter((event) => asOf === undefined || Date.parse(event.metadata.recordedAt) <= asOf);
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? Number.POSITIVE_INFINITY : 0);
    const window = backwards
      ? events.filter((e) => e.streamVersion <= from && (options.to === undefined || e.streamVersion >= options.to)).reverse()
      : events.filter((e) => e.streamVersion >= from && (options.to === undefined || e.streamVersion <= options.to));
    return right(options.maxCount === undefined ? window : window.slice(0, Math.max(0, options.maxCount)));
  };

  async function* readAll(fromPosition: number, options: ReadAllOptions = {}): AsyncGenerator<EventEnvelope, void, undefined> {
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
    const matches = matchesFilter(options.filter);
    // Positions are 1-based and gapless, so position p is log index p - 1 and "after p" starts at index p.
    let next = Math.max(0, Math.floor(fromPosition));
    for (;;) {
      // A closed store is a bug in the caller, not a condition to handle: readAll has no error channel.
      if (closed) throw new Error('memory store: readAll on a closed store');
      const batch = log.slice(next, next + batchSize);
      if (batch.length === 0) return;
      next += batch.length;
      for (const event of batch) if (matches(event)) yield event;
    }
  }

  const subscribe = (fromPosition: number, options: ReadAllOptions = {}): Subscription => {
    const matches = matchesFilter(options.filter);
    let next = Math.max(0, Math.floor(fromPosition));
    let ended = closed;
    let wakeMe: (() => void) | undefined;

    // Pull-based: each `next()` reads the log from the subscription's own position, so nothing is buffered
    // for a slow consumer; when it has caught up it waits for the next commit.
    const pull = async (): Promise<IteratorResult<EventEnvelope, undefined>> => {
      for (;;) {
        if (ended) return { done: true, value: undefined };
        while (next < log.length) {
          const event = eventAt(next);
          next += 1;
          if (matches(event)) return { done: false, value: event };
        }
        await new Promise<void>((resolve) => {
          wakeMe = resolve;
          waiters.add(resolve);
        });
        wakeMe = undefined;
      }
    };

    const close = async (): Promise<void> => {
      ended = true;
      closers.delete(close);
      if (wakeMe !== undefined) {
        waiters.delete(wakeMe);
        wakeMe();
      }
    };
    closers.add(close);

    const iterator = serialIterator(pull, close);
    return { [Symbol.asyncIterator]: () => iterator, close };
  };

  const headPosition = async (): Promise<Either<ReadError, number>> => (closed ? left(unavailable) : right(log.length));

  const close = async (): Promise<void> => {
    closed = true;
    await Promise.all([...closers].map((closeOne) => closeOne()));
  };

  const store: EventStore = { append, readStream, readAll, subscribe, headPosition, close };
  internals.set(store, {
    replace: (streamId, streamVersion, mutate) => {
      const index = streams.get(streamId)?.[streamVersion];
      if (index === undefined) throw new Error(`memory store: no event ${streamId}@${streamVersion} to tamper with`);
      // The mutation gets a thawed copy; the result is stored as it is, without resealing: an edit behind the
      // store's back, which verify must catch.
      log[index] = deepFreeze(mutate(structuredClone(eventAt(index))));
    },
  });
  return store;
};

/**
 * Test support: replaces a stored event by `mutate(event)` without resealing the chain, as someone editing the
 * storage directly would. Not exported from the package index: it exists to show that verify catches it.
 */
export const tamperWithMemoryStore = (
  store: EventStore,
  streamId: string,
  streamVersion: number,
  mutate: (envelope: EventEnvelope) => EventEnvelope,
): void => {
  const found = internals.get(store);
  if (found === undefined) throw new Error('tamperWithMemoryStore: not a memory store');
  found.replace(streamId, streamVersion, mutate);
};
