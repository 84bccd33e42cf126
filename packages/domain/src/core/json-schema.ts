/**
 * JSON Schema (2020-12, the dialect of OpenAPI 3.1) from io-ts codecs, so the service's OpenAPI document is built
 * from the same codecs that decode its requests and cannot drift from what is accepted.
 *
 * `toJsonSchema` walks io-ts's built-in codecs by their `_tag` (type, partial, exact, intersection, union,
 * literal, keyof, arrays, records, tuples, refinements and brands, primitives). The repository's own codecs are
 * `new t.Type(...)` values that carry no structure, so they describe themselves: `withJsonSchema(codec, schema)`
 * records a schema (or a function of the walker, for codecs with inner codecs) in a registry keyed by the codec
 * object; `strictObject`, `byKey`, `text`, `wholeNumber`, `brandedString`, `Instant`, `Nip`... are annotated where
 * they are defined. A custom codec nobody described becomes `{ title: <its name> }`: a schema that accepts
 * anything, so the document never claims more than the codec checks (the codec stays the judge).
 *
 * The schema describes the wire side (what `decode` accepts): an `Instant` is a string, not a `Date`.
 * Law (tested): every value a codec accepts validates against its schema.
 */
import type * as t from 'io-ts';

/** A JSON Schema object (the keywords used here: type, properties, required, items, enum, const, ...). */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** The walker, handed to schema functions of codecs that contain other codecs. */
export type SchemaOf = (codec: t.Decoder<unknown, unknown>) => JsonSchema;

/** A fixed schema, or one built from the schemas of the codec's inner codecs. */
export type SchemaDescription = JsonSchema | ((schemaOf: SchemaOf) => JsonSchema);

const registry = new WeakMap<object, SchemaDescription>();

/**
 * Records the JSON Schema of a custom codec and returns the codec itself, so a definition reads
 * `export const X = withJsonSchema(new t.Type(...), { type: 'string', ... })`. A later call for the same codec
 * replaces the description (a module may refine a generic one, e.g. a NIP's pattern over "a string").
 */
export const withJsonSchema = <C extends object>(codec: C, description: SchemaDescription): C => {
  registry.set(codec, description);
  return codec;
};

/** True when the codec (a custom one) has a registered description. */
export const hasJsonSchema = (codec: object): boolean => registry.has(codec);

/** The structural parts of io-ts's built-in codecs that the walker reads (io-ts exposes them as public fields). */
type Tagged = Readonly<{
  _tag?: string;
  name: string;
  props?: Readonly<Record<string, t.Decoder<unknown, unknown>>>;
  type?: t.Decoder<unknown, unknown>;
  types?: ReadonlyArray<t.Decoder<unknown, unknown>>;
  value?: unknown;
  keys?: Readonly<Record<string, unknown>>;
  domain?: t.Decoder<unknown, unknown>;
  codomain?: t.Decoder<unknown, unknown>;
  runDefinition?: () => t.Decoder<unknown, unknown>;
}>;

const isPlainObjectSchema = (s: JsonSchema): boolean =>
  s['type'] === 'object' &&
  Object.keys(s).every((k) => k === 'type' || k === 'properties' || k === 'required' || k === 'title' || k === 'description');

/** `undefined` is no JSON value: a property whose codec accepts it may be left out. */
const acceptsUndefined = (codec: t.Decoder<unknown, unknown>): boolean => {
  const c = codec as unknown as Tagged & { is?: (u: unknown) => boolean };
  return typeof c.is === 'function' ? c.is(undefined) : false;
};

const objectSchema = (
  props: Readonly<Record<string, t.Decoder<unknown, unknown>>>,
  schemaOf: SchemaOf,
  allRequired: boolean,
): { type: 'object'; properties: Record<string, JsonSchema>; required?: ReadonlyArray<string> } => {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, codec] of Object.entries(props)) {
    properties[key] = schemaOf(codec);
    if (allRequired && !acceptsUndefined(codec)) required.push(key);
  }
  return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
};

