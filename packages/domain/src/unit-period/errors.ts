/**
 * Why the unit period refuses a command: one tagged, plain, readonly value per rule, carrying what a person needs
 * to correct the request. `DistributionViolated` is the curve's own error (rulebook/curve.ts), passed on as is: it
 * names every broken bound (BR-04..BR-08) with its count and allowed range.
 */
import type { EvaluationId, LocalDate, Nip, PeriodId, Role, UnitPeriodId } from '../core';
import type { DistributionViolated } from '../rulebook/curve';
import { PREDIKAT, PREDIKAT_LABELS } from '../rulebook/vocabulary';
import type { UnitPeriodStatus } from './unit-period';

export type UnitPeriodError =
  // --- which unit period ------------------------------------------------------------------------------------------
  /** Any command but OpenUnitPeriod before the unit period is open. */
  | Readonly<{ _tag: 'UnitPeriodNotOpen'; unitPeriod: UnitPeriodId }>
  /** A unit period is opened once. */
  | Readonly<{ _tag: 'UnitPeriodAlreadyOpen'; unitPeriod: UnitPeriodId; status: UnitPeriodStatus }>
  /** After settlement only a revision (ReviseSettledResult) is accepted. */
  | Readonly<{ _tag: 'AlreadySettled'; unitPeriod: UnitPeriodId; settledAt: Date }>
  /** A revision needs a settled unit period. */
  | Readonly<{ _tag: 'UnitPeriodNotSettled'; unitPeriod: UnitPeriodId }>
  /** The command names another unit period than the stream it was run against (a routing mistake). */
  | Readonly<{ _tag: 'WrongUnitPeriod'; unitPeriod: UnitPeriodId; given: UnitPeriodId }>

  // --- opening ----------------------------------------------------------------------------------------------------
  /** A unit period id is `<unit>.<period>`. */
  | Readonly<{ _tag: 'UnitPeriodIdMismatch'; expected: UnitPeriodId; given: UnitPeriodId }>
  | Readonly<{ _tag: 'PeriodEndNotAfterStart'; periodStart: Date; periodEnd: Date }>
  /** The unit head's hasil kerja follows the organisational result (BR-09): they cannot be the one who sets it. */
  | Readonly<{ _tag: 'AuthorisedOfficialIsUnitHead'; nip: Nip; asOf: LocalDate }>

  // --- who may ----------------------------------------------------------------------------------------------------
  /** Opening and withdrawing are for an operator or the system. */
  | Readonly<{ _tag: 'NotOperatorOrSystem'; actor: Nip; role: Role }>
  /** Proposals and revisions come from the system (the process manager), never from a person directly. */
  | Readonly<{ _tag: 'NotSystem'; actor: Nip; role: Role }>
  /** The organisational result and the settlement are the unit head's superior's (roster facts at opening). */
  | Readonly<{ _tag: 'NotTheAuthorisedOfficial'; expected: Nip; actor: Nip }>

  // --- proposals --------------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'MonthsOutOfRange'; months: number }>
  /** An evaluation id starts with the evaluated employee's NIP. */
  | Readonly<{ _tag: 'EvaluationNotOfEmployee'; evaluation: EvaluationId; employee: Nip }>
  /** An evaluation id ends with its evaluation period, which must be this unit period's. */
  | Readonly<{ _tag: 'EvaluationOutsidePeriod'; evaluation: EvaluationId; period: PeriodId }>
  /** `isUnitHead` must agree with the roster facts recorded at opening, both ways (BR-09 cannot be dodged). */
  | Readonly<{ _tag: 'UnitHeadMismatch'; employee: Nip; isUnitHead: boolean; unitHead: Nip | null }>
  /** One proposal per employee: withdraw the other evaluation's proposal first. */
  | Readonly<{ _tag: 'EmployeeAlreadyProposed'; employee: Nip; evaluation: EvaluationId }>
  /** A rated assessment carries both levels, a numeric one neither. */
  | Readonly<{ _tag: 'IncompleteAssessment'; evaluation: EvaluationId }>
  | Readonly<{ _tag: 'UnknownProposal'; evaluation: EvaluationId }>

  // --- settling ---------------------------------------------------------------------------------------------------
  /** BR-03: no predikat of the unit is final before its organisational result is set. */
  | Readonly<{ _tag: 'OrganisationalResultNotSet'; unitPeriod: UnitPeriodId }>
  | Readonly<{ _tag: 'NoProposals'; unitPeriod: UnitPeriodId }>
  /** BR-04..BR-08: the final predikat break the kurva distribusi. */
  | DistributionViolated;

