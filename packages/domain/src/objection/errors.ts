/**
 * Why the objection refuses a command: one tagged, plain, readonly value per rule, carrying what a person needs to
 * correct the request. The calendar's `CalendarNotCovering` and the rule book's `WrongRegime` are passed on
 * unchanged.
 */
import type { CalendarNotCovering } from '../calendar';
import type { EvaluationId, Nip, Role } from '../core';
import type { EvaluationStatus } from '../evaluation/evaluation';
import type { RuleBookRef } from '../rulebook/rule-book';
import type { ObjectionParty, ObjectionStatus } from './objection';

export type ObjectionError =
  // --- which objection --------------------------------------------------------------------------------------------
  /** Any command but FileObjection on an evaluation that has no objection. */
  | Readonly<{ _tag: 'ObjectionNotFiled'; evaluation: EvaluationId }>
  /** BR-11: one objection per evaluation; a second is refused, also after the first was decided or withdrawn. */
  | Readonly<{ _tag: 'ObjectionAlreadyFiled'; objection: string; filedAt: Date }>
  /** BR-11: after a decision (or a withdrawal) every command is refused with this. */
  | Readonly<{ _tag: 'ObjectionClosed'; objection: string; status: Exclude<ObjectionStatus, 'empty' | 'filed'>; closedAt: Date }>
  /** The command names another evaluation or objection than the stream it was run against (a routing mistake). */
  | Readonly<{ _tag: 'WrongEvaluation'; evaluation: EvaluationId; given: EvaluationId }>
  | Readonly<{ _tag: 'WrongObjection'; objection: string; given: string }>

  // --- who may ----------------------------------------------------------------------------------------------------
  /** BR-10: filing and withdrawing are the evaluated employee's. */
  | Readonly<{ _tag: 'NotTheEmployee'; employee: Nip; actor: Nip }>
  /** BR-10, BR-11: only the Atasan Pejabat Penilai named on the plan decides. */
  | Readonly<{ _tag: 'NotTheAddressee'; addressee: Nip; actor: Nip }>
  /** BR-11: explanations come from the appraiser and the employee, nobody else. */
  | Readonly<{ _tag: 'NotAParty'; employee: Nip; appraiser: Nip; actor: Nip }>
  /** Escalation is the system's timer's. */
  | Readonly<{ _tag: 'NotSystem'; actor: Nip; role: Role }>

  // --- filing (BR-10) ---------------------------------------------------------------------------------------------
  /** Only a delivered evaluation (window open, no objection noted) can be objected to. */
  | Readonly<{ _tag: 'EvaluationNotDelivered'; status: EvaluationStatus }>
  /** BR-10: day 14 after delivery is in time up to 23:59:59.999 local time; day 15 is late. */
  | Readonly<{ _tag: 'ObjectionWindowClosed'; deadline: Date }>
  /** An objection is filed, and decided, with written reasons. */
  | Readonly<{ _tag: 'NoReasons' }>
  | CalendarNotCovering

  // --- explanations and decision (BR-11) --------------------------------------------------------------------------
  | Readonly<{ _tag: 'ExplanationAlreadyRecorded'; party: ObjectionParty; recordedAt: Date }>
  /** BR-11: both sides are heard before the decision; `missing` names who has not explained yet. */
  | Readonly<{ _tag: 'ExplanationsMissing'; missing: ReadonlyArray<ObjectionParty> }>
  /** New ratings are given in the regime of the rule book recorded on the evaluation (rated or numeric). */
  | Readonly<{ _tag: 'WrongRegime'; ruleBook: RuleBookRef; expected: 'rated' | 'numeric'; given: 'rated' | 'numeric' }>
  | Readonly<{ _tag: 'UnknownRuleBook'; ruleBook: RuleBookRef }>

  // --- escalation -------------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'DecisionNotOverdue'; deadline: Date }>
  | Readonly<{ _tag: 'AlreadyEscalated'; escalatedAt: Date }>;

export type ObjectionErrorTag = ObjectionError['_tag'];

/** The error with tag `Tag`, e.g. `ObjectionErrorOf<'ExplanationsMissing'>`. */
export type ObjectionErrorOf<Tag extends ObjectionErrorTag> = Extract<ObjectionError, Readonly<{ _tag: Tag }>>;

const iso = (d: Date): string => d.toISOString();

const PARTY_NAMES: Readonly<Record<ObjectionParty, string>> = {
  appraiser: 'the appraiser (Pejabat Penilai Kinerja)',
  employee: 'the employee',
};

/** One English sentence per refusal, for logs and for clients that show the error as it is. */
export const describeObjectionError = (error: ObjectionError): string => {
  switch (error._tag) {
    case 'ObjectionNotFiled':
      return `no objection has been filed against evaluation ${error.evaluation}`;
    case 'ObjectionAlreadyFiled':
      return `objection ${error.objection} was already filed at ${iso(error.filedAt)}; one objection per evaluation (BR-11)`;
    case 'ObjectionClosed':
      return `objection ${error.objection} was ${error.status} at ${iso(error.closedAt)} and accepts no more changes (BR-11)`;
    case 'WrongEvaluation':
      return `the command is for evaluation ${error.given} but was run against the objection to evaluation ${error.evaluation}`;
    case 'WrongObjection':
      return `the objection on this evaluation is ${error.objection}, not ${error.given}`;
    case 'NotTheEmployee':
      return `only the evaluated employee ${error.employee} may do this; ${error.actor} may not`;
    case 'NotTheAddressee':
      return `only the Atasan Pejabat Penilai ${error.addressee} named on the plan decides this objection; ${error.actor} may not`;
    case 'NotAParty':
      return `explanations come from the appraiser ${error.appraiser} or the employee ${error.employee}; ${error.actor} is neither`;
    case 'NotSystem':
      return `this is done by the system's timer; ${error.actor} acts as ${error.role}`;
    case 'EvaluationNotDelivered':
      return `the evaluation is ${error.status}: only a delivered evaluation can be objected to`;
    case 'ObjectionWindowClosed':
      return `the objection window closed at ${iso(error.deadline)} (BR-10)`;
    case 'NoReasons':
      return 'an objection is filed, and decided, with at least one written reason';
    case 'CalendarNotCovering':
      return `the tenant's calendar ${error.calendar} does not cover ${error.date}: the decision deadline cannot be counted`;
    case 'ExplanationAlreadyRecorded':
      return `${PARTY_NAMES[error.party]} already explained at ${iso(error.recordedAt)}`;
    case 'ExplanationsMissing':
      return `both sides are heard before a decision (BR-11); still missing: ${error.missing.map((p) => PARTY_NAMES[p]).join(' and ')}`;
    case 'WrongRegime':
      return `the evaluation's rule book ${error.ruleBook.id} v${error.ruleBook.version} takes a ${error.expected} rating, not a ${error.given} one`;
    case 'UnknownRuleBook':
      return `rule book ${error.ruleBook.id} v${error.ruleBook.version} is not known to this build`;
    case 'DecisionNotOverdue':
      return `the decision is due by ${iso(error.deadline)}; it is not overdue yet`;
    case 'AlreadyEscalated':
      return `the overdue decision was already escalated at ${iso(error.escalatedAt)}`;
  }
};
