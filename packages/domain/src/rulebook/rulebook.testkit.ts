/**
 * Test data for the rule books: builders for numeric inputs with the arithmetic spelled out in the test,
 * distributions of predikat, fast-check arbitraries for rated and numeric inputs, and for any valid wire value of
 * the rule-book values that commands and events carry (for the aggregates' codec laws).
 */
import * as fc from 'fast-check';
import { arbTotalRecord } from '../core/core.testkit';
import { IkiId } from '../plan/ids';
import { ASPECTS, CORE_VALUES, type Aspect, type CoreValue } from '../plan/plan';
import { arbIkiId, arbNumber, arbText } from '../plan/plan.testkit';
import type { AngkaKredit, Consequences } from './consequences';
import type { CurveBound, CurveRule, DistributionCounts } from './curve';
import {
  RULE_BOOK_IDS,
  type Assessment,
  type AssessmentInput,
  type IkiMeasure,
  type NumericInput,
  type RatedInput,
  type RuleBookRef,
  type Scores,
} from './rule-book';
import { JENJANG, PREDIKAT, RATING_LEVELS, type Predikat } from './vocabulary';

export const ikiId = (code: string): IkiId => {
  const decoded = IkiId.decode(code);
  if (decoded._tag === 'Left') throw new Error(`bad IKI id in a test: ${code}`);
  return decoded.right;
};

type Values = Partial<Record<Aspect, number>>;

export const measure = (code: string, target: Values, realised: Values): IkiMeasure => ({ iki: ikiId(code), target, realised });

/** The same score for all seven BerAKHLAK values. */
export const behaviourOf = (score: number): Readonly<Record<CoreValue, number>> =>
  Object.fromEntries(CORE_VALUES.map((v) => [v, score])) as Record<CoreValue, number>;

/**
 * A numeric input whose SKP is exactly `skp` (one IKI, kuantitas only, target 100, realised `skp`) and whose
 * behaviour is exactly `behaviour` (all seven values), so that a test can aim at a total.
 */
export const numericInput = (
  o: Partial<Omit<NumericInput, 'regime'>> & Readonly<{ skp?: number; behaviourScore?: number }> = {},
): NumericInput => ({
  regime: 'numeric',
  measures: o.measures ?? [measure('I1', { kuantitas: 100 }, { kuantitas: o.skp ?? 100 })],
  behaviour: o.behaviour ?? behaviourOf(o.behaviourScore ?? 100),
  peerInputUsed: o.peerInputUsed ?? false,
  innovation: o.innovation ?? false,
});

export const rated = (hasilKerja: RatedInput['hasilKerja'], perilaku: RatedInput['perilaku']): RatedInput => ({
  regime: 'rated',
  hasilKerja,
  perilaku,
});

const arbRatingLevel = fc.constantFrom(...RATING_LEVELS);

export const arbRatedInput: fc.Arbitrary<RatedInput> = fc
  .tuple(arbRatingLevel, arbRatingLevel)
  .map(([hasilKerja, perilaku]) => rated(hasilKerja, perilaku));

const arbAmount = fc.integer({ min: 0, max: 400 }).map((n) => n / 4);
const arbTarget = fc.integer({ min: 1, max: 400 }).map((n) => n / 4);

const arbMeasure = (code: string): fc.Arbitrary<IkiMeasure> =>
  fc
    .record(
      {
        kuantitas: fc.tuple(arbTarget, fc.option(arbAmount, { nil: undefined })),
        kualitas: fc.tuple(arbTarget, fc.option(arbAmount, { nil: undefined })),
        waktu: fc.tuple(arbTarget, fc.option(arbAmount, { nil: undefined })),
        biaya: fc.tuple(arbTarget, fc.option(arbAmount, { nil: undefined })),
      },
      { requiredKeys: ['kuantitas'] },
    )
    .map((aspects) => {
      const target: Values = {};
      const realised: Values = {};
      for (const [aspect, pair] of Object.entries(aspects) as Array<[Aspect, [number, number | undefined]]>) {
        target[aspect] = pair[0];
        if (pair[1] !== undefined) realised[aspect] = pair[1];
      }
      return { iki: ikiId(code), target, realised };
    });

/** A valid numeric input: 1..5 IKI with 1..4 measured aspects each, behaviour within 0..100. */
export const arbNumericInput: fc.Arbitrary<NumericInput> = fc
  .integer({ min: 1, max: 5 })
  .chain((n) =>
    fc.record({
      measures: fc.tuple(...Array.from({ length: n }, (_, i) => arbMeasure(`I${i + 1}`))),
      behaviour: fc.tuple(...CORE_VALUES.map(() => fc.integer({ min: 0, max: 10000 }).map((x) => x / 100))),
      peerInputUsed: fc.boolean(),
      innovation: fc.boolean(),
    }),
  )
  .map(({ measures, behaviour, peerInputUsed, innovation }) => ({
    regime: 'numeric' as const,
    measures,
    behaviour: Object.fromEntries(CORE_VALUES.map((v, i) => [v, behaviour[i] ?? 0])) as Record<CoreValue, number>,
    peerInputUsed,
    innovation,
  }));

