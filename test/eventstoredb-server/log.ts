/**
 * The test server's storage: one in-memory transaction log, with the stream rules of EventStoreDB that the
 * adapter relies on (expected revisions, idempotent retries, a maximum append size). No gRPC here.
 */

/** An event as a client proposes it. */
export type ProposedEvent = Readonly<{
  eventId: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}>;

export type StoredEvent = ProposedEvent &
  Readonly<{
    streamId: string;
    /** 0-based position in the stream. */
    revision: number;
    /** Position in `$all`: commit position = prepare position, as for events written outside transactions. */
    position: number;
    /** `created`, in .NET ticks (100 ns) since the Unix epoch, as the server reports it. */
    createdTicks: bigint;
  }>;

/** A revision number, or one of the protocol's named expectations. */
export type ExpectedRevision = 'any' | 'no-stream' | 'stream-exists' | number;

export type AppendOutcome =
  | Readonly<{ _tag: 'Appended'; currentRevision: number; position: number }>
  | Readonly<{ _tag: 'WrongExpectedVersion'; current: number | 'no-stream'; expected: ExpectedRevision }>
  | Readonly<{ _tag: 'TooLarge'; maxAppendSize: number }>;

/**
 * Bytes a record takes besides its payload. Positions are byte offsets in a real server's transaction log, so
 * they are not gapless; the fixture keeps that property so that nothing downstream can come to rely on 1, 2, 3.
 */
const RECORD_OVERHEAD_BYTES = 88;
/** A fresh real database already holds records (epochs, system streams) before the first user event. */
const FIRST_POSITION = 1_024;

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

export class InMemoryLog {
  readonly #all: StoredEvent[] = [];
  readonly #streams = new Map<string, StoredEvent[]>();
  #nextPosition = FIRST_POSITION;
  #waiters = new Set<() => void>();
  #closed = false;
  /** Appends refused for a wrong expected version: shows a test that the server's check, not the client's, ran. */
  wrongExpectedVersions = 0;

  constructor(private readonly maxAppendSizeBytes: number) {}

  get closed(): boolean {
    return this.#closed;
  }

  /** Events of `$all`, in commit order. */
  get all(): ReadonlyArray<StoredEvent> {
    return this.#all;
  }

  stream(streamId: string): ReadonlyArray<StoredEvent> | undefined {
    return this.#streams.get(streamId);
  }

  /** Index in `all` of the first event whose position is `>= position` (`> position` when `exclusive`). */
  indexFrom(position: number, exclusive: boolean): number {
    let low = 0;
    let high = this.#all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const at = this.#all[middle]?.position ?? Number.POSITIVE_INFINITY;
      if (exclusive ? at <= position : at < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  append(streamId: string, expected: ExpectedRevision, events: ReadonlyArray<ProposedEvent>): AppendOutcome {
    const size = events.reduce((sum, e) => sum + e.data.length + e.customMetadata.length, 0);
    if (size > this.maxAppendSizeBytes) return { _tag: 'TooLarge', maxAppendSize: this.maxAppendSizeBytes };

    const stream = this.#streams.get(streamId) ?? [];
    const current = stream.length - 1;
    const refuse = (): AppendOutcome => {
      this.wrongExpectedVersions += 1;
      return wrong;
    };
    const wrong: AppendOutcome = {
      _tag: 'WrongExpectedVersion',
      current: current < 0 ? 'no-stream' : current,
      expected,
    };

    // Idempotency as the server provides it: the same event ids at the same place again are acknowledged with
    // the first write's result and not written twice; the same ids anywhere else are a conflict.
    const replayOf = (firstRevision: number): AppendOutcome | undefined => {
      const written = stream.slice(firstRevision, firstRevision + events.length);
      if (written.length !== events.length || events.length === 0) return undefined;
      if (!written.every((e, i) => e.eventId === events[i]?.eventId)) return undefined;
      const last = written[written.length - 1];
      return last === undefined ? undefined : { _tag: 'Appended', currentRevision: last.revision, position: last.position };
    };

    if (expected === 'any') {
      const first = events[0];
      const at = first === undefined ? -1 : stream.findIndex((e) => e.eventId === first.eventId);
      if (at >= 0) return replayOf(at) ?? refuse();
    } else if (expected === 'stream-exists') {
      if (current < 0) return refuse();
    } else {
      const revision = expected === 'no-stream' ? -1 : expected;
      if (revision < current) return replayOf(revision + 1) ?? refuse();
      if (revision !== current) return refuse();
    }

    if (events.length === 0) {
      const last = stream[stream.length - 1];
      return { _tag: 'Appended', currentRevision: current, position: last?.position ?? this.#nextPosition };
    }

    const createdTicks = BigInt(Date.now()) * 10_000n;
    for (const event of events) {
      const stored: StoredEvent = {
        ...event,
        streamId,
        revision: stream.length,
        position: this.#nextPosition,
        createdTicks,
      };
      this.#nextPosition +=
        RECORD_OVERHEAD_BYTES +
        byteLength(streamId) +
        byteLength(event.type) +
        event.data.length +
        event.customMetadata.length;
      stream.push(stored);
      this.#all.push(stored);
    }
    this.#streams.set(streamId, stream);
    this.#wake();
    const last = stream[stream.length - 1];
    return { _tag: 'Appended', currentRevision: stream.length - 1, position: last?.position ?? 0 };
  }

  /** Replaces an event's data behind the clients' backs, as someone editing the database files would. */
  replaceData(streamId: string, revision: number, data: Uint8Array): void {
    const stream = this.#streams.get(streamId);
    const event = stream?.[revision];
    if (stream === undefined || event === undefined) throw new Error(`test server: no event ${streamId}@${revision}`);
    const replaced: StoredEvent = { ...event, data };
    stream[revision] = replaced;
    this.#all[this.#all.indexOf(event)] = replaced;
  }

  /** Resolves at the next append, or when the log closes. */
  nextAppend(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.add(resolve));
  }

  /** Wakes every live subscription so that it can end. */
  close(): void {
    this.#closed = true;
    this.#wake();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = new Set();
    for (const wake of waiters) wake();
  }
}
