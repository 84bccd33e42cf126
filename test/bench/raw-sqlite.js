// The raw better-sqlite3 baselines: what the same inserts and reads cost with no store around them.
//
// The table is the store's own: the migrations of packages/eventstore/src/sqlite/schema.ts are applied to a
// fresh file, so `events` has the same columns, STRICT typing, INTEGER PRIMARY KEY position, UNIQUE(event_id),
// UNIQUE(stream_id, stream_version) and the (type, global_position) index. The baselines write `events` only.
const fs = require('node:fs');
const path = require('node:path');
const { realisationRecorded, storedMetadata, streamIdOf } = require('./workload');

const root = path.resolve(__dirname, '../..');
// The store's own migrations, so that the baseline's table can never drift from the store's.
const { sqliteMigrations: migrations } = require('@kinerja/eventstore');
// better-sqlite3 is a dependency of packages/eventstore, not of the root: load the very copy the store uses.
const Database = require(require.resolve('better-sqlite3', { paths: [path.join(root, 'packages/eventstore')] }));

/** A fresh file with the store's schema, WAL, synchronous=FULL and a busy timeout, as openSqliteStore sets them. */
const openRaw = (file) => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.transaction(() => {
    for (const migration of migrations) db.exec(migration.sql);
  }).immediate();
  return db;
};

/** Opens an existing file (written by the store) for reading, with the same pragmas. */
const openExisting = (file) => {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
};

/** Removes a SQLite file and its WAL and shared-memory files. */
const removeDatabase = (file) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
};

/**
 * Inserts `count` events round-robin over `streams` streams, `rowsPerCommit` rows per
 * `BEGIN IMMEDIATE; INSERT…; COMMIT` (one fsync per commit): the same events, ids and JSON the store would write,
 * without the store's checks, hash chain, `streams` table or promises. With 1 row per commit this is what an
 * append costs when every append is its own transaction; with more, the ceiling of a group commit of that size.
 * Returns a function that runs the timed part.
 */
const prepareInserts = (db, { count, streams, rowsPerCommit = 1 }) => {
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const insert = db.prepare(
    `INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const versions = new Array(streams).fill(-1);
  return () => {
    for (let n = 0; n < count; ) {
      begin.run();
      for (let k = 0; k < rowsPerCommit && n < count; k++, n++) {
        const s = n % streams;
        const version = versions[s] + 1;
        const event = realisationRecorded(s, version);
        const recordedAt = new Date().toISOString();
        insert.run(
          n + 1,
          event.eventId,
          streamIdOf(s),
          version,
          event.type,
          event.schemaVersion,
          JSON.stringify(event.data),
          JSON.stringify(storedMetadata(event, recordedAt)),
          recordedAt,
        );
        versions[s] = version;
      }
      commit.run();
    }
  };
};

/**
 * Reads the whole log in global order with one statement, parsing the two JSON columns of every row, as a
 * hand-written reader would. Returns a function that reads it and returns the number of rows read.
 */
const prepareReadInOrder = (db) => {
  const select = db.prepare(
    'SELECT global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata FROM events ORDER BY global_position',
  );
  return () => {
    let rows = 0;
    let check = 0;
    for (const row of select.iterate()) {
      const data = JSON.parse(row.data);
      const metadata = JSON.parse(row.metadata);
      // Touch what was parsed, so that no engine can skip the work.
      check += data.revision + metadata.actor.nip.length;
      rows += 1;
    }
    if (check === 0) throw new Error('nothing was read');
    return rows;
  };
};

module.exports = { openExisting, openRaw, prepareInserts, prepareReadInOrder, removeDatabase };
