/**
 * The SQLite adapter of the EventStore port: the embedded default (ARCHITECTURE.md, "Storage").
 *
 * One file, WAL journal, `synchronous=FULL`: an append is acknowledged only after the COMMIT that holds it has
 * been made durable. better-sqlite3 is synchronous, so a COMMIT (and its fsync) blocks the event loop; to keep
 * many concurrent commands from paying one fsync each, appends are queued and written together (group commit):
 * every append made during one turn of the event loop shares one `BEGIN IMMEDIATE … COMMIT`. Inside that
 * transaction each append is checked against the stream versions left by the appends before it, and one that
 * fails (version conflict, duplicate event id) is rejected alone while the others commit.
 *
 * Reads use the same connection. WAL lets other processes read the file while we write and lets us see their
 * commits; subscriptions poll now and then so that events appended by another process reach them too.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import type { EventEnvelope, Json, NewEvent } from '../envelope';
import { checkAppendSize, DEFAULT_MAX_APPEND_BYTES, validateAppend } from '../append-validation';
import { sealEventsForStorage, streamGenesisHash } from '../integrity';
import type {
  AppendError,
  AppendResult,
  CommonStoreOptions,
  EventStore,
  ExpectedVersion,
  ReadAllFilter,
  ReadAllOptions,
  ReadStreamOptions,
  StreamVersion,
  Subscription,
  Unavailable,
} from '../port';
import { StoreUnavailableError } from '../port';
import { migrate } from './schema';

export type SqliteStoreOptions = CommonStoreOptions &
  Readonly<{
  /**
   * The database file; created and migrated on first open. `./data/kinerja.db` in the default setup;
   * `:memory:` gives a private, non-durable store (no WAL), for tests.
   */
  path: string;
  /** Most appends written in one transaction; the rest wait for the next one. Default 256. */
  maxBatchSize?: number;
  /** How often a waiting subscription looks for events committed by another process. Default 250 ms. */
  pollIntervalMs?: number;
  /** How long a write waits for another process's lock before giving up as `Unavailable`. Default 5 s. */
  busyTimeoutMs?: number;
}>;

/** Counters for tests, benchmarks and an operator's status page. */
export type SqliteStoreMetrics = Readonly<{
  /** Write transactions committed (one fsync each with synchronous=FULL). */
  commits: number;
  /** Appends acknowledged as committed. */
  appendsCommitted: number;
  /** Appends rejected (conflict, duplicate, invalid, too large, unavailable). */
  appendsRejected: number;
  /** Events written. */
  eventsWritten: number;
  /** The most appends that shared one commit. */
  largestBatch: number;
}>;

export type SqliteEventStore = EventStore &
  Readonly<{
    /** The database file, as given. */
    path: string;
    /** The schema version of the file after opening (see schema.ts). */
    schemaVersion: number;
    metrics: () => SqliteStoreMetrics;
    /** The connection's settings as SQLite reports them: what an operator (or a test) checks durability by. */
    settings: () => SqliteStoreSettings;
  }>;

export type SqliteStoreSettings = Readonly<{
  /** `wal`. */
  journalMode: string;
  /** 2 = FULL. */
  synchronous: number;
  busyTimeoutMs: number;
  /** `PRAGMA user_version`: the schema version of the file. */
  userVersion: number;
}>;

const DEFAULT_MAX_BATCH_SIZE = 256;
const DEFAULT_POLL_INTERVAL_MS = 250;
const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
const DEFAULT_READ_BATCH_SIZE = 500;

const unavailable = (reason: string): Unavailable => ({ _tag: 'Unavailable', reason });

/**
 * SQLite failures that are about the environment (locked by another process, disk full or failing, file gone or
 * unreadable, connection closed), not about our code: the caller can wait, retry or call an operator, so they
 * become `Unavailable`. Anything else is a bug and is thrown.
 */
const environmentalCodes =
  /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|CORRUPT|NOTADB|PROTOCOL|NOMEM|INTERRUPT|PERM|AUTH|NOLFS)/;

type SqliteFailure = Readonly<{ code: string; message: string }>;

/**
 * By shape, not `instanceof Database.SqliteError` (nor `instanceof Error`): the native addon keeps the first
 * SqliteError class it was given, so where modules and globals are loaded more than once in a process (jest runs
 * each test file in its own context) the class, and even its `Error`, belong to another realm.
 */
const asSqliteFailure = (error: unknown): SqliteFailure | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  return name === 'SqliteError' && typeof code === 'string' && typeof message === 'string' ? { code, message } : undefined;
};

