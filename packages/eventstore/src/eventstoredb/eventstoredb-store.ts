/**
 * The EventStoreDB / KurrentDB adapter of the EventStore port (ARCHITECTURE.md, "Storage"): for a region or the
 * nation, a replicated cluster configured by one connection string.
 *
 * How the envelope is stored: one EventStoreDB event per envelope, in the stream of the same name. The
 * server's type is our `type`, its JSON payload our `data`, and its JSON metadata our envelope metadata plus
 * `schemaVersion` (and `$correlationId` / `$causationId`, so that the server's own `$by_correlation_id`
 * projection works). `streamVersion` is the server's stream revision and `globalPosition` its commit position
 * in `$all`: unique and increasing, but NOT gapless (it is a byte offset in the log).
 *
 * Event ids: the server identifies events by UUID. An `eventId` that is a lower-case UUID is the server's id
 * as it is (the engine derives one from the command id and the event's index); any other id is kept in the
 * metadata and the server gets a name-based UUID (RFC 4122 version 5) of it. Either way the same `eventId`
 * always gives the same server id, so the server's de-duplication of retried appends keeps working.
 *
 * The hash chain needs the head of the stream, which the server does not hand out with an append, so every
 * append first reads the stream backwards, seals the new events on its last one, and then appends expecting
 * exactly that revision: if another writer got in between, the server refuses, and the chain cannot fork.
 * `'any'` is turned into that exact revision too, and retried a bounded number of times. The same read checks
 * that none of the new event ids is already in the stream. It cannot check other streams: EventStoreDB has no
 * index by event id, so ids are unique per stream here, not across the store (an engine-derived id always goes
 * to the same stream, which is what idempotent retries need).
 *
 * `$all` is shared with the server's own events (statistics, stream metadata, links of system projections)
 * and perhaps with other applications: `readAll`, `subscribe` and `headPosition` pass over everything that is
 * not a kinerja envelope. A position given to them must be 0 or a `globalPosition` this adapter returned: a
 * server refuses to read `$all` from a position that is not an event's.
 *
 * Requirements on the server: EventStoreDB 22.6 or later (earlier servers do not report $all positions on
 * stream reads, and `globalPosition` could not be filled in). With access control on, the connection string's
 * user must be allowed to read `$all` (by default: admins and operations).
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  AccessDeniedError,
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type EventData,
  type JSONType,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { appendSizeBytes, checkAppendSize, DEFAULT_MAX_APPEND_BYTES, validateAppend } from '../append-validation';
import { EventEnvelopeCodec, type EventEnvelope, type NewEvent } from '../envelope';
import { sealEvents, streamGenesisHash } from '../integrity';
import type {
  AppendError,
  AppendResult,
  CommonStoreOptions,
  EventStore,
  ExpectedVersion,
  InvalidAppend,
  ReadAllFilter,
  ReadAllOptions,
  ReadStreamOptions,
  StreamVersion,
  Subscription,
  Unavailable,
  VersionConflict,
} from '../port';
import { StoreUnavailableError } from '../port';
import { serialIterator } from '../serial-iterator';

export type EventStoreDbStoreOptions = CommonStoreOptions &
  Readonly<{
  /** e.g. `esdb://node1:2113,node2:2113?tls=true` or, without TLS, `esdb://127.0.0.1:2113?tls=false`. */
  connectionString: string;
  /**
   * How long one request (an append, a stream read, one page of `readAll`) may wait for the server before it
   * fails as `Unavailable`; 10 s by default. Reads in the client have no deadline of their own.
   */
  timeoutMs?: number;
  /** Attempts of an `'any'` append that keeps losing the race for the stream's head; 5 by default. */
  anyAttempts?: number;
}>;

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_ANY_ATTEMPTS = 5;
const DEFAULT_BATCH_SIZE = 500;
/**
 * Events read per round trip while looking backwards for the last of ours: usually the very last event is
 * ours, and system events (statistics, scavenges) that follow it come in small numbers.
 */
