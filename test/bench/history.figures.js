// Figures over a city-year of history (issue 9): `verify` over ≥ 1M events against SHA-256 over the same bytes;
// the rebuild of every read model over a seeded city-year (≥ 1M events) against reading and parsing every row;
// one employee's 10-year file replayed.
const crypto = require('node:crypto');
const fs = require('node:fs');
const { execFile } = require('node:child_process');
const { openSqliteStore, verify } = require('@kinerja/eventstore');
const { employeeFileAsOf, employeeStreamIds, seedHistory } = require('@kinerja/engine');
const { median, milliseconds, perSecond, targets } = require('./harness');
const { openExisting } = require('./raw-sqlite');
const { cityLog } = require('./city-log');
const { scratchFile } = require('./scratch');

const sizesFor = (quick) =>
  quick
    ? { events: 20_000, cityEmployees: 400, fileEmployees: 105, fileYears: 10, files: 40 }
    : { events: 1_000_000, cityEmployees: 18_000, fileEmployees: 105, fileYears: 10, files: 200 };

/** A seeded history in a SQLite file (the real engine, `seedHistory`), once per run and size. */
const seeded = new Map();
const seededLog = (employees, years, seed) => {
  const key = `${employees}x${years}:${seed}`;
  if (!seeded.has(key))
    seeded.set(
      key,
      (async () => {
        const file = scratchFile(`seeded-${employees}x${years}`);
        const store = openSqliteStore({ path: file });
        try {
          const report = await seedHistory({ store, employees, years, seed, concurrency: 64 });
          if (report.refusals > 0) throw new Error(`the seed was refused ${report.refusals} times: ${JSON.stringify(report.firstRefusals)}`);
          return { file, events: report.events, seconds: report.seconds };
        } finally {
          await store.close();
        }
      })(),
    );
  return seeded.get(key);
};

/**
 * One rebuild in a child process (so that its peak RSS is its own): every read model from position 0 into a
 * fresh read-model file. Resolves with `{ events, eventsPerSecond, peakRssBytes }`.
 */
const REBUILD_SCRIPT = `
const { openSqliteStore } = require('@kinerja/eventstore');
const { openReadModelDb, READ_MODELS, measureRebuild } = require('@kinerja/projections');
(async () => {
  const store = openSqliteStore({ path: process.argv[1] });
  const db = openReadModelDb(process.argv[2]);
  const m = await measureRebuild({ store, db, projections: READ_MODELS });
  db.close(); await store.close();
  console.log(JSON.stringify({ events: m.events, eventsPerSecond: m.eventsPerSecond, seconds: m.seconds, peakRssBytes: Math.max(m.peakRssBytes, process.resourceUsage().maxRSS * 1024) }));
})().catch((e) => { console.error(e); process.exit(1); });`;

/** The baseline in a child too: read every row in order and JSON.parse both columns, touching what was parsed. */
const READ_SCRIPT = `
const Database = require(require.resolve('better-sqlite3', { paths: [process.argv[2]] }));
const db = new Database(process.argv[1], { readonly: true });
const select = db.prepare('SELECT data, metadata FROM events ORDER BY global_position');
const start = process.hrtime.bigint();
let rows = 0, check = 0;
for (const row of select.iterate()) { const d = JSON.parse(row.data); const m = JSON.parse(row.metadata); check += Object.keys(d).length + m.actor.nip.length; rows += 1; }
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
db.close();
if (check === 0) process.exit(1);
console.log(JSON.stringify({ events: rows, eventsPerSecond: rows / seconds, seconds, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));`;

const inChild = (script, args) =>
  new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script, ...args], { cwd: __dirname, timeout: 3_600_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${stderr || error.message}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()));
    });
  });

