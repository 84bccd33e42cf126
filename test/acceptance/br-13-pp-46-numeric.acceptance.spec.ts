/**
 * BR-13 [reg weights; bands practice]: PP 46/2011 with Perka BKN 1/2013. score = 0.6·SKP + 0.4·behaviour;
 * ≥ 91 Sangat Baik, 76–90 Baik, 61–75 Cukup, 51–60 Kurang, ≤ 50 Buruk. SKP per kegiatan (IKI) = mean of its
 * aspects: kuantitas and kualitas = realised / target × 100; waktu and biaya by the efficiency formula.
 */
import { isLeft } from 'fp-ts/Either';
import {
  CORE_VALUES,
  IkiId,
  ruleBookByRef,
  type Aspect,
  type Assessment,
  type CoreValue,
  type NumericInput,
  type RuleBook,
} from '@kinerja/domain';

const book = ruleBookByRef({ id: 'pp-46-2011', version: 1 }) as RuleBook;
const iki = (code: string): IkiId => {
  const d = IkiId.decode(code);
  if (isLeft(d)) throw new Error(code);
  return d.right;
};
const behaviour = (score: number) => Object.fromEntries(CORE_VALUES.map((v) => [v, score])) as Record<CoreValue, number>;
type Values = Partial<Record<Aspect, number>>;

const assess = (measures: ReadonlyArray<readonly [Values, Values]>, beh = 100, peerInputUsed = false): Assessment => {
  const input: NumericInput = {
    regime: 'numeric',
    measures: measures.map(([target, realised], i) => ({ iki: iki(`K${i + 1}`), target, realised })),
    behaviour: behaviour(beh),
    peerInputUsed,
    innovation: false,
  };
  const result = book.assess(input);
  if (isLeft(result)) throw new Error(result.left._tag);
  return result.right;
};
const aspectScore = (aspect: Aspect, target: number, realised: number): number | undefined =>
  assess([[{ [aspect]: target }, { [aspect]: realised }]]).scores?.perIki[0]?.aspects[aspect];

describe('BR-13 PP 46/2011 numeric regime', () => {
  describe('SKP arithmetic per aspect', () => {
    it('kuantitas: 45 of 50 documents ⇒ 90', () => expect(aspectScore('kuantitas', 50, 45)).toBe(90));
    it('kualitas: 95 against a target of 100 ⇒ 95', () => expect(aspectScore('kualitas', 100, 95)).toBe(95));

    it.each([
      ['waktu', 12, 12, 76, 'on time: efficiency 0%'],
      ['waktu', 5, 4, 96, '20% faster (≤ 24%): (1.76·5 − 4)/5 × 100'],
      ['waktu', 25, 19, 100, 'exactly 24% faster'],
      ['waktu', 12, 9.12, 100, 'exactly 24% faster, in months'],
      ['waktu', 12, 6, 50, '50% faster (> 24%): 76 − ((1.76·12 − 6)/12 × 100 − 100)'],
      ['waktu', 12, 15, 51, '3 months late: (1.76·12 − 15)/12 × 100'],
      ['biaya', 170_395_000, 170_395_000, 76, 'on budget'],
      ['biaya', 5_000_000, 3_800_000, 100, '24% under budget'],
      ['biaya', 200_000_000, 100_000_000, 50, '50% under budget (> 24%)'],
    ] as const)('%s: target %d, realised %d ⇒ %d (%s)', (aspect, target, realised, score, _why) => {
      expect(aspectScore(aspect, target, realised)).toBeCloseTo(score, 9);
    });

    it('a kegiatan = mean of its aspects; the SKP = mean over kegiatan; a target of 0 is not measured', () => {
      const a = assess(
        [
          [{ kuantitas: 1, kualitas: 100, waktu: 12, biaya: 170_395_000 }, { kuantitas: 1, kualitas: 90, waktu: 12, biaya: 170_395_000 }],
          [{ kuantitas: 10, kualitas: 100, waktu: 5, biaya: 0 }, { kuantitas: 8, kualitas: 96, waktu: 4 }],
        ],
        80,
      );
      expect(a.scores?.perIki.map((p) => p.score)).toEqual([85.5, (80 + 96 + 96) / 3]);
      expect(a.scores?.skp).toBeCloseTo((85.5 + 272 / 3) / 2, 9);
      expect(a.scores?.behaviour).toBe(80);
    });
  });

  it('the total is 0.6·SKP + 0.4·behaviour, with or without peer input', () => {
    const a = assess([[{ kuantitas: 10 }, { kuantitas: 9 }]], 70, true);
    const b = assess([[{ kuantitas: 10 }, { kuantitas: 9 }]], 70, false);
    expect(a.scores?.total).toBe(82); // 0.6·90 + 0.4·70
    expect(b.scores?.total).toBe(82);
  });

  describe('band edges', () => {
    // SKP = behaviour = x gives a total of exactly x.
    it.each([
      [91, 'sangat-baik', 'Sangat Baik'],
      [90, 'baik', 'Baik'],
      [76, 'baik', 'Baik'],
      [75, 'butuh-perbaikan', 'Cukup'],
      [61, 'butuh-perbaikan', 'Cukup'],
      [60, 'kurang', 'Kurang'],
      [51, 'kurang', 'Kurang'],
      [50, 'sangat-kurang', 'Buruk'],
      // [policy] between two stated bands the lower one: a band is reached at its stated minimum.
      [90.5, 'baik', 'Baik'],
      [60.99, 'kurang', 'Kurang'],
      [50.5, 'sangat-kurang', 'Buruk'],
    ] as const)('%d ⇒ %s (%s)', (x, predikat, label) => {
      const a = assess([[{ kuantitas: 100 }, { kuantitas: x }]], x);
      expect(a.scores?.total).toBeCloseTo(x, 9);
      expect([a.predikat, a.label]).toEqual([predikat, label]);
    });
  });

  it('cites BR-13 and its regulations', () => {
    expect(assess([[{ kuantitas: 1 }, { kuantitas: 1 }]]).articles).toEqual(['BR-13', 'PP 46/2011', 'Perka BKN 1/2013']);
  });
});
