// A city-year of log for the figures that read a large history (verify, rebuild): written once per bench run
// into a SQLite file through the store itself (so every hash is real), shared by the figures that need it, and
// removed with the scratch directory.
const { openSqliteStore } = require('@kinerja/eventstore');
const { realisationRecorded, streamIdOf } = require('./workload');
const { scratchFile } = require('./scratch');

/** Events per append while writing the log: one append per stream and "month". */
const EVENTS_PER_APPEND = 50;

const logs = new Map();

/**
 * A SQLite file holding `events` events of the benchmark workload over `events / 100` streams (100 events each:
 * a busy employee's year of realisations), written with many events per append and 32 appends in flight.
 * Resolves with `{ file, events, streams, seconds }`.
 */
const cityLog = (events) => {
  const cached = logs.get(events);
  if (cached !== undefined) return cached;
  const made = (async () => {
    const started = process.hrtime.bigint();
    const file = scratchFile(`city-log-${events}`);
    const store = openSqliteStore({ path: file });
    const perStream = 100;
    const streams = Math.max(1, Math.ceil(events / perStream));
    let next = 0;
    const total = Math.ceil(events / EVENTS_PER_APPEND);
    const writer = async () => {
      for (let k = next++; k < total; k = next++) {
        const stream = k % streams;
        const round = Math.floor(k / streams);
        const first = round * EVENTS_PER_APPEND;
        const count = Math.min(EVENTS_PER_APPEND, events - k * EVENTS_PER_APPEND);
        const batch = Array.from({ length: count }, (_, i) => realisationRecorded(stream, first + i));
        const appended = await store.append(streamIdOf(stream), batch, round === 0 ? 'no-stream' : first - 1);
        if (appended._tag !== 'Right') throw new Error(`writing the city log failed: ${JSON.stringify(appended.left)}`);
      }
    };
    try {
      // Rounds go stream by stream, so an append never waits for its stream's previous one in another writer.
      await Promise.all(Array.from({ length: 32 }, writer));
    } finally {
      await store.close();
    }
    return { file, events, streams, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  })();
  logs.set(events, made);
  return made;
};

module.exports = { cityLog };