const HEAD_PAGE_SIZES = [1, 32, 256] as const;
/** Events read per round trip while collecting the event ids of a stream. */
const STREAM_SCAN_PAGE_SIZE = 500;
/** Streams whose ids and head a store keeps between appends (least recently used ones are dropped). */
const KNOWN_STREAMS_LIMIT = 1_000;
/** gRPC status codes (grpc-js `status`), for errors the client passes through unconverted. */
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** The canonical, lower-case spelling: the one the server hands back. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The namespace of kinerja's name-based event UUIDs (a constant: changing it would change every derived id). */
const EVENT_ID_NAMESPACE = Buffer.from('3f0c7a52d1e84b6f9a2e5c81b7d40e19', 'hex');

/** RFC 4122 version 5: SHA-1 of namespace and name, with the version and variant bits set. */
const nameBasedUuid = (name: string): string => {
  const bytes = createHash('sha1').update(EVENT_ID_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The server's id for an event id (see the header). */
export const serverEventId = (eventId: string): string => (UUID_PATTERN.test(eventId) ? eventId : nameBasedUuid(eventId));

const unavailable = (reason: string): Unavailable => ({ _tag: 'Unavailable', reason });
const invalid = (reason: string): InvalidAppend => ({ _tag: 'InvalidAppend', reason });

const grpcCode = (error: unknown): number | undefined => {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Failures of the connection rather than of the request: the server is down or unreachable (gRPC 14, which the
 * client sometimes passes through raw), too slow, restarting, not the leader, or refusing our credentials. The
 * caller can wait and retry (or an operator can fix the configuration); anything else is a bug and is thrown.
 */
const asUnavailable = (error: unknown): Unavailable | undefined => {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError ||
    error instanceof AccessDeniedError
  )
    return unavailable(`EventStoreDB: ${error.message}`);
  const code = grpcCode(error);
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) return unavailable(`EventStoreDB: ${messageOf(error)}`);
  return undefined;
};

const matchesFilter =
  (filter: ReadAllFilter | undefined) =>
  (event: EventEnvelope): boolean =>
    (filter?.types === undefined || filter.types.includes(event.type)) &&
    (filter?.streamPrefixes === undefined || filter.streamPrefixes.some((prefix) => event.streamId.startsWith(prefix)));

const at = (position: number): Position => ({ commit: BigInt(position), prepare: BigInt(position) });

// --- from the server's events to envelopes ------------------------------------------------------------------

type AnyResolvedEvent = ResolvedEvent | AllStreamResolvedEvent;

/** The commit position as a number, when the server reported one (servers before 22.6 send 2^64 - 1). */
const positionOf = (resolved: AnyResolvedEvent): number | undefined => {
  const commit = resolved.event?.position?.commit ?? resolved.commitPosition;
  return commit === undefined || commit > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(commit);
};

/** Events the server writes for itself (`$`-types such as links `$>` and `$metadata`, `$`-streams). */
const isSystemEvent = (resolved: AnyResolvedEvent): boolean => {
  const event = resolved.event;
  return event === undefined || event.type.startsWith('$') || event.streamId.startsWith('$');
};

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u) && !(u instanceof Uint8Array);

/** The envelope stored in one server event, or why that event is not one of ours. */
const envelopeOf = (resolved: AnyResolvedEvent): Either<string, EventEnvelope> => {
  const event = resolved.event;
  if (event === undefined) return left('a link to a deleted event');
  if (!event.isJson) return left('not JSON');
  const position = positionOf(resolved);
  if (position === undefined) return left('no $all position (EventStoreDB 22.6 or later is needed)');
  const metadata = event.metadata;
  if (!isRecord(metadata)) return left('no JSON metadata');
  const keptId = metadata['eventId'];
  const decoded = EventEnvelopeCodec.decode({
    eventId: typeof keptId === 'string' ? keptId : event.id,
    type: event.type,
    schemaVersion: metadata['schemaVersion'],
    streamId: event.streamId,
    streamVersion: Number(event.revision),
    globalPosition: position,
    data: event.data,
    // The codec keeps our metadata fields and drops the rest (eventId, schemaVersion, $correlationId, ...).
    metadata,
  });
  return isLeft(decoded) ? left('not a kinerja envelope') : right(decoded.right);
};

