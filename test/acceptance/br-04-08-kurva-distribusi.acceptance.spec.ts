/**
 * BR-04..BR-08 kurva distribusi [reg: SE MenPANRB 3/2023]: the unit's organisational result bounds how many of
 * its employees may get each predikat. [policy] Caps round down, minimums round up; units smaller than
 * `exemptBelow` are not checked (default 1 = none exempt). A violation names the rule, the count and the allowed
 * range of every broken bound.
 */
import * as fc from 'fast-check';
import { isLeft, isRight, type Either } from 'fp-ts/Either';
import {
  checkDistribution,
  DEFAULT_POLICY_SETTINGS,
  ORGANISATIONAL_RESULTS,
  PREDIKAT,
  type CurveBound,
  type DistributionCounts,
  type DistributionViolated,
  type OrganisationalResult,
  type Predikat,
} from '@kinerja/domain';

const POLICY = DEFAULT_POLICY_SETTINGS.curve;

const counts = (given: Partial<Record<Predikat, number>>): DistributionCounts => ({
  'sangat-baik': given['sangat-baik'] ?? 0,
  baik: given.baik ?? 0,
  'butuh-perbaikan': given['butuh-perbaikan'] ?? 0,
  kurang: given.kurang ?? 0,
  'sangat-kurang': given['sangat-kurang'] ?? 0,
});

const violationsOf = (result: Either<DistributionViolated, ReadonlyArray<CurveBound>>) =>
  isLeft(result) ? result.left.violations.map((v) => ({ rule: v.rule, predikat: v.predikat, count: v.count, allowed: v.allowed })) : [];

const ok = (result: OrganisationalResult, given: Partial<Record<Predikat, number>>) =>
  expect(isRight(checkDistribution(result, counts(given), POLICY))).toBe(true);

describe('BR-04 Istimewa: Sangat Baik ≤ 70%', () => {
  it('10 employees: 7 Sangat Baik pass', () => ok('istimewa', { 'sangat-baik': 7, baik: 3 }));

  it('10 employees: 8 Sangat Baik are refused, with the count and the allowed range', () => {
    expect(checkDistribution('istimewa', counts({ 'sangat-baik': 8, baik: 2 }), POLICY)).toEqual({
      _tag: 'Left',
      left: {
        _tag: 'DistributionViolated',
        organisationalResult: 'istimewa',
        total: 10,
        counts: counts({ 'sangat-baik': 8, baik: 2 }),
        violations: [{ rule: 'BR-04', predikat: ['sangat-baik'], statement: { kind: 'max', share: 0.7 }, allowed: { min: 0, max: 7 }, count: 8 }],
      },
    });
  });

  it('the cap rounds down: 3 employees allow 2 (floor 2.1), not 3', () => {
    ok('istimewa', { 'sangat-baik': 2, baik: 1 });
    expect(violationsOf(checkDistribution('istimewa', counts({ 'sangat-baik': 3 }), POLICY))).toEqual([
      { rule: 'BR-04', predikat: ['sangat-baik'], count: 3, allowed: { min: 0, max: 2 } },
    ]);
  });
});

describe('BR-05 Baik: Baik ≤ 70%, at least one Butuh Perbaikan or Kurang', () => {
  it('10 employees: 7 Baik and 1 Butuh Perbaikan pass; so do 2 Sangat Baik, 7 Baik and 1 Kurang', () => {
    ok('baik', { baik: 7, 'butuh-perbaikan': 1, 'sangat-baik': 2 });
    ok('baik', { baik: 7, kurang: 1, 'sangat-baik': 2 });
  });

  it('8 Baik of 10 are refused', () => {
    expect(violationsOf(checkDistribution('baik', counts({ baik: 8, 'butuh-perbaikan': 2 }), POLICY))).toEqual([
      { rule: 'BR-05', predikat: ['baik'], count: 8, allowed: { min: 0, max: 7 } },
    ]);
  });

  it('no Butuh Perbaikan or Kurang is refused; Sangat Kurang does not count for it', () => {
    expect(violationsOf(checkDistribution('baik', counts({ baik: 7, 'sangat-baik': 2, 'sangat-kurang': 1 }), POLICY))).toEqual([
      { rule: 'BR-05', predikat: ['butuh-perbaikan', 'kurang'], count: 0, allowed: { min: 1, max: 10 } },
    ]);
  });
});

