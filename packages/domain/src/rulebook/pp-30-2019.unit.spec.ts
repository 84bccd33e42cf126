import { isLeft, isRight, type Either } from 'fp-ts/Either';
import { PP_30_2019, pp30AspectScore, pp30BandOf } from './pp-30-2019';
import type { Assessment, NumericInput, RuleBookError } from './rule-book';
import { behaviourOf, measure, numericInput, rated } from './rulebook.testkit';

const assessed = (input: NumericInput): Assessment => {
  const result = PP_30_2019.assess(input);
  if (isLeft(result)) throw new Error(`expected an assessment, got ${result.left._tag}`);
  return result.right;
};
const problemOf = (result: Either<RuleBookError, Assessment>): string | undefined =>
  isLeft(result) && result.left._tag === 'InvalidScoreInput' ? result.left.problem : undefined;

describe('PP 30/2019 (BR-12)', () => {
  describe('weights', () => {
    it('60/40 when peer or subordinate input was used', () => {
      const a = assessed(numericInput({ skp: 100, behaviourScore: 50, peerInputUsed: true }));
      expect(a.scores?.weights).toEqual({ skp: 0.6, behaviour: 0.4 });
      expect(a.scores?.total).toBe(80); // 0.6·100 + 0.4·50
    });

    it('70/30 without', () => {
      const a = assessed(numericInput({ skp: 100, behaviourScore: 50, peerInputUsed: false }));
      expect(a.scores?.weights).toEqual({ skp: 0.7, behaviour: 0.3 });
      expect(a.scores?.total).toBe(85); // 0.7·100 + 0.3·50
    });
  });

  describe('bands on the total', () => {
    it('115 without an innovation is Baik, with one Sangat Baik', () => {
      const without = assessed(numericInput({ skp: 125, behaviourScore: 100, peerInputUsed: true, innovation: false }));
      expect(without.scores?.total).toBe(115);
      expect([without.predikat, without.label]).toEqual(['baik', 'Baik']);
      const withInnovation = assessed(numericInput({ skp: 125, behaviourScore: 100, peerInputUsed: true, innovation: true }));
      expect([withInnovation.predikat, withInnovation.label]).toEqual(['sangat-baik', 'Sangat Baik']);
    });

    it('110 with an innovation is Sangat Baik', () => {
      const a = assessed(numericInput({ skp: 130, behaviourScore: 80, peerInputUsed: true, innovation: true }));
      expect(a.scores?.total).toBe(110);
      expect(a.predikat).toBe('sangat-baik');
    });

    it.each([
      [120, true, 'sangat-baik', 'Sangat Baik'],
      [110, true, 'sangat-baik', 'Sangat Baik'],
      [109.99, true, 'baik', 'Baik'],
      [120, false, 'baik', 'Baik'],
      [90, false, 'baik', 'Baik'],
      [89.995, false, 'baik', 'Baik'], // rounds half up to 90.00
      [89.994, false, 'butuh-perbaikan', 'Cukup'],
      [89.99, false, 'butuh-perbaikan', 'Cukup'],
      [70, false, 'butuh-perbaikan', 'Cukup'],
      [69.99, false, 'kurang', 'Kurang'],
      [50, false, 'kurang', 'Kurang'],
      [49.99, false, 'sangat-kurang', 'Sangat Kurang'],
      [0, true, 'sangat-kurang', 'Sangat Kurang'],
    ] as const)('%d (innovation %s) ⇒ %s (%s)', (score, innovation, predikat, label) => {
      expect(pp30BandOf(score, innovation)).toEqual({ predikat, label });
    });

    it('caps the total at 120 [policy]', () => {
      const a = assessed(numericInput({ skp: 200, behaviourScore: 100, peerInputUsed: true, innovation: true }));
      expect(a.scores?.skp).toBe(200);
      expect(a.scores?.total).toBe(120);
      expect(a.predikat).toBe('sangat-baik');
    });
  });

  describe('capaian per aspect (PermenPANRB 8/2021)', () => {
    it('kuantitas and kualitas: realised / target × 100', () => {
      expect(pp30AspectScore('kuantitas', 40, 30)).toBe(75);
      expect(pp30AspectScore('kualitas', 80, 100)).toBe(125);
    });

    it('waktu and biaya: (1 + (1 − realised / target)) × 100, never below 0', () => {
      expect(pp30AspectScore('waktu', 7, 6.5)).toBeCloseTo(107.142857, 5);
      expect(pp30AspectScore('waktu', 8, 9)).toBe(87.5);
      expect(pp30AspectScore('biaya', 1_000_000, 900_000)).toBe(110);
      expect(pp30AspectScore('waktu', 8, 20)).toBe(0);
    });

    it('an aspect with nothing realised scores 0', () => {
      expect(pp30AspectScore('kuantitas', 10, undefined)).toBe(0);
      expect(pp30AspectScore('waktu', 12, undefined)).toBe(0);
    });

    it('IKI = mean of its measured aspects, SKP = mean over IKI; a target of 0 is not measured', () => {
      const a = assessed(
        numericInput({
          measures: [
            measure('I1', { kuantitas: 10, kualitas: 100, waktu: 12, biaya: 0 }, { kuantitas: 8, kualitas: 90, waktu: 12, biaya: 5 }),
            measure('I2', { kuantitas: 4 }, { kuantitas: 4 }),
          ],
          behaviour: behaviourOf(90),
        }),
      );
      expect(a.scores?.perIki).toEqual([
        { iki: 'I1', aspects: { kuantitas: 80, kualitas: 90, waktu: 100 }, score: 90 },
        { iki: 'I2', aspects: { kuantitas: 100 }, score: 100 },
      ]);
      expect(a.scores?.skp).toBe(95);
      expect(a.scores?.behaviour).toBe(90);
      expect(a.scores?.total).toBe(93.5); // 0.7·95 + 0.3·90
      expect(a.articles).toEqual(['BR-12', 'PP 30/2019', 'PermenPANRB 8/2021']);
    });
  });

  describe('refusals (never throws)', () => {
    it('a rated input: WrongRegime', () => {
      const result = PP_30_2019.assess(rated('sesuai-ekspektasi', 'sesuai-ekspektasi'));
      expect(isLeft(result) && result.left).toEqual({ _tag: 'WrongRegime', ruleBook: { id: 'pp-30-2019', version: 1 }, expected: 'numeric', given: 'rated' });
    });

    it.each([
      ['no IKI', numericInput({ measures: [] }), 'no IKI'],
      ['a negative target', numericInput({ measures: [measure('I1', { kuantitas: -1 }, { kuantitas: 1 })] }), 'kuantitas target'],
      ['a realised value that is not a number', numericInput({ measures: [measure('I1', { kuantitas: 1 }, { kuantitas: Number.NaN })] }), 'realised kuantitas'],
      ['an IKI with only zero targets', numericInput({ measures: [measure('I1', { kuantitas: 0 }, {})] }), 'no aspect with a target above 0'],
      ['an IKI twice', numericInput({ measures: [measure('I1', { kuantitas: 1 }, {}), measure('I1', { kuantitas: 1 }, {})] }), 'more than once'],
      ['a behaviour score above 100', numericInput({ behaviour: { ...behaviourOf(80), loyal: 101 } }), 'loyal'],
      ['a missing behaviour score', numericInput({ behaviour: { ...behaviourOf(80), adaptif: undefined } as unknown as NumericInput['behaviour'] }), 'adaptif is missing'],
    ])('%s: InvalidScoreInput', (_what, input, problem) => {
      expect(problemOf(PP_30_2019.assess(input))).toContain(problem);
    });

    it('an IKI with targets but nothing realised is scored 0, not refused', () => {
      const result = PP_30_2019.assess(numericInput({ measures: [measure('I1', { kuantitas: 5, waktu: 12 }, {})], behaviourScore: 100 }));
      expect(isRight(result) && result.right.scores?.skp).toBe(0);
    });
  });
});
