/**
 * The EventStore port: what the engine, the projections and the tools need from any store. Adapters
 * (memory, SQLite, EventStoreDB) implement it and pass one contract suite (`contract/contract.testkit.ts`).
 *
 * Failures a caller can act on are values (`Either`), never exceptions: a version conflict is retried by the
 * engine, `Unavailable` becomes HTTP 503, `TooLarge` 413. A thrown exception means a bug.
 */
import type { Either } from 'fp-ts/Either';
import type { EventEnvelope, NewEvent } from './envelope';

/**
 * - `'no-stream'`: the stream must not exist yet;
 * - a number `n`: the stream's last event must have `streamVersion === n` (0-based);
 * - `'any'`: no check.
 */
export type ExpectedVersion = 'no-stream' | 'any' | number;

/** The version of a stream: its last event's `streamVersion`, or `'no-stream'`. */
export type StreamVersion = 'no-stream' | number;

export type VersionConflict = Readonly<{
  _tag: 'VersionConflict';
  streamId: string;
  expected: ExpectedVersion;
  actual: StreamVersion;
}>;
export type Unavailable = Readonly<{ _tag: 'Unavailable'; reason: string }>;
export type TooLarge = Readonly<{ _tag: 'TooLarge'; limitBytes: number; sizeBytes: number }>;
export type InvalidAppend = Readonly<{ _tag: 'InvalidAppend'; reason: string }>;
/** An event id that is already in the store under another stream or position. */
export type DuplicateEventId = Readonly<{ _tag: 'DuplicateEventId'; eventId: string }>;

export type AppendError = VersionConflict | Unavailable | TooLarge | InvalidAppend | DuplicateEventId;
export type ReadError = Unavailable;

export type AppendResult = Readonly<{
  /** The stream's version after the append: pass it as the next expected version. */
  nextExpectedVersion: number;
  /** The stored envelopes, with positions, recordedAt and hashes stamped. */
  events: ReadonlyArray<EventEnvelope>;
  /** The global position of the last appended event (read-your-writes). */
  lastPosition: number;
}>;

export type ReadStreamOptions = Readonly<{
  /** First streamVersion to read (inclusive); default 0 forwards, the last event backwards. */
  from?: number;
  /** Last streamVersion to read (inclusive). */
  to?: number;
  direction?: 'forwards' | 'backwards';
  /** Only events recorded at or before this instant: the stream as it stood then. */
  asOfRecordedAt?: Date;
  maxCount?: number;
}>;

export type ReadAllFilter = Readonly<{
  /** Only these event types. */
  types?: ReadonlyArray<string>;
  /** Only streams whose id starts with one of these prefixes (a category is `plan-`). */
  streamPrefixes?: ReadonlyArray<string>;
}>;

export type ReadAllOptions = Readonly<{
  /** Events per round trip to the store; default 500. */
  batchSize?: number;
  filter?: ReadAllFilter;
}>;

/**
 * A live feed from a position: first the stored events after it, then new ones as they are committed.
 * Pull-based, so a slow consumer slows the reading down (backpressure) instead of buffering without bound.
 */
export type Subscription = AsyncIterable<EventEnvelope> & {
  /** Ends the iteration; pending `next()` calls resolve with `done`. */
  readonly close: () => Promise<void>;
};

export type EventStore = {
  readonly append: (
    streamId: string,
    events: ReadonlyArray<NewEvent>,
    expected: ExpectedVersion,
  ) => Promise<Either<AppendError, AppendResult>>;
  /** A missing stream reads as an empty array. */
  readonly readStream: (streamId: string, options?: ReadStreamOptions) => Promise<Either<ReadError, ReadonlyArray<EventEnvelope>>>;
  /** Events with `globalPosition > fromPosition`, in global order (0 = from the start). */
  readonly readAll: (fromPosition: number, options?: ReadAllOptions) => AsyncIterable<EventEnvelope>;
  /** Catches up from `fromPosition` (exclusive), then goes live. */
  readonly subscribe: (fromPosition: number, options?: ReadAllOptions) => Subscription;
  /** The global position of the last committed event (0 when empty). */
  readonly headPosition: () => Promise<Either<ReadError, number>>;
  readonly close: () => Promise<void>;
};

/** Options every adapter takes. */
export type CommonStoreOptions = Readonly<{
  /** Stamps `recordedAt` at commit; the system clock by default. */
  clock?: () => Date;
  /** Ids for events appended without one; a random UUID by default. */
  newEventId?: () => string;
  /** The largest append accepted, in UTF-8 bytes of the events' JSON (append-validation.ts); 1 MiB by default. */
  maxAppendBytes?: number;
}>;

/**
 * What a reader of `readAll` or `subscribe` receives when the store cannot be read: the iteration protocol has
 * no `Either`, so the `Unavailable` value travels inside the thrown error. Every adapter throws this one class.
 */
export class StoreUnavailableError extends Error {
  readonly _tag = 'Unavailable';
  constructor(readonly reason: string) {
    super(`event store unavailable: ${reason}`);
    this.name = 'StoreUnavailableError';
  }
}
