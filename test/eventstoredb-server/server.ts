/**
 * A TEST FIXTURE, not a database: a small in-memory gRPC server that answers the EventStoreDB calls the
 * kinerja adapter makes through the real `@eventstore/db-client`, so that the adapter's tests exercise the real
 * client over real gRPC on 127.0.0.1 without an EventStoreDB server or Docker. See README.md beside this file
 * for what it implements and what it leaves out.
 */
import { randomUUID } from 'node:crypto';
import {
  anyPb,
  emptyPb,
  grpc,
  serverFeaturesGrpc,
  serverFeaturesPb,
  sharedPb,
  statusPb,
  streamsGrpc,
  streamsPb,
  type GrpcJs,
  type ServerFeaturesPb,
  type SharedPb,
  type StatusPb,
  type StreamsPb,
} from './modules';
import { InMemoryLog, type AppendOutcome, type ExpectedRevision, type ProposedEvent, type StoredEvent } from './log';

export type TestEventStoreDbOptions = Readonly<{
  /**
   * How ServerFeatures.GetSupportedMethods is answered. `'batch-append'` (the default) lists Streams.BatchAppend,
   * as every server since 21.10 does, so the client appends over BatchAppend; `'unimplemented'` answers
   * UNIMPLEMENTED, as older servers do, and the client falls back to Streams.Append.
   */
  features?: 'batch-append' | 'unimplemented';
  /** The server's MaxAppendSize; EventStoreDB's default is 1 MiB. */
  maxAppendSizeBytes?: number;
}>;

export type TestEventStoreDb = Readonly<{
  /** `esdb://127.0.0.1:<port>?tls=false` */
  connectionString: string;
  port: number;
  /** How many calls each gRPC method received, by path, e.g. `/event_store.client.streams.Streams/Read`. */
  calls: () => ReadonlyMap<string, number>;
  /** What the server did, for tests that must show which side acted. */
  stats: () => TestServerStats;
  /**
   * Changes the stored data of one event behind the clients' backs (`change` gets and returns its JSON text),
   * so that tests can show that `verify` catches an edit a real server would only allow to someone with disk
   * access.
   */
  tamper: (streamId: string, revision: number, change: (json: string) => string) => void;
  /** Ends every call at once (clients see UNAVAILABLE or CANCELLED) and frees the port. */
  stop: () => Promise<void>;
}>;

export type TestServerStats = Readonly<{
  /** Appends the server refused for a wrong expected version. */
  wrongExpectedVersions: number;
  /** Events written to subscription calls (what backpressure holds back from a slow reader). */
  subscriptionEventsSent: number;
  /**
   * Reads the client cancelled before the server ended them. Each is an HTTP/2 RST_STREAM, and Node's HTTP/2
   * drops a connection after about a thousand of them (a defence against "rapid reset"), as other servers may.
   */
  readsCancelled: number;
}>;

const STREAMS_SERVICE = 'event_store.client.streams.Streams';
const FEATURES_SERVICE = 'event_store.client.server_features.ServerFeatures';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ReadCall = GrpcJs.ServerWritableStream<StreamsPb.ReadReq, StreamsPb.ReadResp>;
type AppendCall = GrpcJs.ServerReadableStream<StreamsPb.AppendReq, StreamsPb.AppendResp>;
type BatchAppendCall = GrpcJs.ServerDuplexStream<StreamsPb.BatchAppendReq, StreamsPb.BatchAppendResp>;

const serviceError = (code: GrpcJs.status, details: string, metadata?: GrpcJs.Metadata): Partial<GrpcJs.StatusObject> =>
  metadata === undefined ? { code, details } : { code, details, metadata };

/** Reads the server has ended (with a status); grpc-js reports every closed call as 'cancelled', ended or not. */
const endedByServer = new WeakSet<ReadCall>();

const endCall = (call: ReadCall): void => {
  endedByServer.add(call);
  call.end();
};

