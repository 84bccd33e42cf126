/**
 * The read-model database: one SQLite file (or `:memory:`) holding every projection's tables, the views that
 * queries read, and the runner's own bookkeeping, migrated on open.
 *
 * Bookkeeping (all names start with `runner_`, a prefix no projection may take):
 * - `runner_projections`: one row per projection the runner has seen: which build the views point at;
 * - `runner_builds`: one row per build, i.e. one set of physical tables filled from the log: its projection,
 *   version, the table specs it was created with, its state (`building` → `active` → `retired` → `dropped`),
 *   its checkpoint (the global position of the last event it has seen) and a heartbeat;
 * - `runner_migrations`: which of the migrations below were applied, and when (mirrored in `user_version`).
 *
 * Durability: `synchronous=NORMAL` in WAL mode. A commit is atomic and survives a crash of the process; a power
 * cut may lose the last few commits, never half of one. That is enough here because every row and its
 * checkpoint are committed together: after a power cut the read models are simply a little behind and catch up
 * from their checkpoint. Read models can always be rebuilt from the log; the log itself stays `FULL`.
 */
import Database from 'better-sqlite3';

export type ReadModelDbOptions = Readonly<{
  /**
   * How long a write waits for another process's write lock (SQLite's busy timeout) before failing with
   * SQLITE_BUSY. Default 5 s: a rebuild in another process holds the lock for one batch at a time.
   */
  busyTimeoutMs?: number;
  /** SQLite page cache of this connection, in MiB. Default 32. */
  cacheMiB?: number;
}>;

type Migration = Readonly<{ version: number; description: string; sql: string }>;

const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    description: 'runner bookkeeping: projections, builds with their checkpoints',
    sql: `
      CREATE TABLE runner_projections (
        name         TEXT PRIMARY KEY,
        -- The build the views point at; NULL until the first build is swapped in.
        active_build INTEGER
      ) STRICT;

      -- AUTOINCREMENT: a build number is never reused, so the physical table names of a dropped build never
      -- come back with other contents.
      CREATE TABLE runner_builds (
        build          INTEGER PRIMARY KEY AUTOINCREMENT,
        projection     TEXT    NOT NULL,
        version        INTEGER NOT NULL,
        -- The projection's table specs, as JSON, when the build's tables were created.
        tables         TEXT    NOT NULL,
        state          TEXT    NOT NULL CHECK (state IN ('building', 'active', 'retired', 'dropped')),
        -- Global position of the last event this build has seen (applied or passed over): 0 = none.
        checkpoint     INTEGER NOT NULL DEFAULT 0,
        -- Events applied to this build (handed to the projection), for status pages.
        events_applied INTEGER NOT NULL DEFAULT 0,
        started_at     TEXT    NOT NULL,
        -- Written with every checkpoint: a building build whose heartbeat is old is paused, not running.
        updated_at     TEXT    NOT NULL,
        activated_at   TEXT,
        retired_at     TEXT
      ) STRICT;
      CREATE INDEX runner_builds_by_projection ON runner_builds (projection, state);
    `,
  },
];

const latestVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);

const migrate = (db: Database.Database, now: string): void => {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS runner_migrations (
      version     INTEGER PRIMARY KEY,
      description TEXT NOT NULL,
      applied_at  TEXT NOT NULL
    ) STRICT`);
    const current = db.prepare('SELECT coalesce(max(version), 0) FROM runner_migrations').pluck().get() as number;
    if (current > latestVersion) {
      throw new Error(`the read-model database has runner schema version ${current}, newer than this code knows (${latestVersion})`);
    }
    const record = db.prepare('INSERT INTO runner_migrations (version, description, applied_at) VALUES (?, ?, ?)');
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.description, now);
    }
    db.pragma(`user_version = ${latestVersion}`);
  }).immediate();
};

/**
 * Opens (creating and migrating when needed) the read-model database at `path`; `:memory:` gives a private one
 * for tests and embedding. Two processes may open the same file: the service following the log live and an
 * operator's `kinerja rebuild`; SQLite's locking and the busy timeout serialise their writes.
 */
export const openReadModelDb = (path: string, options: ReadModelDbOptions = {}): Database.Database => {
  const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? 5_000));
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && !(db.memory && mode === 'memory')) {
      throw new Error(`could not switch ${path} to WAL (journal_mode is ${String(mode)})`);
    }
    // NORMAL: see the module comment: a read model lost to a power cut is rebuilt from the log.
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma(`cache_size = ${-1024 * Math.max(1, Math.floor(options.cacheMiB ?? 32))}`);
    migrate(db, new Date().toISOString());
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
};
