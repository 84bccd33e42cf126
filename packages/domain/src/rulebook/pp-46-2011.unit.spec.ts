import { isLeft } from 'fp-ts/Either';
import { PP_46_2011, perkaBkn2013EfficiencyScore, pp46AspectScore, pp46BandOf } from './pp-46-2011';
import type { Assessment, NumericInput } from './rule-book';
import { behaviourOf, measure, numericInput, rated } from './rulebook.testkit';

const assessed = (input: NumericInput): Assessment => {
  const result = PP_46_2011.assess(input);
  if (isLeft(result)) throw new Error(`expected an assessment, got ${result.left._tag}`);
  return result.right;
};

describe('PP 46/2011 with Perka BKN 1/2013 (BR-13)', () => {
  describe('waktu and biaya: the efficiency formula', () => {
    it.each([
      // [target, realised, score, why]
      [12, 12, 76, 'on target: efficiency 0% ⇒ 76'],
      [5, 4, 96, '20% saved (≤ 24%): (1.76·5 − 4)/5·100'],
      [25, 19, 100, 'exactly 24% saved: the top of the first formula'],
      [12, 9.12, 100, 'exactly 24% saved, with a realised value that is not exact in binary'],
      [25, 18.75, 75, '25% saved (> 24%): 76 − ((1.76·25 − 18.75)/25·100 − 100)'],
      [12, 6, 50, '50% saved: 76 − (126 − 100)'],
      [12, 13, (176 * 12 - 1300) / 12, 'over-run: (1.76·12 − 13)/12·100 ≈ 67.67'],
      [12, 22, 0, 'beyond 176% of the target: 0, never negative [policy]'],
      [12, 0, 0, 'nothing spent at all: the second formula gives 0'],
    ])('target %d, realised %d ⇒ %d (%s)', (target, realised, score) => {
      expect(perkaBkn2013EfficiencyScore(target, realised)).toBeCloseTo(score, 10);
    });

    it('biaya follows the same formula', () => {
      expect(pp46AspectScore('biaya', 170_395_000, 170_395_000)).toBeCloseTo(76, 10);
      expect(pp46AspectScore('biaya', 5_000_000, 3_800_000)).toBeCloseTo(100, 10);
    });

    it('kuantitas and kualitas: realised / target × 100', () => {
      expect(pp46AspectScore('kuantitas', 4, 3)).toBe(75);
      expect(pp46AspectScore('kualitas', 100, 90)).toBe(90);
    });

    it('an aspect not carried out scores 0', () => {
      expect(pp46AspectScore('waktu', 12, undefined)).toBe(0);
    });
  });

  describe('SKP and total', () => {
    it('one kegiatan: 100, 90, 76 and 76 give 85.5 (the worked example of Perka BKN 1/2013 trainings)', () => {
      const a = assessed(
        numericInput({
          measures: [
            measure('I1', { kuantitas: 1, kualitas: 100, waktu: 12, biaya: 170_395_000 }, { kuantitas: 1, kualitas: 90, waktu: 12, biaya: 170_395_000 }),
          ],
          behaviour: behaviourOf(80),
        }),
      );
      expect(a.scores?.perIki[0]?.score).toBeCloseTo(85.5, 10);
      expect(a.scores?.skp).toBeCloseTo(85.5, 10);
      expect(a.scores?.total).toBeCloseTo(83.3, 10); // 0.6·85.5 + 0.4·80
      expect([a.predikat, a.label]).toEqual(['baik', 'Baik']);
      expect(a.articles).toEqual(['BR-13', 'PP 46/2011', 'Perka BKN 1/2013']);
    });

    it('always 60/40, whether or not peers gave input', () => {
      const withPeers = assessed(numericInput({ skp: 100, behaviourScore: 50, peerInputUsed: true }));
      const without = assessed(numericInput({ skp: 100, behaviourScore: 50, peerInputUsed: false }));
      expect(withPeers.scores?.total).toBe(80);
      expect(without.scores?.total).toBe(80);
      expect(without.scores?.weights).toEqual({ skp: 0.6, behaviour: 0.4 });
    });

    it('does not cap the total', () => {
      expect(assessed(numericInput({ skp: 200, behaviourScore: 100 })).scores?.total).toBe(160);
    });
  });

  describe('bands: a band is reached at its stated minimum [policy]', () => {
    it.each([
      [100, 'sangat-baik', 'Sangat Baik'],
      [91, 'sangat-baik', 'Sangat Baik'],
      [90.995, 'sangat-baik', 'Sangat Baik'], // rounds to 91.00
      [90.99, 'baik', 'Baik'],
      [90.5, 'baik', 'Baik'],
      [90, 'baik', 'Baik'],
      [76, 'baik', 'Baik'],
      [75.99, 'butuh-perbaikan', 'Cukup'],
      [75, 'butuh-perbaikan', 'Cukup'],
      [61, 'butuh-perbaikan', 'Cukup'],
      [60.5, 'kurang', 'Kurang'],
      [60, 'kurang', 'Kurang'],
      [51, 'kurang', 'Kurang'],
      [50.99, 'sangat-kurang', 'Buruk'],
      [50, 'sangat-kurang', 'Buruk'],
      [0, 'sangat-kurang', 'Buruk'],
    ] as const)('%d ⇒ %s (%s)', (score, predikat, label) => {
      expect(pp46BandOf(score)).toEqual({ predikat, label });
    });

    it('innovation does not matter', () => {
      expect(assessed(numericInput({ skp: 95, behaviourScore: 90, innovation: false })).predikat).toBe('sangat-baik');
    });
  });

  it('refuses a rated input: WrongRegime', () => {
    const result = PP_46_2011.assess(rated('di-atas-ekspektasi', 'di-atas-ekspektasi'));
    expect(isLeft(result) && result.left).toEqual({ _tag: 'WrongRegime', ruleBook: { id: 'pp-46-2011', version: 1 }, expected: 'numeric', given: 'rated' });
  });

  it('refuses a behaviour score below 0: InvalidScoreInput', () => {
    const result = PP_46_2011.assess(numericInput({ behaviour: { ...behaviourOf(70), harmonis: -1 } }));
    expect(isLeft(result) && result.left._tag).toBe('InvalidScoreInput');
  });
});
