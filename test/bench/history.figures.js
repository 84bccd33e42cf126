// Figures over a city-year of history (issue 9): `verify` over ≥ 1M events against SHA-256 over the same bytes.
const crypto = require('node:crypto');
const { openSqliteStore, verify } = require('@kinerja/eventstore');
const { perSecond, targets } = require('./harness');
const { openExisting } = require('./raw-sqlite');
const { cityLog } = require('./city-log');

const sizesFor = (quick) => (quick ? { events: 20_000 } : { events: 1_000_000 });

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
  ];
};

module.exports = {
  title: 'History',
  intro: 'Figures over a city-year of log (1,000,000 events of the benchmark workload; 20,000 in quick mode), written once per run through the SQLite store (test/bench/city-log.js).',
  figures,
};
