/**
 * The runner's bookkeeping (schema.ts): which build each projection's views point at, and every build's
 * version, state and checkpoint. Every function here runs its SQL on the caller's connection; the ones that
 * change several rows take the write lock themselves (`BEGIN IMMEDIATE`), so that a second process sharing the
 * file always sees either the state before or the state after.
 */
import type Database from 'better-sqlite3';
import type { TableSpec } from '../projection';
import { createEmptyViews, createTables, dropTables, pointViews, tablesFingerprint } from './tables';

export type BuildState = 'building' | 'active' | 'retired' | 'dropped';

export type Build = Readonly<{
  build: number;
  projection: string;
  version: number;
  /** The table specs the build's tables were created with. */
  tables: ReadonlyArray<TableSpec>;
  fingerprint: string;
  state: BuildState;
  checkpoint: number;
  eventsApplied: number;
  updatedAt: string;
}>;

type BuildRow = Readonly<{
  build: number;
  projection: string;
  version: number;
  tables: string;
  state: BuildState;
  checkpoint: number;
  events_applied: number;
  updated_at: string;
}>;

const toBuild = (row: BuildRow): Build => {
  const tables = JSON.parse(row.tables) as ReadonlyArray<TableSpec>;
  return {
    build: row.build,
    projection: row.projection,
    version: row.version,
    tables,
    fingerprint: tablesFingerprint(tables),
    state: row.state,
    checkpoint: row.checkpoint,
    eventsApplied: row.events_applied,
    updatedAt: row.updated_at,
  };
};

/** The active build of a projection, in brief. */
export type ActiveCheckpoint = Readonly<{ build: number; version: number; checkpoint: number }>;

const BUILD_COLUMNS = 'build, projection, version, tables, state, checkpoint, events_applied, updated_at';

export type Registry = ReturnType<typeof registry>;

