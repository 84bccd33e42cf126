/**
 * BR-01 [reg: PermenPANRB 6/2022]: the predikat kinerja from the hasil kerja rating (rows) and the perilaku
 * rating (columns), through the public API: `predikatOf` and the rated rule book.
 */
import * as fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import { PREDIKAT, PREDIKAT_LABELS, predikatOf, RATING_LEVELS, ruleBookByRef, type Predikat, type RatingLevel } from '@kinerja/domain';

// The table of DOMAIN.md §3, typed in again here, row by row.
const BELOW: RatingLevel = 'di-bawah-ekspektasi';
const AS: RatingLevel = 'sesuai-ekspektasi';
const ABOVE: RatingLevel = 'di-atas-ekspektasi';
const TABLE: Readonly<Record<RatingLevel, Readonly<Record<RatingLevel, Predikat>>>> = {
  [ABOVE]: { [BELOW]: 'kurang', [AS]: 'baik', [ABOVE]: 'sangat-baik' },
  [AS]: { [BELOW]: 'kurang', [AS]: 'baik', [ABOVE]: 'baik' },
  [BELOW]: { [BELOW]: 'sangat-kurang', [AS]: 'butuh-perbaikan', [ABOVE]: 'butuh-perbaikan' },
};
const CELLS = RATING_LEVELS.flatMap((hasil) => RATING_LEVELS.map((perilaku) => [hasil, perilaku, TABLE[hasil][perilaku]] as const));

describe('BR-01 predikat matrix', () => {
  it('has 9 cells', () => expect(CELLS).toHaveLength(9));

  it.each(CELLS)('hasil kerja %s × perilaku %s ⇒ %s', (hasil, perilaku, predikat) => {
    expect(predikatOf(hasil, perilaku)).toBe(predikat);
  });

  it('property: predikatOf is total over the rating levels and agrees with the table', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RATING_LEVELS), fc.constantFrom(...RATING_LEVELS), (hasil, perilaku) => {
        const p = predikatOf(hasil, perilaku);
        return PREDIKAT.includes(p) && p === TABLE[hasil][perilaku];
      }),
    );
  });

  it('the rated rule book gives the same predikat, labelled as the regulation prints it, citing BR-01', () => {
    const book = ruleBookByRef({ id: 'permenpanrb-6-2022', version: 1 });
    for (const [hasilKerja, perilaku, predikat] of CELLS) {
      const result = book?.assess({ regime: 'rated', hasilKerja, perilaku });
      expect(result !== undefined && isRight(result) && result.right).toMatchObject({
        predikat,
        label: PREDIKAT_LABELS[predikat],
        hasilKerja,
        perilaku,
        articles: expect.arrayContaining(['BR-01']),
      });
    }
    expect(PREDIKAT_LABELS.kurang).toBe('Kurang/Misconduct');
  });
});
