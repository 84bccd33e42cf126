/**
 * A tenant's evaluation policy: the settings DOMAIN.md marks [policy], and which rule book applies to which
 * period. Pure data. The engine hands the relevant parts to a command when an aggregate opens (an evaluation, a
 * unit period), and the aggregate records them, so a later change of policy never changes a past decision.
 */
import type { TimeZone } from '../calendar';
import type { TenantId } from '../core';
import type { CurvePolicy } from '../rulebook/curve';
import type { RuleBookRef } from '../rulebook/rule-book';
import type { EvaluationFrequency, OrganisationalResult, Predikat, RatingLevel } from '../rulebook/vocabulary';

/** From `fromYear` on (inclusive) until the next entry, `ruleBook` applies. Entries ordered by `fromYear`. */
export type RuleBookSchedule = ReadonlyArray<Readonly<{ fromYear: number; ruleBook: RuleBookRef }>>;

export type TenantPolicy = Readonly<{
  tenant: TenantId;
  name: string;
  timeZone: TimeZone;
  /** How often periodic evaluations run [policy: default quarterly]. */
  evaluationFrequency: EvaluationFrequency;
  ruleBooks: RuleBookSchedule;
  /** Whether appraisers may invite peers and subordinates for 360° behaviour feedback. */
  peerFeedback: boolean;
  /** Whether employees record self-evaluation notes on their evaluations. */
  selfEvaluation: boolean;
  /** BR-04..08 rounding and the exemption of small units. */
  curve: CurvePolicy;
  /** BR-09: the unit head's hasil kerja for each organisational result [mapping is policy]. */
  unitHeadHasilKerja: Readonly<Record<OrganisationalResult, RatingLevel>>;
  /** BR-25: next year's tunjangan kinerja as a percentage, per predikat [practice: per tenant]. */
  allowancePercent: Readonly<Record<Predikat, number>>;
  /** BR-24: periods shorter than a year earn angka kredit pro rata by months [policy: default on]. */
  angkaKreditProRata: boolean;
  /** BR-10: the objection window after delivery [reg: 14 days; calendar vs working days is policy, default calendar]. */
  objectionWindow: Readonly<{ days: number; kind: 'calendar' | 'working' }>;
}>;