/** One of our events in `$all`, or undefined for system events and other applications' events. */
const ourEnvelope = (resolved: AnyResolvedEvent): EventEnvelope | undefined => {
  if (isSystemEvent(resolved)) return undefined;
  const envelope = envelopeOf(resolved);
  return isLeft(envelope) ? undefined : envelope.right;
};

const toEventData = (envelope: Omit<EventEnvelope, 'globalPosition'>): EventData => {
  const id = serverEventId(envelope.eventId);
  return jsonEvent({
    id,
    type: envelope.type,
    // The client's type admits objects, arrays and strings only; JSON.stringify, which it uses, takes any Json.
    data: envelope.data as JSONType,
    metadata: {
      ...envelope.metadata,
      ...(id === envelope.eventId ? {} : { eventId: envelope.eventId }),
      schemaVersion: envelope.schemaVersion,
      $correlationId: envelope.metadata.correlationId,
      $causationId: envelope.metadata.causationId,
    },
  });
};

// --- reading the client's streams ---------------------------------------------------------------------------

/**
 * What the adapter uses of the client's reads and subscriptions (Node readable streams). Named structurally:
 * the client's typings are written against an older @types/node than ours.
 */
type ClientStream<E> = {
  [Symbol.asyncIterator](): AsyncIterator<E>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  destroy(): unknown;
};

type Puller<E> = Readonly<{
  next: () => Promise<IteratorResult<E>>;
  /** Cancels the gRPC call if it has not ended, and destroys the stream; pending `next()` calls settle. */
  stop: () => Promise<void>;
}>;

/**
 * The client's reads and subscriptions are Node readable streams that report failures by emitting 'error'
 * (without destroying themselves), possibly before anyone iterates them. This listens from the start and
 * turns such an error into a rejection of the pending `next()`, so that nothing is left hanging or uncaught.
 * Reading pulls from the stream's bounded buffer, which pauses the gRPC call when full: backpressure.
 *
 * A call that has ended is not cancelled: each cancellation is an HTTP/2 RST_STREAM, and servers count them
 * (Node's HTTP/2, for one, drops a connection after about a thousand, as a defence against "rapid reset").
 * For the same reason the reads below ask for exactly as many events as they need, so that they end by
 * themselves instead of being cut short.
 */
const puller = <E>(stream: ClientStream<E>, cancel: () => Promise<void>): Puller<E> => {
  const iterator = stream[Symbol.asyncIterator]();
  let fail: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined);
  let ended = false;
  stream.on('error', (error: unknown) => {
    ended = true;
    fail(error);
  });
  let stopped = false;
  return {
    next: async () => {
      const step = await Promise.race([iterator.next(), failed]);
      if (step.done === true) ended = true;
      return step;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (!ended) await cancel().catch(() => undefined);
      stream.destroy();
    },
  };
};

type ReadOutcome = 'read' | 'not-found';

/**
 * Consumes a read until it ends or `onEvent` returns false, within `timeoutMs`: a server that stops answering
 * becomes `Unavailable`, not a hang. A missing (or deleted) stream is reported as such, not as an error.
 */
const consume = async <E>(
  stream: ClientStream<E>,
  cancel: () => Promise<void>,
  timeoutMs: number,
  onEvent: (event: E) => boolean,
): Promise<Either<Unavailable, ReadOutcome>> => {
  const source = puller<E>(stream, cancel);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    for (;;) {
      const step = await Promise.race([source.next(), timedOut]);
      if (step === 'timeout') return left(unavailable(`EventStoreDB did not answer within ${timeoutMs} ms`));
      if (step.done === true || !onEvent(step.value)) return right('read');
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return right('not-found');
    const failure = asUnavailable(error);
    if (failure !== undefined) return left(failure);
    throw error;
  } finally {
    clearTimeout(timer);
    await source.stop();
  }
};

