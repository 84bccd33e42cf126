/**
 * Codec building blocks used at the edges (HTTP bodies, CSV rows, stored events). io-ts stays at the edges:
 * inside, the domain works with the decoded types.
 */
import * as t from 'io-ts';
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { ROLES, type Actor, type CommandMetadata } from './decider';
import { Nip } from './ids';
import { Instant } from './time';
import { withJsonSchema, type SchemaOf } from './json-schema';


/** A human-readable decoding problem: the dotted path of the failing field and what is wrong with it. */
export type FieldProblem = Readonly<{ path: string; message: string }>;

const SKIPPED_PARENTS = new Set(['IntersectionType', 'UnionType']);

const pathOf = (context: t.Context): string => {
  const keys: string[] = [];
  context.forEach((entry, i) => {
    if (i === 0 || entry.key === '') return;
    const parent = context[i - 1]?.type as { _tag?: string } | undefined;
    if (parent?._tag !== undefined && SKIPPED_PARENTS.has(parent._tag)) return;
    keys.push(entry.key);
  });
  return keys.join('.');
};

/** Turns io-ts errors into one problem per failing field path (the first message for each path). */
export const describeErrors = (errors: t.Errors): ReadonlyArray<FieldProblem> => {
  const byPath = new Map<string, string>();
  for (const error of errors) {
    const path = pathOf(error.context);
    if (byPath.has(path)) continue;
    const last = error.context[error.context.length - 1];
    const message =
      error.message ?? `expected ${last?.type.name ?? 'a valid value'}, got ${JSON.stringify(error.value) ?? 'nothing'}`;
    byPath.set(path, message);
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
};

/** Decodes `input`, returning the value or the field problems. */
export const decodeWith =
  <A>(codec: t.Decoder<unknown, A>) =>
  (input: unknown): Either<ReadonlyArray<FieldProblem>, A> => {
    const result = codec.decode(input);
    return isLeft(result) ? left(describeErrors(result.left)) : right(result.right);
  };

/**
 * An object codec that fails on fields it does not know, naming each one, and strips nothing silently.
 * Use it for input from outside (commands); stored events use `strippingObject`, which strips.
 */
export const strictObject = <R extends t.Props, O extends t.Props = Record<never, never>>(
  name: string,
  required: R,
  optional?: O,
) => {
  type A = t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>;
  type Out = t.OutputOf<t.TypeC<R>> & t.OutputOf<t.PartialC<O>>;
  const req = t.exact(t.type(required));
  const opt = t.exact(t.partial(optional ?? ({} as O)));
  const known = new Set([...Object.keys(required), ...Object.keys(optional ?? {})]);
  const codec = new t.Type<A, Out, unknown>(
    name,
    (u): u is A => req.is(u) && opt.is(u),
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, `expected an object (${name})`);
      const unknownKeys = Object.keys(u).filter((k) => !known.has(k));
      const failures: t.ValidationError[] = unknownKeys.map((key) => {
        const actual = (u as Record<string, unknown>)[key];
        return { value: actual, context: [...c, { key, type: t.never, actual }], message: `unknown field "${key}"` };
      });
      const r = req.validate(u, c);
      const o = opt.validate(u, c);
      if (isLeft(r)) failures.push(...r.left);
      if (isLeft(o)) failures.push(...o.left);
      if (failures.length > 0 || isLeft(r) || isLeft(o)) return t.failures(failures);
      return t.success({ ...r.right, ...o.right } as A);
    },
    (a) => ({ ...req.encode(a), ...opt.encode(a) }) as Out,
  );
  return withJsonSchema(codec, (schemaOf) => strictObjectSchema(name, required, optional ?? {}, schemaOf));
};

/** The JSON Schema of a `strictObject`: its fields, the required ones, and no others. */
const strictObjectSchema = (name: string, required: t.Props, optional: t.Props, schemaOf: SchemaOf) => {
  const properties = Object.fromEntries(
    [...Object.entries(required), ...Object.entries(optional)].map(([key, codec]) => [key, schemaOf(codec)]),
  );
  const requiredKeys = Object.keys(required);
  return {
    title: name,
    type: 'object',
    properties,
    ...(requiredKeys.length > 0 ? { required: requiredKeys } : {}),
    additionalProperties: false,
  };
};

