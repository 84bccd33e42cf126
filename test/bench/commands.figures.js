// Figures for the command path (issue 9): decode → load → decide → durable append, on kinerja's SQLite store
// with synchronous=FULL, one at a time and 64 in flight, against raw better-sqlite3 writing the same rows one
// commit per row; and the same commands on Emmett (emmett-sqlite and Emmett's in-memory store).
const { createMemoryStore, openSqliteStore } = require('@kinerja/eventstore');
const { perSecond, targets } = require('./harness');
const { openRaw, removeDatabase } = require('./raw-sqlite');
const { scratchFile } = require('./scratch');
const { emmettHandler, kinerjaHandler, runEmployees } = require('./commands');

const sizesFor = (quick) =>
  quick
    ? { one: 60, inFlight: 400, emmettSqlite: 40, memory: 400, streamsSmall: 1_000, streamsLarge: 4_000 }
    : { one: 600, inFlight: 3_000, emmettSqlite: 200, memory: 2_000, streamsSmall: 2_000, streamsLarge: 20_000 };

/**
 * The rows kinerja writes for `employees` employees (read back from a memory-store run): the raw baseline
 * inserts exactly these events, with the same JSON, so both sides write the same rows.
 */
const capturedRows = async (employees) => {
  const store = createMemoryStore();
  await runEmployees(kinerjaHandler(store), { employees, inFlight: 1 });
  const rows = [];
  for await (const e of store.readAll(0)) {
    rows.push([e.globalPosition, e.eventId, e.streamId, e.streamVersion, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.metadata.recordedAt]);
  }
  await store.close();
  return rows;
};

