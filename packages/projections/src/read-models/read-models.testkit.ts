/**
 * Test support for the read models: a minimal apply-to-SQLite (tables `<projection>_v<version>_<table>`, views
 * `<projection>_<table>`, upserts as INSERT … ON CONFLICT DO UPDATE of the given columns), so that a read model's
 * rows and queries can be checked without the runner; and well-formed envelopes around domain events.
 */
import Database from 'better-sqlite3';
import type { EventEnvelope, Json } from '@kinerja/eventstore';
import type { Projection, Row, RowChange, TableSpec } from '../projection';

export type Db = Database.Database;

const physical = (p: Projection, t: TableSpec): string => `${p.name}_v${p.version}_${t.name}`;

/** Creates the tables, indexes and views of the projections in a database (in memory by default). */
export const createReadModelDb = (projections: ReadonlyArray<Projection>, path = ':memory:'): Db => {
  const db = new Database(path);
  for (const p of projections)
    for (const t of p.tables) {
      const name = physical(p, t);
      const columns = Object.entries(t.columns).map(([c, type]) => `"${c}" ${type}`);
      db.exec(`CREATE TABLE IF NOT EXISTS "${name}" (${columns.join(', ')}, PRIMARY KEY (${t.primaryKey.map((c) => `"${c}"`).join(', ')}))`);
      for (const [i, index] of (t.indexes ?? []).entries())
        db.exec(`CREATE INDEX IF NOT EXISTS "${name}_i${i}" ON "${name}" (${index.map((c) => `"${c}"`).join(', ')})`);
      db.exec(`CREATE VIEW IF NOT EXISTS "${p.name}_${t.name}" AS SELECT * FROM "${name}"`);
    }
  return db;
};

const applyChange = (db: Db, p: Projection, change: RowChange): void => {
  const t = p.tables.find((x) => x.name === change.table);
  if (t === undefined) throw new Error(`${p.name}: no table ${change.table}`);
  const name = physical(p, t);
  if (change.kind === 'delete') {
    const where = t.primaryKey.map((c) => `"${c}" = ?`).join(' AND ');
    db.prepare(`DELETE FROM "${name}" WHERE ${where}`).run(...t.primaryKey.map((c) => change.key[c] ?? null));
    return;
  }
  const row: Row = change.row;
  const columns = Object.keys(row);
  for (const c of columns) if (!(c in t.columns)) throw new Error(`${p.name}.${t.name}: no column ${c}`);
  for (const c of t.primaryKey) if (row[c] === undefined || row[c] === null) throw new Error(`${p.name}.${t.name}: key column ${c} missing`);
  const sets = columns.filter((c) => !t.primaryKey.includes(c));
  const conflict =
    sets.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${sets.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`;
  db.prepare(
    `INSERT INTO "${name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (${t.primaryKey.map((c) => `"${c}"`).join(', ')}) ${conflict}`,
  ).run(...columns.map((c) => row[c] ?? null));
};

/** Applies events to the projections (each only the types it declares), in one transaction. */
export const applyEvents = (db: Db, projections: ReadonlyArray<Projection>, events: ReadonlyArray<EventEnvelope>): void => {
  db.transaction(() => {
    for (const event of events)
      for (const p of projections) {
        if (!p.eventTypes.includes(event.type)) continue;
        for (const change of p.apply(event)) applyChange(db, p, change);
      }
  })();
};

/** Every row of every table of the projections, sorted: to compare two databases. */
export const dumpRows = (db: Db, projections: ReadonlyArray<Projection>): Record<string, ReadonlyArray<unknown>> =>
  Object.fromEntries(
    projections.flatMap((p) =>
      p.tables.map((t) => {
        const rows = db.prepare(`SELECT * FROM "${p.name}_${t.name}"`).all() as ReadonlyArray<Record<string, unknown>>;
        return [`${p.name}_${t.name}`, rows.map((r) => JSON.stringify(r)).sort()];
      }),
    ),
  );

// ---------------------------------------------------------------------------------------------------------------
// Envelopes
// ---------------------------------------------------------------------------------------------------------------

export type EnvelopeOptions = Readonly<{
  tenant?: string;
  streamId: string;
  actor?: Readonly<{ nip: string; role: string }>;
  at?: string;
  basis?: Readonly<{ ruleBook: string; articles: ReadonlyArray<string>; inputs: ReadonlyArray<string> }>;
  commandId?: string;
  eventId?: string;
  schemaVersion?: number;
}>;

/** Builds well-formed envelopes with consecutive positions and per-stream versions. */
export const envelopeFactory = () => {
  let position = 0;
  const versions = new Map<string, number>();
  return (event: Readonly<{ type: string; data: unknown }>, o: EnvelopeOptions): EventEnvelope => {
    position += 1;
    const version = (versions.get(o.streamId) ?? -1) + 1;
    versions.set(o.streamId, version);
    const at = o.at ?? new Date(Date.UTC(2025, 0, 1) + position * 60_000).toISOString();
    const eventId = o.eventId ?? `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`;
    return {
      eventId,
      type: event.type,
      schemaVersion: o.schemaVersion ?? 1,
      streamId: o.streamId,
      streamVersion: version,
      globalPosition: position,
      // Through JSON, as a store gives it back: Dates become ISO strings.
      data: JSON.parse(JSON.stringify(event.data)) as Json,
      metadata: {
        tenant: o.tenant ?? 'salatiga',
        commandId: o.commandId ?? `cmd-${position}`,
        correlationId: o.commandId ?? `cmd-${position}`,
        causationId: o.commandId ?? `cmd-${position}`,
        actor: o.actor ?? { nip: '198001012005011001', role: 'operator' },
        occurredAt: at,
        recordedAt: at,
        ...(o.basis === undefined ? {} : { basis: o.basis }),
        prevHash: 'p'.repeat(64),
        hash: String(position).padStart(64, '0'),
      },
    };
  };
};

/** Domain events as a store gives them back: encoded by the aggregate's codec (Dates as ISO strings), in envelopes. */
export const envelopesOf = <E>(
  make: ReturnType<typeof envelopeFactory>,
  codec: Readonly<{ encode: (e: E) => unknown }>,
  events: ReadonlyArray<E>,
  options: EnvelopeOptions,
): ReadonlyArray<EventEnvelope> =>
  events.map((e) => make(codec.encode(e) as Readonly<{ type: string; data: unknown }>, options));