/** Counts per predikat, all zero except those given. */
export const countsOf = (given: Partial<Record<Predikat, number>>): DistributionCounts => ({
  'sangat-baik': given['sangat-baik'] ?? 0,
  baik: given.baik ?? 0,
  'butuh-perbaikan': given['butuh-perbaikan'] ?? 0,
  kurang: given.kurang ?? 0,
  'sangat-kurang': given['sangat-kurang'] ?? 0,
});

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: any valid wire value of the rule-book values (for the codec laws of the aggregates that carry them)
// ---------------------------------------------------------------------------------------------------------------

export const arbRuleBookRef: fc.Arbitrary<RuleBookRef> = fc.record({
  id: fc.constantFrom(...RULE_BOOK_IDS),
  version: fc.integer({ min: 1, max: 5 }),
});
export const arbPredikat: fc.Arbitrary<Predikat> = fc.constantFrom(...PREDIKAT);
export const arbArticles: fc.Arbitrary<ReadonlyArray<string>> = fc.array(arbText(), { maxLength: 3 });
/** Any number (or none) per aspect. */
export const arbAspectNumbers: fc.Arbitrary<Values> = fc.record(
  Object.fromEntries(ASPECTS.map((a) => [a, arbNumber])) as Record<Aspect, fc.Arbitrary<number>>,
  { requiredKeys: [] },
);
/** Any number per BerAKHLAK value, all seven. */
export const arbBehaviourScores: fc.Arbitrary<Readonly<Record<CoreValue, number>>> = arbTotalRecord(CORE_VALUES, arbNumber);
export const arbAssessmentInput: fc.Arbitrary<AssessmentInput> = fc.oneof(
  fc.record({ regime: fc.constant('rated' as const), hasilKerja: arbRatingLevel, perilaku: arbRatingLevel }),
  fc.record({
    regime: fc.constant('numeric' as const),
    measures: fc.array(fc.record({ iki: arbIkiId, target: arbAspectNumbers, realised: arbAspectNumbers }), { maxLength: 3 }),
    behaviour: arbBehaviourScores,
    peerInputUsed: fc.boolean(),
    innovation: fc.boolean(),
  }),
);
export const arbScores: fc.Arbitrary<Scores> = fc.record({
  perIki: fc.array(fc.record({ iki: arbIkiId, aspects: arbAspectNumbers, score: arbNumber }), { maxLength: 3 }),
  skp: arbNumber,
  behaviour: arbNumber,
  weights: fc.record({ skp: arbNumber, behaviour: arbNumber }),
  total: arbNumber,
});
export const arbAssessment: fc.Arbitrary<Assessment> = fc.record(
  {
    ruleBook: arbRuleBookRef,
    predikat: arbPredikat,
    label: arbText(),
    hasilKerja: arbRatingLevel,
    perilaku: arbRatingLevel,
    scores: arbScores,
    articles: arbArticles,
  },
  { requiredKeys: ['ruleBook', 'predikat', 'label', 'articles'] },
);
export const arbAngkaKredit: fc.Arbitrary<AngkaKredit> = fc.record({
  jenjang: fc.constantFrom(...JENJANG),
  predikat: arbPredikat,
  share: arbNumber,
  coefficient: arbNumber,
  months: arbNumber,
  credits: arbNumber,
});
export const arbConsequences: fc.Arbitrary<Consequences> = fc.record({
  angkaKredit: fc.option(arbAngkaKredit, { nil: null }),
  allowancePercent: arbNumber,
  promotionEligible: fc.boolean(),
  articles: arbArticles,
});
const arbCount = fc.nat({ max: 500 });
export const arbDistributionCounts: fc.Arbitrary<DistributionCounts> = arbTotalRecord(PREDIKAT, arbCount);
export const arbCurveRule: fc.Arbitrary<CurveRule> = fc.constantFrom('BR-04', 'BR-05', 'BR-06', 'BR-07', 'BR-08' as const);
export const arbCurveBound: fc.Arbitrary<CurveBound> = fc.record({
  rule: arbCurveRule,
  predikat: fc.array(arbPredikat, { minLength: 1, maxLength: 2 }),
  statement: fc.oneof(
    fc.record({ kind: fc.constantFrom('max' as const, 'min' as const), share: arbNumber }),
    fc.record({ kind: fc.constant('min-count' as const), count: arbCount }),
  ),
  allowed: fc.record({ min: arbCount, max: arbCount }),
});
