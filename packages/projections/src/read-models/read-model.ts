/**
 * How the read models of this folder are built: a projection is a table of handlers, one per event type it
 * reads. Each handler reads the event's JSON data with the small guarded accessors below and returns row changes.
 *
 * **Reading event data.** The runner feeds every read model every event of its types, up to a million in a
 * rebuild, so handlers read the stored JSON directly (plain property access with type checks) instead of decoding
 * it with the domain's io-ts codecs, which would cost more than the whole SQLite write. The accessors check what
 * they read; a field of the wrong type throws a `ShapeError`.
 *
 * **An event of an unknown shape never stops the runner.** `apply` catches whatever a handler throws and returns
 * one row in the projection's `skipped` table instead (event id, position, type, reason), so an operator sees it
 * in `kinerja status` or `skippedEvents(db)` and a rebuild gives the same rows again (the reason is derived from
 * the event only, so it stays pure). A schema version other than the one a handler reads is skipped the same way:
 * every domain event is at version 1 today; a v2 comes with its upcaster and a projection version bump.
 *
 * Event types a projection does not declare are ignored (`[]`); the runner filters them out before `apply` anyway.
 */
import type { EventEnvelope } from '@kinerja/eventstore';
import type { Projection, Row, RowChange, TableSpec } from '../projection';

// ---------------------------------------------------------------------------------------------------------------
// Guarded access to stored JSON
// ---------------------------------------------------------------------------------------------------------------

/** The data of an event does not have the shape a handler reads. */
export class ShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShapeError';
  }
}

export type Obj = Readonly<Record<string, unknown>>;

export const isObj = (u: unknown): u is Obj => typeof u === 'object' && u !== null && !Array.isArray(u);

export const obj = (o: Obj, key: string): Obj => {
  const v = o[key];
  if (isObj(v)) return v;
  throw new ShapeError(`${key} is not an object`);
};

export const optObj = (o: Obj, key: string): Obj | null => {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (isObj(v)) return v;
  throw new ShapeError(`${key} is not an object`);
};

export const str = (o: Obj, key: string): string => {
  const v = o[key];
  if (typeof v === 'string') return v;
  throw new ShapeError(`${key} is not a string`);
};

export const optStr = (o: Obj, key: string): string | null => {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  throw new ShapeError(`${key} is not a string`);
};

export const num = (o: Obj, key: string): number => {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new ShapeError(`${key} is not a number`);
};

export const optNum = (o: Obj, key: string): number | null => {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new ShapeError(`${key} is not a number`);
};

export const bool = (o: Obj, key: string): boolean => {
  const v = o[key];
  if (typeof v === 'boolean') return v;
  throw new ShapeError(`${key} is not a boolean`);
};

export const arr = (o: Obj, key: string): ReadonlyArray<unknown> => {
  const v = o[key];
  if (Array.isArray(v)) return v;
  throw new ShapeError(`${key} is not an array`);
};

export const objs = (o: Obj, key: string): ReadonlyArray<Obj> =>
  arr(o, key).map((v, i) => {
    if (isObj(v)) return v;
    throw new ShapeError(`${key}[${i}] is not an object`);
  });

export const strs = (o: Obj, key: string): ReadonlyArray<string> =>
  arr(o, key).map((v, i) => {
    if (typeof v === 'string') return v;
    throw new ShapeError(`${key}[${i}] is not a string`);
  });

/** 1 / 0, as SQLite stores booleans. */
export const flag = (b: boolean): number => (b ? 1 : 0);

/** An instant as stored by the codecs (ISO-8601, UTC), normalised so that text comparison orders instants. */
export const instant = (o: Obj, key: string): string => {
  const s = str(o, key);
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new ShapeError(`${key} is not an instant`);
  return s.length === 24 && s.endsWith('Z') ? s : new Date(t).toISOString();
};

// ---------------------------------------------------------------------------------------------------------------
// Stream ids: `<category>-<tenant>.<rest>` (ARCHITECTURE.md, "The event envelope")
// ---------------------------------------------------------------------------------------------------------------

export type StreamParts = Readonly<{ category: string; tenant: string; rest: string }>;

export const streamParts = (streamId: string): StreamParts => {
  const dash = streamId.indexOf('-');
  const category = dash < 0 ? streamId : streamId.slice(0, dash);
  const afterCategory = dash < 0 ? '' : streamId.slice(dash + 1);
  const dot = afterCategory.indexOf('.');
  return dot < 0
    ? { category, tenant: afterCategory, rest: '' }
    : { category, tenant: afterCategory.slice(0, dot), rest: afterCategory.slice(dot + 1) };
};

const NIP_PREFIX = /^\d{18}(?:\.|$)/;

