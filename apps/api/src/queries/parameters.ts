/**
 * Path and query parameters of the query routes, decoded by io-ts codecs like command bodies are: a parameter
 * that does not decode is a 400 naming it, and an unknown query parameter is refused rather than ignored.
 */
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import { Instant, decodeWith, literals, withJsonSchema, type FieldProblem } from '@kinerja/domain';
import { invalidParameters } from './problems';
import { MIN_POSITION_QUERY } from './read-your-writes';

/** Decodes path and query parameters together (the query string's `minPosition` belongs to read-your-writes). */
export const decodeParameters = <A>(codec: t.Decoder<unknown, A>, path: Readonly<Record<string, unknown>>, query: unknown = {}): A => {
  const rest = typeof query === 'object' && query !== null ? { ...(query as Record<string, unknown>) } : {};
  delete rest[MIN_POSITION_QUERY];
  const clash = Object.keys(rest).filter((key) => key in path);
  if (clash.length > 0) throw invalidParameters(clash.map((key): FieldProblem => ({ path: key, message: `"${key}" is a path parameter` })));
  const decoded = decodeWith(codec)({ ...rest, ...path });
  if (isLeft(decoded)) throw invalidParameters(decoded.left);
  return decoded.right;
};

/** A whole number in a query string (`?limit=50`), within bounds. */
export const queryInteger = (name: string, min: number, max: number): t.Type<number, string, unknown> =>
  withJsonSchema(new t.Type<number, string, unknown>(
    name,
    (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max,
    (u, c) => {
      const n = typeof u === 'string' && /^-?\d{1,16}$/.test(u) ? Number(u) : Number.NaN;
      return Number.isInteger(n) && n >= min && n <= max ? t.success(n) : t.failure(u, c, `expected a whole number from ${min} to ${max}, got ${JSON.stringify(u)}`);
    },
    String,
  ), { title: name, type: 'integer', minimum: min, maximum: max });

/** The time axis of a time-travel view. */
export const TimeAxis = literals('TimeAxis', ['recorded', 'effective'] as const);

/** `?at=...&by=recorded|effective&knownAt=...`: the instant of a time-travel view. */
export const AsOfParameters = { at: Instant };
export const AsOfOptional = { by: TimeAxis, knownAt: Instant };

/** A stream id: `<category>-<tenant>` or `<category>-<tenant>.<rest>` (ARCHITECTURE.md, "The event envelope"). */
export const StreamIdParameter = withJsonSchema(
  new t.Type<string, string, unknown>(
    'StreamId',
    (u): u is string => typeof u === 'string',
    (u, c) => (typeof u === 'string' && /^[a-z]+-[a-z][a-z0-9-]{1,39}(\.[^\s/]{1,200})?$/.test(u) ? t.success(u) : t.failure(u, c, `expected a stream id <category>-<tenant>[.<id>], got ${JSON.stringify(u)}`)),
    (s) => s,
  ),
  { title: 'StreamId', type: 'string', pattern: '^[a-z]+-[a-z][a-z0-9-]{1,39}(\\.[^\\s/]{1,200})?$', examples: ['plan-salatiga.199203142019031008.2025'] },
);

/** `true` / `false` in a query string. */
export const QueryBoolean = withJsonSchema(
  new t.Type<boolean, string, unknown>(
    'QueryBoolean',
    (u): u is boolean => typeof u === 'boolean',
    (u, c) => (u === 'true' ? t.success(true) : u === 'false' ? t.success(false) : t.failure(u, c, `expected true or false, got ${JSON.stringify(u)}`)),
    String,
  ),
  { title: 'QueryBoolean', type: 'boolean' },
);

/** Leaves out the properties whose value is undefined (the filters of `exactOptionalPropertyTypes`). */
export const defined = <A extends Readonly<Record<string, unknown>>>(value: A): { [K in keyof A]?: Exclude<A[K], undefined> } =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof A]?: Exclude<A[K], undefined> };
