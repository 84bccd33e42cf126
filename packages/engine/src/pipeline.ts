/**
 * The command pipeline (ARCHITECTURE.md, "One command's way through the house"):
 * load the stream → fold → decide → append with the expected version.
 *
 * - A repeated `commandId` returns the first outcome and appends nothing: the events a command produced carry
 *   its id in their metadata, so the pipeline finds them while loading the stream it has to read anyway.
 * - A `VersionConflict` re-runs load → decide a bounded number of times; a concurrent duplicate of the same
 *   command then finds the winner's events and returns them.
 * - Event ids are derived from the command id and the event's index (UUID v5), so EventStoreDB de-duplicates
 *   a retried append on its side too.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { v5 as uuidv5 } from 'uuid';
import { fold, type Actor, type Decider } from '@kinerja/domain';
import type {
  AppendError,
  Basis,
  EventEnvelope,
  EventStore,
  Json,
  NewEvent,
  NewEventMetadata,
  ReadError,
} from '@kinerja/eventstore';

/** The namespace of kinerja's derived event ids (a fixed random UUID). */
const EVENT_ID_NAMESPACE = '5b6f3f0e-8a54-4f6b-9a0c-3c1d2e7f9a41';

export const eventIdFor = (commandId: string, index: number): string => uuidv5(`${commandId}#${index}`, EVENT_ID_NAMESPACE);

/** How an aggregate's events travel to and from the store. */
export type EventSerde<Event> = Readonly<{
  serialize: (event: Event) => Readonly<{ type: string; schemaVersion: number; data: Json }>;
  /** Decodes (and upcasts) a stored envelope; the error names the type, version or field. */
  deserialize: (envelope: EventEnvelope) => Either<string, Event>;
}>;

/** What a decision event says about its own basis; the pipeline adds the input event ids. */
export type DecisionBasis = Readonly<{ ruleBook: string; articles: ReadonlyArray<string> }>;

export type Aggregate<State, Command, Event, Error> = Readonly<{
  decider: Decider<State, Command, Event, Error>;
  serde: EventSerde<Event>;
  /**
   * For decision events: the rule book and articles they rest on (ARCHITECTURE.md: `basis` on every decision
   * event). The pipeline stamps it into the metadata with `inputs`: the ids of the stream's events the decision
   * was folded from, and the causing event when the command came from a process manager.
   */
  basisOf?: (event: Event) => DecisionBasis | undefined;
}>;

/** Metadata the engine stamps on every event of a command (the store adds recordedAt and hashes). */
export type CommandContext = Readonly<{
  tenant: string;
  commandId: string;
  correlationId?: string;
  causationId?: string;
  actor: Actor;
  /** When the command was issued: `occurredAt` of its events and `now` of the decision. */
  issuedAt: Date;
  /** The event a process manager reacted to when it issued this command: an input of the decision. */
  causationEventId?: string;
}>;

export type Handled<Event> = Readonly<{
  events: ReadonlyArray<Event>;
  envelopes: ReadonlyArray<EventEnvelope>;
  /** The stream's version after the command (`-1`: the stream does not exist). */
  streamVersion: number;
  /** The global position to wait for in read models (0 when nothing was ever appended). */
  position: number;
  /** True when this command id had already been handled: nothing was appended now. */
  replayed: boolean;
}>;

export type HandleError<Error> =
  | Readonly<{ _tag: 'Refused'; error: Error }>
  | CorruptStream
  | Readonly<{ _tag: 'TooManyConflicts'; streamId: string; attempts: number }>
  | StaleVersion
  | Exclude<AppendError, Readonly<{ _tag: 'VersionConflict' }>>
  | ReadError;

/** The metadata the engine stamps on each event of a command (ARCHITECTURE.md, "The event envelope"). */
export const eventMetadata = (context: CommandContext, basis?: Basis): NewEventMetadata => ({
  tenant: context.tenant,
  commandId: context.commandId,
  correlationId: context.correlationId ?? context.commandId,
  causationId: context.causationId ?? context.commandId,
  actor: { nip: context.actor.nip, role: context.actor.role },
  occurredAt: context.issuedAt.toISOString(),
  ...(basis === undefined ? {} : { basis }),
});

/** The inputs of a decision: the events its state was folded from, and the event that caused the command. */
const decisionInputs = (ids: ReadonlyArray<string>, context: CommandContext): ReadonlyArray<string> => {
  const cause = context.causationEventId;
  return cause === undefined || ids.includes(cause) ? ids : [...ids, cause];
};