export type UnitPeriodErrorTag = UnitPeriodError['_tag'];

/** The error with tag `Tag`, e.g. `UnitPeriodErrorOf<'NotTheAuthorisedOfficial'>`. */
export type UnitPeriodErrorOf<Tag extends UnitPeriodErrorTag> = Extract<UnitPeriodError, Readonly<{ _tag: Tag }>>;

const iso = (d: Date): string => d.toISOString();
const names = (predikat: ReadonlyArray<string>): string =>
  predikat.map((p) => PREDIKAT_LABELS[p as keyof typeof PREDIKAT_LABELS] ?? p).join(' + ');

const describeViolations = (error: DistributionViolated): string => {
  const counts = PREDIKAT.map((p) => `${PREDIKAT_LABELS[p]} ${error.counts[p]}`).join(', ');
  const broken = error.violations
    .map((v) => `${v.rule}: ${names(v.predikat)} is ${v.count}, allowed ${v.allowed.min}..${v.allowed.max}`)
    .join('; ');
  return `the predikat of ${error.total} employees (${counts}) break the kurva distribusi for organisational result ${error.organisationalResult}: ${broken}`;
};

/** One English sentence per refusal, for logs and for clients that show the error as it is. */
export const describeUnitPeriodError = (error: UnitPeriodError): string => {
  switch (error._tag) {
    case 'UnitPeriodNotOpen':
      return `unit period ${error.unitPeriod} has not been opened`;
    case 'UnitPeriodAlreadyOpen':
      return `unit period ${error.unitPeriod} is already open (${error.status})`;
    case 'AlreadySettled':
      return `unit period ${error.unitPeriod} was settled at ${iso(error.settledAt)}; only a revision of a settled result is possible`;
    case 'UnitPeriodNotSettled':
      return `unit period ${error.unitPeriod} is not settled yet: there is no settled result to revise`;
    case 'WrongUnitPeriod':
      return `the command is for unit period ${error.given} but was run against unit period ${error.unitPeriod}`;
    case 'UnitPeriodIdMismatch':
      return `a unit period id is <unit>.<period>: expected ${error.expected}, got ${error.given}`;
    case 'PeriodEndNotAfterStart':
      return `the period must end after it starts (${iso(error.periodStart)} → ${iso(error.periodEnd)})`;
    case 'AuthorisedOfficialIsUnitHead':
      return `on ${error.asOf} the roster names ${error.nip} as both the unit head and the unit head's superior; the unit head cannot set the result their own hasil kerja follows (BR-09)`;
    case 'NotOperatorOrSystem':
      return `only an operator or the system may do this; ${error.actor} acts as ${error.role}`;
    case 'NotSystem':
      return `only the system records proposals and revisions; ${error.actor} acts as ${error.role}`;
    case 'NotTheAuthorisedOfficial':
      return `only ${error.expected}, the unit head's superior, may do this; ${error.actor} may not`;
    case 'MonthsOutOfRange':
      return `an evaluation period lasts 1 to 12 whole months, got ${error.months}`;
    case 'EvaluationNotOfEmployee':
      return `evaluation ${error.evaluation} is not an evaluation of ${error.employee}`;
    case 'EvaluationOutsidePeriod':
      return `evaluation ${error.evaluation} is not for period ${error.period} of this unit period`;
    case 'UnitHeadMismatch':
      return error.isUnitHead
        ? `${error.employee} is proposed as unit head, but the roster names ${error.unitHead ?? 'nobody'} (BR-09)`
        : `${error.employee} heads the unit in the roster but is proposed as a staff member (BR-09)`;
    case 'EmployeeAlreadyProposed':
      return `${error.employee} already has a proposal from evaluation ${error.evaluation}; withdraw it first`;
    case 'IncompleteAssessment':
      return `the assessment of evaluation ${error.evaluation} has one rating level without the other`;
    case 'UnknownProposal':
      return `there is no proposal for evaluation ${error.evaluation}`;
    case 'OrganisationalResultNotSet':
      return `no predikat of unit period ${error.unitPeriod} can be final before its organisational result is set (BR-03)`;
    case 'NoProposals':
      return `unit period ${error.unitPeriod} has no proposed predikat to settle`;
    case 'DistributionViolated':
      return describeViolations(error);
  }
};
