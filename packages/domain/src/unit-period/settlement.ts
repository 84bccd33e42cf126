/**
 * How a unit period settles (pure): one proposal becomes one final result (BR-09 for the unit head, consequences
 * BR-24/BR-25), and the final counts are checked against the kurva distribusi (BR-04..BR-08).
 */
import type { Either } from 'fp-ts/Either';
import { map } from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { consequencesOf } from '../rulebook/consequences';
import { checkDistribution, CURVE_RULES, type DistributionCounts, type DistributionViolated } from '../rulebook/curve';
import type { Assessment } from '../rulebook/rule-book';
import { predikatOf } from '../rulebook/registry';
import { PREDIKAT_LABELS, type OrganisationalResult, type RatingLevel } from '../rulebook/vocabulary';
import {
  countsOf,
  type CurveApplied,
  type Proposal,
  type SettledResult,
  type UnitPeriodPolicy,
} from './unit-period';

/** BR-03: no predikat is final before the organisational result is set; every final result cites it. */
const BR_03 = 'BR-03';
const BR_09 = 'BR-09';

/** The two levels of a rated assessment; undefined for a numeric one (which carries scores instead). */
export const ratedLevels = (
  assessment: Assessment,
): Readonly<{ hasilKerja: RatingLevel; perilaku: RatingLevel }> | undefined =>
  assessment.hasilKerja !== undefined && assessment.perilaku !== undefined
    ? { hasilKerja: assessment.hasilKerja, perilaku: assessment.perilaku }
    : undefined;

/** A rated assessment carries both levels, a numeric one neither; one level alone cannot be settled. */
export const isIncomplete = (assessment: Assessment): boolean =>
  (assessment.hasilKerja === undefined) !== (assessment.perilaku === undefined);

const distinct = (articles: ReadonlyArray<string>): ReadonlyArray<string> => [...new Set(articles)];

/**
 * The final predikat of one proposal under the unit's organisational result.
 *
 * BR-09: when the employee heads the unit and the rule book is rated, their hasil kerja is the level the tenant
 * maps the organisational result to (default Istimewa → di atas, Baik → sesuai, lower → di bawah), whatever the
 * appraiser proposed; their perilaku stays as rated, and BR-01 gives the predikat again.
 *
 * Numeric rule books (PP 30/2019 BR-12, PP 46/2011 BR-13) have no hasil kerja level to replace: the SKP part is a
 * score computed from the IKI realisations, and BR-09 maps a result onto a level, not onto a score. Inventing a
 * score would be a rule no regulation states, so the unit head's numeric proposal is kept as assessed.
 */
export const finalResultOf = (
  proposal: Proposal,
  organisationalResult: OrganisationalResult,
  policy: UnitPeriodPolicy,
): SettledResult => {
  const { assessment } = proposal;
  const rated = ratedLevels(assessment);
  const br09 = proposal.isUnitHead && rated !== undefined;
  const hasilKerja = br09 ? policy.unitHeadHasilKerja[organisationalResult] : rated?.hasilKerja;
  const perilaku = rated?.perilaku;
  const predikat =
    br09 && hasilKerja !== undefined && perilaku !== undefined ? predikatOf(hasilKerja, perilaku) : assessment.predikat;
  const label = br09 ? PREDIKAT_LABELS[predikat] : assessment.label;
  const articles = distinct([
    ...assessment.articles,
    ...(br09 ? [BR_09] : []),
    CURVE_RULES[organisationalResult],
    BR_03,
  ]);
  return {
    evaluation: proposal.evaluation,
    employee: proposal.employee,
    isUnitHead: proposal.isUnitHead,
    proposedPredikat: assessment.predikat,
    predikat,
    label,
    ...(hasilKerja === undefined ? {} : { hasilKerja }),
    ...(perilaku === undefined ? {} : { perilaku }),
    basis: { ruleBook: assessment.ruleBook, articles },
    consequences: consequencesOf({
      predikat,
      jenjang: proposal.jenjang,
      months: proposal.months,
      proRata: policy.angkaKreditProRata,
      allowanceTable: policy.allowancePercent,
    }),
  };
};

/** The counts of a set of final results. */
export const countsOfResults = (results: ReadonlyArray<SettledResult>): DistributionCounts =>
  countsOf(results.map((r) => r.predikat));

/**
 * Checks final results against the curve of the organisational result. Left: the curve's own error, naming every
 * broken bound with its count and allowed range. Right: the counts and how the curve was applied.
 */
export const checkCurve = (
  results: ReadonlyArray<SettledResult>,
  organisationalResult: OrganisationalResult,
  policy: UnitPeriodPolicy,
): Either<DistributionViolated, Readonly<{ counts: DistributionCounts; curve: CurveApplied }>> => {
  const counts = countsOfResults(results);
  return pipe(
    checkDistribution(organisationalResult, counts, policy.curve),
    map((bounds) => ({
      counts,
      curve: {
        rule: CURVE_RULES[organisationalResult],
        // CurvePolicy: "units with fewer employees than this in the period are not checked".
        exempt: results.length < policy.curve.exemptBelow,
        bounds,
      },
    })),
  );
};
