import * as fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import * as t from 'io-ts';
import * as domain from '../index';
import { ApprovePlanCodec, DraftPlanRequestCodec, PlanCommandCodec } from '../plan';
import { byType, nonEmptyArray, strictObject, text, wholeNumber, PositiveNumber, literals } from './codec';
import { nipArb } from './core.testkit';
import { EvaluationId, Nip, PeriodId, PlanId, TenantId, UnitId, UnitPeriodId } from './ids';
import { toJsonSchema, withJsonSchema, type JsonSchema } from './json-schema';
import { Instant, LocalDate } from './time';

/**
 * A small validator for the JSON Schema keywords `toJsonSchema` emits (the domain may depend on nothing but fp-ts
 * and io-ts, so no schema library here; the service's tests check the published document with the same law).
 * Returns the paths that fail.
 */
const problems = (schema: JsonSchema, value: unknown, path = '$'): ReadonlyArray<string> => {
  const out: string[] = [];
  const fail = (why: string) => out.push(`${path}: ${why}`);
  const typeOf = (v: unknown): string =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;
  const type = schema['type'];
  if (typeof type === 'string') {
    const actual = typeOf(value);
    if (!(actual === type || (type === 'number' && actual === 'integer'))) fail(`expected ${type}, got ${actual}`);
  }
  if ('const' in schema && schema['const'] !== value) fail(`expected ${JSON.stringify(schema['const'])}`);
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value)) fail('not in enum');
  if (schema['not'] !== undefined && problems(schema['not'] as JsonSchema, value, path).length === 0) fail('matches "not"');
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema['minLength'] === 'number' && length < schema['minLength']) fail('too short');
    if (typeof schema['maxLength'] === 'number' && length > schema['maxLength']) fail('too long');
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) fail(`does not match ${schema['pattern']}`);
    if (schema['format'] === 'date' && Number.isNaN(Date.parse(`${value}T00:00:00Z`))) fail('not a date');
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) fail('below minimum');
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) fail('above maximum');
    if (typeof schema['exclusiveMinimum'] === 'number' && value <= schema['exclusiveMinimum']) fail('not above exclusiveMinimum');
  }
  if (Array.isArray(value)) {
    const prefix = (schema['prefixItems'] as ReadonlyArray<JsonSchema> | undefined) ?? [];
    value.forEach((item, i) => {
      const itemSchema = prefix[i] ?? schema['items'];
      if (itemSchema === false) fail(`no item ${i} allowed`);
      else if (itemSchema !== undefined) out.push(...problems(itemSchema as JsonSchema, item, `${path}[${i}]`));
    });
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) fail('too few items');
    if (typeof schema['maxItems'] === 'number' && value.length > schema['maxItems']) fail('too many items');
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const properties = (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {};
    for (const key of (schema['required'] as ReadonlyArray<string> | undefined) ?? [])
      if (!(key in record)) fail(`missing required "${key}"`);
    for (const [key, v] of Object.entries(record)) {
      const property = properties[key];
      if (property !== undefined) out.push(...problems(property, v, `${path}.${key}`));
      else if (schema['additionalProperties'] === false) fail(`unknown property "${key}"`);
      else if (typeof schema['additionalProperties'] === 'object')
        out.push(...problems(schema['additionalProperties'] as JsonSchema, v, `${path}.${key}`));
      if (schema['propertyNames'] !== undefined) out.push(...problems(schema['propertyNames'] as JsonSchema, key, `${path}.${key}(name)`));
    }
  }
  const branches = (key: string) => ((schema[key] as ReadonlyArray<JsonSchema> | undefined) ?? []).map((s) => problems(s, value, path));
  if (schema['allOf'] !== undefined) out.push(...branches('allOf').flat());
  if (schema['anyOf'] !== undefined && !branches('anyOf').some((p) => p.length === 0)) fail('matches no anyOf branch');
  if (schema['oneOf'] !== undefined && branches('oneOf').filter((p) => p.length === 0).length !== 1) fail('does not match exactly one oneOf branch');
  return out;
};

/** The law: whatever the codec accepts validates against its schema. */
const expectLaw = (codec: t.Decoder<unknown, unknown>, value: unknown) => {
  expect(isRight(codec.decode(value))).toBe(true);
  expect(problems(toJsonSchema(codec), value)).toEqual([]);
};
const accepts = (codec: t.Decoder<unknown, unknown>, value: unknown) => isRight(codec.decode(value));