const figures = (config) => {
  const size = sizesFor(config.quick);
  let log;
  return [
    {
      name: `verify, ${size.events.toLocaleString('en-US')} events`,
      unit: 'events/s',
      setup: async () => {
        log = await cityLog(size.events);
      },
      ours: async () => {
        const store = openSqliteStore({ path: log.file });
        try {
          return await perSecond(log.events, async () => {
            const report = await verify(store);
            if (report._tag !== 'Right' || report.right._tag !== 'Intact' || report.right.eventsChecked !== log.events)
              throw new Error(`verify did not pass over the whole log: ${JSON.stringify(report)}`);
          });
        } finally {
          await store.close();
        }
      },
      baseline: async () => {
        const db = openExisting(log.file);
        try {
          const select = db.prepare('SELECT data, metadata FROM events ORDER BY global_position');
          return await perSecond(log.events, () => {
            let rows = 0;
            for (const row of select.iterate()) {
              crypto.createHash('sha256').update(row.metadata).update(row.data).digest('hex');
              rows += 1;
            }
            if (rows !== log.events) throw new Error(`the baseline read ${rows} rows`);
          });
        } finally {
          db.close();
        }
      },
      baselineWhat: 'raw better-sqlite3: read every row in order, SHA-256 of its stored bytes (data and metadata)',
      target: targets.ratioAtLeast(0.5),
      details: () => (log === undefined ? undefined : `The log (${log.events.toLocaleString('en-US')} events over ${log.streams.toLocaleString('en-US')} streams) was written through the store in ${log.seconds.toFixed(0)} s, not timed.`),
      notes: `\`verify(store)\` as \`kinerja verify\` runs it: \`readAll\` from position 0 in pages of 500, every envelope built and its JSON parsed, each stream's version sequence and prevHash link checked, and each hash recomputed: SHA-256 over the previous hash and the RFC 8785 canonical JSON of the envelope. The baseline hashes the same stored bytes with no parsing, no canonical form and no chain: the floor of any verification.`,
    },
    (() => {
      let city;
      const rebuilds = [];
      return {
        name: `rebuild of all read models, seeded city-year (${size.cityEmployees.toLocaleString('en-US')} employees)`,
        unit: 'events/s',
        setup: async () => {
          city = await seededLog(size.cityEmployees, 1, 'bench-city');
        },
        ours: async () => {
          const db = scratchFile('readmodels');
          try {
            const r = await inChild(REBUILD_SCRIPT, [city.file, db]);
            rebuilds.push(r);
            return r.eventsPerSecond;
          } finally {
            for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${db}${suffix}`, { force: true });
          }
        },
        baseline: async () => (await inChild(READ_SCRIPT, [city.file, require('node:path').resolve(__dirname, '../../packages/eventstore')])).eventsPerSecond,
        baselineWhat: 'raw better-sqlite3 in a child process: read every row in order, JSON.parse data and metadata',
        target: {
          label: 'ratio ≥ 0.5; peak RSS ≤ 300 MB',
          met: (ratio) => (ratio === undefined ? undefined : ratio >= 0.5 && Math.max(...rebuilds.map((r) => r.peakRssBytes)) <= 300 * 1024 * 1024),
        },
        details: () =>
          city === undefined || rebuilds.length === 0
            ? undefined
            : `The seeded log: ${city.events.toLocaleString('en-US')} events, seeded in ${city.seconds.toFixed(0)} s (not timed). Peak RSS of the rebuilding process: ${rebuilds.map((r) => `${(r.peakRssBytes / 2 ** 20).toFixed(0)} MB`).join(', ')}; rows written per round in ${rebuilds.map((r) => r.seconds.toFixed(1)).join(', ')} s.`,
        notes: `\`kinerja rebuild\` as a child process runs it (\`measureRebuild\` over \`READ_MODELS\`: ranking, audit trail and provenance, training needs, angka kredit, sanctions, work queues, complaint SLA): every event read through the store's \`readAll\` in pages, handed to every read model that declares its type, row changes applied in one SQLite transaction per batch of 1,000 with the checkpoint, secondary indexes created before the swap. The baseline reads the same file with one \`SELECT\` and parses both JSON columns of every row. Both in their own process, interleaved.`,
      };
    })(),
    (() => {
      let history;
      let files = [];
      let latencies = [];
      return {
        name: `one employee's ${size.fileYears}-year file replayed`,
        unit: 'ms (p99)',
        setup: async () => {
          history = await seededLog(size.fileEmployees, size.fileYears, 'bench-file');
          const store = openSqliteStore({ path: history.file });
          try {
            const nips = new Set();
            for await (const e of store.readAll(0, { filter: { types: ['PlanDrafted'] } })) nips.add(`${e.metadata.tenant} ${e.data.employee}`);
            const picked = [...nips].sort().filter((_, i) => i % Math.max(1, Math.floor(nips.size / size.files)) === 0).slice(0, size.files);
            files = [];
            for (const key of picked) {
              const [tenant, nip] = key.split(' ');
              const ids = await employeeStreamIds(store, tenant, nip);
              if (ids._tag !== 'Right') throw new Error('could not list the streams of an employee');
              files.push(ids.right);
            }
          } finally {
            await store.close();
          }
        },
        ours: async () => {
          const store = openSqliteStore({ path: history.file });
          try {
            const times = [];
            for (const streamIds of files) {
              times.push(
                await milliseconds(async () => {
                  const file = await employeeFileAsOf(store, streamIds, { by: 'effective', at: new Date('2035-01-01T00:00:00Z') });
                  if (file._tag !== 'Right' || file.right.streams.length === 0) throw new Error('an employee file did not replay');
                }),
              );
            }
            latencies.push(...times);
            const sorted = [...times].sort((a, b) => a - b);
            return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
          } finally {
            await store.close();
          }
        },
        target: targets.atMost(2, 'ms'),
        details: () => {
          if (latencies.length === 0) return undefined;
          const sorted = [...latencies].sort((a, b) => a - b);
          const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)].toFixed(2);
          const streams = median(files.map((f) => f.length));
          return `Over all rounds (${sorted.length} replays): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms; a file has a median of ${streams} streams. The ${size.fileYears}-year history (${history.events.toLocaleString('en-US')} events) was seeded in ${history.seconds.toFixed(0)} s.`;
        },
        notes: `A ${size.fileYears}-year history of ${size.fileEmployees} employees over the five tenants, seeded through the real engine (not timed). Each round replays ${size.files} employees' whole files (every stream of theirs: ${size.fileYears} SKP, quarterly and annual evaluations, keberatan, rewards, …) as effective at the end of the history, with \`employeeFileAsOf\` on a SQLite store (each stream read, decoded with its io-ts codecs and folded); the figure is the round's p99. No baseline: the target is absolute.`,
      };
    })(),
  ];
};

module.exports = {
  title: 'History',
  intro: 'Figures over a city-year of history: `verify` over 1,000,000 events of the benchmark workload (20,000 in quick mode) written once per run through the SQLite store (test/bench/city-log.js); the rebuild over a city-year seeded through the real engine (`seedHistory`, 18,000 employees, about 1,000,000 events; 400 employees in quick mode); one employee\'s 10-year file.',
  figures,
};
