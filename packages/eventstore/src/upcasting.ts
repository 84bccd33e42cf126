/**
 * Typed reading of stored events (ARCHITECTURE.md, "Versioning"): an event schema is never edited in place.
 * The store keeps every event at the schemaVersion it was written with (the hash covers those bytes); a reader
 * brings old data up to the current version here, one step at a time (1 → 2 → 3), and decodes it with the
 * current codec.
 *
 * Nothing is skipped silently: an event type the registry does not know, a version newer than the reader
 * (written by a newer deployment) or data that does not fit its schema is an error that names it. A reader
 * that wants to ignore some types filters them out before decoding, on purpose.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { PathReporter } from 'io-ts/PathReporter';
import type { EventEnvelope, Json } from './envelope';

/** Brings data of version k to version k + 1; Left (the problems) when the old data does not have the old shape. */
export type Upcaster = (data: Json) => Either<ReadonlyArray<string>, Json>;

export type EventTypeSpec<A> = Readonly<{
  /** The version new events of this type are written with. */
  schemaVersion: number;
  /** Decodes data of the current version. */
  codec: t.Decoder<unknown, A>;
  /** `upcasters[k]` turns version k into k + 1: one for each k from 1 to schemaVersion − 1. */
  upcasters?: Readonly<Record<number, Upcaster>>;
}>;

/** Event type → its spec; `M` maps each type to its decoded current data. */
export type EventRegistry<M> = Readonly<{ [K in keyof M]: EventTypeSpec<M[K]> }>;

export type DecodedEvent<M> = {
  [K in keyof M & string]: Readonly<{ type: K; data: M[K]; envelope: EventEnvelope }>;
}[keyof M & string];

export type UnknownEventType = Readonly<{
  _tag: 'UnknownEventType';
  type: string;
  eventId: string;
  streamId: string;
  streamVersion: number;
}>;

export type UnknownSchemaVersion = Readonly<{
  _tag: 'UnknownSchemaVersion';
  type: string;
  schemaVersion: number;
  /** The newest version this reader knows. */
  currentVersion: number;
  eventId: string;
}>;

export type InvalidEventData = Readonly<{
  _tag: 'InvalidEventData';
  type: string;
  /** The version whose shape the data did not have: the stored one, or one reached by upcasting. */
  schemaVersion: number;
  eventId: string;
  errors: ReadonlyArray<string>;
}>;

export type DecodeEventError = UnknownEventType | UnknownSchemaVersion | InvalidEventData;

const problems = (errors: t.Errors): ReadonlyArray<string> => PathReporter.report(left(errors));

/**
 * An upcaster that decodes the old version with its own codec (kept forever, like the old schema) and maps it
 * to the next version's data as stored.
 */
export const upcaster =
  <A>(from: t.Decoder<unknown, A>, to: (old: A) => Json): Upcaster =>
  (data) => {
    const decoded = from.decode(data);
    return isLeft(decoded) ? left(problems(decoded.left)) : right(to(decoded.right));
  };

/**
 * Checks a registry once, where it is defined: every type has a positive integer version and an upcaster for
 * each older version, so that a missing step is a start-up error and not a surprise on some old event.
 */
export const createRegistry = <M>(specs: { readonly [K in keyof M]: EventTypeSpec<M[K]> }): EventRegistry<M> => {
  for (const [type, spec] of Object.entries<EventTypeSpec<unknown>>(specs)) {
    if (!(Number.isSafeInteger(spec.schemaVersion) && spec.schemaVersion >= 1))
      throw new Error(`event type ${type}: schemaVersion ${spec.schemaVersion} is not a positive integer`);
    for (let version = 1; version < spec.schemaVersion; version++)
      if (spec.upcasters?.[version] === undefined)
        throw new Error(`event type ${type}: no upcaster from version ${version} to ${version + 1}`);
    for (const key of Object.keys(spec.upcasters ?? {}))
      if (!(Number(key) >= 1 && Number(key) < spec.schemaVersion))
        throw new Error(`event type ${type}: an upcaster from version ${key} makes no sense at current version ${spec.schemaVersion}`);
  }
  return specs;
};

const specOf = <M>(registry: EventRegistry<M>, type: string): EventTypeSpec<unknown> | undefined =>
  // Own keys only: an event typed `constructor` or `toString` is unknown, not Object.prototype's.
  Object.hasOwn(registry, type) ? (registry as Readonly<Record<string, EventTypeSpec<unknown>>>)[type] : undefined;

/** Upcasts a stored event to the current version of its type and decodes it. */
export const decodeEvent = <M>(
  registry: EventRegistry<M>,
  envelope: EventEnvelope,
): Either<DecodeEventError, DecodedEvent<M>> => {
  const { type, eventId, schemaVersion } = envelope;
  const spec = specOf(registry, type);
  if (spec === undefined)
    return left({ _tag: 'UnknownEventType', type, eventId, streamId: envelope.streamId, streamVersion: envelope.streamVersion });
  if (!(Number.isSafeInteger(schemaVersion) && schemaVersion >= 1 && schemaVersion <= spec.schemaVersion))
    return left({ _tag: 'UnknownSchemaVersion', type, schemaVersion, currentVersion: spec.schemaVersion, eventId });

  let data: Json = envelope.data;
  for (let version = schemaVersion; version < spec.schemaVersion; version++) {
    const step = spec.upcasters?.[version];
    // createRegistry guarantees the step; a registry built by hand without it is reported, not crashed on.
    if (step === undefined)
      return left({ _tag: 'InvalidEventData', type, schemaVersion: version, eventId, errors: [`no upcaster from version ${version}`] });
    const next = step(data);
    if (isLeft(next)) return left({ _tag: 'InvalidEventData', type, schemaVersion: version, eventId, errors: next.left });
    data = next.right;
  }
  const decoded = spec.codec.decode(data);
  if (isLeft(decoded))
    return left({ _tag: 'InvalidEventData', type, schemaVersion: spec.schemaVersion, eventId, errors: problems(decoded.left) });
  // The spec found under `type` decodes to M[type]; TypeScript cannot follow a string key back to its member.
  return right({ type, data: decoded.right, envelope } as DecodedEvent<M>);
};
