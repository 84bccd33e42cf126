/**
 * Test data for the rule books: builders for numeric inputs with the arithmetic spelled out in the test,
 * distributions of predikat, and fast-check arbitraries for rated and numeric inputs.
 */
import * as fc from 'fast-check';
import { IkiId } from '../plan/ids';
import { CORE_VALUES, type Aspect, type CoreValue } from '../plan/plan';
import type { DistributionCounts } from './curve';
import type { IkiMeasure, NumericInput, RatedInput } from './rule-book';
import { RATING_LEVELS, type Predikat } from './vocabulary';

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
