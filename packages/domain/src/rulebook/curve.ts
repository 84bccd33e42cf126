/**
 * The kurva distribusi (BR-04..BR-08, SE MenPANRB 3/2023): how many employees of a unit may get each predikat,
 * given the unit's organisational result. Pure.
 *
 * TODO(helper): implement `curveBounds` and `checkDistribution` (this file is owned by the rule-book work).
 */
import type { Either } from 'fp-ts/Either';
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
  /** The share as the SE states it, e.g. `{ kind: 'max', share: 0.7 }`; `absolute` for "at least one". */
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

/** The bounds that apply to `total` employees under `result`. */
export declare const curveBounds: (result: OrganisationalResult, total: number) => ReadonlyArray<CurveBound>;

/** Right with the bounds checked when the counts fit (or the unit is exempt); Left naming every broken bound. */
export declare const checkDistribution: (
  result: OrganisationalResult,
  counts: DistributionCounts,
  policy: CurvePolicy,
) => Either<DistributionViolated, ReadonlyArray<CurveBound>>;
