/**
 * The rated regime of PermenPANRB 6/2022 (BR-01): the appraiser rates hasil kerja and perilaku kerja one of three
 * levels each (BR-02), and the matrix below gives the predikat. Pure.
 */
import { left, right } from 'fp-ts/Either';
import { refusedRegime, regimeOf, shown } from './numeric';
import type { Assessment, RuleBook, RuleBookRef } from './rule-book';
import { PREDIKAT_LABELS, RATING_LEVELS, type Predikat, type RatingLevel } from './vocabulary';

export const PERMENPANRB_6_2022_REF: RuleBookRef = { id: 'permenpanrb-6-2022', version: 1 };

/**
 * BR-01, rows hasil kerja, columns perilaku (DOMAIN.md §3):
 *
 * | hasil \ perilaku | di bawah          | sesuai          | di atas         |
 * |------------------|-------------------|-----------------|-----------------|
 * | di atas          | Kurang/Misconduct | Baik            | Sangat Baik     |
 * | sesuai           | Kurang/Misconduct | Baik            | Baik            |
 * | di bawah         | Sangat Kurang     | Butuh Perbaikan | Butuh Perbaikan |
 */
export const BR01_MATRIX: Readonly<Record<RatingLevel, Readonly<Record<RatingLevel, Predikat>>>> = {
  'di-atas-ekspektasi': {
    'di-bawah-ekspektasi': 'kurang',
    'sesuai-ekspektasi': 'baik',
    'di-atas-ekspektasi': 'sangat-baik',
  },
  'sesuai-ekspektasi': {
    'di-bawah-ekspektasi': 'kurang',
    'sesuai-ekspektasi': 'baik',
    'di-atas-ekspektasi': 'baik',
  },
  'di-bawah-ekspektasi': {
    'di-bawah-ekspektasi': 'sangat-kurang',
    'sesuai-ekspektasi': 'butuh-perbaikan',
    'di-atas-ekspektasi': 'butuh-perbaikan',
  },
};

/** BR-01: the predikat for a hasil kerja rating and a perilaku rating. Total over the 9 cells. */
export const predikatOf = (hasilKerja: RatingLevel, perilaku: RatingLevel): Predikat => BR01_MATRIX[hasilKerja][perilaku];

const isRatingLevel = (u: unknown): u is RatingLevel => (RATING_LEVELS as ReadonlyArray<unknown>).includes(u);

const ARTICLES = ['BR-01', 'PermenPANRB 6/2022'] as const;

/** Version 1: the BR-01 matrix; labels are the five predikat words, `Kurang/Misconduct` for `kurang`. */
export const PERMENPANRB_6_2022: RuleBook = {
  ref: PERMENPANRB_6_2022_REF,
  title: 'PermenPANRB 6/2022: predikat kinerja from hasil kerja and perilaku kerja ratings',
  regime: 'rated',
  assess: (input) => {
    if (regimeOf(input) !== 'rated' || input.regime !== 'rated') return left(refusedRegime(PERMENPANRB_6_2022_REF, 'rated', input));
    // The types already say so; data decoded elsewhere or built by hand is checked once more, so that `assess`
    // stays total (a level outside BR-02's three is refused, never looked up).
    if (!isRatingLevel(input.hasilKerja) || !isRatingLevel(input.perilaku))
      return left({
        _tag: 'InvalidScoreInput',
        ruleBook: PERMENPANRB_6_2022_REF,
        problem: `ratings must be one of ${RATING_LEVELS.join(', ')} (BR-02), got ${shown(input.hasilKerja)} and ${shown(input.perilaku)}`,
      });
    const predikat = predikatOf(input.hasilKerja, input.perilaku);
    const assessment: Assessment = {
      ruleBook: PERMENPANRB_6_2022_REF,
      predikat,
      label: PREDIKAT_LABELS[predikat],
      hasilKerja: input.hasilKerja,
      perilaku: input.perilaku,
      articles: ARTICLES,
    };
    return right(assessment);
  },
};