describe('BR-06 Butuh Perbaikan: Butuh Perbaikan ≥ 60%, Sangat Baik ≤ 10%', () => {
  it('6 of 10 is 60%: passes', () => ok('butuh-perbaikan', { 'butuh-perbaikan': 6, baik: 3, 'sangat-baik': 1 }));

  it('5 of 9 is 55.5%: refused, since 60% of 9 = 5.4 rounds up to 6', () => {
    expect(violationsOf(checkDistribution('butuh-perbaikan', counts({ 'butuh-perbaikan': 5, baik: 4 }), POLICY))).toEqual([
      { rule: 'BR-06', predikat: ['butuh-perbaikan'], count: 5, allowed: { min: 6, max: 9 } },
    ]);
    ok('butuh-perbaikan', { 'butuh-perbaikan': 6, baik: 3 });
  });

  it('1 Sangat Baik of 10 passes; of 9 it is refused (10% of 9 = 0.9 rounds down to 0)', () => {
    expect(violationsOf(checkDistribution('butuh-perbaikan', counts({ 'butuh-perbaikan': 6, 'sangat-baik': 1, baik: 2 }), POLICY))).toEqual([
      { rule: 'BR-06', predikat: ['sangat-baik'], count: 1, allowed: { min: 0, max: 0 } },
    ]);
  });
});

describe('BR-07 Kurang: Kurang ≥ 60%, Butuh Perbaikan ≥ 10%, Sangat Baik ≤ 10%', () => {
  it('10 employees: 6 Kurang, 1 Butuh Perbaikan, 1 Sangat Baik, 2 Baik pass', () =>
    ok('kurang', { kurang: 6, 'butuh-perbaikan': 1, 'sangat-baik': 1, baik: 2 }));

  it('every broken bound is listed at once', () => {
    expect(violationsOf(checkDistribution('kurang', counts({ kurang: 5, 'sangat-baik': 2, baik: 3 }), POLICY))).toEqual([
      { rule: 'BR-07', predikat: ['kurang'], count: 5, allowed: { min: 6, max: 10 } },
      { rule: 'BR-07', predikat: ['butuh-perbaikan'], count: 0, allowed: { min: 1, max: 10 } },
      { rule: 'BR-07', predikat: ['sangat-baik'], count: 2, allowed: { min: 0, max: 1 } },
    ]);
  });

  it('2 employees cannot satisfy it (60% and 10% of 2 round up to 2 and 1); exemptBelow 3 exempts them', () => {
    expect(isLeft(checkDistribution('kurang', counts({ kurang: 2 }), POLICY))).toBe(true);
    expect(isLeft(checkDistribution('kurang', counts({ kurang: 1, 'butuh-perbaikan': 1 }), POLICY))).toBe(true);
    expect(checkDistribution('kurang', counts({ kurang: 2 }), { exemptBelow: 3 })).toEqual({ _tag: 'Right', right: [] });
  });
});

describe('BR-08 Sangat Kurang: Sangat Kurang ≥ 60%, Kurang + Butuh Perbaikan ≥ 10%, no Sangat Baik', () => {
  it('10 employees: 6 Sangat Kurang and 1 Kurang pass; 6 Sangat Kurang and 1 Butuh Perbaikan too', () => {
    ok('sangat-kurang', { 'sangat-kurang': 6, kurang: 1, baik: 3 });
    ok('sangat-kurang', { 'sangat-kurang': 6, 'butuh-perbaikan': 1, baik: 3 });
  });

  it('one Sangat Baik is refused', () => {
    expect(violationsOf(checkDistribution('sangat-kurang', counts({ 'sangat-kurang': 8, kurang: 1, 'sangat-baik': 1 }), POLICY))).toEqual([
      { rule: 'BR-08', predikat: ['sangat-baik'], count: 1, allowed: { min: 0, max: 0 } },
    ]);
  });

  it('no Kurang or Butuh Perbaikan is refused', () => {
    expect(violationsOf(checkDistribution('sangat-kurang', counts({ 'sangat-kurang': 6, baik: 4 }), POLICY))).toEqual([
      { rule: 'BR-08', predikat: ['kurang', 'butuh-perbaikan'], count: 0, allowed: { min: 1, max: 10 } },
    ]);
  });
});

