import { allowancePercentFor, angkaKreditFor, consequencesOf, promotionEligible } from './consequences';
import type { Predikat } from './vocabulary';

const TABLE: Readonly<Record<Predikat, number>> = { 'sangat-baik': 100, baik: 100, 'butuh-perbaikan': 90, kurang: 85, 'sangat-kurang': 80 };

describe('angkaKreditFor (BR-24)', () => {
  it('Ahli Muda + Baik over a year ⇒ 25', () => {
    expect(angkaKreditFor('baik', 'ahli-muda', 12, true)).toEqual({
      jenjang: 'ahli-muda',
      predikat: 'baik',
      share: 1,
      coefficient: 25,
      months: 12,
      credits: 25,
    });
  });

  it('pro rata by months: Ahli Pertama + Sangat Baik for 6 months ⇒ 12.5 × 1.5 × 6/12 = 9.375', () => {
    expect(angkaKreditFor('sangat-baik', 'ahli-pertama', 6, true).credits).toBe(9.375);
  });

  it('without pro rata a short period earns the full annual amount, counted as 12 months', () => {
    const a = angkaKreditFor('sangat-baik', 'ahli-pertama', 6, false);
    expect([a.months, a.credits]).toEqual([12, 18.75]);
  });

  it('rounds to 4 decimals: Mahir + Butuh Perbaikan for 5 months ⇒ 3.90625 ⇒ 3.9063', () => {
    expect(angkaKreditFor('butuh-perbaikan', 'mahir', 5, true).credits).toBe(3.9063);
  });

  it('keeps full-year amounts exact: Pemula + Butuh Perbaikan ⇒ 2.8125', () => {
    expect(angkaKreditFor('butuh-perbaikan', 'pemula', 12, true).credits).toBe(2.8125);
  });

  it('counts months within 0..12', () => {
    expect(angkaKreditFor('baik', 'terampil', 15, true).months).toBe(12);
    expect(angkaKreditFor('baik', 'terampil', -2, true).credits).toBe(0);
    expect(angkaKreditFor('baik', 'terampil', Number.NaN, true).credits).toBe(0);
  });
});

describe('BR-25', () => {
  it('reads the allowance from the table given', () => {
    expect(allowancePercentFor('kurang', TABLE)).toBe(85);
    expect(allowancePercentFor('kurang', { ...TABLE, kurang: 70 })).toBe(70);
  });

  it.each([
    ['sangat-baik', true],
    ['baik', true],
    ['butuh-perbaikan', false],
    ['kurang', false],
    ['sangat-kurang', false],
  ] as const)('promotion with %s: %s', (predikat, eligible) => {
    expect(promotionEligible(predikat)).toBe(eligible);
  });
});

describe('consequencesOf', () => {
  it('a functional position: angka kredit, allowance and promotion, with BR-24 and BR-25', () => {
    expect(consequencesOf({ predikat: 'butuh-perbaikan', jenjang: 'penyelia', months: 12, proRata: true, allowanceTable: TABLE })).toEqual({
      angkaKredit: { jenjang: 'penyelia', predikat: 'butuh-perbaikan', share: 0.75, coefficient: 25, months: 12, credits: 18.75 },
      allowancePercent: 90,
      promotionEligible: false,
      articles: ['BR-24', 'Peraturan BKN 3/2023', 'BR-25'],
    });
  });

  it('a position without jenjang earns no angka kredit', () => {
    expect(consequencesOf({ predikat: 'baik', jenjang: null, months: 12, proRata: true, allowanceTable: TABLE })).toEqual({
      angkaKredit: null,
      allowancePercent: 100,
      promotionEligible: true,
      articles: ['BR-25'],
    });
  });
});