/**
 * Like `strictObject`, but strips unknown fields instead of refusing them: what stored events need, since an
 * event written by a newer version may carry a field this one does not know.
 */
export const strippingObject = <R extends t.Props, O extends t.Props = Record<never, never>>(
  name: string,
  required: R,
  optional?: O,
): t.Type<t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>, t.OutputOf<t.TypeC<R>> & t.OutputOf<t.PartialC<O>>, unknown> =>
  t.exact(t.intersection([t.type(required), t.partial(optional ?? ({} as O))]), name);

/** `strictObject` or `strippingObject`: nested shapes are described once and built both ways, so the two never drift. */
export type ObjectCodec = typeof strictObject;

/** An object with exactly one field per key of a closed vocabulary, each decoded by `codec` (a total record). */
export const totalRecord = <K extends string, C extends t.Mixed>(
  object: ObjectCodec,
  name: string,
  keys: ReadonlyArray<K>,
  codec: C,
): t.Type<Readonly<Record<K, t.TypeOf<C>>>, Readonly<Record<K, t.OutputOf<C>>>, unknown> =>
  object(name, Object.fromEntries(keys.map((k) => [k, codec])) as Record<K, C>) as unknown as t.Type<
    Readonly<Record<K, t.TypeOf<C>>>,
    Readonly<Record<K, t.OutputOf<C>>>,
    unknown
  >;

/**
 * A union of objects decoded by looking at the string field `key` first, so an error names the fields of the one
 * member that was meant, and an unknown value (`unknown <what> "x"`, `what` being `key` unless given) names the
 * ones that exist.
 */
export const byKey = <C extends Readonly<Record<string, t.Mixed>>>(name: string, key: string, members: C, what: string = key) => {
  type A = t.TypeOf<C[keyof C]>;
  type O = t.OutputOf<C[keyof C]>;
  const all = Object.values(members);
  const codec = new t.Type<A, O, unknown>(
    name,
    (u): u is A => all.some((m) => m.is(u)),
    (u, c) => {
      if (typeof u !== 'object' || u === null) return t.failure(u, c, `${name} must be an object with a "${key}"`);
      const value = (u as Record<string, unknown>)[key];
      const member = typeof value === 'string' && Object.hasOwn(members, value) ? members[value] : undefined;
      if (member === undefined)
        return t.failure(
          u,
          [...c, { key, type: t.string, actual: value }],
          `unknown ${what} ${JSON.stringify(value)}; expected one of ${Object.keys(members).join(', ')}`,
        );
      return member.validate(u, c) as t.Validation<A>;
    },
    (a) => {
      const member = members[(a as Record<string, string>)[key] ?? ''];
      return (member === undefined ? a : member.encode(a)) as O;
    },
  );
  return withJsonSchema(codec, (schemaOf) => ({
    title: name,
    type: 'object',
    required: [key],
    oneOf: all.map((member) => schemaOf(member)),
    discriminator: { propertyName: key },
  }));
};

/**
 * A union of `{ type: ... }` objects decoded by looking at `type` first, so an error names the fields of the
 * one member that was meant, and an unknown type names the ones that exist.
 */
export const byType = <C extends Readonly<Record<string, t.Mixed>>>(name: string, members: C) =>
  byKey(name, 'type', members, `${name} type`);

/** A codec for one of a fixed list of string codes (`as const` arrays), named for error messages. */
export const literals = <L extends string>(name: string, values: ReadonlyArray<L>) =>
  t.keyof(Object.fromEntries(values.map((v) => [v, null])) as Record<L, null>, name);

export const RoleCodec = literals('Role', ROLES);

export const ActorCodec: t.Type<Actor, unknown, unknown> = strictObject('Actor', { nip: Nip, role: RoleCodec });

export const CommandMetadataCodec: t.Type<CommandMetadata, unknown, unknown> = strictObject('CommandMetadata', {
  now: Instant,
  actor: ActorCodec,
});

/** The `data` codec of every command type built with `commandCodec` (see `commandDataCodecOf`). */
const commandDataCodecs = new Map<string, t.Mixed>();

/**
 * The codec of a command type's `data`, as given to `commandCodec`: what a client sends for that command. The
 * edges describe a request body with it (JSON Schema) when the request codec itself is an opaque wrapper.
 */
export const commandDataCodecOf = (type: string): t.Mixed | undefined => commandDataCodecs.get(type);