/** Ends a server-streaming call with a status (grpc-js: emit 'error' on the call). */
const failCall = (call: ReadCall, code: GrpcJs.status, details: string): void => {
  endedByServer.add(call);
  call.emit('error', serviceError(code, details));
};

// ---------------------------------------------------------------------------------------------------------
// Messages: protocol <-> log

const streamIdentifier = (streamId: string): SharedPb.StreamIdentifier =>
  new sharedPb.StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8'));

const streamName = (identifier: SharedPb.StreamIdentifier | undefined): string =>
  Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');

const uuid = (id: string): SharedPb.UUID => new sharedPb.UUID().setString(id);

/** The client sends ids as strings; the structured form is decoded too so that a bad id is a clear error. */
const uuidString = (id: SharedPb.UUID | undefined): string | undefined => {
  if (id === undefined) return undefined;
  if (id.hasString()) return id.getString().toLowerCase();
  const structured = id.getStructured();
  if (structured === undefined) return undefined;
  const bytes = Buffer.alloc(16);
  bytes.writeBigInt64BE(BigInt(structured.getMostSignificantBits()), 0);
  bytes.writeBigInt64BE(BigInt(structured.getLeastSignificantBits()), 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

type ProposedMessage = StreamsPb.AppendReq.ProposedMessage | StreamsPb.BatchAppendReq.ProposedMessage;

const toProposed = (message: ProposedMessage): ProposedEvent | string => {
  const eventId = uuidString(message.getId());
  if (eventId === undefined || !UUID_PATTERN.test(eventId)) return `event id must be a UUID, got ${String(eventId)}`;
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (type === undefined || contentType === undefined) return 'metadata "type" and "content-type" are required';
  return {
    eventId,
    type,
    contentType,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
};

const eventResponse = (event: StoredEvent): StreamsPb.ReadResp => {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuid(event.eventId))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(String(event.revision))
    // Servers since 22.6 report the $all position on stream reads too; the adapter needs it.
    .setPreparePosition(String(event.position))
    .setCommitPosition(String(event.position))
    .setCustomMetadata(event.customMetadata)
    .setData(event.data);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.createdTicks.toString());
  const readEvent = new streamsPb.ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(event.position));
  return new streamsPb.ReadResp().setEvent(readEvent);
};

const toExpected = (options: StreamsPb.AppendReq.Options | StreamsPb.BatchAppendReq.Options): ExpectedRevision => {
  if (options.hasNoStream()) return 'no-stream';
  if (options.hasStreamExists()) return 'stream-exists';
  if (options.hasAny()) return 'any';
  const revision =
    options instanceof streamsPb.AppendReq.Options ? options.getRevision() : options.getStreamPosition();
  return Number(revision);
};