export type CorruptStream = Readonly<{ _tag: 'CorruptStream'; streamId: string; streamVersion: number; problem: string }>;

/** A stream read, decoded and folded: its envelopes, its events and the state they add up to. */
export type LoadedStream<State, Event> = Readonly<{
  envelopes: ReadonlyArray<EventEnvelope>;
  events: ReadonlyArray<Event>;
  state: State;
}>;

/** Reads a stream and folds it; an event that cannot be decoded is a `CorruptStream` naming its version. */
export const loadStream = async <State, Command, Event, Error>(
  store: EventStore,
  aggregate: Aggregate<State, Command, Event, Error>,
  streamId: string,
): Promise<Either<CorruptStream | ReadError, LoadedStream<State, Event>>> => {
  const read = await store.readStream(streamId);
  if (isLeft(read)) return read;
  const events: Event[] = [];
  for (const envelope of read.right) {
    const decoded = aggregate.serde.deserialize(envelope);
    if (isLeft(decoded))
      return left({ _tag: 'CorruptStream', streamId, streamVersion: envelope.streamVersion, problem: decoded.left });
    events.push(decoded.right);
  }
  return right({ envelopes: read.right, events, state: fold(aggregate.decider.evolve, aggregate.decider.initialState(), events) });
};

export type HandleOptions = Readonly<{
  maxAttempts?: number;
  /**
   * The stream version the client last saw (HTTP `If-Match`): when the stream has moved on, the command is not
   * decided and `StaleVersion` names the current version. Without it, a conflict is retried.
   */
  expectedVersion?: number | 'no-stream';
}>;

/** The client's expected version is not the stream's current one (HTTP 409). */
export type StaleVersion = Readonly<{ _tag: 'StaleVersion'; streamId: string; expected: number | 'no-stream'; current: number | 'no-stream' }>;

const replayedResult = <Event>(
  envelopes: ReadonlyArray<EventEnvelope>,
  mine: ReadonlyArray<EventEnvelope>,
  events: ReadonlyArray<Event>,
): Handled<Event> => ({
  events,
  envelopes: mine,
  streamVersion: envelopes.length - 1,
  position: mine.length > 0 ? Math.max(...mine.map((e) => e.globalPosition)) : 0,
  replayed: true,
});

/**
 * What the pipeline remembers of a stream it has decided on: the folded state at a version, the ids of the
 * events it was folded from (a decision's inputs) and the command ids they carry (idempotency). A command on a
 * remembered stream is decided without reading the stream again and appended with the remembered version as
 * the expected one: if anyone (another process sharing the file, a concurrent command) has appended since, the
 * append is refused as a version conflict, the entry is dropped, and the command is decided again from a fresh
 * read. So the cache can be stale but never wrong (docs/adr/0005-stream-state-cache.md).
 */
type CachedStream = {
  readonly aggregate: unknown;
  readonly version: number;
  readonly state: unknown;
  readonly eventIds: ReadonlyArray<string>;
  readonly commandIds: ReadonlySet<string>;
};

/** Streams remembered per store (least recently used dropped first). */
export const STREAM_CACHE_SIZE = 10_000;
const streamCaches = new WeakMap<EventStore, Map<string, CachedStream>>();

const cacheOf = (store: EventStore): Map<string, CachedStream> => {
  let cache = streamCaches.get(store);
  if (cache === undefined) {
    cache = new Map();
    streamCaches.set(store, cache);
  }
  return cache;
};

