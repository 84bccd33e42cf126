// Figures for the event store (issue 3): appends to the SQLite and memory stores, one at a time and 16 in
// flight, and readAll, each against raw better-sqlite3 doing the same work on the same table.
const { createMemoryStore, openSqliteStore } = require('@kinerja/eventstore');
const { median, perSecond, targets } = require('./harness');
const { openExisting, openRaw, prepareInserts, prepareReadInOrder, removeDatabase } = require('./raw-sqlite');
const { scratchFile } = require('./scratch');
const { realisationRecorded, storedSizes, streamIdOf } = require('./workload');

/** Streams the appends go round; a multiple of every in-flight count, so that appenders never share a stream. */
const STREAMS = 64;
/** Streams of the log that readAll reads: a city's plans, 20 events each in the full run. */
const LOG_STREAMS = 1_000;

/** Operations per round, sized for 1–2 s per round and side on a 2-core machine with a consumer-grade SSD. */
const sizesFor = (quick) =>
  quick
    ? { appendOne: 500, appendInFlight: 1_500, memoryAppend: 3_000, rawAppend: 500, logEvents: 2_000, sqlitePasses: 2, memoryPasses: 10 }
    : { appendOne: 5_000, appendInFlight: 16_000, memoryAppend: 30_000, rawAppend: 5_000, logEvents: 20_000, sqlitePasses: 10, memoryPasses: 50 };

const expectRight = (result, what) => {
  if (result._tag !== 'Right') throw new Error(`${what} failed: ${JSON.stringify(result.left)}`);
  return result.right;
};

/**
 * Appends `count` events, one per append, from `inFlight` concurrent appenders that each await their append
 * before the next. Append n goes to stream n % STREAMS with the stream's expected version, as the engine would.
 */
const appendEvents = async (store, { count, inFlight }) => {
  const versions = new Array(STREAMS).fill(-1);
  const appender = async (first) => {
    for (let n = first; n < count; n += inFlight) {
      const s = n % STREAMS;
      const expected = versions[s] === -1 ? 'no-stream' : versions[s];
      const appended = expectRight(await store.append(streamIdOf(s), [realisationRecorded(s, versions[s] + 1)], expected), 'append');
      versions[s] = appended.nextExpectedVersion;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, (_, first) => appender(first)));
};

/** Fills a store with `events` events over LOG_STREAMS streams, many appends per commit (not timed). */
const seedLog = async (store, events) => {
  for (let start = 0; start < events; start += LOG_STREAMS) {
    const version = start / LOG_STREAMS;
    const appends = [];
    for (let n = start; n < Math.min(events, start + LOG_STREAMS); n++) {
      const s = n % LOG_STREAMS;
      appends.push(store.append(streamIdOf(s), [realisationRecorded(s, version)], version === 0 ? 'no-stream' : version - 1));
    }
    for (const result of await Promise.all(appends)) expectRight(result, 'seeding');
  }
};

/** Reads the whole log through the port, touching what was parsed as the raw reader does. */
const readWholeLog = async (store, expected) => {
  let events = 0;
  let check = 0;
  for await (const event of store.readAll(0)) {
    check += event.data.revision + event.metadata.actor.nip.length;
    events += 1;
  }
  if (events !== expected || check === 0) throw new Error(`readAll gave ${events} events, expected ${expected}`);
};

/** One round of a raw baseline: `count` rows, `rowsPerCommit` per commit, into a fresh file. */
const rawAppendRound = (count, rowsPerCommit = 1) => async () => {
  const file = scratchFile('raw');
  const db = openRaw(file);
  try {
    return await perSecond(count, prepareInserts(db, { count, streams: STREAMS, rowsPerCommit }));
  } finally {
    db.close();
    removeDatabase(file);
  }
};

/** One round of appends to a fresh SQLite store; `seen` collects its counters. */
const sqliteAppendRound = (count, inFlight, seen) => async () => {
  const file = scratchFile('store');
  const store = openSqliteStore({ path: file });
  try {
    const rate = await perSecond(count, () => appendEvents(store, { count, inFlight }));
    seen.push(store.metrics());
    return rate;
  } finally {
    await store.close();
    removeDatabase(file);
  }
};

const memoryAppendRound = (count, inFlight) => async () => {
  const store = createMemoryStore();
  try {
    return await perSecond(count, () => appendEvents(store, { count, inFlight }));
  } finally {
    await store.close();
  }
};