/** One raw round: every row its own `BEGIN IMMEDIATE; INSERT; COMMIT`, into a fresh file. */
const rawRound = (rows) => async () => {
  const file = scratchFile('raw-commands');
  const db = openRaw(file);
  try {
    const begin = db.prepare('BEGIN IMMEDIATE');
    const commit = db.prepare('COMMIT');
    const insert = db.prepare(
      `INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return await perSecond(rows.length, () => {
      for (const row of rows) {
        begin.run();
        insert.run(...row);
        commit.run();
      }
    });
  } finally {
    db.close();
    removeDatabase(file);
  }
};

/** One round of kinerja on a fresh SQLite file: `employees` × 5 commands, `inFlight` employees at a time. */
const kinerjaSqliteRound = (employees, inFlight) => async () => {
  const file = scratchFile('commands');
  const store = openSqliteStore({ path: file });
  try {
    return await perSecond(employees * 5, () => runEmployees(kinerjaHandler(store), { employees, inFlight }));
  } finally {
    await store.close();
    removeDatabase(file);
  }
};

/** emmett-sqlite on a fresh file; `single`: its single-connection mode (one shared connection). */
const emmettSqliteStore = (file, single) => {
  const { getSQLiteEventStore, sqliteConnection } = require('@event-driven-io/emmett-sqlite');
  const options = { fileName: file, schema: { autoMigration: 'CreateOrUpdate' } };
  if (single) options.connectionOptions = { singleton: true, connection: sqliteConnection({ fileName: file }) };
  return getSQLiteEventStore(options);
};

/** Commands emmett-sqlite failed, per mode, over all rounds (with the first error), for the notes. */
const emmettFailures = { single: { failed: 0, first: undefined }, default: { failed: 0, first: undefined } };

/**
 * One round of emmett-sqlite: the rate of the commands that succeeded. A failed command (emmett-sqlite's default
 * mode sometimes answers SQLITE_BUSY even one command at a time) is counted, not fatal: the notes report it.
 */
const emmettSqliteRound = (employees, single) => async () => {
  const file = scratchFile(single ? 'emmett-single' : 'emmett-default');
  const store = emmettSqliteStore(file, single);
  const seen = emmettFailures[single ? 'single' : 'default'];
  const handler = emmettHandler(store);
  let failed = 0;
  const tolerant = async (streamId, json) => {
    try {
      await handler(streamId, json);
    } catch (error) {
      failed += 1;
      seen.first ??= String(error?.message ?? error).split('\n')[0];
    }
  };
  try {
    const rate = await perSecond(employees * 5, () => runEmployees(tolerant, { employees, inFlight: 1 }));
    seen.failed += failed;
    return (rate * (employees * 5 - failed)) / (employees * 5);
  } finally {
    removeDatabase(file);
  }
};

const failuresOf = (mode) => {
  const seen = emmettFailures[mode];
  return seen.failed === 0 ? 'no command failed' : `${seen.failed} commands failed (first: \`${seen.first}\`); the rate counts the successful ones`;
};

/**
 * What emmett-sqlite does with 64 commands in flight, in each mode: how many of 200 employees' commands fail,
 * and how (reported in the notes; the default mode raises an unhandled SQLITE_BUSY error event, which would end
 * the process, so it is run in a child process).
 */
const emmettConcurrencyReport = async () => {
  const { execFileSync } = require('node:child_process');
  const script = `
    const c = require(${JSON.stringify(require.resolve('./commands'))});
    const { getSQLiteEventStore, sqliteConnection } = require('@event-driven-io/emmett-sqlite');
    const file = process.argv[1]; const single = process.argv[2] === 'single';
    const options = { fileName: file, schema: { autoMigration: 'CreateOrUpdate' } };
    if (single) options.connectionOptions = { singleton: true, connection: sqliteConnection({ fileName: file }) };
    const handler = c.emmettHandler(getSQLiteEventStore(options));
    let failed = 0; let first;
    c.runEmployees(async (s, j) => { try { await handler(s, j); } catch (e) { failed++; first ??= String(e.message ?? e); } }, { employees: 200, inFlight: 64 })
      .then(() => console.log(JSON.stringify({ failed, first })));`;
  const lines = [];
  for (const mode of ['single', 'default']) {
    const file = scratchFile(`emmett-64-${mode}`);
    try {
      const out = execFileSync(process.execPath, ['-e', script, file, mode], { cwd: __dirname, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
      const { failed, first } = JSON.parse(out.toString().trim().split('\n').pop());
      lines.push(`${mode === 'single' ? 'single-connection' : 'default'} mode: ${failed} of 1,000 commands failed${first ? ` (first: \`${first}\`)` : ''}`);
    } catch (error) {
      const stderr = String(error.stderr ?? '').split('\n').find((l) => /SQLITE|Error/.test(l)) ?? String(error.message).split('\n')[0];
      lines.push(`${mode === 'single' ? 'single-connection' : 'default'} mode: the process died (\`${stderr.trim()}\`)`);
    } finally {
      removeDatabase(file);
    }
  }
  return lines;
};

const memoryRound = (employees, streams, side) => async () => {
  // `streams` employees' plans are already in the store (not timed): the run adds `employees` more.
  if (side === 'kinerja') {
    const store = createMemoryStore();
    await runEmployees(kinerjaHandler(store), { employees: streams, inFlight: 16 });
    return perSecond(employees * 5, () => runEmployees(kinerjaHandler(store), { first: streams, employees, inFlight: 16 }));
  }
  const { getInMemoryEventStore } = require('@event-driven-io/emmett');
  const store = getInMemoryEventStore();
  await runEmployees(emmettHandler(store), { employees: streams, inFlight: 16 });
  return perSecond(employees * 5, () => runEmployees(emmettHandler(store), { first: streams, employees, inFlight: 16 }));
};

const rawWhat = 'raw better-sqlite3, `BEGIN IMMEDIATE; INSERT; COMMIT` per row, the same rows';

const figures = (config) => {
  const size = sizesFor(config.quick);
  const rows = { one: [], inFlight: [] };
  let emmettFailures = [];
  return [
    {
      name: 'command path (SQLite, FULL), 1 in flight',
      unit: 'commands/s',
      setup: async () => {
        rows.one = await capturedRows(size.one);
      },
      ours: kinerjaSqliteRound(size.one, 1),
      baseline: async () => rawRound(rows.one)(),
      baselineWhat: rawWhat,
      target: targets.ratioAtLeast(0.5),
      notes: `${size.one.toLocaleString('en-US')} employees per round, each five commands in order on a fresh plan stream (DraftPlan, AddRhk, AddIki, SubmitPlan, ApprovePlan: test/bench/commands.js), one command at a time. Each command arrives as JSON, is decoded by \`PlanCommandCodec\`, and goes through \`handle\`: read the stream, decode and fold its events, decide, stamp metadata and basis, append with the expected version, durably (one commit and fsync per command, since nothing else is queued). The baseline inserts exactly the events kinerja wrote (captured from a memory-store run of the same employees: same ids, same JSON), one row per commit.`,
    },
    {
      name: 'command path (SQLite, FULL), 64 in flight',
      unit: 'commands/s',
      setup: async () => {
        rows.inFlight = await capturedRows(size.inFlight);
      },
      ours: kinerjaSqliteRound(size.inFlight, 64),
      baseline: async () => rawRound(rows.inFlight)(),
      baselineWhat: rawWhat,
      target: targets.ratioAtLeast(3, '(group commit shares the fsync)'),
      notes: `As above with ${size.inFlight.toLocaleString('en-US')} employees per round, 64 at a time (64 commands in flight, each employee's five in order). Group commit writes the appends queued during one turn of the event loop in one transaction, so they share one fsync; what is left is CPU per command on one core.`,
    },
    {
      name: 'same commands: kinerja SQLite 64 in flight vs emmett-sqlite',
      unit: 'commands/s',
      setup: async () => {
        emmettFailures = await emmettConcurrencyReport();
      },
      ours: kinerjaSqliteRound(size.inFlight, 64),
      baseline: emmettSqliteRound(size.emmettSqlite, true),
      baselineWhat: '`@event-driven-io/emmett-sqlite` 0.42.4, single-connection mode, 1 in flight (its only mode that completes)',
      target: targets.ratioAtLeast(3.5),
      details: () => `emmett-sqlite with 64 commands in flight: ${emmettFailures.join('; ')}.`,
      notes: `The same decoded commands and the same plan decider on Emmett's \`CommandHandler\` (aggregateStream → decide → appendToStream); Emmett stores the events in kinerja's wire format and its \`evolve\` decodes each one, as kinerja's pipeline does. emmett-sqlite (on the \`sqlite3\` addon, WAL) is run one command at a time, ${size.emmettSqlite.toLocaleString('en-US')} employees per round, because with commands in flight it fails (see below). kinerja runs as in the 64-in-flight figure. Emmett is 0.42.0 with emmett-sqlite 0.42.4 (which asks for emmett 0.42.4, not in the registry).`,
    },
    {
      name: 'same commands, 1 in flight: kinerja SQLite vs emmett-sqlite',
      unit: 'commands/s',
      ours: kinerjaSqliteRound(size.emmettSqlite, 1),
      baseline: emmettSqliteRound(size.emmettSqlite, true),
      baselineWhat: 'emmett-sqlite single-connection mode, 1 in flight',
      target: targets.informational('informational: like for like, one at a time'),
      details: () => `emmett-sqlite, single-connection mode, 1 in flight: ${failuresOf('single')}.`,
      notes: `Both one command at a time, ${size.emmettSqlite.toLocaleString('en-US')} employees per round: each side pays one commit per command. emmett-sqlite's default mode (a new connection per operation) is slower still; see the next figure.`,
    },
    {
      name: 'same commands, 1 in flight: kinerja SQLite vs emmett-sqlite default mode',
      unit: 'commands/s',
      ours: kinerjaSqliteRound(Math.max(10, size.emmettSqlite / 4), 1),
      baseline: emmettSqliteRound(Math.max(10, size.emmettSqlite / 4), false),
      baselineWhat: 'emmett-sqlite default mode (connection per operation), 1 in flight',
      target: targets.informational(),
      details: () => `emmett-sqlite, default mode, 1 in flight: ${failuresOf('default')}.`,
      notes: `As above, with emmett-sqlite in its default mode, which opens a connection for each operation; ${Math.max(10, size.emmettSqlite / 4).toLocaleString('en-US')} employees per round.`,
    },
    {
      name: `same commands in memory, ${size.streamsSmall.toLocaleString('en-US')} streams: kinerja vs Emmett in-memory`,
      unit: 'commands/s',
      ours: memoryRound(size.memory, size.streamsSmall, 'kinerja'),
      baseline: memoryRound(size.memory, size.streamsSmall, 'emmett'),
      baselineWhat: "Emmett's in-memory event store, same decider",
      target: targets.ratioAtLeast(5),
      notes: `Both stores in memory, 16 employees in flight: ${size.streamsSmall.toLocaleString('en-US')} employees' plans already in the store (not timed), then ${size.memory.toLocaleString('en-US')} more employees' five commands timed. kinerja's memory store keeps the same contract as the durable ones (validation, JSON copy, hash chain, frozen envelopes).`,
    },
    {
      name: `same commands in memory, ${size.streamsLarge.toLocaleString('en-US')} streams: kinerja vs Emmett in-memory`,
      unit: 'commands/s',
      ours: memoryRound(size.memory, size.streamsLarge, 'kinerja'),
      baseline: memoryRound(size.memory, size.streamsLarge, 'emmett'),
      baselineWhat: "Emmett's in-memory event store, same decider",
      target: targets.ratioAtLeast(5, '(flat as streams grow)'),
      notes: `As above with ${size.streamsLarge.toLocaleString('en-US')} plans in the store before the timed part: kinerja's rate should stay flat as the number of streams grows.`,
    },
  ];
};

module.exports = {
  title: 'Command path',
  intro:
    'The start-of-year rush: employees drafting their SKP and getting it approved, five commands each (test/bench/commands.js), decoded from JSON and run through a command handler on a durable store. Rates are commands per second; each command appends one event.',
  figures,
};
