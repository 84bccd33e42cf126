/**
 * What a projection is (ARCHITECTURE.md, "Projections"): a name, a version, the event types it handles, its
 * tables, and a pure mapping from one stored event to row changes. No reads of the write side, no reads of its
 * own tables: everything a row needs comes from the event (decisions record their facts), so replaying the log
 * from the start always gives the same rows, and an incremental run equals a rebuild.
 *
 * Physical tables are named per build (`<projection>_v<version>_b<build>_<table>`, the build number unique in the
 * read-model file and never reused, so that a rebuild at the same version gets fresh tables too); queries read
 * the view `<projection>_<table>`, which points at the active build. A rebuild fills a new build's tables while
 * the view still answers from the old ones, then swaps the view in one transaction (blue/green). See
 * docs/projections.md, "The runner".
 */
import type { EventEnvelope } from '@kinerja/eventstore';

export type ColumnType = 'TEXT' | 'INTEGER' | 'REAL';

/** A cell: what SQLite stores. Booleans are 0/1, instants ISO strings, lists JSON text. */
export type Value = string | number | null;

export type Row = Readonly<Record<string, Value>>;

export type TableSpec = Readonly<{
  /** Logical name, unique within the projection (the view is `<projection>_<name>`). */
  name: string;
  columns: Readonly<Record<string, ColumnType>>;
  primaryKey: ReadonlyArray<string>;
  indexes?: ReadonlyArray<ReadonlyArray<string>>;
}>;

/**
 * - `upsert`: insert the row, or, when its primary key exists, set only the columns given (a partial update);
 *   the row must contain every primary-key column;
 * - `delete`: remove the row with that primary key (nothing when absent).
 * Both are idempotent: applying a change twice leaves the same rows as applying it once.
 */
export type RowChange =
  | Readonly<{ kind: 'upsert'; table: string; row: Row }>
  | Readonly<{ kind: 'delete'; table: string; key: Row }>;

export type Projection = Readonly<{
  /** Lower-case letters, digits and underscores, starting with a letter: it prefixes table names (not `runner_…`). */
  name: string;
  /**
   * Raise it when the mapping or the tables change: the runner rebuilds blue/green. (The runner refuses tables
   * changed without a raise; a changed mapping it cannot see.)
   */
  version: number;
  description: string;
  /** Event types the runner feeds it (filtering happens before `apply`). */
  eventTypes: ReadonlyArray<string>;
  tables: ReadonlyArray<TableSpec>;
  /** Pure: the same event always gives the same changes. */
  apply: (event: EventEnvelope) => ReadonlyArray<RowChange>;
}>;

/** What `kinerja status` and `/health/ready` show per projection. */
export type ProjectionStatus = Readonly<{
  name: string;
  /** The version whose tables the views point at (undefined before the first build was swapped in). */
  activeVersion: number | undefined;
  /** The version the code declares. */
  declaredVersion: number;
  /** Global position up to which the active build has seen the log (every event at or below it is applied). */
  checkpoint: number;
  /** The store's head position minus the checkpoint (events on SQLite and in memory; log bytes on EventStoreDB). */
  lag: number;
  state: 'live' | 'catching-up' | 'rebuilding' | 'stopped';
  /**
   * When a build of this projection is in progress or was interrupted (and will resume): its own checkpoint.
   * `state` is 'rebuilding' while this runner builds it or another process did so in the last 30 s.
   */
  rebuildCheckpoint?: number;
}>;
