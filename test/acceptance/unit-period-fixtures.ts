/**
 * Shared fixtures for the unit period acceptance tests (BR-03, BR-04..08 at settlement, BR-09, BR-24/25 on
 * settlement): the engine's actors, rated assessments from the current rule book, the commands of one unit period
 * built the way the engine builds them, and a stream that applies them through the public API only.
 */
import { isLeft } from 'fp-ts/Either';
import {
  DEFAULT_POLICY_SETTINGS,
  describeUnitPeriodError,
  evaluationIdOf,
  PERMENPANRB_6_2022,
  planIdOf,
  unitPeriodDecider,
  unitPeriodIdOf,
  unitPeriodPolicyOf,
  type Assessment,
  type Jenjang,
  type LocalDate,
  type Nip,
  type OrganisationalResult,
  type PeriodId,
  type Predikat,
  type RatingLevel,
  type UnitId,
  type UnitPeriodCommand,
  type UnitPeriodError,
  type UnitPeriodEvent,
  type UnitPeriodPolicy,
  type UnitPeriodState,
} from '@kinerja/domain';
import { DeciderStream } from './decider-stream';

/** The engine's operator (opens unit periods) and the system (records the evaluations' proposals). */
export const operator = { nip: '198001012005011001' as Nip, role: 'operator' as const };
export const sistem = { nip: '197001011995031001' as Nip, role: 'sistem' as const };

/** The unit-period settings of the default tenant policy (no unit exempt from the curve, BR-09 mapping, BR-25 table). */
export const DEFAULT_POLICY: UnitPeriodPolicy = unitPeriodPolicyOf(DEFAULT_POLICY_SETTINGS);

/** What the current rule book (PermenPANRB 6/2022, BR-01 matrix) concludes from these two levels. */
export const rated = (hasilKerja: RatingLevel, perilaku: RatingLevel): Assessment => {
  const result = PERMENPANRB_6_2022.assess({ regime: 'rated', hasilKerja, perilaku });
  if (isLeft(result)) throw new Error('the rule book refused a valid rating');
  return result.right;
};

/** BR-01 cells giving each predikat. */
const LEVELS: Readonly<Record<Predikat, readonly [RatingLevel, RatingLevel]>> = {
  'sangat-baik': ['di-atas-ekspektasi', 'di-atas-ekspektasi'],
  baik: ['sesuai-ekspektasi', 'sesuai-ekspektasi'],
  'butuh-perbaikan': ['di-bawah-ekspektasi', 'sesuai-ekspektasi'],
  kurang: ['sesuai-ekspektasi', 'di-bawah-ekspektasi'],
  'sangat-kurang': ['di-bawah-ekspektasi', 'di-bawah-ekspektasi'],
};

/** A rated assessment giving `predikat` (by BR-01). */
export const ratedAs = (predikat: Predikat): Assessment => rated(...LEVELS[predikat]);

/** Counts per predikat, all zero except those given. */
export const fullCounts = (given: Partial<Record<Predikat, number>>): Record<Predikat, number> => ({
  'sangat-baik': given['sangat-baik'] ?? 0,
  baik: given.baik ?? 0,
  'butuh-perbaikan': given['butuh-perbaikan'] ?? 0,
  kurang: given.kurang ?? 0,
  'sangat-kurang': given['sangat-kurang'] ?? 0,
});

/** One unit and evaluation period: who heads the unit, the official above them, the roster day, the clock. */
export type UnitPeriodSetting = Readonly<{
  unit: UnitId;
  period: PeriodId;
  unitHead: Nip;
  /** The unit head's superior: sets the organisational result and settles. */
  official: Nip;
  /** The day the roster facts are read, yyyy-mm-dd. */
  asOf: string;
  periodStart?: Date;
  periodEnd?: Date;
  /** The instant each command is issued at (called once per command built). */
  now: () => Date;
}>;

export type ProposalOptions = Readonly<{ jenjang?: Jenjang | null; months?: number; planPeriod?: PeriodId }>;

/** The commands of one unit period, as the engine builds them. */
export const unitPeriodOf = (setting: UnitPeriodSetting) => {
  const { unit, period, unitHead, now } = setting;
  const unitPeriod = unitPeriodIdOf(unit, period);
  const official = { nip: setting.official, role: 'atasan-pejabat-penilai' as const };
  return {
    unitPeriod,
    official,
    /** Opened by the operator, with the roster facts and the tenant's policy filled in. */
    open: (policy: UnitPeriodPolicy = DEFAULT_POLICY): UnitPeriodCommand => ({
      type: 'OpenUnitPeriod',
      data: {
        unitPeriod,
        unit,
        period,
        periodStart: setting.periodStart ?? new Date('2025-01-01T00:00:00+07:00'),
        periodEnd: setting.periodEnd ?? new Date('2026-01-01T00:00:00+07:00'),
        facts: { roster: { asOf: setting.asOf as LocalDate, unitHead, authorisedOfficial: setting.official }, policy },
      },
      metadata: { now: now(), actor: operator },
    }),
    /** The proposal of the employee's evaluation of this period (of their plan of `planPeriod`, by default this one). */
    propose: (employee: Nip, assessment: Assessment, o: ProposalOptions = {}): UnitPeriodCommand => ({
      type: 'RecordProposal',
      data: {
        unitPeriod,
        evaluation: evaluationIdOf(planIdOf(employee, o.planPeriod ?? period), period),
        employee,
        assessment,
        isUnitHead: employee === unitHead,
        jenjang: o.jenjang ?? null,
        months: o.months ?? 12,
      },
      metadata: { now: now(), actor: sistem },
    }),
    setResult: (result: OrganisationalResult, justification: string): UnitPeriodCommand => ({
      type: 'SetOrganisationalResult',
      data: { unitPeriod, result, justification, evidence: [] },
      metadata: { now: now(), actor: official },
    }),
    settle: (): UnitPeriodCommand => ({
      type: 'SettleUnitPeriod',
      data: { unitPeriod },
      metadata: { now: now(), actor: official },
    }),
  };
};

/** A unit period as the engine keeps it: commands applied one by one; a refused one appends nothing. */
export class UnitPeriodStream extends DeciderStream<UnitPeriodState, UnitPeriodCommand, UnitPeriodEvent, UnitPeriodError> {
  constructor() {
    super(unitPeriodDecider, describeUnitPeriodError);
  }
}
