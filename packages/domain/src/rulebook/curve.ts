/**
 * The kurva distribusi (BR-04..BR-08, SE MenPANRB 3/2023): how many employees of a unit may get each predikat,
 * given the unit's organisational result. Pure.
 *
 * Shares over the unit's employees in the period (DOMAIN.md §3):
 * - BR-04 Istimewa: Sangat Baik ≤ 70%.
 * - BR-05 Baik: Baik ≤ 70%, and at least one Butuh Perbaikan or Kurang/Misconduct.
 * - BR-06 Butuh Perbaikan: Butuh Perbaikan ≥ 60%, Sangat Baik ≤ 10%.
 * - BR-07 Kurang: Kurang/Misconduct ≥ 60%, Butuh Perbaikan ≥ 10%, Sangat Baik ≤ 10%.
 * - BR-08 Sangat Kurang: Sangat Kurang ≥ 60%, Kurang/Misconduct + Butuh Perbaikan ≥ 10%, no Sangat Baik.
 *
 * [policy] Rounding: a cap rounds down, `max = floor(p·n / 100)`, and a minimum rounds up, `min = ceil(p·n / 100)`,
 * so a count is allowed exactly when `100·count ≤ p·n` (cap) or `100·count ≥ p·n` (minimum): no share is ever
 * exceeded or fallen short of. Computed on whole numbers (`p` in whole percent), so 70% of 10 is 7, not
 * 7.000000000000001.
 *
 * Small units can make the minimums unreachable together (BR-07 and BR-08 need at least 3 employees: 60% and 10%
 * of 2 round up to 2 and 1); a tenant exempts them with `exemptBelow` [policy: default 1 = none exempt].
 * A unit with no employees in the period has nothing to check and passes.
 */
import { left, right, type Either } from 'fp-ts/Either';
import type { OrganisationalResult, Predikat } from './vocabulary';

/** [policy] Caps round down and minimums round up (the only rounding the SE supports); small units may be exempt. */
export type CurvePolicy = Readonly<{
  /** Units with fewer employees than this in the period are not checked [policy: default 1 = none exempt]. */
  exemptBelow: number;
}>;

export type CurveRule = 'BR-04' | 'BR-05' | 'BR-06' | 'BR-07' | 'BR-08';

/** One bound of the curve: the count of employees whose predikat is one of `predikat`, between `min` and `max`. */
export type CurveBound = Readonly<{
  rule: CurveRule;
  predikat: ReadonlyArray<Predikat>;
  /** The share as the SE states it, e.g. `{ kind: 'max', share: 0.7 }`; `min-count` for "at least one". */
  statement: Readonly<{ kind: 'max' | 'min'; share: number } | { kind: 'min-count'; count: number }>;
  /** The allowed count for `total` employees after rounding: caps down, minimums up. */
  allowed: Readonly<{ min: number; max: number }>;
}>;

export type CurveViolation = CurveBound & Readonly<{ count: number }>;

export type DistributionCounts = Readonly<Record<Predikat, number>>;

/** The unit's distribution broke one or more bounds; every broken bound is listed with its count and range. */
export type DistributionViolated = Readonly<{
  _tag: 'DistributionViolated';
  organisationalResult: OrganisationalResult;
  total: number;
  counts: DistributionCounts;
  violations: ReadonlyArray<CurveViolation>;
}>;

/** The rule of the curve that applies to each organisational result. */
export const CURVE_RULES: Readonly<Record<OrganisationalResult, CurveRule>> = {
  istimewa: 'BR-04',
  baik: 'BR-05',
  'butuh-perbaikan': 'BR-06',
  kurang: 'BR-07',
  'sangat-kurang': 'BR-08',
};

/** One bound as the SE states it, with the share in whole percent. */
type BoundSpec = Readonly<{
  predikat: ReadonlyArray<Predikat>;
  statement: Readonly<{ kind: 'max' | 'min'; percent: number } | { kind: 'min-count'; count: number }>;
}>;

const max = (percent: number, ...predikat: Predikat[]): BoundSpec => ({ predikat, statement: { kind: 'max', percent } });
const min = (percent: number, ...predikat: Predikat[]): BoundSpec => ({ predikat, statement: { kind: 'min', percent } });
const atLeast = (count: number, ...predikat: Predikat[]): BoundSpec => ({ predikat, statement: { kind: 'min-count', count } });

/** BR-04..BR-08 as data. */
const CURVE: Readonly<Record<OrganisationalResult, ReadonlyArray<BoundSpec>>> = {
  istimewa: [max(70, 'sangat-baik')],
  baik: [max(70, 'baik'), atLeast(1, 'butuh-perbaikan', 'kurang')],
  'butuh-perbaikan': [min(60, 'butuh-perbaikan'), max(10, 'sangat-baik')],
  kurang: [min(60, 'kurang'), min(10, 'butuh-perbaikan'), max(10, 'sangat-baik')],
  'sangat-kurang': [min(60, 'sangat-kurang'), min(10, 'kurang', 'butuh-perbaikan'), max(0, 'sangat-baik')],
};

/** `total` as a count of employees: a whole number of 0 or more. */
const headcount = (total: number): number => (Number.isFinite(total) && total > 0 ? Math.floor(total) : 0);

const boundFor = (rule: CurveRule, spec: BoundSpec, n: number): CurveBound => {
  const s = spec.statement;
  switch (s.kind) {
    case 'max':
      // floor(p·n/100): p·n is a whole number, so the division is exact or at least 0.01 from a whole number.
      return { rule, predikat: spec.predikat, statement: { kind: 'max', share: s.percent / 100 }, allowed: { min: 0, max: Math.floor((s.percent * n) / 100) } };
    case 'min':
      return { rule, predikat: spec.predikat, statement: { kind: 'min', share: s.percent / 100 }, allowed: { min: Math.ceil((s.percent * n) / 100), max: n } };
    case 'min-count':
      return { rule, predikat: spec.predikat, statement: { kind: 'min-count', count: s.count }, allowed: { min: s.count, max: n } };
  }
};

/** The bounds that apply to `total` employees under `result` (`total` is taken as a whole number of 0 or more). */
export const curveBounds = (result: OrganisationalResult, total: number): ReadonlyArray<CurveBound> => {
  const n = headcount(total);
  return CURVE[result].map((spec) => boundFor(CURVE_RULES[result], spec, n));
};

/** The employees of a unit, counted by predikat: the sum of the counts. */
export const totalOf = (counts: DistributionCounts): number =>
  counts['sangat-baik'] + counts.baik + counts['butuh-perbaikan'] + counts.kurang + counts['sangat-kurang'];

/**
 * Right with the bounds checked when the counts fit; Right with no bounds when the unit is exempt (fewer employees
 * than `policy.exemptBelow`) or has no employees; Left naming every broken bound with its count and allowed
 * range. `counts` are tallies: whole numbers of 0 or more.
 */
export const checkDistribution = (
  result: OrganisationalResult,
  counts: DistributionCounts,
  policy: CurvePolicy,
): Either<DistributionViolated, ReadonlyArray<CurveBound>> => {
  const total = totalOf(counts);
  if (total === 0 || total < policy.exemptBelow) return right([]);
  const bounds = curveBounds(result, total);
  const violations: CurveViolation[] = [];
  for (const bound of bounds) {
    const count = bound.predikat.reduce((sum, p) => sum + counts[p], 0);
    if (count < bound.allowed.min || count > bound.allowed.max) violations.push({ ...bound, count });
  }
  return violations.length === 0
    ? right(bounds)
    : left({ _tag: 'DistributionViolated', organisationalResult: result, total, counts, violations });
};
