/**
 * The words of an evaluation (DOMAIN.md §2.2–2.3, BR-02): three rating levels, five employee predikat, five
 * organisational results, the evaluation frequencies, and the jenjang of functional positions (BR-24).
 * Codes are kebab-case; `*_LABELS` give the words the regulation prints.
 */
import { literals } from '../core';

/** BR-02: exactly three levels for hasil kerja and for perilaku kerja. Ordered from low to high. */
export const RATING_LEVELS = ['di-bawah-ekspektasi', 'sesuai-ekspektasi', 'di-atas-ekspektasi'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/**
 * BR-02: exactly five employee predikat, ordered from best to worst. `kurang` is "Kurang/Misconduct" of BR-01.
 * Numeric rule books (BR-12, BR-13) print their own words (Cukup, Buruk); each maps onto one of these five, so
 * that the curve, ranking and consequences read one scale.
 */
export const PREDIKAT = ['sangat-baik', 'baik', 'butuh-perbaikan', 'kurang', 'sangat-kurang'] as const;
export type Predikat = (typeof PREDIKAT)[number];

export const PREDIKAT_LABELS: Readonly<Record<Predikat, string>> = {
  'sangat-baik': 'Sangat Baik',
  baik: 'Baik',
  'butuh-perbaikan': 'Butuh Perbaikan',
  kurang: 'Kurang/Misconduct',
  'sangat-kurang': 'Sangat Kurang',
};

/** BR-02: exactly five organisational results (capaian kinerja organisasi), best to worst. */
export const ORGANISATIONAL_RESULTS = ['istimewa', 'baik', 'butuh-perbaikan', 'kurang', 'sangat-kurang'] as const;
export type OrganisationalResult = (typeof ORGANISATIONAL_RESULTS)[number];

/** How often an employee is evaluated during the year [policy: default quarterly]; the annual evaluation always runs. */
export const EVALUATION_FREQUENCIES = ['monthly', 'quarterly', 'semester'] as const;
export type EvaluationFrequency = (typeof EVALUATION_FREQUENCIES)[number];

/**
 * The jenjang of a functional position (jabatan fungsional), for angka kredit (BR-24). The roster owns the list
 * (a position's level); it is re-exported here so that rule-book code reads one vocabulary, and so that the
 * package index exports one `JENJANG`, not two that clash.
 */
export { JENJANG, type Jenjang } from '../roster/roster';
export { JenjangCodec } from '../roster/codecs';

export const RatingLevelCodec = literals('RatingLevel', RATING_LEVELS);
export const PredikatCodec = literals('Predikat', PREDIKAT);
export const OrganisationalResultCodec = literals('OrganisationalResult', ORGANISATIONAL_RESULTS);
export const EvaluationFrequencyCodec = literals('EvaluationFrequency', EVALUATION_FREQUENCIES);