/** Settles with the promise, or with `Unavailable` after `timeoutMs`. */
const within = async <A>(promise: Promise<A>, timeoutMs: number): Promise<Either<Unavailable, A>> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Either<Unavailable, A>>((resolve) => {
    timer = setTimeout(
      () => resolve(left(unavailable(`EventStoreDB did not answer within ${timeoutMs} ms`))),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise.then((a) => right<Unavailable, A>(a)), timedOut]);
  } finally {
    clearTimeout(timer);
  }
};

// --- the store ----------------------------------------------------------------------------------------------

type Head = Readonly<{ version: number; hash: string; recordedAt: string }>;

type Written =
  | Readonly<{ _tag: 'Written'; lastRevision: number }>
  | Readonly<{ _tag: 'Conflict'; actual: StreamVersion }>;

/**
 * Opens the store. The client connects lazily, so an unreachable server shows up as `Unavailable` on the first
 * call, not here; a malformed connection string is a configuration error and throws.
 */
export const openEventStoreDbStore = (options: EventStoreDbStoreOptions): EventStore => {
  const client = EventStoreDBClient.connectionString(options.connectionString);
  const clock = options.clock ?? (() => new Date());
  const newEventId = options.newEventId ?? randomUUID;
  const maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const anyAttempts = Math.max(1, options.anyAttempts ?? DEFAULT_ANY_ATTEMPTS);

  let closed = false;
  const closedStore = unavailable('the store is closed');
  /** Closers of the open subscriptions, so that closing the store ends them. */
  const subscriptions = new Set<() => Promise<void>>();

  // --- streams ---

  /**
   * Reads events of one stream as envelopes. `onEnvelope` returns false to stop. An event in one of our
   * streams that is not a kinerja envelope means the stream was written behind our back: that is thrown.
   */
  const readEnvelopes = async (
    streamId: string,
    from: bigint | typeof START | typeof END,
    direction: typeof FORWARDS | typeof BACKWARDS,
    maxCount: number,
    onEnvelope: (envelope: EventEnvelope) => boolean,
  ): Promise<Either<Unavailable, ReadOutcome>> => {
    // Reads go to the leader: right after an append, a follower might not have the events yet.
    const read = client.readStream(streamId, { fromRevision: from, direction, maxCount, requiresLeader: true });
    return consume<ResolvedEvent>(read, () => read.cancel(), timeoutMs, (resolved) => {
      const envelope = envelopeOf(resolved);
      if (isLeft(envelope)) {
        const revision = resolved.event?.revision ?? '?';
        throw new Error(`EventStoreDB: event ${streamId}@${String(revision)} is not a kinerja event (${envelope.left})`);
      }
      return onEnvelope(envelope.right);
    });
  };

  /**
   * What a store knows of a stream it has appended to: the head it left and every event id in the stream then.
   * The next append to the stream reads only what was appended since (usually nothing but the head), instead
   * of the whole stream. Per store, least recently used first out.
   */
  type KnownStream = Readonly<{ head: Head; ids: ReadonlySet<string> }>;
  const knownStreams = new Map<string, KnownStream>();
  const remember = (streamId: string, known: KnownStream): void => {
    knownStreams.delete(streamId);
    knownStreams.set(streamId, known);
    if (knownStreams.size > KNOWN_STREAMS_LIMIT) {
      const oldest = knownStreams.keys().next();
      if (oldest.done !== true) knownStreams.delete(oldest.value);
    }
  };

  /** `count` events backwards from revision `from`, in pages of an exact size. False when the stream ran out. */
  const readBackwards = async (
    streamId: string,
    from: number,
    count: number,
    onEnvelope: (envelope: EventEnvelope) => void,
  ): Promise<Either<Unavailable, boolean>> => {
    let next = from;
    let remaining = count;
    while (remaining > 0) {
      const page = Math.min(remaining, STREAM_SCAN_PAGE_SIZE, next + 1);
      if (page <= 0) return right(false);
      let received = 0;
      const outcome = await readEnvelopes(streamId, BigInt(next), BACKWARDS, page, (envelope) => {
        received += 1;
        onEnvelope(envelope);
        return true;
      });
      if (isLeft(outcome)) return outcome;
      if (received < page) return right(false);
      next -= page;
      remaining -= page;
    }
    return right(true);
  };

  type Inspection = Readonly<{
    head: Head | undefined;
    /** Every event id in the stream; empty when the expectation already failed (nothing more was read). */
    ids: ReadonlySet<string>;
  }>;

  /**
   * The stream's head and its event ids. The head is read first, alone, so that a stale expectation costs one
   * small read; the ids come from what this store knows of the stream plus what was appended since, checked
   * by the hash of the head it knew (a mismatch, as after the stream was deleted and written again, means a
   * full read).
   */
  const inspectStream = async (streamId: string, expected: ExpectedVersion): Promise<Either<Unavailable, Inspection>> => {
    let found: EventEnvelope | undefined;
    const first = await readEnvelopes(streamId, END, BACKWARDS, 1, (envelope) => {
      found = envelope;
      return true;
    });
    if (isLeft(first)) return first;
    const last: EventEnvelope | undefined = found;
    if (last === undefined) return right({ head: undefined, ids: new Set() });
    const head: Head = { version: last.streamVersion, hash: last.metadata.hash, recordedAt: last.metadata.recordedAt };
    if (expected !== 'any' && expected !== head.version) return right({ head, ids: new Set() });

    const ids = new Set<string>([last.eventId]);
    const known = knownStreams.get(streamId);
    if (known !== undefined && known.head.version <= head.version) {
      let intact = known.head.version === head.version && known.head.hash === head.hash;
      if (known.head.version < head.version) {
        const since = await readBackwards(streamId, head.version - 1, head.version - known.head.version, (envelope) => {
          ids.add(envelope.eventId);
          if (envelope.streamVersion === known.head.version) intact = envelope.metadata.hash === known.head.hash;
        });
        if (isLeft(since)) return since;
      }
      if (intact) {
        for (const id of known.ids) ids.add(id);
        return right({ head, ids });
      }
    }
    const all = await readBackwards(streamId, head.version - 1, head.version, (envelope) => ids.add(envelope.eventId));
    if (isLeft(all)) return all;
    return right({ head, ids });
  };

  const readStream: EventStore['readStream'] = async (streamId, readOptions: ReadStreamOptions = {}) => {
    if (closed) return left(closedStore);
    const backwards = readOptions.direction === 'backwards';
    const asOf = readOptions.asOfRecordedAt?.getTime();
    const maxCount = readOptions.maxCount === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(readOptions.maxCount));
    const { from, to } = readOptions;
    if (maxCount === 0 || (backwards && from !== undefined && from < 0)) return right([]);
    const start = backwards
      ? from === undefined
        ? END
        : BigInt(Math.floor(from))
      : from === undefined || from <= 0
        ? START
        : BigInt(Math.ceil(from));
    // The server is asked for just the window, so that the read ends by itself (see `puller`); without an
    // as-of filter every event read is kept, so maxCount bounds it too.
    const span =
      to === undefined || (backwards && from === undefined)
        ? Number.POSITIVE_INFINITY
        : backwards
          ? (from ?? to) - to + 1
          : to - Math.max(0, from ?? 0) + 1;
    const serverCount = Math.min(Math.max(span, 0), asOf === undefined ? maxCount : Number.POSITIVE_INFINITY);
    if (serverCount === 0) return right([]);
    const bounded = Number.isFinite(serverCount);
    const events: EventEnvelope[] = [];
    const outcome = await readEnvelopes(
      streamId,
      start,
      backwards ? BACKWARDS : FORWARDS,
      bounded ? serverCount : Number.MAX_SAFE_INTEGER,
      (envelope) => {
        const version = envelope.streamVersion;
        // Past the window (a backwards read from beyond the end): skip the rest; cut short only an open read.
        if (to !== undefined && (backwards ? version < to : version > to)) return bounded;
        // First the stream as it stood at `asOf`, then the window over it (as every adapter does).
        if (asOf !== undefined && Date.parse(envelope.metadata.recordedAt) > asOf) return true;
        if (events.length < maxCount) events.push(envelope);
        // A read asked for an exact count ends by itself; only an open-ended one is cut short.
        return bounded || events.length < maxCount;
      },
    );
    return isLeft(outcome) ? outcome : right(events);
  };

  // --- append ---

  const conflict = (streamId: string, expected: ExpectedVersion, actual: StreamVersion): VersionConflict => ({
    _tag: 'VersionConflict',
    streamId,
    expected,
    actual,
  });

  /** Appends sealed events expecting exactly `revision`; a refusal by the server is a `Conflict`, not an error. */
  const write = async (
    streamId: string,
    sealed: ReadonlyArray<Omit<EventEnvelope, 'globalPosition'>>,
    revision: bigint | typeof NO_STREAM,
    sizeBytes: number,
  ): Promise<Either<AppendError, Written>> => {
    try {
      // The client's deadline covers Streams.Append; BatchAppend (which newer servers offer) has none on the
      // client side, hence the race in `within`.
      const appended = await within(
        client.appendToStream(streamId, sealed.map(toEventData), {
          expectedRevision: revision,
          deadline: timeoutMs,
          requiresLeader: true,
        }),
        timeoutMs,
      );
      if (isLeft(appended)) return appended;
      return right({ _tag: 'Written', lastRevision: Number(appended.right.nextExpectedRevision) });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion;
        return right({ _tag: 'Conflict', actual: typeof actual === 'bigint' ? Number(actual) : 'no-stream' });
      }
      if (error instanceof MaxAppendSizeExceededError)
        return left({ _tag: 'TooLarge', limitBytes: error.maxAppendSize, sizeBytes });
      if (error instanceof StreamDeletedError) return left(invalid(`the stream ${streamId} has been deleted`));
      const failure = asUnavailable(error);
      if (failure !== undefined) return left(failure);
      throw error;
    }
  };

  const append: EventStore['append'] = async (streamId, events, expected) => {
    if (closed) return left(closedStore);
    const valid = validateAppend(streamId, events, expected);
    if (isLeft(valid)) return valid;
    if (streamId.startsWith('$'))
      return left(invalid(`${streamId}: stream ids starting with "$" are EventStoreDB's system streams`));
    const size = checkAppendSize(events, maxAppendBytes);
    if (isLeft(size)) return size;

    // Ids are given before the first attempt, so that every attempt (and the server's de-duplication) sees the
    // same ones. A JSON copy, because the hash must cover exactly the JSON that is stored and read back.
    const identified: ReadonlyArray<NewEvent> = JSON.parse(
      JSON.stringify(events.map((event) => ({ ...event, eventId: event.eventId ?? newEventId() }))),
    ) as ReadonlyArray<NewEvent>;
    const ids = new Set<string>();
    for (const event of identified) {
      const eventId = event.eventId ?? '';
      if (ids.has(eventId)) return left({ _tag: 'DuplicateEventId', eventId });
      ids.add(eventId);
    }
    const sizeBytes = appendSizeBytes(events);

    for (let attempt = 1; ; attempt++) {
      const inspected = await inspectStream(streamId, expected);
      if (isLeft(inspected)) return inspected;
      const { head, ids: storedIds } = inspected.right;
      const actual: StreamVersion = head?.version ?? 'no-stream';
      if (expected !== 'any' && expected !== actual) return left(conflict(streamId, expected, actual));
      const stored = identified.find((event) => storedIds.has(event.eventId ?? ''));
      if (stored !== undefined) return left({ _tag: 'DuplicateEventId', eventId: stored.eventId ?? '' });

      const now = clock().getTime();
      if (!Number.isFinite(now)) throw new Error('EventStoreDB store: the clock returned an invalid Date');
      // recordedAt never goes back within a stream, even when clocks of several writers disagree: as-of reads
      // take a prefix of the stream.
      const recordedAt = new Date(Math.max(now, head === undefined ? now : Date.parse(head.recordedAt)));
      const sealed = sealEvents({
        streamId,
        firstVersion: head === undefined ? 0 : head.version + 1,
        prevHash: head?.hash ?? streamGenesisHash(streamId),
        recordedAt: recordedAt.toISOString(),
        events: identified,
        newEventId,
      });
      const revision = head === undefined ? NO_STREAM : BigInt(head.version);
      const written = await write(streamId, sealed, revision, sizeBytes);
      if (isLeft(written)) return written;
      if (written.right._tag === 'Conflict') {
        if (expected === 'any' && attempt < anyAttempts) continue;
        return left(conflict(streamId, expected, written.right.actual));
      }
      const result = await readBack(streamId, sealed, written.right.lastRevision);
      if (isLeft(result)) {
        knownStreams.delete(streamId);
        return result;
      }
      const last = result.right.events[result.right.events.length - 1];
      if (last !== undefined && last.streamVersion === (head?.version ?? -1) + sealed.length)
        remember(streamId, {
          head: { version: last.streamVersion, hash: last.metadata.hash, recordedAt: last.metadata.recordedAt },
          ids: new Set([...storedIds, ...ids]),
        });
      return result;
    }
  };

  /**
   * The stored envelopes, with the positions the server gave them. Read back rather than assumed: the server
   * acknowledges a retried append (same ids, same place) without writing it again, and then what is stored is
   * the first attempt, with its own recordedAt and hashes.
   */
  const readBack = async (
    streamId: string,
    sealed: ReadonlyArray<Omit<EventEnvelope, 'globalPosition'>>,
    lastRevision: number,
  ): Promise<Either<AppendError, AppendResult>> => {
    const first = lastRevision - sealed.length + 1;
    const stored: EventEnvelope[] = [];
    // Exactly as many as were written: the read ends by itself (see `puller`).
    const outcome = await readEnvelopes(streamId, BigInt(Math.max(0, first)), FORWARDS, sealed.length, (envelope) => {
      stored.push(envelope);
      return true;
    });
    if (isLeft(outcome)) return outcome;
    const sameIds = stored.length === sealed.length && stored.every((e, i) => e.eventId === sealed[i]?.eventId);
    // The server took the ids for a retry of events stored elsewhere in the stream: they are not ours to report.
    if (!sameIds) return left({ _tag: 'DuplicateEventId', eventId: sealed[0]?.eventId ?? '' });
    const last = stored[stored.length - 1];
    return right({ nextExpectedVersion: lastRevision, events: stored, lastPosition: last?.globalPosition ?? 0 });
  };

  // --- $all ---

  const batchSizeOf = (readOptions: ReadAllOptions | undefined): number => {
    const size = Math.floor(readOptions?.batchSize ?? DEFAULT_BATCH_SIZE);
    return Number.isSafeInteger(size) ? Math.max(1, size) : DEFAULT_BATCH_SIZE;
  };

  /** Where a read of $all after `position` starts: the start, or the event at `position` (reads include it). */
  const readPositionAfter = (position: number): ReadPosition => (position <= 0 ? START : at(position));

  const readAll: EventStore['readAll'] = (fromPosition, readOptions) => {
    const batchSize = batchSizeOf(readOptions);
    const matches = matchesFilter(readOptions?.filter);
    return {
      async *[Symbol.asyncIterator]() {
        let after = Math.max(0, Math.floor(fromPosition));
        for (;;) {
          if (closed) throw new StoreUnavailableError(closedStore.reason);
          // A read from a position includes the event at it, so one more is asked for after the start.
          const wanted = after === 0 ? batchSize : batchSize + 1;
          const page: EventEnvelope[] = [];
          let received = 0;
          let furthest = after;
          const read = client.readAll({ fromPosition: readPositionAfter(after), direction: FORWARDS, maxCount: wanted });
          const outcome = await consume<AllStreamResolvedEvent>(read, () => read.cancel(), timeoutMs, (resolved) => {
            received += 1;
            const position = positionOf(resolved);
            if (position === undefined || position <= after) return true;
            furthest = position;
            const envelope = ourEnvelope(resolved);
            if (envelope !== undefined && matches(envelope)) page.push(envelope);
            return true;
          });
          if (isLeft(outcome)) throw new StoreUnavailableError(outcome.left.reason);
          yield* page;
          if (received < wanted || furthest === after) return;
          after = furthest;
        }
      },
    };
  };

  const subscribe: EventStore['subscribe'] = (fromPosition, readOptions) => {
    const batchSize = batchSizeOf(readOptions);
    const matches = matchesFilter(readOptions?.filter);
    let after = Math.max(0, Math.floor(fromPosition));
    let ended = closed;
    let signalClosed: () => void = () => undefined;
    const closing = new Promise<'closed'>((resolve) => {
      signalClosed = () => resolve('closed');
    });
    let source: Puller<AllStreamResolvedEvent> | undefined;

    // Opened on the first `next()`: a subscription nobody reads holds no call on the server. A subscription's
    // start position is exclusive, which is what `fromPosition` means.
    const open = (): Puller<AllStreamResolvedEvent> => {
      if (source !== undefined) return source;
      // The stream's buffer (highWaterMark) bounds what is read ahead of the consumer.
      const live = client.subscribeToAll({ fromPosition: after <= 0 ? START : at(after) }, { highWaterMark: batchSize });
      source = puller<AllStreamResolvedEvent>(live, () => live.unsubscribe());
      return source;
    };

    const close = async (): Promise<void> => {
      ended = true;
      subscriptions.delete(close);
      signalClosed();
      const current = source;
      source = undefined;
      await current?.stop();
    };
    subscriptions.add(close);

    const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
    const pull = async (): Promise<IteratorResult<EventEnvelope, undefined>> => {
      for (;;) {
        if (ended) return done;
        let step: IteratorResult<AllStreamResolvedEvent> | 'closed';
        try {
          step = await Promise.race([open().next(), closing]);
        } catch (error) {
          if (ended) return done;
          await close();
          const failure = asUnavailable(error);
          if (failure !== undefined) throw new StoreUnavailableError(failure.reason);
          throw error;
        }
        if (step === 'closed' || ended) return done;
        if (step.done === true) {
          // A subscription only ends when the server drops it: the reader must know it is no longer live.
          await close();
          throw new StoreUnavailableError('EventStoreDB ended the subscription');
        }
        const position = positionOf(step.value);
        if (position === undefined || position <= after) continue;
        after = position;
        const envelope = ourEnvelope(step.value);
        if (envelope !== undefined && matches(envelope)) return { done: false, value: envelope };
      }
    };

    const iterator = serialIterator(pull, close);
    const subscription: Subscription = { [Symbol.asyncIterator]: () => iterator, close };
    return subscription;
  };

  /**
   * The position of the last of our events: system events written after it (statistics, scavenges) and other
   * applications' events are passed over, so that a reader at this position has nothing left to read.
   */
  const headPosition: EventStore['headPosition'] = async () => {
    if (closed) return left(closedStore);
    let before = Number.POSITIVE_INFINITY;
    for (let page = 0; ; page++) {
      const pageSize = HEAD_PAGE_SIZES[Math.min(page, HEAD_PAGE_SIZES.length - 1)] ?? 1;
      let found: number | undefined;
      let oldest = before;
      let received = 0;
      const read = client.readAll({
        fromPosition: Number.isFinite(before) ? at(before) : END,
        direction: BACKWARDS,
        maxCount: pageSize,
      });
      // The whole page is read (no early stop: see `puller`); the first of ours in it is the head.
      const outcome = await consume<AllStreamResolvedEvent>(read, () => read.cancel(), timeoutMs, (resolved) => {
        received += 1;
        const position = positionOf(resolved);
        if (position === undefined || position >= before) return true;
        oldest = Math.min(oldest, position);
        if (found === undefined && ourEnvelope(resolved) !== undefined) found = position;
        return true;
      });
      if (isLeft(outcome)) return outcome;
      if (found !== undefined) return right(found);
      if (received < pageSize || oldest === before) return right(0);
      before = oldest;
    }
  };

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await Promise.all([...subscriptions].map((closeOne) => closeOne()));
    await client.dispose();
  };

  return { append, readStream, readAll, subscribe, headPosition, close };
};
