/**
 * The SQLite store's schema and its migrations.
 *
 * A migration is never edited once released: a change is a new entry at the end of `migrations`. Each applied
 * migration is recorded in `schema_migrations` (what, and when) and the highest version is mirrored in
 * `PRAGMA user_version`, which tools such as `sqlite3 kinerja.db 'pragma user_version'` read without knowing
 * our tables.
 */
import type Database from 'better-sqlite3';

export type Migration = Readonly<{ version: number; description: string; sql: string }>;

export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    description: 'events (the log) and streams (one row per stream: its version and head hash)',
    sql: `
      -- global_position is the rowid: 1..N, gapless because rows are never deleted and every position is
      -- assigned as head + 1 under the write lock (BEGIN IMMEDIATE).
      CREATE TABLE events (
        global_position INTEGER PRIMARY KEY,
        event_id        TEXT    NOT NULL UNIQUE,
        stream_id       TEXT    NOT NULL,
        stream_version  INTEGER NOT NULL CHECK (stream_version >= 0),
        type            TEXT    NOT NULL,
        schema_version  INTEGER NOT NULL,
        data            TEXT    NOT NULL,  -- JSON, exactly as appended
        metadata        TEXT    NOT NULL,  -- JSON, including recordedAt, prevHash and hash
        recorded_at     TEXT    NOT NULL,  -- ISO-8601 UTC, a copy of metadata.recordedAt for asOf reads
        UNIQUE (stream_id, stream_version) -- also the index readStream walks
      ) STRICT;

      -- readAll filtered by type: the position inside the key lets SQLite read each type in global order.
      CREATE INDEX events_by_type ON events (type, global_position);

      -- The head of every stream, so that the expected-version check and the next prevHash cost one lookup.
      CREATE TABLE streams (
        stream_id TEXT    PRIMARY KEY,
        version   INTEGER NOT NULL,
        head_hash TEXT    NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
];

export const latestSchemaVersion: number = migrations.reduce((max, m) => Math.max(max, m.version), 0);

/**
 * Brings the file up to `latestSchemaVersion` in one IMMEDIATE transaction, so that two processes opening a
 * new file at once do not both migrate it (the second waits on busy_timeout, then finds nothing to do).
 * Refuses a file written by a newer version of this code rather than guessing at its tables.
 */
export const migrate = (db: Database.Database, now: () => string): number =>
  db.transaction((): number => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version     INTEGER PRIMARY KEY,
      description TEXT NOT NULL,
      applied_at  TEXT NOT NULL
    ) STRICT`);
    const current = db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get() as number;
    if (current > latestSchemaVersion) {
      throw new Error(
        `the SQLite event store file has schema version ${current}, newer than this code knows (${latestSchemaVersion})`,
      );
    }
    const record = db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)');
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.description, now());
    }
    // PRAGMA takes no bound parameters; the value is our own integer.
    db.pragma(`user_version = ${latestSchemaVersion}`);
    return latestSchemaVersion;
  }).immediate();