const commitsDetails = (seen) => () => {
  if (seen.length === 0) return undefined;
  const perCommit = median(seen.map((m) => m.appendsCommitted / m.commits));
  const largest = Math.max(...seen.map((m) => m.largestBatch));
  return `Counters of the store (median over rounds, warm-up included): ${perCommit.toFixed(1)} appends per commit; largest batch ${largest}.`;
};

const rawAppendWhat = 'raw better-sqlite3, `BEGIN IMMEDIATE; INSERT; COMMIT` per row';

/** A log seeded once for the readAll figures: a SQLite file, and the raw connection reading it. */
const seededLog = (events) => {
  const log = { file: undefined, raw: undefined, readRaw: undefined };
  log.open = async () => {
    log.file = scratchFile('log');
    const seeder = openSqliteStore({ path: log.file });
    try {
      await seedLog(seeder, events);
    } finally {
      await seeder.close();
    }
    log.raw = openExisting(log.file);
    log.readRaw = prepareReadInOrder(log.raw);
  };
  log.close = () => {
    log.raw?.close();
    if (log.file !== undefined) removeDatabase(log.file);
  };
  log.baseline = (passes) => () =>
    perSecond(events * passes, () => {
      for (let p = 0; p < passes; p++) {
        const rows = log.readRaw();
        if (rows !== events) throw new Error(`raw read gave ${rows} rows, expected ${events}`);
      }
    });
  return log;
};

const figures = (config) => {
  const size = sizesFor(config.quick);
  const rawAppend = rawAppendRound(size.rawAppend);
  const oneSeen = [];
  const inFlightSeen = [];
  const againstGroupSeen = [];

  const sqliteLog = seededLog(size.logEvents);
  let sqliteReader;
  const memoryLog = seededLog(size.logEvents);
  let memoryReader;

  return [
    {
      name: 'SQLite store: append, 1 in flight',
      unit: 'appends/s',
      ours: sqliteAppendRound(size.appendOne, 1, oneSeen),
      baseline: rawAppend,
      baselineWhat: rawAppendWhat,
      target: targets.ratioAtLeast(0.5),
      details: commitsDetails(oneSeen),
      notes: `One appender, awaiting each append (one event) before the next: ${size.appendOne.toLocaleString('en-US')} appends per round into a fresh file, round-robin over ${STREAMS} streams with their expected versions. Every append is its own commit (nothing else is queued when the flush runs), so both sides pay one fsync per event; the store adds validation, a JSON copy, the hash chain (SHA-256 over RFC 8785 JSON), the \`streams\` lookup and upsert, a savepoint and the promise and setImmediate hop. Baseline: ${size.rawAppend.toLocaleString('en-US')} rows per round.`,
    },
    {
      name: 'SQLite store: append, 16 in flight',
      unit: 'appends/s',
      ours: sqliteAppendRound(size.appendInFlight, 16, inFlightSeen),
      baseline: rawAppend,
      baselineWhat: rawAppendWhat,
      target: targets.ratioAtLeast(2, '(≥ 3× is the target at 64 in flight, a later issue)'),
      details: commitsDetails(inFlightSeen),
      notes: `16 concurrent appenders (\`Promise.all\`), each awaiting its own appends, each on its own ${STREAMS / 16} streams so none conflicts: ${size.appendInFlight.toLocaleString('en-US')} appends per round. Group commit writes the appends queued during one turn of the event loop in one transaction, so they share one fsync. The baseline is the same one-commit-per-row rate as above, measured again in this figure's own interleaved rounds.`,
    },
    {
      name: 'SQLite store: append, 16 in flight, vs raw 16 rows per commit',
      unit: 'appends/s',
      ours: sqliteAppendRound(size.appendInFlight, 16, againstGroupSeen),
      baseline: rawAppendRound(size.appendInFlight, 16),
      baselineWhat: 'raw better-sqlite3, 16 rows per `BEGIN IMMEDIATE; INSERT…; COMMIT`',
      target: targets.informational('informational: how close group commit gets to its raw ceiling'),
      details: commitsDetails(againstGroupSeen),
      notes: `The same 16 appenders as above, against a baseline that writes the same rows 16 per transaction with no store around them (${size.appendInFlight.toLocaleString('en-US')} rows per round): the most a group commit of 16 could reach on this disk. Its ratio is the share of that ceiling the store keeps after its own work per append (validation, JSON copy, hash chain, the \`streams\` row, a savepoint, a promise).`,
    },
    {
      name: 'memory store: append, 1 in flight',
      unit: 'appends/s',
      ours: memoryAppendRound(size.memoryAppend, 1),
      baseline: rawAppend,
      baselineWhat: rawAppendWhat,
      target: targets.informational(),
      notes: `The in-memory store (tests, embedding), ${size.memoryAppend.toLocaleString('en-US')} appends per round into a fresh store, one appender. No durability, so the ratio only says how far the store's own work (validation, JSON copy, hash chain, freezing) is from the cost of a durable row.`,
    },
    {
      name: 'memory store: append, 16 in flight',
      unit: 'appends/s',
      ours: memoryAppendRound(size.memoryAppend, 16),
      baseline: rawAppend,
      baselineWhat: rawAppendWhat,
      target: targets.informational(),
      notes: `As above with 16 concurrent appenders. The memory store completes each append within the call, so concurrency changes little.`,
    },
    {
      name: `SQLite store: readAll, ${size.logEvents.toLocaleString('en-US')} events`,
      unit: 'events/s',
      setup: async () => {
        await sqliteLog.open();
        sqliteReader = openSqliteStore({ path: sqliteLog.file });
      },
      teardown: async () => {
        await sqliteReader?.close();
        sqliteLog.close();
      },
      ours: () => perSecond(size.logEvents * size.sqlitePasses, async () => {
        for (let p = 0; p < size.sqlitePasses; p++) await readWholeLog(sqliteReader, size.logEvents);
      }),
      baseline: sqliteLog.baseline(size.sqlitePasses),
      baselineWhat: 'raw better-sqlite3, one `SELECT … ORDER BY global_position`, JSON.parse of data and metadata',
      target: targets.informational(),
      notes: `A log of ${size.logEvents.toLocaleString('en-US')} events over ${LOG_STREAMS.toLocaleString('en-US')} streams (seeded through the store, not timed), read from position 0 with \`readAll\` and its default batch size (500 events per query, each in a read transaction that also reads the head), ${size.sqlitePasses} times per round; every envelope is built from its row with both JSON columns parsed, and handed out by an async iterator. Baseline: a second connection to the same file iterating one \`SELECT\` over the whole table in global order and parsing both JSON columns of each row. Both read a warm page cache.`,
    },
    {
      name: `memory store: readAll, ${size.logEvents.toLocaleString('en-US')} events`,
      unit: 'events/s',
      setup: async () => {
        await memoryLog.open();
        memoryReader = createMemoryStore();
        await seedLog(memoryReader, size.logEvents);
      },
      teardown: async () => {
        await memoryReader?.close();
        memoryLog.close();
      },
      ours: () => perSecond(size.logEvents * size.memoryPasses, async () => {
        for (let p = 0; p < size.memoryPasses; p++) await readWholeLog(memoryReader, size.logEvents);
      }),
      baseline: memoryLog.baseline(size.sqlitePasses),
      baselineWhat: 'raw better-sqlite3 `SELECT` + JSON.parse, as above',
      target: targets.informational(),
      notes: `The same log in the memory store, read with \`readAll\` ${size.memoryPasses} times per round. The envelopes are already objects in memory, so this measures slicing the log and the async iteration; the baseline is the raw SQLite read above (${size.sqlitePasses} passes per round), only to place the two stores on one scale.`,
    },
  ];
};