describe('toJsonSchema: io-ts built-ins', () => {
  it('describes primitives, literals, keyof, arrays, tuples, records and nulls', () => {
    expect(toJsonSchema(t.string)).toEqual({ type: 'string' });
    expect(toJsonSchema(t.number)).toEqual({ type: 'number' });
    expect(toJsonSchema(t.boolean)).toEqual({ type: 'boolean' });
    expect(toJsonSchema(t.null)).toEqual({ type: 'null' });
    expect(toJsonSchema(t.unknown)).toEqual({});
    expect(toJsonSchema(t.Int)).toEqual({ type: 'integer' });
    expect(toJsonSchema(t.literal('x'))).toEqual({ type: 'string', const: 'x' });
    expect(toJsonSchema(t.keyof({ a: null, b: null }))).toEqual({ type: 'string', enum: ['a', 'b'] });
    expect(toJsonSchema(t.readonlyArray(t.string))).toEqual({ type: 'array', items: { type: 'string' } });
    expect(toJsonSchema(t.tuple([t.string, t.number]))).toEqual({
      type: 'array',
      prefixItems: [{ type: 'string' }, { type: 'number' }],
      minItems: 2,
    });
    expect(toJsonSchema(t.record(t.keyof({ a: null }), t.number))).toEqual({
      type: 'object',
      additionalProperties: { type: 'number' },
      propertyNames: { type: 'string', enum: ['a'] },
    });
  });

  it('describes t.type as required properties, t.partial as optional ones, and merges their intersection', () => {
    const codec = t.exact(t.intersection([t.type({ a: t.string, b: t.union([t.number, t.undefined]) }), t.partial({ c: t.boolean })]));
    expect(toJsonSchema(codec)).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { anyOf: [{ type: 'number' }, { not: {} }] }, c: { type: 'boolean' } },
      required: ['a'],
    });
  });

  it('keeps allOf for an intersection that is not of plain objects', () => {
    expect(toJsonSchema(t.intersection([t.string, t.brand(t.string, (s): s is t.Branded<string, { readonly X: unique symbol }> => s.length > 0, 'X')]))).toEqual({
      allOf: [{ type: 'string' }, { type: 'string' }],
    });
  });

  it('terminates on recursive codecs', () => {
    type Tree = { readonly children: ReadonlyArray<Tree> };
    const Tree: t.Type<Tree> = t.recursion('Tree', () => t.type({ children: t.readonlyArray(Tree) }));
    expect(toJsonSchema(Tree)).toEqual({ type: 'object', properties: { children: { type: 'array', items: { title: 'Tree' } } }, required: ['children'] });
    expectLaw(Tree, { children: [{ children: [] }] });
  });

  it('law: every JSON value a built-in codec accepts validates against its schema', () => {
    const codecs: ReadonlyArray<t.Decoder<unknown, unknown>> = [
      t.string,
      t.number,
      t.Int,
      t.boolean,
      t.null,
      t.union([t.string, t.null]),
      t.readonlyArray(t.union([t.number, t.string])),
      t.type({ a: t.string }),
      t.partial({ a: t.number, b: t.boolean }),
      t.exact(t.type({ a: t.union([t.string, t.number]) })),
      t.record(t.string, t.number),
      t.tuple([t.string, t.number]),
      t.keyof({ x: null, y: null }),
      t.literal(3),
    ];
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const codec of codecs) if (accepts(codec, value)) expect(problems(toJsonSchema(codec), value)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("toJsonSchema: the repository's codecs", () => {
  const Sample = strictObject('Sample', { name: text(5), count: wholeNumber('Count', 0, 9) }, { weight: PositiveNumber });

  it('describes strictObject as a closed object with its required fields', () => {
    expect(toJsonSchema(Sample)).toEqual({
      title: 'Sample',
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 5, pattern: '\\S' },
        count: { title: 'Count', type: 'integer', minimum: 0, maximum: 9 },
        weight: { type: 'number', exclusiveMinimum: 0 },
      },
      required: ['name', 'count'],
      additionalProperties: false,
    });
  });

  it('law holds for strictObject, and what it refuses for shape the schema refuses too', () => {
    // Numbers as a JSON body can carry them: JSON has no NaN or Infinity (a schema cannot speak of them either).
    const jsonDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
    const arb = fc.record(
      { name: fc.oneof(fc.string({ maxLength: 7 }), fc.constant('   '), fc.integer()), count: fc.oneof(fc.integer({ min: -2, max: 12 }), jsonDouble), weight: jsonDouble },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arb, fc.boolean(), (value, extra) => {
        const input = extra ? { ...value, extra: 1 } : value;
        const schemaProblems = problems(toJsonSchema(Sample), input);
        if (accepts(Sample, input)) expect(schemaProblems).toEqual([]);
        // Every constraint of these codecs is a schema keyword, so here the schema is exact.
        else expect(schemaProblems.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('describes byType as a oneOf with its discriminator', () => {
    const Shape = byType('Shape', {
      Circle: strictObject('Circle', { type: t.literal('Circle'), r: PositiveNumber }),
      Square: strictObject('Square', { type: t.literal('Square'), side: PositiveNumber }),
    });
    const schema = toJsonSchema(Shape);
    expect(schema['discriminator']).toEqual({ propertyName: 'type' });
    expect((schema['oneOf'] as ReadonlyArray<JsonSchema>).map((s) => s['title'])).toEqual(['Circle', 'Square']);
    expectLaw(Shape, { type: 'Circle', r: 1 });
    expectLaw(Shape, { type: 'Square', side: 2 });
    expect(problems(schema, { type: 'Triangle' }).length).toBeGreaterThan(0);
  });

  it('describes literals, nonEmptyArray, Instant and LocalDate', () => {
    expect(toJsonSchema(literals('Colour', ['red', 'blue']))).toEqual({ type: 'string', enum: ['red', 'blue'] });
    expect(toJsonSchema(nonEmptyArray(t.string))).toEqual({ type: 'array', items: { type: 'string' }, minItems: 1 });
    expectLaw(nonEmptyArray(t.string), ['a']);
    for (const instant of ['2025-01-31T08:00:00+07:00', '2025-01-31T08:00Z', '2025-12-31T23:59:59.123456789-03:30']) expectLaw(Instant, instant);
    expect(problems(toJsonSchema(Instant), '2025-01-31 08:00').length).toBeGreaterThan(0);
    expectLaw(LocalDate, '2025-02-28');
  });

  it('law: valid ids validate against their patterns', () => {
    fc.assert(
      fc.property(nipArb, fc.constantFrom('2025', '2025-Q4', '2025-S1', '2025-M12', '2025-P2'), (nip, period) => {
        expectLaw(Nip, nip);
        expectLaw(PeriodId, period);
        expectLaw(PlanId, `${nip}.${period}`);
        expectLaw(EvaluationId, `${nip}.${period}.${period}`);
      }),
      { numRuns: 100 },
    );
    for (const tenant of ['salatiga', 'kota-semarang']) expectLaw(TenantId, tenant);
    expectLaw(UnitId, 'dukcapil-pelayanan');
    expectLaw(UnitPeriodId, 'dukcapil-pelayanan.2025');
    expect(problems(toJsonSchema(Nip), '12345').length).toBeGreaterThan(0);
  });

  it('describes an undescribed custom codec by its name only, and a described one by its description', () => {
    const Odd = new t.Type<number, number, unknown>('Odd', (u): u is number => typeof u === 'number' && u % 2 === 1, (u, c) => (typeof u === 'number' && u % 2 === 1 ? t.success(u) : t.failure(u, c)), (a) => a);
    expect(toJsonSchema(Odd)).toEqual({ title: 'Odd' });
    withJsonSchema(Odd, { type: 'integer' });
    expect(toJsonSchema(t.type({ n: Odd }))).toEqual({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] });
  });
});

describe('toJsonSchema: the domain command codecs', () => {
  const nip = '199203142019031008';
  const draft = {
    plan: `${nip}.2025`,
    employee: nip,
    appraiser: '198706122015032004',
    appraiserSuperior: '197505101998031003',
    unit: 'dukcapil-pelayanan',
    period: '2025',
    periodStart: '2025-01-01T00:00:00+07:00',
    periodEnd: '2026-01-01T00:00:00+07:00',
    approach: 'kuantitatif',
  };

  it('law holds for real request and command bodies', () => {
    expectLaw(DraftPlanRequestCodec, draft);
    const metadata = { now: '2025-01-07T09:00:00+07:00', actor: { nip: '198706122015032004', role: 'pejabat-penilai' } };
    expectLaw(ApprovePlanCodec, { type: 'ApprovePlan', data: { plan: `${nip}.2025` }, metadata });
    expectLaw(PlanCommandCodec, { type: 'ApprovePlan', data: { plan: `${nip}.2025` }, metadata });
    expect(problems(toJsonSchema(DraftPlanRequestCodec), { ...draft, roster: {} })).toEqual(['$: unknown property "roster"']);
  });

  it('describes every exported codec of the domain as finite JSON', () => {
    const codecs = Object.entries(domain).filter((entry): entry is [string, t.Mixed] => entry[1] instanceof t.Type);
    expect(codecs.length).toBeGreaterThan(50);
    for (const [, codec] of codecs) expect(() => JSON.stringify(toJsonSchema(codec))).not.toThrow();
  });
});