/** Streams.Append's answer to a failed expectation (a response, not an error, since 20.6.1). */
const appendWrongExpectedVersion = (
  outcome: Extract<AppendOutcome, { _tag: 'WrongExpectedVersion' }>,
): StreamsPb.AppendResp => {
  const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
  if (outcome.current === 'no-stream') wrong.setCurrentNoStream(new sharedPb.Empty());
  else wrong.setCurrentRevision(String(outcome.current));
  const expected = outcome.expected;
  if (expected === 'any') wrong.setExpectedAny(new sharedPb.Empty());
  else if (expected === 'no-stream') wrong.setExpectedNoStream(new sharedPb.Empty());
  else if (expected === 'stream-exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
  else wrong.setExpectedRevision(String(expected));
  return new streamsPb.AppendResp().setWrongExpectedVersion(wrong);
};

/** BatchAppend reports a failed expectation as a google.rpc.Status whose details pack a WrongExpectedVersion. */
const batchWrongExpectedVersion = (
  outcome: Extract<AppendOutcome, { _tag: 'WrongExpectedVersion' }>,
): StatusPb.Status => {
  const wrong = new sharedPb.WrongExpectedVersion();
  if (outcome.current === 'no-stream') wrong.setCurrentNoStream(new emptyPb.Empty());
  else wrong.setCurrentStreamRevision(String(outcome.current));
  const expected = outcome.expected;
  if (expected === 'any') wrong.setExpectedAny(new emptyPb.Empty());
  else if (expected === 'no-stream') wrong.setExpectedNoStream(new emptyPb.Empty());
  else if (expected === 'stream-exists') wrong.setExpectedStreamExists(new emptyPb.Empty());
  else wrong.setExpectedStreamPosition(String(expected));
  return packedStatus(grpc.status.FAILED_PRECONDITION, 'Wrong expected version.', wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
};

const packedStatus = (code: GrpcJs.status, message: string, details: Uint8Array, typeName: string): StatusPb.Status => {
  const any = new anyPb.Any();
  any.pack(details, typeName);
  // google.rpc.Code and grpc-js's status share their numbers.
  return new statusPb.Status().setCode(code as number).setMessage(message).setDetails(any);
};

// ---------------------------------------------------------------------------------------------------------
// Streaming with backpressure: write while the transport takes it, then wait for 'drain'.

/** Resolves when the call can take more, or has ended. */
const drained = (call: ReadCall): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done);
      call.off('cancelled', done);
      call.off('close', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
    call.on('close', done);
  });

const isOpen = (call: ReadCall, log: InMemoryLog): boolean => !call.cancelled && !call.destroyed && !log.closed;

const send = async (call: ReadCall, message: StreamsPb.ReadResp): Promise<void> => {
  if (!call.write(message)) await drained(call);
};

const sendAll = async (call: ReadCall, log: InMemoryLog, events: Iterable<StoredEvent>): Promise<void> => {
  for (const event of events) {
    if (!isOpen(call, log)) return;
    await send(call, eventResponse(event));
  }
  if (isOpen(call, log)) endCall(call);
};

function* slice(events: ReadonlyArray<StoredEvent>, from: number, step: 1 | -1, count: number): Iterable<StoredEvent> {
  for (let i = from, n = 0; i >= 0 && i < events.length && n < count; i += step, n++) {
    const event = events[i];
    if (event !== undefined) yield event;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Streams.Read

const readStream = async (call: ReadCall, log: InMemoryLog, options: StreamsPb.ReadReq.Options): Promise<void> => {
  const streamOptions = options.getStream();
  const streamId = streamName(streamOptions?.getStreamIdentifier());
  const events = log.stream(streamId);
  if (events === undefined || streamOptions === undefined) {
    const notFound = new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamId));
    await send(call, new streamsPb.ReadResp().setStreamNotFound(notFound));
    endCall(call);
    return;
  }
  const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
  const count = Number(options.getCount());
  const last = events.length - 1;
  const from = streamOptions.hasStart()
    ? 0
    : streamOptions.hasEnd()
      ? backwards
        ? last
        : events.length
      : Math.min(Number(streamOptions.getRevision()), backwards ? last : events.length);
  await sendAll(call, log, slice(events, from, backwards ? -1 : 1, count));
};

const readAll = async (call: ReadCall, log: InMemoryLog, options: StreamsPb.ReadReq.Options): Promise<void> => {
  const allOptions = options.getAll();
  const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
  const count = Number(options.getCount());
  const events = log.all;
  const position = allOptions?.getPosition();
  // Reading forwards from an event's position includes that event, backwards excludes it (as EventStoreDB's
  // $all reads do; the adapter copes with either). Unlike a real server, any number is accepted as a position.
  const from = allOptions?.hasStart()
    ? backwards
      ? -1
      : 0
    : position === undefined
      ? backwards
        ? events.length - 1
        : events.length
      : backwards
        ? log.indexFrom(Number(position.getCommitPosition()), false) - 1
        : log.indexFrom(Number(position.getCommitPosition()), false);
  await sendAll(call, log, slice(events, from, backwards ? -1 : 1, count));
};

