/**
 * BR-12 [reg: PP 30/2019]: score = 0.6·SKP + 0.4·behaviour when peer or subordinate input is used, else
 * 0.7·SKP + 0.3·behaviour; Sangat Baik 110–120 and an innovation recorded; Baik 90–120; Cukup 70–<90; Kurang
 * 50–<70; Sangat Kurang < 50 (115 without innovation ⇒ Baik). Through the public API: the rule book by its ref.
 */
import { isLeft, isRight } from 'fp-ts/Either';
import {
  CORE_VALUES,
  IkiId,
  ruleBookByRef,
  type Assessment,
  type CoreValue,
  type NumericInput,
  type RuleBook,
} from '@kinerja/domain';

const book = ruleBookByRef({ id: 'pp-30-2019', version: 1 }) as RuleBook;
const decodedI1 = IkiId.decode('I1');
if (isLeft(decodedI1)) throw new Error('I1 is a valid IKI id');
const I1 = decodedI1.right;
const behaviour = (score: number) => Object.fromEntries(CORE_VALUES.map((v) => [v, score])) as Record<CoreValue, number>;

/** An input whose SKP is exactly `skp` (one IKI, kuantitas target 100) and whose behaviour is exactly `beh`. */
const input = (skp: number, beh: number, o: Partial<Pick<NumericInput, 'peerInputUsed' | 'innovation'>> = {}): NumericInput => ({
  regime: 'numeric',
  measures: [{ iki: I1, target: { kuantitas: 100 }, realised: { kuantitas: skp } }],
  behaviour: behaviour(beh),
  peerInputUsed: o.peerInputUsed ?? false,
  innovation: o.innovation ?? false,
});

const assess = (i: NumericInput): Assessment => {
  const result = book.assess(i);
  if (isLeft(result)) throw new Error(result.left._tag);
  return result.right;
};

describe('BR-12 PP 30/2019 numeric regime', () => {
  it('the rule book is known by its ref and is numeric', () => {
    expect(book.regime).toBe('numeric');
  });

  describe('weights', () => {
    it('60/40 with peer or subordinate input: SKP 100, behaviour 80 ⇒ 92', () => {
      const a = assess(input(100, 80, { peerInputUsed: true }));
      expect(a.scores).toMatchObject({ skp: 100, behaviour: 80, weights: { skp: 0.6, behaviour: 0.4 }, total: 92 });
    });

    it('70/30 without: SKP 100, behaviour 80 ⇒ 94', () => {
      const a = assess(input(100, 80));
      expect(a.scores).toMatchObject({ weights: { skp: 0.7, behaviour: 0.3 }, total: 94 });
    });

    it('the same scores give different totals under the two weightings: SKP 80, behaviour 100 ⇒ 88 or 86', () => {
      expect(assess(input(80, 100, { peerInputUsed: true })).scores?.total).toBe(88);
      expect(assess(input(80, 100)).scores?.total).toBe(86);
    });
  });

  describe('innovation', () => {
    it('115 without an innovation ⇒ Baik', () => {
      const a = assess(input(125, 100, { peerInputUsed: true }));
      expect(a.scores?.total).toBe(115);
      expect([a.predikat, a.label]).toEqual(['baik', 'Baik']);
    });

    it('110 with an innovation ⇒ Sangat Baik', () => {
      const a = assess(input(130, 80, { peerInputUsed: true, innovation: true }));
      expect(a.scores?.total).toBe(110);
      expect([a.predikat, a.label]).toEqual(['sangat-baik', 'Sangat Baik']);
    });
  });

  describe('band edges (on the total, rounded to 2 decimals)', () => {
    // 70/30 with SKP = behaviour = x gives a total of exactly x.
    it.each([
      [90, 'baik', 'Baik'],
      [89.99, 'butuh-perbaikan', 'Cukup'],
      [70, 'butuh-perbaikan', 'Cukup'],
      [69.99, 'kurang', 'Kurang'],
      [50, 'kurang', 'Kurang'],
      [49.99, 'sangat-kurang', 'Sangat Kurang'],
    ] as const)('%d ⇒ %s (%s)', (x, predikat, label) => {
      const a = assess(input(x, x));
      expect(a.scores?.total).toBeCloseTo(x, 9);
      expect([a.predikat, a.label]).toEqual([predikat, label]);
    });
  });

  it('cites BR-12 and its regulations', () => {
    expect(assess(input(100, 100)).articles).toEqual(['BR-12', 'PP 30/2019', 'PermenPANRB 8/2021']);
  });

  it('refuses a behaviour score outside 0..100 and a rated input, without throwing', () => {
    const tooHigh = book.assess(input(80, 110));
    expect(isLeft(tooHigh) && tooHigh.left._tag).toBe('InvalidScoreInput');
    const rated = book.assess({ regime: 'rated', hasilKerja: 'sesuai-ekspektasi', perilaku: 'sesuai-ekspektasi' });
    expect(isLeft(rated) && rated.left._tag).toBe('WrongRegime');
    expect(isRight(book.assess(input(80, 100)))).toBe(true);
  });
});
