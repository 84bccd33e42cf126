/**
 * Why a reward or development decision is refused: one tagged, plain, readonly value per rule, carrying what a
 * person needs to correct the request.
 */
import type { EvaluationId, Nip, Role } from '../core';
import type { CoreValue } from '../plan/plan';
import type { Predikat } from '../rulebook/vocabulary';

export type RewardError =
  /** The command names another official or year than the stream it was run against (a routing mistake). */
  | Readonly<{ _tag: 'WrongRewardYear'; employee: Nip; year: number; givenEmployee: Nip; givenYear: number }>
  /** Rewards and development are decided by the PPK or the unit head. */
  | Readonly<{ _tag: 'NotAuthorised'; allowed: ReadonlyArray<Role>; actor: Nip; role: Role }>
  /** A decision number is used once in the official's year. */
  | Readonly<{ _tag: 'DecisionAlreadyRecorded'; decision: string }>
  | Readonly<{ _tag: 'NoReasonsGiven' }>
  /** Every decision rests on at least one evaluation. */
  | Readonly<{ _tag: 'NoEvaluationLinked' }>
  | Readonly<{ _tag: 'EvaluationOfAnotherEmployee'; evaluation: EvaluationId; employee: Nip }>
  | Readonly<{ _tag: 'EvaluationOutsideYear'; evaluation: EvaluationId; year: number }>
  /** Only a final evaluation (after its objection window or objection) is a basis. */
  | Readonly<{ _tag: 'EvaluationNotFinal'; evaluation: EvaluationId }>
  /** [policy] The predikat is below the tenant's minimum for this kind of decision. */
  | Readonly<{ _tag: 'PredikatBelowMinimum'; evaluation: EvaluationId; predikat: Predikat | null; minimum: Predikat }>
  /** One incentive per evaluation. */
  | Readonly<{ _tag: 'IncentiveAlreadyGranted'; evaluation: EvaluationId; decision: string }>
  | Readonly<{ _tag: 'IncentiveNotPositive' }>
  | Readonly<{ _tag: 'IncentivePercentTooHigh'; percent: number; max: number }>
  /** One talent-pool priority per official and year. */
  | Readonly<{ _tag: 'AlreadyPrioritised'; decision: string }>
  | Readonly<{ _tag: 'NoTrainingTopic' }>
  /** Training on a BerAKHLAK value needs it below expectation in a linked evaluation's rating or feedback. */
  | Readonly<{ _tag: 'ValueNotBelowExpectation'; value: CoreValue }>;

export type RewardErrorTag = RewardError['_tag'];

/** One English sentence per refusal, for logs and for clients that show the error as it is. */
export const describeRewardError = (error: RewardError): string => {
  switch (error._tag) {
    case 'WrongRewardYear':
      return `the command is for ${error.givenEmployee} in ${error.givenYear} but was run against ${error.employee} in ${error.year}`;
    case 'NotAuthorised':
      return `only ${error.allowed.join(' or ')} may decide this; ${error.actor} acts as ${error.role}`;
    case 'DecisionAlreadyRecorded':
      return `decision ${error.decision} is already recorded for this official and year`;
    case 'NoReasonsGiven':
      return 'a decision is taken with at least one written reason';
    case 'NoEvaluationLinked':
      return 'a decision rests on at least one final evaluation';
    case 'EvaluationOfAnotherEmployee':
      return `evaluation ${error.evaluation} is not an evaluation of ${error.employee}`;
    case 'EvaluationOutsideYear':
      return `evaluation ${error.evaluation} is not of ${error.year}`;
    case 'EvaluationNotFinal':
      return `evaluation ${error.evaluation} is not final yet`;
    case 'PredikatBelowMinimum':
      return `evaluation ${error.evaluation} has predikat ${error.predikat ?? 'none'}; this decision needs at least ${error.minimum}`;
    case 'IncentiveAlreadyGranted':
      return `incentive ${error.decision} already rests on evaluation ${error.evaluation}`;
    case 'IncentiveNotPositive':
      return 'an incentive is more than 0';
    case 'IncentivePercentTooHigh':
      return `an incentive of ${error.percent}% is above this tenant's maximum of ${error.max}%`;
    case 'AlreadyPrioritised':
      return `the official is already prioritised for the talent pool this year (${error.decision})`;
    case 'NoTrainingTopic':
      return 'a training recommendation names at least one topic';
    case 'ValueNotBelowExpectation':
      return `no linked evaluation puts ${error.value} below expectation, in the rating or the feedback`;
  }
};