const toUnavailable = (error: unknown): Unavailable | undefined => {
  const failure = asSqliteFailure(error);
  if (failure !== undefined && environmentalCodes.test(failure.code)) {
    return unavailable(`${failure.code}: ${failure.message}`);
  }
  // better-sqlite3 throws a TypeError (possibly from another realm, as above) on a closed connection.
  if (typeof error === 'object' && error !== null && /database connection is not open/.test(String((error as { message?: unknown }).message))) {
    return unavailable('the database is closed');
  }
  if (error instanceof StoreUnavailableError) return unavailable(error.reason);
  return undefined;
};

/** Runs a read; environmental failures become `Left(Unavailable)`, bugs are thrown. */
const attempt = <A>(read: () => A): E.Either<Unavailable, A> => {
  try {
    return E.right(read());
  } catch (error) {
    const failure = toUnavailable(error);
    if (failure === undefined) throw error;
    return E.left(failure);
  }
};

const matches = (expected: ExpectedVersion, actual: StreamVersion): boolean =>
  expected === 'any' || expected === actual;

// ---------------------------------------------------------------------------------------------------------
// Rows

type EventRow = Readonly<{
  global_position: number;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
}>;

type StreamRow = Readonly<{ version: number; head_hash: string }>;

const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata';

/** A row as an envelope. JSON that no longer parses means the file was damaged: the store is unavailable. */
const toEnvelope = (row: EventRow): EventEnvelope => {
  try {
    return {
      eventId: row.event_id,
      type: row.type,
      schemaVersion: row.schema_version,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      globalPosition: row.global_position,
      data: JSON.parse(row.data) as Json,
      metadata: JSON.parse(row.metadata) as EventEnvelope['metadata'],
    };
  } catch (error) {
    throw new StoreUnavailableError(
      `the event at global position ${row.global_position} is not valid JSON (${String(error)}); the file is damaged`,
    );
  }
};

/** GLOB is case-sensitive and can use an index, unlike LIKE; `*`, `?` and `[` in a prefix are matched literally. */
const globPrefix = (prefix: string): string => `${prefix.replace(/[*?[]/g, (c) => `[${c}]`)}*`;

// ---------------------------------------------------------------------------------------------------------

type PendingAppend = Readonly<{
  streamId: string;
  events: ReadonlyArray<NewEvent>;
  expected: ExpectedVersion;
  resolve: (result: E.Either<AppendError, AppendResult>) => void;
  reject: (error: unknown) => void;
}>;

/** What became of one append of a batch: a value for the caller, or a bug to reject its promise with. */
type Outcome =
  | Readonly<{ kind: 'settled'; result: E.Either<AppendError, AppendResult> }>
  | Readonly<{ kind: 'bug'; error: unknown }>;

type Page = Readonly<{ events: ReadonlyArray<EventEnvelope>; head: number }>;

/**
 * Opens (creating and migrating if needed) the store in `options.path`. Throws if the file cannot be opened or
 * was written by a newer schema: that is a configuration problem for whoever starts the service, not a value for
 * a command handler.
 */
