/**
 * The event envelope of ARCHITECTURE.md, "The event envelope": what every store keeps for every event.
 *
 * `data` is stored exactly as it was appended, at the `schemaVersion` it was written with; upcasting to the
 * current version happens when a typed reader decodes it (see upcasting.ts), so the integrity hash always
 * covers the bytes that were written.
 */
import * as t from 'io-ts';

/** JSON as stored. */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json };

export type Basis = Readonly<{
  /** The rule book (regime) and its version, e.g. `permenpanrb-6-2022@1`. */
  ruleBook: string;
  /** Articles and rule ids, e.g. `['BR-10', 'PP 30/2019 Ps 59']`. */
  articles: ReadonlyArray<string>;
  /** Event ids of the inputs the decision was taken from. */
  inputs: ReadonlyArray<string>;
}>;

export type EnvelopeActor = Readonly<{ nip: string; role: string }>;

/** What the engine supplies for each new event; the store adds the rest. */
export type NewEventMetadata = Readonly<{
  tenant: string;
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: EnvelopeActor;
  /** When the fact happened in the world (ISO-8601 with offset). */
  occurredAt: string;
  basis?: Basis;
}>;

export type EventMetadata = NewEventMetadata &
  Readonly<{
    /** When the store committed it (ISO-8601, UTC), stamped by the store. */
    recordedAt: string;
    /** Hash of the previous event of the same stream; the first event chains from `streamGenesisHash`. */
    prevHash: string;
    /** SHA-256 (hex) of prevHash ‖ canonical JSON of this envelope without `hash` and `globalPosition`. */
    hash: string;
  }>;

/** An event to append. `eventId` defaults to a random UUID; the engine derives it from the command id. */
export type NewEvent = Readonly<{
  eventId?: string;
  type: string;
  schemaVersion: number;
  data: Json;
  metadata: NewEventMetadata;
}>;

export type EventEnvelope = Readonly<{
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  /** 0-based position of the event in its stream (EventStoreDB's revision). */
  streamVersion: number;
  /** Position in the store's global order: 1-based and gapless in memory and SQLite; the commit position in EventStoreDB. */
  globalPosition: number;
  data: Json;
  metadata: EventMetadata;
}>;

const isJson = (u: unknown): u is Json => {
  if (u === null || typeof u === 'boolean' || typeof u === 'string') return true;
  if (typeof u === 'number') return Number.isFinite(u);
  if (Array.isArray(u)) return u.every(isJson);
  if (typeof u === 'object') return Object.values(u as object).every(isJson);
  return false;
};

const JsonCodec: t.Type<Json, Json, unknown> = new t.Type<Json, Json, unknown>(
  'Json',
  isJson,
  (u, c) => (isJson(u) ? t.success(u) : t.failure(u, c, 'expected JSON data')),
  (a) => a,
);

const BasisCodec = t.readonly(
  t.exact(t.type({ ruleBook: t.string, articles: t.readonlyArray(t.string), inputs: t.readonlyArray(t.string) })),
);

const newEventMetadataProps = {
  tenant: t.string,
  commandId: t.string,
  correlationId: t.string,
  causationId: t.string,
  actor: t.exact(t.type({ nip: t.string, role: t.string })),
  occurredAt: t.string,
};

export const EventMetadataCodec: t.Type<EventMetadata, unknown, unknown> = t.exact(
  t.intersection([
    t.type({ ...newEventMetadataProps, recordedAt: t.string, prevHash: t.string, hash: t.string }),
    t.partial({ basis: BasisCodec }),
  ]),
);

/** The envelope as stored and sent: plain JSON, unknown fields stripped. */
export const EventEnvelopeCodec: t.Type<EventEnvelope, unknown, unknown> = t.exact(
  t.type({
    eventId: t.string,
    type: t.string,
    schemaVersion: t.number,
    streamId: t.string,
    streamVersion: t.number,
    globalPosition: t.number,
    data: JsonCodec,
    metadata: EventMetadataCodec,
  }),
);
