import * as fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/Either';
import { BR01_MATRIX, PERMENPANRB_6_2022, predikatOf } from './permenpanrb-6-2022';
import { arbRatedInput, numericInput, rated } from './rulebook.testkit';
import type { RatedInput } from './rule-book';
import { PREDIKAT, RATING_LEVELS, type Predikat, type RatingLevel } from './vocabulary';

// BR-01 as DOMAIN.md prints it, written out cell by cell (rows hasil kerja, columns perilaku).
const TABLE: ReadonlyArray<readonly [RatingLevel, RatingLevel, Predikat]> = [
  ['di-atas-ekspektasi', 'di-bawah-ekspektasi', 'kurang'],
  ['di-atas-ekspektasi', 'sesuai-ekspektasi', 'baik'],
  ['di-atas-ekspektasi', 'di-atas-ekspektasi', 'sangat-baik'],
  ['sesuai-ekspektasi', 'di-bawah-ekspektasi', 'kurang'],
  ['sesuai-ekspektasi', 'sesuai-ekspektasi', 'baik'],
  ['sesuai-ekspektasi', 'di-atas-ekspektasi', 'baik'],
  ['di-bawah-ekspektasi', 'di-bawah-ekspektasi', 'sangat-kurang'],
  ['di-bawah-ekspektasi', 'sesuai-ekspektasi', 'butuh-perbaikan'],
  ['di-bawah-ekspektasi', 'di-atas-ekspektasi', 'butuh-perbaikan'],
];

describe('BR-01 predikatOf', () => {
  it.each(TABLE)('hasil kerja %s, perilaku %s ⇒ %s', (hasil, perilaku, expected) => {
    expect(predikatOf(hasil, perilaku)).toBe(expected);
  });

  it('the matrix has exactly the 9 cells of the table', () => {
    expect(Object.keys(BR01_MATRIX).sort()).toEqual([...RATING_LEVELS].sort());
    for (const row of RATING_LEVELS) expect(Object.keys(BR01_MATRIX[row]).sort()).toEqual([...RATING_LEVELS].sort());
  });

  it('is monotone: a better rating of either kind never gives a worse predikat', () => {
    const rank = (p: Predikat) => PREDIKAT.indexOf(p); // 0 is best
    fc.assert(
      fc.property(fc.constantFrom(...RATING_LEVELS), fc.nat({ max: 1 }), fc.nat({ max: 1 }), (other, i, j) => {
        const lo = RATING_LEVELS[i] as RatingLevel;
        const hi = RATING_LEVELS[i + 1] as RatingLevel;
        const loP = RATING_LEVELS[j] as RatingLevel;
        const hiP = RATING_LEVELS[j + 1] as RatingLevel;
        return rank(predikatOf(hi, other)) <= rank(predikatOf(lo, other)) && rank(predikatOf(other, hiP)) <= rank(predikatOf(other, loP));
      }),
    );
  });
});

describe('the PermenPANRB 6/2022 rule book', () => {
  it('assesses a rated input with the matrix, its label and its basis', () => {
    expect(PERMENPANRB_6_2022.assess(rated('di-atas-ekspektasi', 'di-bawah-ekspektasi'))).toEqual({
      _tag: 'Right',
      right: {
        ruleBook: { id: 'permenpanrb-6-2022', version: 1 },
        predikat: 'kurang',
        label: 'Kurang/Misconduct',
        hasilKerja: 'di-atas-ekspektasi',
        perilaku: 'di-bawah-ekspektasi',
        articles: ['BR-01', 'PermenPANRB 6/2022'],
      },
    });
  });

  it('agrees with predikatOf on every rated input', () => {
    fc.assert(
      fc.property(arbRatedInput, (input) => {
        const result = PERMENPANRB_6_2022.assess(input);
        return isRight(result) && result.right.predikat === predikatOf(input.hasilKerja, input.perilaku);
      }),
    );
  });

  it('refuses a numeric input: WrongRegime', () => {
    expect(PERMENPANRB_6_2022.assess(numericInput())).toEqual({
      _tag: 'Left',
      left: { _tag: 'WrongRegime', ruleBook: { id: 'permenpanrb-6-2022', version: 1 }, expected: 'rated', given: 'numeric' },
    });
  });

  it('refuses a fourth rating level instead of throwing (BR-02)', () => {
    const bad = { regime: 'rated', hasilKerja: 'luar-biasa', perilaku: 'sesuai-ekspektasi' } as unknown as RatedInput;
    const result = PERMENPANRB_6_2022.assess(bad);
    expect(isLeft(result) && result.left._tag).toBe('InvalidScoreInput');
  });
});