describe('BR-04..08 exemption of small units [policy]', () => {
  it('by default no unit is exempt', () => {
    expect(POLICY).toEqual({ exemptBelow: 1 });
    expect(isLeft(checkDistribution('istimewa', counts({ 'sangat-baik': 1 }), POLICY))).toBe(true);
  });

  it('units with fewer employees than exemptBelow are not checked; from exemptBelow on they are', () => {
    const policy = { exemptBelow: 5 };
    expect(checkDistribution('istimewa', counts({ 'sangat-baik': 4 }), policy)).toEqual({ _tag: 'Right', right: [] });
    expect(isLeft(checkDistribution('istimewa', counts({ 'sangat-baik': 5 }), policy))).toBe(true);
  });

  it('a unit with no employees has nothing to check', () => {
    for (const result of ORGANISATIONAL_RESULTS) expect(isRight(checkDistribution(result, counts({}), POLICY))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: checkDistribution agrees with a brute-force counter written from the rule text, with shares as
// fractions and the allowed range found by trying every count from 0 to the total.
// ---------------------------------------------------------------------------------------------------------------

type Spec = Readonly<{
  rule: string;
  predikat: ReadonlyArray<Predikat>;
  kind: 'at-most' | 'at-least' | 'at-least-one';
  /** share = num / den */
  num: number;
  den: number;
}>;

const RULES: Readonly<Record<OrganisationalResult, ReadonlyArray<Spec>>> = {
  istimewa: [{ rule: 'BR-04', predikat: ['sangat-baik'], kind: 'at-most', num: 7, den: 10 }],
  baik: [
    { rule: 'BR-05', predikat: ['baik'], kind: 'at-most', num: 7, den: 10 },
    { rule: 'BR-05', predikat: ['butuh-perbaikan', 'kurang'], kind: 'at-least-one', num: 0, den: 1 },
  ],
  'butuh-perbaikan': [
    { rule: 'BR-06', predikat: ['butuh-perbaikan'], kind: 'at-least', num: 3, den: 5 },
    { rule: 'BR-06', predikat: ['sangat-baik'], kind: 'at-most', num: 1, den: 10 },
  ],
  kurang: [
    { rule: 'BR-07', predikat: ['kurang'], kind: 'at-least', num: 3, den: 5 },
    { rule: 'BR-07', predikat: ['butuh-perbaikan'], kind: 'at-least', num: 1, den: 10 },
    { rule: 'BR-07', predikat: ['sangat-baik'], kind: 'at-most', num: 1, den: 10 },
  ],
  'sangat-kurang': [
    { rule: 'BR-08', predikat: ['sangat-kurang'], kind: 'at-least', num: 3, den: 5 },
    { rule: 'BR-08', predikat: ['kurang', 'butuh-perbaikan'], kind: 'at-least', num: 1, den: 10 },
    { rule: 'BR-08', predikat: ['sangat-baik'], kind: 'at-most', num: 0, den: 1 },
  ],
};

/** Does `count` of `total` satisfy the spec? Exact: `count/total ≤ num/den` ⇔ `count·den ≤ num·total`. */
const satisfies = (spec: Spec, count: number, total: number): boolean =>
  spec.kind === 'at-most' ? count * spec.den <= spec.num * total : spec.kind === 'at-least' ? count * spec.den >= spec.num * total : count >= 1;

const bruteForce = (result: OrganisationalResult, c: DistributionCounts) => {
  const total = PREDIKAT.reduce((sum, p) => sum + c[p], 0);
  return RULES[result].flatMap((spec) => {
    const count = spec.predikat.reduce((sum, p) => sum + c[p], 0);
    if (satisfies(spec, count, total)) return [];
    const allowedCounts = Array.from({ length: total + 1 }, (_, k) => k).filter((k) => satisfies(spec, k, total));
    return [{ rule: spec.rule, predikat: spec.predikat, count, allowed: { min: Math.min(...allowedCounts), max: Math.max(...allowedCounts) } }];
  });
};

/** 1..200 employees; predikat drawn with random weights, so lopsided units (where the bounds bite) are common. */
const arbUnit: fc.Arbitrary<DistributionCounts> = fc
  .tuple(fc.integer({ min: 1, max: 200 }), fc.array(fc.nat({ max: 12 }), { minLength: 5, maxLength: 5 }))
  .chain(([total, weights]) => {
    const sum = weights.reduce((a, b) => a + b, 0) || 1;
    return fc.array(fc.integer({ min: 0, max: sum - 1 }), { minLength: total, maxLength: total }).map((draws) => {
      const c: Record<Predikat, number> = { 'sangat-baik': 0, baik: 0, 'butuh-perbaikan': 0, kurang: 0, 'sangat-kurang': 0 };
      for (const r of draws) {
        let acc = 0;
        const i = weights.findIndex((w) => (acc += w) > r);
        c[PREDIKAT[i < 0 ? 1 : i] ?? 'baik'] += 1;
      }
      return c;
    });
  });

/** Units whose count of one predikat sits at or next to 10%, 60% or 70% of the total: where rounding matters. */
const arbNearEdge: fc.Arbitrary<DistributionCounts> = fc
  .record({
    total: fc.integer({ min: 1, max: 200 }),
    share: fc.constantFrom(10, 60, 70),
    delta: fc.integer({ min: -1, max: 1 }),
    focus: fc.constantFrom(...PREDIKAT),
    rest: fc.array(fc.constantFrom(...PREDIKAT), { minLength: 200, maxLength: 200 }),
  })
  .map(({ total, share, delta, focus, rest }) => {
    const c: Record<Predikat, number> = { 'sangat-baik': 0, baik: 0, 'butuh-perbaikan': 0, kurang: 0, 'sangat-kurang': 0 };
    c[focus] = Math.min(total, Math.max(0, Math.round((share * total) / 100) + delta));
    for (const p of rest.slice(0, total - c[focus])) c[p] += 1;
    return c;
  });

const zero: Record<Predikat, number> = { 'sangat-baik': 0, baik: 0, 'butuh-perbaikan': 0, kurang: 0, 'sangat-kurang': 0 };
/** A unit that fits the curve under each result, always checked first so that the property is never vacuous. */
const FITTING: Readonly<Record<(typeof ORGANISATIONAL_RESULTS)[number], DistributionCounts>> = {
  istimewa: { ...zero, 'sangat-baik': 7, baik: 3 },
  baik: { ...zero, baik: 7, 'butuh-perbaikan': 3 },
  'butuh-perbaikan': { ...zero, 'butuh-perbaikan': 6, baik: 4 },
  kurang: { ...zero, kurang: 6, 'butuh-perbaikan': 1, baik: 3 },
  'sangat-kurang': { ...zero, 'sangat-kurang': 6, kurang: 1, baik: 3 },
};
const OVERFULL: DistributionCounts = { ...zero, 'sangat-baik': 10 };

describe('BR-04..08 property: checkDistribution agrees with a brute-force counter', () => {
  it.each(ORGANISATIONAL_RESULTS)('under %s, on 1..200 employees', (result) => {
    let passed = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(arbUnit, arbNearEdge), (c) => {
        const expected = bruteForce(result, c);
        const actual = checkDistribution(result, c, POLICY);
        if (expected.length === 0) passed += 1;
        else refused += 1;
        expect(violationsOf(actual)).toEqual(expected);
        expect(isRight(actual)).toBe(expected.length === 0);
      }),
      { numRuns: 400, examples: [[FITTING[result]], [OVERFULL]] },
    );
    // Both outcomes were exercised: the property is not vacuous.
    expect(passed).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it.each(ORGANISATIONAL_RESULTS)('under %s, a unit below exemptBelow always passes', (result) => {
    fc.assert(
      fc.property(arbUnit, fc.integer({ min: 2, max: 250 }), (c, exemptBelow) => {
        const total = PREDIKAT.reduce((sum, p) => sum + c[p], 0);
        const outcome = checkDistribution(result, c, { exemptBelow });
        return total < exemptBelow ? isRight(outcome) && outcome.right.length === 0 : isRight(outcome) === (bruteForce(result, c).length === 0);
      }),
      { numRuns: 200 },
    );
  });
});