/** A catch-up subscription to $all: confirmation, the stored events after the start, caught-up, then live. */
const subscribeToAll = async (
  call: ReadCall,
  log: InMemoryLog,
  options: StreamsPb.ReadReq.Options,
  sent: () => void,
): Promise<void> => {
  const allOptions = options.getAll();
  const position = allOptions?.getPosition();
  // A subscription's start position is exclusive.
  let cursor = allOptions?.hasStart()
    ? 0
    : position === undefined
      ? log.all.length
      : log.indexFrom(Number(position.getCommitPosition()), true);
  const ended = callEnded(call);
  const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
  await send(call, new streamsPb.ReadResp().setConfirmation(confirmation));
  let caughtUp = false;
  while (isOpen(call, log)) {
    const event = log.all[cursor];
    if (event !== undefined) {
      cursor += 1;
      sent();
      await send(call, eventResponse(event));
      continue;
    }
    if (!caughtUp) {
      caughtUp = true;
      await send(call, new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp()));
      continue;
    }
    await Promise.race([log.nextAppend(), ended]);
  }
};

/** Resolves when a call ends (cancelled by the client, or closed); one listener pair per call. */
const callEnded = (call: ReadCall): Promise<void> =>
  new Promise((resolve) => {
    if (call.cancelled || call.destroyed) resolve();
    call.once('cancelled', () => resolve());
    call.once('close', () => resolve());
  });

const read = (log: InMemoryLog, sent: () => void, cancelled: () => void) => (call: ReadCall): void => {
  call.on('cancelled', () => {
    if (!endedByServer.has(call)) cancelled();
  });
  const options = call.request.getOptions();
  const run = async (): Promise<void> => {
    if (options === undefined) return failCall(call, grpc.status.INVALID_ARGUMENT, 'ReadReq without options');
    if (options.hasFilter()) return failCall(call, grpc.status.UNIMPLEMENTED, 'server-side filters: not in the test server');
    if (options.hasStream()) {
      if (options.hasSubscription()) return failCall(call, grpc.status.UNIMPLEMENTED, 'stream subscriptions: not in the test server');
      return readStream(call, log, options);
    }
    if (options.hasAll()) {
      if (options.hasSubscription()) return subscribeToAll(call, log, options, sent);
      return readAll(call, log, options);
    }
    return failCall(call, grpc.status.INVALID_ARGUMENT, 'ReadReq names neither a stream nor $all');
  };
  run().catch((error: unknown) => failCall(call, grpc.status.INTERNAL, String(error)));
};

// ---------------------------------------------------------------------------------------------------------
// Streams.Append (client streaming: options, then one message per event)

