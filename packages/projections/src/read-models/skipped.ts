/** The events each read model could not read (see read-model.ts): what `kinerja status` can show beside the lag. */
import type Database from 'better-sqlite3';
import type { Projection } from '../projection';
import { prepared } from './statements';

export type SkippedEvent = Readonly<{ projection: string; eventId: string; position: number; type: string; reason: string }>;

/** Every skipped event of the given read models, by position. */
export const skippedEvents = (db: Database.Database, projections: ReadonlyArray<Projection>): ReadonlyArray<SkippedEvent> =>
  projections
    .flatMap((p) =>
      (prepared(db, `SELECT event_id, position, type, reason FROM ${p.name}_skipped`).all() as Array<{ event_id: string; position: number; type: string; reason: string }>).map(
        (r) => ({ projection: p.name, eventId: r.event_id, position: r.position, type: r.type, reason: r.reason }),
      ),
    )
    .sort((a, b) => a.position - b.position || a.projection.localeCompare(b.projection));