/** Merges object schemas of an intersection into one (what Swagger UI shows best); `allOf` otherwise. */
const intersectionSchema = (members: ReadonlyArray<JsonSchema>): JsonSchema => {
  if (members.length > 0 && members.every(isPlainObjectSchema)) {
    const properties: Record<string, unknown> = {};
    const required = new Set<string>();
    for (const m of members) {
      Object.assign(properties, m['properties'] ?? {});
      for (const r of (m['required'] as ReadonlyArray<string> | undefined) ?? []) required.add(r);
    }
    return required.size > 0 ? { type: 'object', properties, required: [...required] } : { type: 'object', properties };
  }
  return { allOf: members };
};

const literalSchema = (value: unknown): JsonSchema => {
  const type = value === null ? 'null' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';
  return { type, const: value };
};

/**
 * The JSON Schema of what `codec.decode` accepts. Recursive codecs (`t.recursion`) are described once and their
 * inner occurrences left open (`{ title }`), which keeps the schema finite and still truthful.
 */
export const toJsonSchema = (codec: t.Decoder<unknown, unknown>): JsonSchema => {
  const visiting = new Set<object>();

  const schemaOf: SchemaOf = (current) => {
    const described = registry.get(current);
    if (described !== undefined) return typeof described === 'function' ? described(schemaOf) : described;
    const c = current as unknown as Tagged;
    switch (c._tag) {
      case 'StringType':
        return { type: 'string' };
      case 'NumberType':
        return { type: 'number' };
      case 'BigIntType':
        return { type: 'integer' };
      case 'BooleanType':
        return { type: 'boolean' };
      case 'NullType':
        return { type: 'null' };
      case 'UndefinedType':
      case 'VoidType':
      case 'NeverType':
        return { not: {} };
      case 'UnknownType':
      case 'AnyType':
      case 'FunctionType':
        return {};
      case 'UnknownRecordType':
      case 'AnyDictionaryType':
      case 'ObjectType':
        return { type: 'object' };
      case 'UnknownArrayType':
      case 'AnyArrayType':
        return { type: 'array' };
      case 'LiteralType':
        return literalSchema(c.value);
      case 'KeyofType':
        return { type: 'string', enum: Object.keys(c.keys ?? {}) };
      case 'InterfaceType':
        return objectSchema(c.props ?? {}, schemaOf, true);
      case 'PartialType':
        return objectSchema(c.props ?? {}, schemaOf, false);
      case 'StrictType':
      case 'ExactType':
      case 'ReadonlyType':
        // t.exact strips unknown fields rather than refusing them: no `additionalProperties: false` here.
        return c.type === undefined ? {} : schemaOf(c.type);
      case 'RefinementType':
        // A refinement (t.brand, t.Int, t.refinement) narrows its base; the predicate cannot be described, except
        // io-ts's own integer brand.
        return c.name === 'Int' && c.type !== undefined && (c.type as unknown as Tagged)._tag === 'NumberType'
          ? { type: 'integer' }
          : c.type === undefined
            ? {}
            : schemaOf(c.type);
      case 'ArrayType':
      case 'ReadonlyArrayType':
        return { type: 'array', items: c.type === undefined ? {} : schemaOf(c.type) };
      case 'TupleType': {
        // t.tuple accepts longer arrays (and drops the extra items): no `items: false`.
        const items = (c.types ?? []).map(schemaOf);
        return { type: 'array', prefixItems: items, minItems: items.length };
      }
      case 'DictionaryType': {
        const domain = c.domain === undefined ? {} : schemaOf(c.domain);
        const values = c.codomain === undefined ? {} : schemaOf(c.codomain);
        const keys = domain['enum'] !== undefined || domain['pattern'] !== undefined ? { propertyNames: domain } : {};
        return { type: 'object', additionalProperties: values, ...keys };
      }
      case 'IntersectionType':
        return intersectionSchema((c.types ?? []).map(schemaOf));
      case 'UnionType':
      case 'TaggedUnionType':
        return { anyOf: (c.types ?? []).map(schemaOf) };
      case 'RecursiveType': {
        if (visiting.has(current) || c.runDefinition === undefined) return { title: c.name };
        visiting.add(current);
        try {
          return schemaOf(c.runDefinition());
        } finally {
          visiting.delete(current);
        }
      }
      default:
        // An undescribed custom codec: say only its name (a schema that accepts anything).
        return { title: c.name };
    }
  };

  return schemaOf(codec);
};