/**
 * The employee (NIP) a stream belongs to, or null. Every per-employee stream id starts with the NIP after
 * `<category>-<tenant>.`: `plan-<t>.<nip>.<period>`, `evaluation-<t>.<nip>.<plan period>.<period>`,
 * `keberatan-<t>.<evaluation>`, `disiplin-<t>.<nip>.<yyyy>-<slug>`, `absensi-<t>.<nip>.<yyyy>`,
 * `keberatanadmin-<t>.<case>` and `banding-<t>.<case>` (a case id starts with the NIP),
 * `kinerjarendah-<t>.<nip>.<n>`, `penghargaan-<t>.<nip>.<year>`. Unit periods (`unitperiod-<t>.<unit>.<period>`)
 * and the roster (`roster-<t>`) belong to no single employee.
 */
export const employeeOfStream = (streamId: string): string | null => {
  const { rest } = streamParts(streamId);
  return NIP_PREFIX.test(rest) ? rest.slice(0, 18) : null;
};

/** The parts of an evaluation id `<nip>.<plan period>.<period>` (see `evaluationIdParts` in the domain). */
export const evaluationParts = (
  evaluation: string,
): Readonly<{ employee: string; planPeriod: string; period: string; kind: 'annual' | 'periodic' }> => {
  const first = evaluation.indexOf('.');
  const last = evaluation.lastIndexOf('.');
  if (first !== 18 || last <= first) throw new ShapeError(`evaluation id ${JSON.stringify(evaluation)} is not <nip>.<plan period>.<period>`);
  const planPeriod = evaluation.slice(first + 1, last);
  const period = evaluation.slice(last + 1);
  return { employee: evaluation.slice(0, 18), planPeriod, period, kind: planPeriod === period ? 'annual' : 'periodic' };
};

/** The unit and the period of a unit period id `<unit>.<period>`. */
export const unitPeriodParts = (unitPeriod: string): Readonly<{ unit: string; period: string }> => {
  const dot = unitPeriod.indexOf('.');
  if (dot <= 0) throw new ShapeError(`unit period id ${JSON.stringify(unitPeriod)} is not <unit>.<period>`);
  return { unit: unitPeriod.slice(0, dot), period: unitPeriod.slice(dot + 1) };
};

// ---------------------------------------------------------------------------------------------------------------
// Row changes
// ---------------------------------------------------------------------------------------------------------------

export const upsert = (table: string, row: Row): RowChange => ({ kind: 'upsert', table, row });
export const remove = (table: string, key: Row): RowChange => ({ kind: 'delete', table, key });

// ---------------------------------------------------------------------------------------------------------------
// Defining a read model
// ---------------------------------------------------------------------------------------------------------------

/** Reads one event (its data already checked to be an object) into row changes; may throw on a bad shape. */
export type Handler = (event: EventEnvelope, data: Obj) => ReadonlyArray<RowChange>;

/** The schema version every handler reads: every domain event type is at v1 today. */
export const READ_SCHEMA_VERSION = 1;

/** The table every read model keeps of the events it could not read. */
export const SKIPPED_TABLE: TableSpec = {
  name: 'skipped',
  columns: { event_id: 'TEXT', position: 'INTEGER', type: 'TEXT', reason: 'TEXT' },
  primaryKey: ['event_id'],
};

const skipped = (event: EventEnvelope, reason: string): RowChange =>
  upsert('skipped', { event_id: String(event.eventId), position: event.globalPosition, type: String(event.type), reason });

export type ReadModelSpec = Readonly<{
  name: string;
  version: number;
  description: string;
  tables: ReadonlyArray<TableSpec>;
  handlers: Readonly<Record<string, Handler>>;
}>;

/** A `Projection` from handlers: its event types are the handlers' keys; it gets a `skipped` table. */
export const readModel = (spec: ReadModelSpec): Projection => {
  const handlers = new Map(Object.entries(spec.handlers));
  return {
    name: spec.name,
    version: spec.version,
    description: spec.description,
    eventTypes: [...handlers.keys()],
    tables: [...spec.tables, SKIPPED_TABLE],
    apply: (event) => {
      const handler = handlers.get(event.type);
      if (handler === undefined) return [];
      if (event.schemaVersion !== READ_SCHEMA_VERSION)
        return [skipped(event, `schema version ${event.schemaVersion} is not read by ${spec.name} v${spec.version}`)];
      try {
        if (!isObj(event.data)) throw new ShapeError('data is not an object');
        return handler(event, event.data);
      } catch (e) {
        return [skipped(event, e instanceof Error ? e.message : String(e))];
      }
    },
  };
};

/** Handlers for several types that share one function. */
export const each = (types: ReadonlyArray<string>, handler: Handler): Record<string, Handler> =>
  Object.fromEntries(types.map((type) => [type, handler]));
