/**
 * The regulation defaults of every [policy] setting, and the five model tenants of DOMAIN.md §1 with their
 * practice. Pure data. A tenant may supply its own policy as data (`TenantPolicyCodec`).
 */
import type { TimeZone } from '../calendar';
import type { PeriodId, TenantId } from '../core';
import type { RuleBookRef } from '../rulebook/rule-book';
import type { RuleBookSchedule, TenantPolicy } from './tenant-policy';

/** Every setting of a tenant policy except who the tenant is. */
export type PolicySettings = Omit<TenantPolicy, 'tenant' | 'name' | 'timeZone'>;

/**
 * Which regime applied in which year, nationally:
 * - 2014: PP 46/2011 (penilaian prestasi kerja, Perka BKN 1/2013) applies from 1 January 2014 (BR-13).
 * - 2021: PP 30/2019 applies two years after its promulgation (SE MenPANRB 3/2021), with PermenPANRB 8/2021 as its
 *   implementing rules (BR-12). 2021 was split in practice (January–June still under Perka BKN 1/2013, July–
 *   December under PermenPANRB 8/2021); a year-by-year schedule cannot say that, so the whole of 2021 is under
 *   PP 30, the regime that closed the year. A tenant that needs the split supplies its own schedule.
 * - 2023: PermenPANRB 6/2022 (rated regime, BR-01) applies to the SKP of 2023 onwards.
 * Years before 2014 have no rule book: an evaluation cannot open for them.
 */
export const DEFAULT_RULE_BOOK_SCHEDULE: RuleBookSchedule = [
  { fromYear: 2014, ruleBook: { id: 'pp-46-2011', version: 1 } },
  { fromYear: 2021, ruleBook: { id: 'pp-30-2019', version: 1 } },
  { fromYear: 2023, ruleBook: { id: 'permenpanrb-6-2022', version: 1 } },
];

/** The regulation defaults (DOMAIN.md: every setting marked [policy], with the default given there). */
export const DEFAULT_POLICY_SETTINGS: PolicySettings = {
  // §2.2: periodic evaluation monthly, quarterly or semester [policy: default quarterly].
  evaluationFrequency: 'quarterly',
  ruleBooks: DEFAULT_RULE_BOOK_SCHEDULE,
  // 360° feedback is something the appraiser may use, not a duty: off unless the tenant's practice has it.
  peerFeedback: false,
  selfEvaluation: false,
  // BR-04..08: default 1 = no unit is exempt.
  curve: { exemptBelow: 1 },
  // BR-09 [mapping is policy]: Istimewa → di atas; Baik → sesuai; lower → di bawah.
  unitHeadHasilKerja: {
    istimewa: 'di-atas-ekspektasi',
    baik: 'sesuai-ekspektasi',
    'butuh-perbaikan': 'di-bawah-ekspektasi',
    kurang: 'di-bawah-ekspektasi',
    'sangat-kurang': 'di-bawah-ekspektasi',
  },
  // BR-25 [practice: one ministry's table]: 90% / 85% / 80% below Baik, 100% otherwise.
  allowancePercent: { 'sangat-baik': 100, baik: 100, 'butuh-perbaikan': 90, kurang: 85, 'sangat-kurang': 80 },
  // BR-24 [policy: periods shorter than a year earn pro rata by months].
  angkaKreditProRata: true,
  // BR-10 [reg: 14 days; calendar vs working days is policy, default calendar].
  objectionWindow: { days: 14, kind: 'calendar' },
};

const tenantPolicy = (
  tenant: string,
  name: string,
  timeZone: string,
  settings: Partial<PolicySettings>,
): TenantPolicy => ({
  tenant: tenant as TenantId,
  name,
  timeZone: timeZone as TimeZone,
  ...DEFAULT_POLICY_SETTINGS,
  ...settings,
});

/**
 * The five model tenants (DOMAIN.md §1). Only settings their practice speaks to differ from the defaults; the
 * source material names no evaluation frequency, allowance table, curve exemption or schedule of its own for any
 * of them, so those stay at the regulation defaults.
 */
export const TENANT_POLICIES: ReadonlyArray<TenantPolicy> = [
  // Periodic evaluation by the direct superior and peers (Dinas Kesehatan).
  tenantPolicy('surabaya', 'Pemerintah Kota Surabaya', 'Asia/Jakarta', { peerFeedback: true }),
  // Performance standards and written work plans; evaluation by the superior.
  tenantPolicy('salatiga', 'Pemerintah Kota Salatiga', 'Asia/Jakarta', {}),
  // Evaluators are the direct superior and co-workers; WITA.
  tenantPolicy('samarinda', 'Pemerintah Kota Samarinda', 'Asia/Makassar', { peerFeedback: true }),
  // Annual work plan per ASN with periodic self-evaluation.
  tenantPolicy('semarang', 'Pemerintah Kota Semarang', 'Asia/Jakarta', { selfEvaluation: true }),
  // Evaluation from the superior and public feedback; public feedback arrives through complaints (BR-23), not
  // through peer invitations, so peerFeedback stays off.
  tenantPolicy('palembang', 'Pemerintah Kota Palembang', 'Asia/Jakarta', {}),
];

/** The shipped policy of `tenant`, or undefined for a tenant this build does not ship. */
export const policyFor = (tenant: TenantId): TenantPolicy | undefined => TENANT_POLICIES.find((p) => p.tenant === tenant);

/** The calendar year a period belongs to: the first four digits of its id (`2025-Q1` ⇒ 2025). */
export const yearOfPeriod = (period: PeriodId): number => Number(period.slice(0, 4));

/**
 * The rule book that applies to `period` under `policy` (BR-13, last paragraph): the entry with the latest
 * `fromYear` not after the period's year; undefined for a period before the first entry.
 */
export const ruleBookFor = (policy: TenantPolicy, period: PeriodId): RuleBookRef | undefined => {
  const year = yearOfPeriod(period);
  let best: RuleBookSchedule[number] | undefined;
  for (const entry of policy.ruleBooks) if (entry.fromYear <= year && (best === undefined || entry.fromYear >= best.fromYear)) best = entry;
  return best?.ruleBook;
};
