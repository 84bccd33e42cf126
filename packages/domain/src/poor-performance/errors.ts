/**
 * Why the poor-performance path refuses a command: one tagged, plain, readonly value per rule, carrying what a
 * person needs to correct the request.
 */
import type { EvaluationId, Nip, Role } from '../core';
import type { Level } from '../roster/roster';
import type { Predikat } from '../rulebook/vocabulary';
import type { CloseReason, PoorPerformanceId, PoorPerformanceStatus } from './poor-performance';

export type PoorPerformanceError =
  // --- which path -------------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'PathNotOpened'; path: PoorPerformanceId }>
  | Readonly<{ _tag: 'PathAlreadyOpened'; path: PoorPerformanceId }>
  /** After the path closes (improved, transferred, dismissal proposed), every command is refused with this. */
  | Readonly<{ _tag: 'PathClosed'; path: PoorPerformanceId; reason: CloseReason; closedAt: Date }>
  | Readonly<{ _tag: 'WrongPath'; path: PoorPerformanceId; given: PoorPerformanceId }>
  /** A path id is `<nip of the official>.<n>`. */
  | Readonly<{ _tag: 'PathIdMismatch'; path: PoorPerformanceId; employee: Nip }>
  | Readonly<{ _tag: 'EvaluationOfAnotherEmployee'; evaluation: EvaluationId; employee: Nip }>

  // --- who may ----------------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'NotAuthorised'; allowed: ReadonlyArray<Role>; actor: Nip; role: Role }>
  /** Coaching is by the official's appraiser or the appraiser's superior on the plan evaluated. */
  | Readonly<{ _tag: 'NotASupervisor'; appraiser: Nip; appraiserSuperior: Nip; actor: Nip }>

  // --- opening and the evaluations it rests on --------------------------------------------------------------------
  /** BR-26 [policy]: only a predikat below the threshold opens the path or adds a poor year. */
  | Readonly<{ _tag: 'PredikatNotPoor'; evaluation: EvaluationId; predikat: Predikat; threshold: Predikat }>
  /** [policy, default]: the annual evaluation opens the path; periodic ones only when the tenant says so. */
  | Readonly<{ _tag: 'PeriodicEvaluationDoesNotOpen'; evaluation: EvaluationId }>
  /** Improvement needs a predikat at or above the threshold. */
  | Readonly<{ _tag: 'NotAnImprovement'; evaluation: EvaluationId; predikat: Predikat; threshold: Predikat }>
  /** Only an evaluation that became final after the path opened speaks about the time since. */
  | Readonly<{ _tag: 'EvaluationBeforePath'; evaluation: EvaluationId; finalizedAt: Date; openedAt: Date }>
  | Readonly<{ _tag: 'NotAnAnnualEvaluation'; evaluation: EvaluationId }>
  | Readonly<{ _tag: 'YearAlreadyRecorded'; year: number; lastYear: number }>

  // --- steps in order ---------------------------------------------------------------------------------------------
  /** The step is not the path's next one in its current status (see the lifecycle). */
  | Readonly<{ _tag: 'StepNotAllowedNow'; command: string; status: PoorPerformanceStatus }>
  /** BR-26: the 6 months to improve run until `endsAt`. */
  | Readonly<{ _tag: 'ImprovementPeriodRunning'; endsAt: Date }>
  /** BR-26: a temporary post is for jabatan administrasi and fungsional only. */
  | Readonly<{ _tag: 'TemporaryPostNotForLevel'; level: Level }>
  /** BR-26: at most 12 months. */
  | Readonly<{ _tag: 'TemporaryPostTooLong'; months: number; max: number }>
  | Readonly<{ _tag: 'TemporaryPostRunning'; endsAt: Date }>
  /** Dismissal after the test only when no temporary post is possible (JPT); otherwise after the temporary post. */
  | Readonly<{ _tag: 'DismissalNotYet'; status: PoorPerformanceStatus; level: Level }>
  | Readonly<{ _tag: 'NoReasonsGiven' }>

  // --- N consecutive poor years [policy only] ---------------------------------------------------------------------
  | Readonly<{ _tag: 'ConsecutiveYearsRuleOff' }>
  | Readonly<{ _tag: 'NotEnoughPoorYears'; years: number; required: number }>;

export type PoorPerformanceErrorTag = PoorPerformanceError['_tag'];

const iso = (d: Date): string => d.toISOString();

/** One English sentence per refusal, for logs and for clients that show the error as it is. */
export const describePoorPerformanceError = (error: PoorPerformanceError): string => {
  switch (error._tag) {
    case 'PathNotOpened':
      return `poor-performance path ${error.path} has not been opened`;
    case 'PathAlreadyOpened':
      return `poor-performance path ${error.path} is already open`;
    case 'PathClosed':
      return `poor-performance path ${error.path} was closed (${error.reason}) at ${iso(error.closedAt)}; it accepts nothing more`;
    case 'WrongPath':
      return `the command is for path ${error.given} but was run against path ${error.path}`;
    case 'PathIdMismatch':
      return `a path id is <nip of the official>.<n>: ${error.path} is not a path of ${error.employee}`;
    case 'EvaluationOfAnotherEmployee':
      return `evaluation ${error.evaluation} is not an evaluation of ${error.employee}`;
    case 'NotAuthorised':
      return `only ${error.allowed.join(' or ')} may take this step; ${error.actor} acts as ${error.role}`;
    case 'NotASupervisor':
      return `coaching is by the appraiser ${error.appraiser} or their superior ${error.appraiserSuperior}; ${error.actor} is neither`;
    case 'PredikatNotPoor':
      return `evaluation ${error.evaluation} has predikat ${error.predikat}, not below the threshold ${error.threshold}`;
    case 'PeriodicEvaluationDoesNotOpen':
      return `evaluation ${error.evaluation} is periodic: this tenant opens the path on the annual evaluation`;
    case 'NotAnImprovement':
      return `evaluation ${error.evaluation} has predikat ${error.predikat}, below the threshold ${error.threshold}: no improvement`;
    case 'EvaluationBeforePath':
      return `evaluation ${error.evaluation} became final at ${iso(error.finalizedAt)}, not after the path opened at ${iso(error.openedAt)}`;
    case 'NotAnAnnualEvaluation':
      return `evaluation ${error.evaluation} is periodic; poor years are counted from annual evaluations`;
    case 'YearAlreadyRecorded':
      return `year ${error.year} is not after the last poor year recorded, ${error.lastYear}`;
    case 'StepNotAllowedNow':
      return `${error.command} is not a step the path takes while ${error.status}`;
    case 'ImprovementPeriodRunning':
      return `the 6 months to improve run until ${iso(error.endsAt)}`;
    case 'TemporaryPostNotForLevel':
      return `a temporary post is for jabatan administrasi and fungsional, not ${error.level}`;
    case 'TemporaryPostTooLong':
      return `a temporary post lasts at most ${error.max} months, not ${error.months}`;
    case 'TemporaryPostRunning':
      return `the temporary post runs until ${iso(error.endsAt)}`;
    case 'DismissalNotYet':
      return `dismissal with honour is proposed after the temporary post (or after the competence test when no temporary post is possible); the path is ${error.status}, level ${error.level}`;
    case 'NoReasonsGiven':
      return 'this decision is taken with at least one written reason';
    case 'ConsecutiveYearsRuleOff':
      return "this tenant's policy has no 'N consecutive poor years' rule";
    case 'NotEnoughPoorYears':
      return `${error.years} consecutive poor years recorded; the tenant's rule needs ${error.required}`;
  }
};