/** `{ type, data, metadata }` with the type fixed and unknown fields refused. */
export const commandCodec = <T extends string, D extends t.Mixed>(type: T, data: D) => {
  commandDataCodecs.set(type, data);
  return strictObject(type, { type: t.literal(type), data, metadata: CommandMetadataCodec });
};

/** `{ type, data }` for a stored event; unknown fields are stripped (upcasters handle schema changes). */
export const eventCodec = <T extends string, D extends t.Mixed>(type: T, data: D) =>
  t.exact(t.type({ type: t.literal(type), data }), type);

/** A non-blank string of at most `max` characters (trimmed length at least 1). */
export const text = (max: number) =>
  withJsonSchema(
    new t.Type<string, string, unknown>(
    `Text(${max})`,
    (u): u is string => typeof u === 'string' && u.trim().length > 0 && u.length <= max,
    (u, c) =>
      typeof u !== 'string'
        ? t.failure(u, c, 'expected a string')
        : u.trim().length === 0
          ? t.failure(u, c, 'must not be blank')
          : u.length > max
            ? t.failure(u, c, `must be at most ${max} characters, got ${u.length}`)
            : t.success(u),
    (a) => a,
    ),
    // Not blank: at least one character that `trim` keeps (JavaScript's \S is the complement of what it removes).
    { type: 'string', minLength: 1, maxLength: max, pattern: '\\S' },
  );

/** A finite number greater than zero. */
export const PositiveNumber = withJsonSchema(new t.Type<number, number, unknown>(
  'PositiveNumber',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u > 0,
  (u, c) =>
    typeof u === 'number' && Number.isFinite(u) && u > 0 ? t.success(u) : t.failure(u, c, `expected a number greater than 0, got ${JSON.stringify(u)}`),
  (a) => a,
), { type: 'number', exclusiveMinimum: 0 });

/** A finite number that is zero or more. */
export const NonNegativeNumber = withJsonSchema(new t.Type<number, number, unknown>(
  'NonNegativeNumber',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u >= 0,
  (u, c) =>
    typeof u === 'number' && Number.isFinite(u) && u >= 0 ? t.success(u) : t.failure(u, c, `expected a number of 0 or more, got ${JSON.stringify(u)}`),
  (a) => a,
), { type: 'number', minimum: 0 });

/**
 * A whole number of at least `min` (and at most `max`, when given), e.g. a count (0, 1, 2, ...) or a version
 * (1, 2, ...).
 */
export const wholeNumber = (name: string, min: number, max?: number) => {
  const is = (u: unknown): u is number =>
    typeof u === 'number' && Number.isSafeInteger(u) && u >= min && (max === undefined || u <= max);
  const codec = new t.Type<number, number, unknown>(
    name,
    is,
    (u, c) =>
      is(u)
        ? t.success(u)
        : t.failure(
            u,
            c,
            max === undefined
              ? `expected a whole number of ${min} or more, got ${JSON.stringify(u)}`
              : `${name} must be a whole number within ${min}..${max}, got ${JSON.stringify(u)}`,
          ),
    (a) => a,
  );
  return withJsonSchema(codec, { title: name, type: 'integer', minimum: min, ...(max === undefined ? {} : { maximum: max }) });
};

/** A readonly array with at least one element. */
export const nonEmptyArray = <C extends t.Mixed>(item: C) => {
  const inner = t.readonlyArray(item);
  const codec = new t.Type<t.TypeOf<typeof inner>, t.OutputOf<typeof inner>, unknown>(
    `NonEmptyArray<${item.name}>`,
    (u): u is t.TypeOf<typeof inner> => inner.is(u) && u.length > 0,
    (u, c) => (Array.isArray(u) && u.length === 0 ? t.failure(u, c, 'must have at least one item') : inner.validate(u, c)),
    inner.encode,
  );
  return withJsonSchema(codec, (schemaOf) => ({ type: 'array', items: schemaOf(item), minItems: 1 }));
};

/** Any finite number (business bounds such as "positive target" are the decider's to refuse, with a tagged error). */
export const FiniteNumber = withJsonSchema(new t.Type<number, number, unknown>(
  'FiniteNumber',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  (u, c) => (typeof u === 'number' && Number.isFinite(u) ? t.success(u) : t.failure(u, c, `expected a finite number, got ${JSON.stringify(u)}`)),
  (a) => a,
), { type: 'number' });
