/**
 * What a settled predikat leads to (pure): angka kredit for functional positions (BR-24), next year's tunjangan
 * kinerja percentage (BR-25, per tenant table), and promotion eligibility (BR-25).
 *
 * - BR-24 [reg: Peraturan BKN 3/2023]: credits = share × annual coefficient; [policy] for a period shorter than a
 *   year, pro rata by months (× months / 12) when the tenant says so, else the full annual amount.
 *   [policy] Credits are rounded half up to 4 decimals: every full-year amount is a multiple of 1/16 (shares and
 *   coefficients are multiples of 0.25), so it stays exact (Pemula + Butuh Perbaikan = 2.8125, not 2.813), and
 *   only pro-rata amounts are rounded (12.5 × 0.75 × 5/12 = 3.90625 ⇒ 3.9063), which also removes binary noise.
 *   The exact amount is `share × coefficient × months / 12`.
 * - BR-25 [reg]: a predikat below Baik blocks promotion to the next jenjang; [practice] next year's tunjangan
 *   kinerja percentage comes from the tenant's table.
 */
import { roundTo } from './numeric';
import type { Jenjang, Predikat } from './vocabulary';

export type AngkaKredit = Readonly<{
  jenjang: Jenjang;
  predikat: Predikat;
  /** BR-24 share: Sangat Baik 1.5, Baik 1, Butuh Perbaikan 0.75, Kurang 0.5, Sangat Kurang 0.25. */
  share: number;
  /** BR-24 annual coefficient of the jenjang. */
  coefficient: number;
  /** Months of the period counted (12 for a year); pro rata only when the policy says so. */
  months: number;
  credits: number;
}>;

export type Consequences = Readonly<{
  /** Null when the position is not functional (no jenjang). */
  angkaKredit: AngkaKredit | null;
  allowancePercent: number;
  promotionEligible: boolean;
  articles: ReadonlyArray<string>;
}>;

export type ConsequenceInput = Readonly<{
  predikat: Predikat;
  jenjang: Jenjang | null;
  /** Months of the evaluation period, 1..12. */
  months: number;
  proRata: boolean;
  allowanceTable: Readonly<Record<Predikat, number>>;
}>;

/** BR-24: the share of the annual coefficient earned per predikat. */
export const ANGKA_KREDIT_SHARE: Readonly<Record<Predikat, number>> = {
  'sangat-baik': 1.5,
  baik: 1,
  'butuh-perbaikan': 0.75,
  kurang: 0.5,
  'sangat-kurang': 0.25,
};

/** BR-24: the annual angka kredit coefficient per jenjang. */
export const ANGKA_KREDIT_COEFFICIENT: Readonly<Record<Jenjang, number>> = {
  pemula: 3.75,
  terampil: 5,
  mahir: 12.5,
  penyelia: 25,
  'ahli-pertama': 12.5,
  'ahli-muda': 25,
  'ahli-madya': 37.5,
  'ahli-utama': 50,
};

/** [policy] Decimals kept in angka kredit (see the header). */
export const ANGKA_KREDIT_DECIMALS = 4;

/** Months counted, within 0..12 (a period counts at most a year; anything that is not a number counts nothing). */
const monthsWithinAYear = (months: number): number => (Number.isFinite(months) ? Math.min(12, Math.max(0, months)) : 0);

/**
 * BR-24: the angka kredit a predikat earns in a functional position of `jenjang`. With `proRata`, `months` of
 * the period are counted (× months / 12, months taken within 0..12); without it the full annual amount, and
 * `months` is recorded as 12. Ahli Muda + Baik ⇒ 25.
 */
export const angkaKreditFor = (predikat: Predikat, jenjang: Jenjang, months: number, proRata: boolean): AngkaKredit => {
  const share = ANGKA_KREDIT_SHARE[predikat];
  const coefficient = ANGKA_KREDIT_COEFFICIENT[jenjang];
  const counted = proRata ? monthsWithinAYear(months) : 12;
  return { jenjang, predikat, share, coefficient, months: counted, credits: roundTo((share * coefficient * counted) / 12, ANGKA_KREDIT_DECIMALS) };
};

/** BR-25: next year's tunjangan kinerja percentage for `predikat`, from the tenant's table. */
export const allowancePercentFor = (predikat: Predikat, table: Readonly<Record<Predikat, number>>): number => table[predikat];

/** BR-25: only Sangat Baik and Baik keep the way to the next jenjang open; below Baik blocks promotion. */
export const promotionEligible = (predikat: Predikat): boolean => predikat === 'sangat-baik' || predikat === 'baik';

/** Everything a settled predikat leads to, with the rules applied (BR-24 only for functional positions). */
export const consequencesOf = (input: ConsequenceInput): Consequences => ({
  angkaKredit: input.jenjang === null ? null : angkaKreditFor(input.predikat, input.jenjang, input.months, input.proRata),
  allowancePercent: allowancePercentFor(input.predikat, input.allowanceTable),
  promotionEligible: promotionEligible(input.predikat),
  articles: input.jenjang === null ? ['BR-25'] : ['BR-24', 'Peraturan BKN 3/2023', 'BR-25'],
});