export const openSqliteStore = (options: SqliteStoreOptions): SqliteEventStore => {
  const clock = options.clock ?? (() => new Date());
  const newEventId = options.newEventId ?? randomUUID;
  const maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
  const maxBatchSize = Math.max(1, options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE);
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;

  const db = new Database(options.path, { timeout: busyTimeoutMs });
  let schemaVersion: number;
  try {
    // journal_mode is stored in the file; it cannot change inside a transaction, so it comes before migrating.
    // `:memory:` (a throwaway store for tests) has no WAL and needs none.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && !(db.memory && mode === 'memory')) {
      throw new Error(`could not switch ${options.path} to WAL (journal_mode is ${String(mode)})`);
    }
    // FULL: in WAL mode every COMMIT syncs the log, so an acknowledged append survives a power cut, not only a crash.
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    schemaVersion = migrate(db, () => clock().toISOString());
  } catch (error) {
    db.close();
    throw error;
  }

  // --- statements -------------------------------------------------------------------------------------
  const stmt = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT append_one'),
    release: db.prepare('RELEASE append_one'),
    rollbackTo: db.prepare('ROLLBACK TO append_one'),
    head: db.prepare<[], number>('SELECT coalesce(max(global_position), 0) FROM events').pluck(),
    last: db.prepare<[], Readonly<{ position: number; recordedAt: string }>>(
      'SELECT global_position AS position, recorded_at AS recordedAt FROM events ORDER BY global_position DESC LIMIT 1',
    ),
    stream: db.prepare<[string], StreamRow>('SELECT version, head_hash FROM streams WHERE stream_id = ?'),
    eventIdTaken: db.prepare<[string], number>('SELECT 1 FROM events WHERE event_id = ?').pluck(),
    insertEvent: db.prepare<
      [number, string, string, number, string, number, string, string, string]
    >(
      `INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    upsertStream: db.prepare<[string, number, string]>(
      `INSERT INTO streams (stream_id, version, head_hash) VALUES (?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, head_hash = excluded.head_hash`,
    ),
  };

  /**
   * Read statements are built from the options' shape (which bounds are given, how many types and prefixes)
   * and prepared once per shape; the values are always bound, never spliced into the SQL.
   */
  const statements = new Map<string, Database.Statement<unknown[], EventRow>>();
  const cachedStatement = (sql: string): Database.Statement<unknown[], EventRow> => {
    const cached = statements.get(sql);
    if (cached !== undefined) return cached;
    const statement = db.prepare<unknown[], EventRow>(sql);
    statements.set(sql, statement);
    return statement;
  };

  /**
   * The query for one page of the global log after a position, by filter:
   * - no type filter: walk the primary key from the position, testing each row's stream id (`+stream_id`
   *   keeps SQLite from sorting a whole category out of the stream index for every page);
   * - types: one arm per type walks `events_by_type` from the position, each at most `limit` rows, and the arms
   *   are merged in global order, so a projection that reads three rare types does not scan the whole log.
   * `types: []` or `streamPrefixes: []` names no event, so it matches none; an absent list matches all.
   */
  const pageQuery = (
    after: number,
    limit: number,
    filter: ReadAllFilter | undefined,
  ): Readonly<{ statement: Database.Statement<unknown[], EventRow>; params: ReadonlyArray<string | number> }> => {
    const types = filter?.types === undefined ? undefined : [...new Set(filter.types)];
    const prefixes = filter?.streamPrefixes?.map(globPrefix);
    const prefixSql =
      prefixes === undefined
        ? ''
        : prefixes.length === 0
          ? ' AND 0'
          : ` AND (${prefixes.map(() => '+stream_id GLOB ?').join(' OR ')})`;
    const prefixParams = prefixes ?? [];
    if (types === undefined) {
      return {
        statement: cachedStatement(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ?${prefixSql} ORDER BY global_position LIMIT ?`,
        ),
        params: [after, ...prefixParams, limit],
      };
    }
    if (types.length === 0) {
      return { statement: cachedStatement(`SELECT ${EVENT_COLUMNS} FROM events WHERE 0 LIMIT ?`), params: [0] };
    }
    const arm = `SELECT * FROM (SELECT ${EVENT_COLUMNS} FROM events WHERE type = ? AND global_position > ?${prefixSql} ORDER BY global_position LIMIT ?)`;
    return {
      statement: cachedStatement(
        `SELECT ${EVENT_COLUMNS} FROM (${types.map(() => arm).join(' UNION ALL ')}) ORDER BY global_position LIMIT ?`,
      ),
      params: [...types.flatMap((type) => [type, after, ...prefixParams, limit]), limit],
    };
  };

  // --- state ------------------------------------------------------------------------------------------
  let closed = false;
  let closing: Promise<void> | undefined;
  const queue: PendingAppend[] = [];
  let flushTimer: NodeJS.Immediate | undefined;
  /** Subscriptions waiting for new events: woken after each of our commits and by their own poll timers. */
  const waiters = new Set<() => void>();
  const liveSubscriptions = new Set<() => void>();
  const metrics = { commits: 0, appendsCommitted: 0, appendsRejected: 0, eventsWritten: 0, largestBatch: 0 };

  // --- appending ----------------------------------------------------------------------------------------

  /**
   * Appends one queued append inside the open batch transaction. The checks read the stream's row as left by
   * the appends before it in this batch; they write nothing, so a rejected append needs no rollback. The
   * writes run under a savepoint so that an unexpected failure undoes this append only.
   */
  const appendInBatch = (item: PendingAppend, head: number, recordedAt: string): Outcome => {
    const row = stmt.stream.get(item.streamId);
    const actual: StreamVersion = row === undefined ? 'no-stream' : row.version;
    if (!matches(item.expected, actual)) {
      return {
        kind: 'settled',
        result: E.left({ _tag: 'VersionConflict', streamId: item.streamId, expected: item.expected, actual }),
      };
    }
    const sealed = sealEventsForStorage({
      streamId: item.streamId,
      firstVersion: actual === 'no-stream' ? 0 : actual + 1,
      prevHash: row === undefined ? streamGenesisHash(item.streamId) : row.head_hash,
      recordedAt,
      events: item.events,
      newEventId,
    });
    const ids = new Set<string>();
    for (const { envelope: event } of sealed) {
      // Ids given by the caller were checked for repeats by validateAppend; generated ids are checked here too.
      if (ids.has(event.eventId) || stmt.eventIdTaken.get(event.eventId) !== undefined) {
        return { kind: 'settled', result: E.left({ _tag: 'DuplicateEventId', eventId: event.eventId }) };
      }
      ids.add(event.eventId);
    }
    const events = sealed.map(({ envelope }, i): EventEnvelope => ({ ...envelope, globalPosition: head + 1 + i }));
    stmt.savepoint.run();
    try {
      for (const [i, event] of events.entries()) {
        // The JSON columns hold the canonical (RFC 8785) text that was hashed: verify's fast path (integrity.ts).
        const texts = sealed[i] as (typeof sealed)[number];
        stmt.insertEvent.run(
          event.globalPosition,
          event.eventId,
          event.streamId,
          event.streamVersion,
          event.type,
          event.schemaVersion,
          texts.dataText,
          texts.metadataText,
          event.metadata.recordedAt,
        );
      }
      const last = events[events.length - 1];
      if (last === undefined) throw new Error('an append without events reached the batch');
      stmt.upsertStream.run(item.streamId, last.streamVersion, last.metadata.hash);
      stmt.release.run();
      return {
        kind: 'settled',
        result: E.right({ nextExpectedVersion: last.streamVersion, events, lastPosition: last.globalPosition }),
      };
    } catch (error) {
      // Some failures (I/O, disk full) make SQLite roll the whole transaction back; then there is no savepoint.
      if (db.inTransaction) {
        stmt.rollbackTo.run();
        stmt.release.run();
      }
      const failure = toUnavailable(error);
      return failure === undefined ? { kind: 'bug', error } : { kind: 'settled', result: E.left(failure) };
    }
  };

  /** recordedAt never goes back along the log, even if the clock does, so that an `asOf` read is a prefix. */
  const commitInstant = (lastRecordedAt: string | undefined): string => {
    const now = clock().toISOString();
    return lastRecordedAt !== undefined && lastRecordedAt > now ? lastRecordedAt : now;
  };

  /** Writes a batch in one transaction and says what became of each append. Runs synchronously. */
  const writeBatch = (batch: ReadonlyArray<PendingAppend>): ReadonlyArray<Outcome> => {
    const failAll = (error: unknown): ReadonlyArray<Outcome> => {
      const failure = toUnavailable(error);
      return batch.map((): Outcome =>
        failure === undefined ? { kind: 'bug', error } : { kind: 'settled', result: E.left(failure) },
      );
    };
    try {
      stmt.begin.run();
    } catch (error) {
      return failAll(error);
    }
    const outcomes: Outcome[] = [];
    try {
      // Read inside the write lock: another process sharing the file may have appended since our last batch.
      const last = stmt.last.get();
      let head = last?.position ?? 0;
      const recordedAt = commitInstant(last?.recordedAt);
      for (const item of batch) {
        let outcome: Outcome;
        try {
          outcome = appendInBatch(item, head, recordedAt);
        } catch (error) {
          // A failure before this append wrote anything (a read, or a caller's newEventId): it fails alone.
          const failure = toUnavailable(error);
          outcome = failure === undefined ? { kind: 'bug', error } : { kind: 'settled', result: E.left(failure) };
        }
        if (!db.inTransaction) {
          // SQLite gave up the whole transaction: nothing of this batch is written.
          return failAll(outcome.kind === 'bug' ? outcome.error : new StoreUnavailableError(reasonOf(outcome)));
        }
        if (outcome.kind === 'settled' && E.isRight(outcome.result)) head = outcome.result.right.lastPosition;
        outcomes.push(outcome);
      }
      stmt.commit.run();
    } catch (error) {
      if (db.inTransaction) {
        try {
          stmt.rollback.run();
        } catch {
          // The connection is already unusable; the failure reported below is the one that matters.
        }
      }
      return failAll(error);
    }
    metrics.commits += 1;
    metrics.largestBatch = Math.max(metrics.largestBatch, batch.length);
    return outcomes;
  };

  const reasonOf = (outcome: Outcome): string =>
    outcome.kind === 'settled' && E.isLeft(outcome.result) && outcome.result.left._tag === 'Unavailable'
      ? outcome.result.left.reason
      : 'the transaction was rolled back';

  const flush = (): void => {
    flushTimer = undefined;
    const batch = queue.splice(0, maxBatchSize);
    if (queue.length > 0) scheduleFlush();
    if (batch.length === 0) return;
    const outcomes = writeBatch(batch);
    let committed = false;
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome === undefined) {
        item.reject(new Error('group commit lost track of an append'));
      } else if (outcome.kind === 'bug') {
        metrics.appendsRejected += 1;
        item.reject(outcome.error);
      } else {
        if (E.isRight(outcome.result)) {
          committed = true;
          metrics.appendsCommitted += 1;
          metrics.eventsWritten += outcome.result.right.events.length;
        } else {
          metrics.appendsRejected += 1;
        }
        item.resolve(outcome.result);
      }
    });
    if (committed) wakeWaiters();
  };

  const scheduleFlush = (): void => {
    // setImmediate rather than a microtask: every append issued during this turn of the event loop, including
    // those from I/O callbacks that completed in it, joins the batch.
    flushTimer ??= setImmediate(flush);
  };

  // An async function runs synchronously up to its first await, so each append joins the queue during the
  // call itself, in call order; and a bug surfaces as a rejected promise, not as a throw at the call.
  const append: EventStore['append'] = async (streamId, events, expected) => {
    if (closed || closing !== undefined) {
      metrics.appendsRejected += 1;
      return E.left(unavailable('the store is closed'));
    }
    // Checks that need no database are made now, so that a bad append never enters a batch.
    const checked = E.flatMap(validateAppend(streamId, events, expected), (): E.Either<AppendError, void> =>
      checkAppendSize(events, maxAppendBytes),
    );
    if (E.isLeft(checked)) {
      metrics.appendsRejected += 1;
      return checked;
    }
    // A JSON copy, taken now: the caller may reuse its objects before the batch is written, and the hash must
    // cover exactly the JSON that is stored and read back (-0 becomes 0, for instance).
    const copy = JSON.parse(JSON.stringify(events)) as ReadonlyArray<NewEvent>;
    return new Promise((resolve, reject) => {
      queue.push({ streamId, events: copy, expected, resolve, reject });
      scheduleFlush();
    });
  };

  // --- reading ------------------------------------------------------------------------------------------

  const ensureOpen = (): void => {
    if (closed) throw new StoreUnavailableError('the store is closed');
  };

  // async, so that even a bug surfaces as a rejected promise rather than a throw at the call.
  const readStream: EventStore['readStream'] = async (streamId, readOptions: ReadStreamOptions = {}) =>
    attempt(() => {
      ensureOpen();
      const backwards = readOptions.direction === 'backwards';
      const where = ['stream_id = ?'];
      const params: Array<string | number> = [streamId];
      if (readOptions.asOfRecordedAt !== undefined) {
        where.push('recorded_at <= ?');
        params.push(readOptions.asOfRecordedAt.toISOString());
      }
      // Forwards reads from `from` up to `to`; backwards from `from` down to `to`.
      if (readOptions.from !== undefined) {
        where.push(backwards ? 'stream_version <= ?' : 'stream_version >= ?');
        params.push(readOptions.from);
      }
      if (readOptions.to !== undefined) {
        where.push(backwards ? 'stream_version >= ?' : 'stream_version <= ?');
        params.push(readOptions.to);
      }
      const limit = readOptions.maxCount === undefined ? -1 : Math.max(0, Math.floor(readOptions.maxCount));
      params.push(limit);
      const sql = `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')}
         ORDER BY stream_version ${backwards ? 'DESC' : 'ASC'} LIMIT ?`;
      return cachedStatement(sql).all(...params).map(toEnvelope);
    });

  /**
   * One page of the global log after `after`, and the head position seen by the same snapshot: when the page
   * is short, every event up to that head has been considered, so a filtered reader may skip ahead to it.
   */
  const readPage = db.transaction((after: number, limit: number, filter: ReadAllFilter | undefined): Page => {
    const { statement, params } = pageQuery(after, limit, filter);
    const rows = statement.all(...params);
    return { events: rows.map(toEnvelope), head: stmt.head.get() ?? 0 };
  });

  const page = (after: number, limit: number, filter: ReadAllFilter | undefined): Page => {
    ensureOpen();
    const result = attempt(() => readPage.deferred(after, limit, filter));
    if (E.isLeft(result)) throw new StoreUnavailableError(result.left.reason);
    return result.right;
  };

  const batchSizeOf = (readOptions: ReadAllOptions | undefined): number => {
    const size = Math.floor(readOptions?.batchSize ?? DEFAULT_READ_BATCH_SIZE);
    return Number.isSafeInteger(size) ? Math.max(1, size) : DEFAULT_READ_BATCH_SIZE;
  };

  const readAll: EventStore['readAll'] = (fromPosition, readOptions) => {
    const limit = batchSizeOf(readOptions);
    const filter = readOptions?.filter;
    return {
      async *[Symbol.asyncIterator]() {
        let after = fromPosition;
        for (;;) {
          const { events } = page(after, limit, filter);
          for (const event of events) yield event;
          const last = events[events.length - 1];
          if (last === undefined || events.length < limit) return;
          after = last.globalPosition;
        }
      },
    };
  };

  const subscribe: EventStore['subscribe'] = (fromPosition, readOptions) => {
    const limit = batchSizeOf(readOptions);
    const filter = readOptions?.filter;
    /** Everything up to `scanned` has been read into `buffer` or skipped by the filter. */
    let scanned = fromPosition;
    let buffer: EventEnvelope[] = [];
    let ended = false;
    let wake: (() => void) | undefined;

    const waitForCommits = (): Promise<void> =>
      new Promise((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          waiters.delete(done);
          wake = undefined;
          resolve();
        };
        // The poll finds events committed by other processes sharing the file.
        const timer = setTimeout(done, pollIntervalMs);
        waiters.add(done);
        wake = done;
      });

    const step = async (): Promise<IteratorResult<EventEnvelope>> => {
      for (;;) {
        if (ended || closed || closing !== undefined) {
          // Closing the store ends its subscriptions at once, buffered events included: a consumer resumes
          // from its own checkpoint, so nothing is lost by not handing them out.
          ended = true;
          return { done: true, value: undefined };
        }
        const next = buffer.shift();
        if (next !== undefined) return { done: false, value: next };
        let fetched: Page;
        try {
          fetched = page(scanned, limit, filter);
        } catch (error) {
          end();
          throw error;
        }
        buffer = [...fetched.events];
        const last = buffer[buffer.length - 1];
        if (last !== undefined) scanned = last.globalPosition;
        if (buffer.length < limit) scanned = Math.max(scanned, fetched.head);
        if (buffer.length === 0) await waitForCommits();
      }
    };

    // next() calls are served one at a time, so that two overlapping calls never read the same page twice.
    let queueTail: Promise<unknown> = Promise.resolve();
    const next = (): Promise<IteratorResult<EventEnvelope>> => {
      const result = queueTail.then(step);
      queueTail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    };

    const end = (): void => {
      ended = true;
      buffer = [];
      liveSubscriptions.delete(end);
      wake?.();
    };
    liveSubscriptions.add(end);

    const close = (): Promise<void> => {
      end();
      return Promise.resolve();
    };

    const iterator: AsyncIterator<EventEnvelope> = {
      next,
      return: async () => {
        end();
        return { done: true, value: undefined };
      },
    };
    const subscription: Subscription = { [Symbol.asyncIterator]: () => iterator, close };
    return subscription;
  };

  const wakeWaiters = (): void => {
    for (const waiter of [...waiters]) waiter();
  };

  const headPosition: EventStore['headPosition'] = async () =>
    attempt((): number => {
      ensureOpen();
      return stmt.head.get() ?? 0;
    });

  /** Finishes the queued appends (their callers get real answers), ends subscriptions, then closes the file. */
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      try {
        while (queue.length > 0) flush();
        if (flushTimer !== undefined) clearImmediate(flushTimer);
        flushTimer = undefined;
        for (const end of [...liveSubscriptions]) end();
      } finally {
        closed = true;
        db.close();
        resolve();
      }
    });
    return closing;
  };

  return {
    path: options.path,
    schemaVersion,
    append,
    readStream,
    readAll,
    subscribe,
    headPosition,
    close,
    metrics: () => ({ ...metrics }),
    settings: () => ({
      journalMode: String(db.pragma('journal_mode', { simple: true })),
      synchronous: Number(db.pragma('synchronous', { simple: true })),
      busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
      userVersion: Number(db.pragma('user_version', { simple: true })),
    }),
  };
};
