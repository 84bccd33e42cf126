/**
 * What a settled predikat leads to (pure): angka kredit for functional positions (BR-24), next year's tunjangan
 * kinerja percentage (BR-25, per tenant table), and promotion eligibility (BR-25).
 *
 * TODO(helper): implement (this file is owned by the rule-book work).
 */
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

export declare const angkaKreditFor: (predikat: Predikat, jenjang: Jenjang, months: number, proRata: boolean) => AngkaKredit;
export declare const allowancePercentFor: (predikat: Predikat, table: Readonly<Record<Predikat, number>>) => number;
export declare const promotionEligible: (predikat: Predikat) => boolean;
export declare const consequencesOf: (input: ConsequenceInput) => Consequences;