export const registry = (db: Database.Database) => {
  const stmt = {
    register: db.prepare<[string]>('INSERT INTO runner_projections (name) VALUES (?) ON CONFLICT (name) DO NOTHING'),
    activeBuild: db.prepare<[string], BuildRow>(
      `SELECT ${BUILD_COLUMNS} FROM runner_builds WHERE build = (SELECT active_build FROM runner_projections WHERE name = ?)`,
    ),
    build: db.prepare<[number], BuildRow>(`SELECT ${BUILD_COLUMNS} FROM runner_builds WHERE build = ?`),
    checkpointOf: db.prepare<[number], Readonly<{ checkpoint: number; state: BuildState }>>(
      'SELECT checkpoint, state FROM runner_builds WHERE build = ?',
    ),
    building: db.prepare<[string], BuildRow>(
      `SELECT ${BUILD_COLUMNS} FROM runner_builds WHERE projection = ? AND state = 'building' ORDER BY build DESC`,
    ),
    retiredOf: db.prepare<[], BuildRow>(`SELECT ${BUILD_COLUMNS} FROM runner_builds WHERE state = 'retired'`),
    insertBuild: db.prepare<[string, number, string, string, string]>(
      `INSERT INTO runner_builds (projection, version, tables, state, started_at, updated_at) VALUES (?, ?, ?, 'building', ?, ?)`,
    ),
    advance: db.prepare<[number, number, string, number]>(
      'UPDATE runner_builds SET checkpoint = ?, events_applied = events_applied + ?, updated_at = ? WHERE build = ?',
    ),
    setState: db.prepare<[BuildState, string, number]>('UPDATE runner_builds SET state = ?, retired_at = ? WHERE build = ?'),
    dropped: db.prepare<[number]>(`UPDATE runner_builds SET state = 'dropped' WHERE build = ?`),
    activate: db.prepare<[string, number]>(`UPDATE runner_builds SET state = 'active', activated_at = ? WHERE build = ?`),
    pointAt: db.prepare<[number, string]>('UPDATE runner_projections SET active_build = ? WHERE name = ?'),
    isActive: db.prepare<[string], number | null>('SELECT active_build FROM runner_projections WHERE name = ?').pluck(),
    activeCheckpoint: db.prepare<[string], ActiveCheckpoint>(
      `SELECT b.build, b.version, b.checkpoint FROM runner_projections p JOIN runner_builds b ON b.build = p.active_build WHERE p.name = ?`,
    ),
  };

  const maybe = (row: BuildRow | undefined): Build | undefined => (row === undefined ? undefined : toBuild(row));

  /**
   * Records the projection (once) and gives it empty views until its first build is swapped in. A projection
   * with an active build needs nothing: no write transaction (so `kinerja status` beside a rebuild does not wait).
   */
  const register = (name: string, tables: ReadonlyArray<TableSpec>): void => {
    if (stmt.isActive.get(name) != null) return;
    db.transaction(() => {
      stmt.register.run(name);
      if (stmt.isActive.get(name) == null) createEmptyViews(db, name, tables);
    }).immediate();
  };

  const activeBuild = (name: string): Build | undefined => maybe(stmt.activeBuild.get(name));
  const build = (id: number): Build | undefined => maybe(stmt.build.get(id));
  /** The cheap read done inside every batch transaction. */
  const checkpointOf = (id: number): Readonly<{ checkpoint: number; state: BuildState }> | undefined => stmt.checkpointOf.get(id);
  const activeCheckpoint = (name: string): ActiveCheckpoint | undefined => stmt.activeCheckpoint.get(name);
  const activeBuildId = (name: string): number | undefined => stmt.isActive.get(name) ?? undefined;
  const buildsInProgress = (name: string): ReadonlyArray<Build> => stmt.building.all(name).map(toBuild);

  const advance = (id: number, checkpoint: number, applied: number, now: string): void => {
    stmt.advance.run(checkpoint, applied, now, id);
  };

  /**
   * The build that a rebuild of `name` at `version` continues: the newest building build made from the same
   * version and table specs (a rebuild killed midway resumes from its checkpoint). Builds in progress for
   * anything else (an older version, other specs) can never be swapped in by this code: they are retired and
   * their tables dropped. With no build to resume, a new one is started from position 0.
   */
  const resumeOrStartBuild = (name: string, version: number, tables: ReadonlyArray<TableSpec>, now: string): Build =>
    db.transaction((): Build => {
      stmt.register.run(name);
      const fingerprint = tablesFingerprint(tables);
      let resumed: Build | undefined;
      for (const candidate of buildsInProgress(name)) {
        if (resumed === undefined && candidate.version === version && candidate.fingerprint === fingerprint) {
          resumed = candidate;
        } else {
          stmt.setState.run('retired', now, candidate.build);
        }
      }
      if (resumed !== undefined) return resumed;
      const id = Number(stmt.insertBuild.run(name, version, JSON.stringify(tables), now, now).lastInsertRowid);
      createTables(db, name, version, id, tables);
      const created = build(id);
      if (created === undefined) throw new Error(`build ${id} of ${name} vanished as it was created`);
      return created;
    }).immediate();

  /** Starts a new build even when one is in progress (that one is retired). */
  const startFreshBuild = (name: string, version: number, tables: ReadonlyArray<TableSpec>, now: string): Build =>
    db.transaction((): Build => {
      for (const candidate of buildsInProgress(name)) stmt.setState.run('retired', now, candidate.build);
      return resumeOrStartBuild(name, version, tables, now);
    }).immediate();

  type SwapOutcome = 'swapped' | 'not-building' | 'behind';

  /**
   * The blue/green swap, in one transaction: the views now read the build's tables, the registry points at it,
   * and the previous build is retired (its tables are dropped afterwards, by `dropRetired`). Refused when the
   * build is no longer `building` (another process swapped or retired it) or when it is behind the active
   * build's checkpoint (the views would go back in time: the caller runs another pass first).
   */
  const swap = (id: number, now: string): SwapOutcome =>
    db.transaction((): SwapOutcome => {
      const next = build(id);
      if (next === undefined || next.state !== 'building') return 'not-building';
      const previous = activeBuild(next.projection);
      if (previous !== undefined && previous.checkpoint > next.checkpoint) return 'behind';
      pointViews(db, next.projection, next, previous?.tables ?? next.tables);
      stmt.pointAt.run(id, next.projection);
      stmt.activate.run(now, id);
      if (previous !== undefined) stmt.setState.run('retired', now, previous.build);
      return 'swapped';
    }).immediate();

  /** Drops the tables of retired builds, one build per transaction. Safe to run from any process at any time. */
  const dropRetired = (): number => {
    let dropped = 0;
    for (const row of stmt.retiredOf.all()) {
      db.transaction(() => {
        const current = stmt.checkpointOf.get(row.build);
        if (current?.state !== 'retired') return;
        const retired = toBuild(row);
        dropTables(db, retired.projection, retired.version, retired.build, retired.tables);
        stmt.dropped.run(retired.build);
        dropped += 1;
      }).immediate();
    }
    return dropped;
  };

  return {
    register,
    activeBuild,
    activeBuildId,
    activeCheckpoint,
    build,
    checkpointOf,
    buildsInProgress,
    advance,
    resumeOrStartBuild,
    startFreshBuild,
    swap,
    dropRetired,
  };
};