const sizes = storedSizes();

module.exports = {
  title: 'Event store',
  intro: [
    `**The event.** Every append writes one \`RealisationRecorded\`-like event (test/bench/workload.js): data of ${sizes.data} bytes of JSON (plan, RHK, IKI, realised values, two evidence links with descriptions), metadata as the engine stamps it (tenant, commandId, correlationId, causationId, actor NIP and role, occurredAt) plus recordedAt, prevHash and hash: ${sizes.metadata} bytes of JSON as stored. Stream ids are \`plan-<city>.<nip>.2025\`. Event ids and command ids are fresh UUIDs.`,
    '',
    '**The raw baseline table.** The baselines apply the store\'s own migrations (packages/eventstore/src/sqlite/schema.ts) to a fresh file in the same temporary directory, with the store\'s pragmas (WAL, `synchronous=FULL`, busy timeout), and write the `events` table only: `global_position INTEGER PRIMARY KEY`, `event_id TEXT UNIQUE`, `stream_id`, `stream_version` with `UNIQUE(stream_id, stream_version)`, `type`, `schema_version`, `data` and `metadata` (JSON text), `recorded_at`, STRICT, plus the index on `(type, global_position)`. Each baseline row holds the same event with the same JSON bytes (placeholder hashes of the same length), with no hash chain and no `streams` row.',
  ].join('\n'),
  figures,
};
