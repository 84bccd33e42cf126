/**
 * One batch of the log applied to a set of builds, in ONE SQLite transaction: every build's row changes and its
 * checkpoint commit together or not at all.
 *
 * Inside the transaction each build's checkpoint is read again from the file, and an event at or below it is
 * passed over. So a batch delivered twice (a retried read, a re-opened subscription, a second process working
 * on the same build) changes nothing, and two processes sharing one file never apply an event twice.
 *
 * A batch says which part of the log it covers: `(coverFrom, coverTo]`, every event in that range that the
 * read's filter lets through. A build whose checkpoint is below `coverFrom` would miss the events between them:
 * it is left untouched and reported as a gap, and the caller reads again from that build's checkpoint.
 */
import type Database from 'better-sqlite3';
import type { EventEnvelope } from '@kinerja/eventstore';
import type { Projection } from '../projection';
import type { Registry } from './registry';
import { tableWriter, type TableWriter } from './tables';

/**
 * A projection threw, or one of its row changes broke its table (an undeclared column, text in an INTEGER
 * column): a bug in the projection. Names the projection and the event; the original error is the `cause`.
 */
export class ProjectionFailed extends Error {
  readonly projection: string;
  readonly position: number;
  constructor(projection: string, event: EventEnvelope, cause: unknown) {
    const reason = typeof cause === 'object' && cause !== null && 'message' in cause ? String(cause.message) : String(cause);
    super(`projection ${projection} failed on the event at position ${event.globalPosition} (${event.type}, ${event.eventId}): ${reason}`, { cause });
    this.name = 'ProjectionFailed';
    this.projection = projection;
    this.position = event.globalPosition;
  }
}

/** A projection the runner feeds, with its event types as a set. */
export type Fed = Readonly<{ projection: Projection; types: ReadonlySet<string> }>;

export const fed = (projection: Projection): Fed => ({ projection, types: new Set(projection.eventTypes) });

/**
 * Which build of a projection a batch writes to, decided inside the transaction:
 * - `current`: the active build, when it was made at the declared version (the live runner follows whatever
 *   build the views point at, including one swapped in by another process a moment ago);
 * - `build`: one given build, while it is still `building` (a rebuild).
 */
export type Target = Readonly<{ fed: Fed; mode: 'current' } | { fed: Fed; mode: 'build'; build: number }>;

export type BatchOutcome = Readonly<{
  /** Builds written to (checkpoint moved), by projection name: build number and checkpoint after. */
  advanced: ReadonlyMap<string, Readonly<{ build: number; checkpoint: number }>>;
  /** Projections whose build's checkpoint was below `coverFrom`: read again from there. */
  gaps: ReadonlyArray<string>;
  /** Projections with nothing to write to (no active build at the declared version; a build no longer building). */
  absent: ReadonlyArray<string>;
  /** Events handed to projections. */
  applied: number;
}>;

type BuildInfo = Readonly<{ version: number; writer: TableWriter }>;

export type BatchApplier = Readonly<{
  apply: (targets: ReadonlyArray<Target>, events: ReadonlyArray<EventEnvelope>, coverFrom: number, coverTo: number, now: string) => BatchOutcome;
  /** Forgets the statements of builds that are no longer written to. */
  forget: (build: number) => void;
}>;

export const batchApplier = (db: Database.Database, reg: Registry): BatchApplier => {
  /** Per build: its version and its table writer (statements prepared once per build and column set). */
  const builds = new Map<number, BuildInfo>();
  /** The active build each projection was last written through: when it changes (a swap), the old one's statements go. */
  const lastActive = new Map<string, number>();

  const infoOf = (id: number): BuildInfo | undefined => {
    const cached = builds.get(id);
    if (cached !== undefined) return cached;
    const build = reg.build(id);
    if (build === undefined) return undefined;
    const info: BuildInfo = { version: build.version, writer: tableWriter(db, build.projection, build.version, build.build, build.tables) };
    builds.set(id, info);
    return info;
  };

  const run = (
    targets: ReadonlyArray<Target>,
    events: ReadonlyArray<EventEnvelope>,
    coverFrom: number,
    coverTo: number,
    now: string,
  ): BatchOutcome => {
    const advanced = new Map<string, { build: number; checkpoint: number }>();
    const gaps: string[] = [];
    const absent: string[] = [];
    let applied = 0;
    for (const target of targets) {
      const { projection, types } = target.fed;
      const id = target.mode === 'build' ? target.build : reg.activeBuildId(projection.name);
      if (target.mode === 'current' && id !== undefined) {
        const before = lastActive.get(projection.name);
        if (before !== undefined && before !== id) builds.delete(before);
        lastActive.set(projection.name, id);
      }
      const info = id === undefined ? undefined : infoOf(id);
      const row = id === undefined ? undefined : reg.checkpointOf(id);
      const usable =
        id !== undefined &&
        info !== undefined &&
        row !== undefined &&
        (target.mode === 'build' ? row.state === 'building' : row.state === 'active' && info.version === projection.version);
      if (!usable) {
        absent.push(projection.name);
        continue;
      }
      if (row.checkpoint < coverFrom) {
        gaps.push(projection.name);
        continue;
      }
      let seen = row.checkpoint;
      let count = 0;
      for (const event of events) {
        // At or below the checkpoint: already applied (or passed over) by an earlier batch, maybe another process's.
        if (event.globalPosition <= seen) continue;
        seen = event.globalPosition;
        if (!types.has(event.type)) continue;
        try {
          for (const change of projection.apply(event)) info.writer.write(change);
        } catch (error) {
          throw new ProjectionFailed(projection.name, event, error);
        }
        count += 1;
      }
      const checkpoint = Math.max(seen, coverTo);
      if (checkpoint > row.checkpoint) {
        reg.advance(id, checkpoint, count, now);
        advanced.set(projection.name, { build: id, checkpoint });
      }
      applied += count;
    }
    return { advanced, gaps, absent, applied };
  };

  const transaction = db.transaction(run);

  return {
    // IMMEDIATE: take the write lock before reading the checkpoints, so that they cannot move under us.
    apply: (targets, events, coverFrom, coverTo, now) => transaction.immediate(targets, events, coverFrom, coverTo, now),
    forget: (build) => {
      builds.delete(build);
    },
  };
};
