import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import * as t from 'io-ts';
import { byType, decodeWith, describeErrors, strictObject, text } from './codec';
import { Nip, nipParts, PeriodId, PlanId, planIdOf, TenantId, UnitId } from './ids';
import { Instant, LocalDate } from './time';
import { nipArb } from './core.testkit';

const problemOf = (codec: t.Decoder<unknown, unknown>, input: unknown): string => {
  const result = codec.decode(input);
  if (!isLeft(result)) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return describeErrors(result.left).map((p) => p.message).join('; ');
};

describe('Nip', () => {
  it('accepts a well-formed NIP and splits it into its parts', () => {
    const nip = Nip.decode('198503152010011002');
    expect(isRight(nip)).toBe(true);
    if (isRight(nip))
      expect(nipParts(nip.right)).toEqual({ birthDate: '1985-03-15', appointment: '2010-01', sex: 'male', sequence: '002' });
  });

  it.each([
    ['19850315201001100', 'exactly 18 digits'],
    ['1985031520100110a2', 'exactly 18 digits'],
    ['198513152010011002', 'birth date part (digits 1-8) "19851315"'],
    ['198502302010011002', 'birth date part (digits 1-8) "19850230"'],
    ['198503152010131002', 'appointment part (digits 9-14) "201013" has no valid month'],
    ['198503151980011002', 'appointment part (digits 9-14) "198001" is not after the birth date'],
    ['198503152010013002', 'sex part (digit 15) must be 1 or 2, got "3"'],
    ['198503152010011000', 'sequence part (digits 16-18) must not be 000'],
  ])('refuses %s, naming the wrong part', (input, message) => {
    expect(problemOf(Nip, input)).toContain(message);
  });

  it('accepts 29 February only in leap years', () => {
    expect(isRight(Nip.decode('198402292010011001'))).toBe(true);
    expect(problemOf(Nip, '198502292010011001')).toContain('birth date part');
  });
});

describe('other ids', () => {
  it('accepts tenants, units and periods of the documented shapes', () => {
    for (const s of ['surabaya', 'samarinda', 'kota-semarang']) expect(isRight(TenantId.decode(s))).toBe(true);
    for (const s of ['dinkes', 'dinas-pendidikan', 'bpbd']) expect(isRight(UnitId.decode(s))).toBe(true);
    for (const s of ['2025', '2025-Q4', '2025-S1', '2025-M12', '2025-P2']) expect(isRight(PeriodId.decode(s))).toBe(true);
  });

  it.each([
    [TenantId, 'Surabaya'],
    [TenantId, 's'],
    [UnitId, 'Dinas Kesehatan'],
    [PeriodId, '2025-Q5'],
    [PeriodId, '25'],
    [PlanId, '198503152010011002-2025'],
    [PlanId, '198503152010011002.2025-Q9'],
  ] as const)('refuses %s %s', (codec, input) => {
    expect(isLeft(codec.decode(input))).toBe(true);
  });

  it('builds a plan id from a NIP and a period', () => {
    const nip = '198503152010011002' as Nip;
    const id = planIdOf(nip, '2025' as PeriodId);
    expect(id).toBe('198503152010011002.2025');
    expect(isRight(PlanId.decode(id))).toBe(true);
  });

  it('round-trips every valid NIP it generates', () => {
    fc.assert(fc.property(nipArb, (s) => isRight(Nip.decode(s)) && Nip.encode(s as Nip) === s));
  });
});

describe('Instant', () => {
  it('decodes ISO-8601 with an offset and encodes in UTC', () => {
    const d = Instant.decode('2025-01-31T08:00:00+07:00');
    expect(isRight(d) && Instant.encode(d.right)).toBe('2025-01-31T01:00:00.000Z');
  });

  it.each(['2025-01-31T08:00:00', '2025-02-30T08:00:00Z', '2025-01-31', '2025-01-31T25:00:00Z', 42])(
    'refuses %s',
    (input) => {
      expect(isLeft(Instant.decode(input))).toBe(true);
    },
  );

  it('round-trips any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }), (d) => {
        const back = Instant.decode(Instant.encode(d));
        return isRight(back) && back.right.getTime() === d.getTime();
      }),
    );
  });

  it('LocalDate refuses days that do not exist', () => {
    expect(isRight(LocalDate.decode('2024-02-29'))).toBe(true);
    expect(problemOf(LocalDate, '2025-02-29')).toContain('not a day that exists');
  });
});

describe('codec building blocks', () => {
  const Body = strictObject('Body', { name: text(10) }, { note: t.string });
  const Union = byType('Thing', {
    A: strictObject('A', { type: t.literal('A'), n: t.number }),
    B: strictObject('B', { type: t.literal('B'), s: t.string }),
  });

  it('strictObject refuses unknown fields, naming each', () => {
    const result = decodeWith(Body)({ name: 'x', extra: 1, other: 2 });
    expect(isLeft(result) && result.left).toEqual([
      { path: 'extra', message: 'unknown field "extra"' },
      { path: 'other', message: 'unknown field "other"' },
    ]);
  });

  it('names the failing field path', () => {
    const result = decodeWith(Body)({ name: '   ', note: 3 });
    expect(isLeft(result) && result.left.map((p) => p.path)).toEqual(['name', 'note']);
  });

  it('byType decodes the member named by type and reports unknown types', () => {
    expect(isRight(Union.decode({ type: 'B', s: 'x' }))).toBe(true);
    const wrong = decodeWith(Union)({ type: 'A', n: 'x' });
    expect(isLeft(wrong) && wrong.left).toEqual([{ path: 'n', message: 'expected number, got "x"' }]);
    const unknown = decodeWith(Union)({ type: 'C' });
    expect(isLeft(unknown) && unknown.left[0]?.message).toContain('expected one of A, B');
  });
});