const append = (log: InMemoryLog) => (call: AppendCall, callback: GrpcJs.sendUnaryData<StreamsPb.AppendResp>): void => {
  let options: StreamsPb.AppendReq.Options | undefined;
  const proposed: ProposedEvent[] = [];
  let invalid: string | undefined;
  call.on('data', (request: StreamsPb.AppendReq) => {
    const message = request.getProposedMessage();
    if (request.hasOptions()) options = request.getOptions();
    else if (message !== undefined) {
      const event = toProposed(message);
      if (typeof event === 'string') invalid ??= event;
      else proposed.push(event);
    }
  });
  call.on('error', () => undefined);
  call.on('end', () => {
    if (invalid !== undefined) return callback(serviceError(grpc.status.INVALID_ARGUMENT, invalid));
    if (options === undefined) return callback(serviceError(grpc.status.INVALID_ARGUMENT, 'AppendReq without options'));
    const streamId = streamName(options.getStreamIdentifier());
    const outcome = log.append(streamId, toExpected(options), proposed);
    switch (outcome._tag) {
      case 'Appended': {
        const success = new streamsPb.AppendResp.Success()
          .setCurrentRevision(String(outcome.currentRevision))
          .setPosition(
            new streamsPb.AppendResp.Position()
              .setCommitPosition(String(outcome.position))
              .setPreparePosition(String(outcome.position)),
          );
        return callback(null, new streamsPb.AppendResp().setSuccess(success));
      }
      case 'WrongExpectedVersion':
        return callback(null, appendWrongExpectedVersion(outcome));
      case 'TooLarge': {
        // Streams.Append reports this as an error whose trailers name the exception, as the server does.
        const metadata = new grpc.Metadata();
        metadata.set('exception', 'maximum-append-size-exceeded');
        metadata.set('maximum-append-size', String(outcome.maxAppendSize));
        return callback(
          serviceError(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${outcome.maxAppendSize} Exceeded.`, metadata),
        );
      }
    }
  });
};

// ---------------------------------------------------------------------------------------------------------
// Streams.BatchAppend (bidirectional: requests and answers matched by correlation id)

type PendingBatch = { options?: StreamsPb.BatchAppendReq.Options; proposed: ProposedEvent[]; invalid?: string };

const batchAppend = (log: InMemoryLog) => (call: BatchAppendCall): void => {
  const pending = new Map<string, PendingBatch>();
  call.on('data', (request: StreamsPb.BatchAppendReq) => {
    const correlationId = uuidString(request.getCorrelationId()) ?? '';
    const batch = pending.get(correlationId) ?? { proposed: [] };
    const options = request.getOptions();
    if (options !== undefined) batch.options = options;
    for (const message of request.getProposedMessagesList()) {
      const event = toProposed(message);
      if (typeof event === 'string') batch.invalid ??= event;
      else batch.proposed.push(event);
    }
    if (!request.getIsFinal()) {
      pending.set(correlationId, batch);
      return;
    }
    pending.delete(correlationId);
    call.write(batchResponse(log, correlationId, batch));
  });
  call.on('error', () => undefined);
  call.on('end', () => call.end());
};

const batchResponse = (log: InMemoryLog, correlationId: string, batch: PendingBatch): StreamsPb.BatchAppendResp => {
  const options = batch.options;
  const streamId = streamName(options?.getStreamIdentifier());
  // The client reads the stream identifier of every answer, errors included.
  const response = new streamsPb.BatchAppendResp()
    .setCorrelationId(uuid(correlationId))
    .setStreamIdentifier(streamIdentifier(streamId));
  if (options === undefined || batch.invalid !== undefined) {
    const reason = batch.invalid ?? 'BatchAppendReq without options';
    return response.setError(new statusPb.Status().setCode(grpc.status.INVALID_ARGUMENT as number).setMessage(reason));
  }
  const expected = toExpected(options);
  if (expected === 'any') response.setAny(new emptyPb.Empty());
  else if (expected === 'no-stream') response.setNoStream(new emptyPb.Empty());
  else if (expected === 'stream-exists') response.setStreamExists(new emptyPb.Empty());
  else response.setStreamPosition(String(expected));
  const outcome = log.append(streamId, expected, batch.proposed);
  switch (outcome._tag) {
    case 'Appended': {
      const success = new streamsPb.BatchAppendResp.Success()
        .setCurrentRevision(String(outcome.currentRevision))
        .setPosition(
          new sharedPb.AllStreamPosition()
            .setCommitPosition(String(outcome.position))
            .setPreparePosition(String(outcome.position)),
        );
      return response.setSuccess(success);
    }
    case 'WrongExpectedVersion':
      return response.setError(batchWrongExpectedVersion(outcome));
    case 'TooLarge': {
      const tooLarge = new sharedPb.MaximumAppendSizeExceeded().setMaxappendsize(outcome.maxAppendSize);
      return response.setError(
        packedStatus(
          grpc.status.INVALID_ARGUMENT,
          `Maximum Append Size of ${outcome.maxAppendSize} Exceeded.`,
          tooLarge.serializeBinary(),
          'event_store.client.MaximumAppendSizeExceeded',
        ),
      );
    }
  }
};

// ---------------------------------------------------------------------------------------------------------
// ServerFeatures.GetSupportedMethods: what the client asks first, to choose BatchAppend or Append.

const supportedMethods = (
  features: 'batch-append' | 'unimplemented',
): GrpcJs.handleUnaryCall<SharedPb.Empty, ServerFeaturesPb.SupportedMethods> =>
  (_call, callback) => {
    if (features === 'unimplemented') {
      return callback(serviceError(grpc.status.UNIMPLEMENTED, 'ServerFeatures is not implemented'));
    }
    const method = (service: string, name: string): ServerFeaturesPb.SupportedMethod =>
      new serverFeaturesPb.SupportedMethod().setServiceName(service).setMethodName(name);
    const methods = new serverFeaturesPb.SupportedMethods()
      .setEventStoreServerVersion('0.0.0-kinerja-test-server')
      .setMethodsList([
        method(STREAMS_SERVICE.toLowerCase(), 'read'),
        method(STREAMS_SERVICE.toLowerCase(), 'append'),
        method(STREAMS_SERVICE.toLowerCase(), 'batchappend'),
        method(FEATURES_SERVICE.toLowerCase(), 'getsupportedmethods'),
      ]);
    return callback(null, methods);
  };

// ---------------------------------------------------------------------------------------------------------

/** Counts each call by method path, then runs the handler. */
const counted = <H extends (...args: never[]) => void>(calls: Map<string, number>, path: string, handler: H): H =>
  ((...args: Parameters<H>) => {
    calls.set(path, (calls.get(path) ?? 0) + 1);
    handler(...args);
  }) as H;

const unimplemented = (name: string): GrpcJs.handleUnaryCall<unknown, never> => (_call, callback) =>
  callback(serviceError(grpc.status.UNIMPLEMENTED, `${name}: not in the test server`));

/** Starts the fixture on 127.0.0.1 at an ephemeral port. */
export const startTestEventStoreDb = async (options: TestEventStoreDbOptions = {}): Promise<TestEventStoreDb> => {
  const log = new InMemoryLog(options.maxAppendSizeBytes ?? 1024 * 1024);
  const calls = new Map<string, number>();
  let subscriptionEventsSent = 0;
  let readsCancelled = 0;
  const streams = streamsGrpc.StreamsService;
  const server = new grpc.Server();
  server.addService(streams, {
    read: counted(
      calls,
      streams.read.path,
      read(
        log,
        () => {
          subscriptionEventsSent += 1;
        },
        () => {
          readsCancelled += 1;
        },
      ),
    ),
    append: counted(calls, streams.append.path, append(log)),
    batchAppend: counted(calls, streams.batchAppend.path, batchAppend(log)),
    delete: counted(calls, streams.delete.path, unimplemented('Streams.Delete')),
    tombstone: counted(calls, streams.tombstone.path, unimplemented('Streams.Tombstone')),
  });
  const features = serverFeaturesGrpc.ServerFeaturesService;
  server.addService(features, {
    getSupportedMethods: counted(
      calls,
      features.getSupportedMethods.path,
      supportedMethods(options.features ?? 'batch-append'),
    ),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error === null ? resolve(bound) : reject(error),
    ),
  );
  let stopped: Promise<void> | undefined;
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    calls: () => new Map(calls),
    stats: () => ({ wrongExpectedVersions: log.wrongExpectedVersions, subscriptionEventsSent, readsCancelled }),
    tamper: (streamId, revision, change) => {
      const event = log.stream(streamId)?.[revision];
      if (event === undefined) throw new Error(`test server: no event ${streamId}@${revision}`);
      log.replaceData(streamId, revision, Buffer.from(change(Buffer.from(event.data).toString('utf8')), 'utf8'));
    },
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        log.close();
        server.forceShutdown();
        // Let grpc-js finish closing the sockets before the port is reported free.
        setImmediate(resolve);
      });
      return stopped;
    },
  };
};
