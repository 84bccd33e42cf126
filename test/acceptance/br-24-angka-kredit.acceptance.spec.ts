/**
 * BR-24 [reg: Peraturan BKN 3/2023]: angka kredit = share × annual coefficient. Share by predikat: Sangat Baik
 * 150%, Baik 100%, Butuh Perbaikan 75%, Kurang 50%, Sangat Kurang 25%. Coefficient by jenjang: Pemula 3.75,
 * Terampil 5, Mahir 12.5, Penyelia 25, Ahli Pertama 12.5, Ahli Muda 25, Ahli Madya 37.5, Ahli Utama 50.
 * [policy] Periods shorter than a year: pro rata by months.
 */
import { angkaKreditFor, consequencesOf, DEFAULT_POLICY_SETTINGS, JENJANG, PREDIKAT, type Jenjang, type Predikat } from '@kinerja/domain';

const SHARE_PERCENT: Readonly<Record<Predikat, number>> = { 'sangat-baik': 150, baik: 100, 'butuh-perbaikan': 75, kurang: 50, 'sangat-kurang': 25 };
const COEFFICIENT_QUARTERS: Readonly<Record<Jenjang, number>> = {
  // the coefficient × 4, so that the expected credits are computed on whole numbers here
  pemula: 15,
  terampil: 20,
  mahir: 50,
  penyelia: 100,
  'ahli-pertama': 50,
  'ahli-muda': 100,
  'ahli-madya': 150,
  'ahli-utama': 200,
};
const CASES = JENJANG.flatMap((jenjang) => PREDIKAT.map((predikat) => [jenjang, predikat] as const));

describe('BR-24 angka kredit', () => {
  it('Ahli Muda + Baik over a year ⇒ 25', () => {
    expect(angkaKreditFor('baik', 'ahli-muda', 12, true).credits).toBe(25);
  });

  it.each(CASES)('%s + %s over a year: share × coefficient, exactly', (jenjang, predikat) => {
    const a = angkaKreditFor(predikat, jenjang, 12, true);
    expect(a.share).toBe(SHARE_PERCENT[predikat] / 100);
    expect(a.coefficient).toBe(COEFFICIENT_QUARTERS[jenjang] / 4);
    expect(a.credits).toBe((SHARE_PERCENT[predikat] * COEFFICIENT_QUARTERS[jenjang]) / 400);
  });

  it('pro rata over 6 months: half of it (Ahli Muda + Baik ⇒ 12.5; Pemula + Sangat Kurang ⇒ 0.46875 ⇒ 0.4688)', () => {
    expect(angkaKreditFor('baik', 'ahli-muda', 6, true)).toMatchObject({ months: 6, credits: 12.5 });
    expect(angkaKreditFor('sangat-kurang', 'pemula', 6, true).credits).toBe(0.4688);
    for (const [jenjang, predikat] of CASES) {
      const exact = (SHARE_PERCENT[predikat] * COEFFICIENT_QUARTERS[jenjang]) / 800;
      // rounded half up to 4 decimals [policy]: never more than half a ten-thousandth from the exact amount
      expect(Math.abs(angkaKreditFor(predikat, jenjang, 6, true).credits - exact)).toBeLessThanOrEqual(0.00005 + 1e-12);
    }
  });

  it('without pro rata a 6-month period earns the annual amount', () => {
    expect(angkaKreditFor('baik', 'ahli-muda', 6, false)).toMatchObject({ months: 12, credits: 25 });
  });

  it('the default policy is pro rata; a position without jenjang earns none', () => {
    expect(DEFAULT_POLICY_SETTINGS.angkaKreditProRata).toBe(true);
    const c = consequencesOf({ predikat: 'baik', jenjang: null, months: 12, proRata: true, allowanceTable: DEFAULT_POLICY_SETTINGS.allowancePercent });
    expect(c.angkaKredit).toBeNull();
  });
});