const remember = (store: EventStore, streamId: string, entry: CachedStream): void => {
  const cache = cacheOf(store);
  const current = cache.get(streamId);
  // Two commands' continuations may run out of order: never step a stream back to an older version.
  if (current !== undefined && current.aggregate === entry.aggregate && current.version > entry.version) return;
  cache.delete(streamId);
  cache.set(streamId, entry);
  if (cache.size > STREAM_CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
};

const recall = (store: EventStore, streamId: string, aggregate: unknown): CachedStream | undefined => {
  const entry = streamCaches.get(store)?.get(streamId);
  return entry !== undefined && entry.aggregate === aggregate ? entry : undefined;
};

/** Forgets what the pipeline remembers of a store's streams (tests; tools that rewrite a store). */
export const forgetStreams = (store: EventStore): void => {
  streamCaches.delete(store);
};

/**
 * Commands on one stream, in this process, run one after the other: concurrent commands on a stream would only
 * conflict and retry (and under heavy contention give up), while queued ones each decide on the state the one
 * before left. Commands on different streams are not held up. Other processes are still kept apart by the
 * store's expected-version check.
 */
const streamQueues = new WeakMap<EventStore, Map<string, Promise<void>>>();

const oneAtATime = async <A>(store: EventStore, streamId: string, work: () => Promise<A>): Promise<A> => {
  let queues = streamQueues.get(store);
  if (queues === undefined) {
    queues = new Map();
    streamQueues.set(store, queues);
  }
  const before = queues.get(streamId);
  let done!: () => void;
  const mine = new Promise<void>((resolve) => {
    done = resolve;
  });
  const tail = before === undefined ? mine : before.then(() => mine);
  queues.set(streamId, tail);
  try {
    if (before !== undefined) await before;
    return await work();
  } finally {
    done();
    if (queues.get(streamId) === tail) queues.delete(streamId);
  }
};

export const handle = <State, Command, Event, Error>(
  store: EventStore,
  aggregate: Aggregate<State, Command, Event, Error>,
  streamId: string,
  command: Command,
  context: CommandContext,
  options: HandleOptions = {},
): Promise<Either<HandleError<Error>, Handled<Event>>> =>
  oneAtATime(store, streamId, () => decideAndAppend(store, aggregate, streamId, command, context, options));

const decideAndAppend = async <State, Command, Event, Error>(
  store: EventStore,
  aggregate: Aggregate<State, Command, Event, Error>,
  streamId: string,
  command: Command,
  context: CommandContext,
  options: HandleOptions = {},
): Promise<Either<HandleError<Error>, Handled<Event>>> => {
  const maxAttempts = options.maxAttempts ?? 5;
  const expected = options.expectedVersion;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    // A client's If-Match is answered from the store itself, never from what this process remembers.
    let known = expected === undefined ? recall(store, streamId, aggregate) : undefined;
    if (known === undefined || known.commandIds.has(context.commandId)) {
      const loaded = await loadStream(store, aggregate, streamId);
      if (isLeft(loaded)) return loaded;
      const { envelopes, events, state } = loaded.right;
      const mine = envelopes.filter((e) => e.metadata.commandId === context.commandId);
      if (mine.length > 0)
        return right(replayedResult(envelopes, mine, mine.map((e) => events[e.streamVersion] as Event)));
      known = {
        aggregate,
        version: envelopes.length - 1,
        state,
        eventIds: envelopes.map((e) => e.eventId),
        commandIds: new Set(envelopes.map((e) => e.metadata.commandId)),
      };
      remember(store, streamId, known);
    }

    const version = known.version;
    if (expected !== undefined && expected !== (version < 0 ? 'no-stream' : version))
      return left({ _tag: 'StaleVersion', streamId, expected, current: version < 0 ? 'no-stream' : version });
    const decided = aggregate.decider.decide(command, known.state as State);
    if (isLeft(decided)) return left({ _tag: 'Refused', error: decided.left });
    if (decided.right.length === 0)
      return right({ events: [], envelopes: [], streamVersion: version, position: 0, replayed: false });

    const inputs = known.eventIds;
    const newEvents: NewEvent[] = decided.right.map((event, index) => {
      const { type, schemaVersion, data } = aggregate.serde.serialize(event);
      const basis = aggregate.basisOf?.(event);
      return {
        eventId: eventIdFor(context.commandId, index),
        type,
        schemaVersion,
        data,
        metadata: eventMetadata(context, basis === undefined ? undefined : { ...basis, inputs: decisionInputs(inputs, context) }),
      };
    });

    const appended = await store.append(streamId, newEvents, version < 0 ? 'no-stream' : version);
    if (isLeft(appended)) {
      if (appended.left._tag === 'VersionConflict') {
        cacheOf(store).delete(streamId);
        continue;
      }
      return left(appended.left);
    }
    const stored = appended.right.events;
    remember(store, streamId, {
      aggregate,
      version: appended.right.nextExpectedVersion,
      state: fold(aggregate.decider.evolve, known.state as State, decided.right),
      eventIds: [...known.eventIds, ...stored.map((e) => e.eventId)],
      commandIds: new Set([...known.commandIds, context.commandId]),
    });
    return right({
      events: decided.right,
      envelopes: stored,
      streamVersion: appended.right.nextExpectedVersion,
      position: appended.right.lastPosition,
      replayed: false,
    });
  }
  return left({ _tag: 'TooManyConflicts', streamId, attempts: maxAttempts });
};
