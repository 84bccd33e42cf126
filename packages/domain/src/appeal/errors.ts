/**
 * Why an appeal refuses a command: one tagged, plain, readonly value per rule, carrying what a person needs to
 * correct the request. A holiday calendar that does not cover a deadline is passed on unchanged
 * (`CalendarNotCovering`): no deadline is guessed.
 */
import type { CalendarNotCovering } from '../calendar';
import type { Nip, Role } from '../core';
import type { AppealKind, AppealOutcome, AppealSanctionLevel, ReviewedSanction } from './appeal';

export type AppealError =
  // --- which appeal -----------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'AppealNotFiled'; kind: AppealKind; caseId: string }>
  | Readonly<{ _tag: 'AppealAlreadyFiled'; kind: AppealKind; caseId: string }>
  /** After the decision, every command is refused with this (BR-20: binding; BR-21: decided or deemed granted). */
  | Readonly<{ _tag: 'AppealDecided'; kind: AppealKind; caseId: string; decidedAt: Date }>
  /** The command names another case or kind than the stream it was run against (a routing mistake). */
  | Readonly<{ _tag: 'WrongAppeal'; kind: AppealKind; caseId: string; givenKind: AppealKind; givenCaseId: string }>
  /** The engine looked up the decision of another case than the one the request names. */
  | Readonly<{ _tag: 'DecisionOfAnotherCase'; caseId: string; decisionCaseId: string }>

  // --- filing -----------------------------------------------------------------------------------------------------
  /** Only the sanctioned employee files. */
  | Readonly<{ _tag: 'NotTheSanctionedEmployee'; employee: Nip; actor: Nip }>
  /** BR-21: a dismissal is appealed to BPASN (banding), not objected to. */
  | Readonly<{ _tag: 'DismissalGoesToBanding'; caseId: string; sanctionType: string }>
  /** BR-20: only a dismissal goes to BPASN; any other decision is objected to (keberatan). */
  | Readonly<{ _tag: 'BandingOnlyAgainstDismissal'; caseId: string; sanctionType: string }>
  /** BR-21 [policy]: the tenant does not allow objections to *ringan* sanctions. */
  | Readonly<{ _tag: 'RinganNotObjectable'; caseId: string; sanctionType: string }>
  /** The decision has not reached the employee yet at the time of filing. */
  | Readonly<{ _tag: 'DecisionNotYetDelivered'; deliveredAt: Date }>
  /** BR-20, BR-21: 14 working days from receipt; day 14 accepted, day 15 refused. */
  | Readonly<{ _tag: 'FilingWindowClosed'; deadline: Date }>
  | Readonly<{ _tag: 'NoReasonsGiven' }>
  | CalendarNotCovering

  // --- who may ----------------------------------------------------------------------------------------------------
  /** keberatan: decided by the PPK (BR-21); banding: the PPK responds, BPASN decides (BR-20). */
  | Readonly<{ _tag: 'NotAuthorised'; required: Role; actor: Nip; role: Role }>
  /** Timers' commands (deemed granted, overdue response) come from the system. */
  | Readonly<{ _tag: 'NotSystem'; actor: Nip; role: Role }>

  // --- the PPK's response (banding) -------------------------------------------------------------------------------
  | Readonly<{ _tag: 'PpkResponseAlreadyRecorded'; respondedAt: Date }>
  | Readonly<{ _tag: 'PpkResponseNotOverdue'; deadline: Date }>
  | Readonly<{ _tag: 'PpkResponseOverdueAlreadyNoted'; notedAt: Date }>
  /** BPASN decides once the PPK has responded or the 21 working days for it have passed (BR-20). */
  | Readonly<{ _tag: 'AwaitingPpkResponse'; deadline: Date }>

  // --- deciding ---------------------------------------------------------------------------------------------------
  /** BR-21 [policy on]: past the PPK's 21 working days the objection is deemed granted; no late decision. */
  | Readonly<{ _tag: 'DecisionPeriodOver'; deadline: Date }>
  | Readonly<{ _tag: 'NewSanctionRequired'; outcome: AppealOutcome }>
  | Readonly<{ _tag: 'NewSanctionNotAllowed'; outcome: AppealOutcome }>
  /** memperingan: the new sanction is of the same or a lower level. */
  | Readonly<{ _tag: 'SanctionNotLighter'; previous: AppealSanctionLevel; given: AppealSanctionLevel }>
  /** memperberat: the new sanction is of the same or a higher level. */
  | Readonly<{ _tag: 'SanctionNotHeavier'; previous: AppealSanctionLevel; given: AppealSanctionLevel }>
  /** memperingan, memperberat, mengubah: the new sanction differs from the one under review. */
  | Readonly<{ _tag: 'SanctionUnchanged'; sanction: ReviewedSanction }>

  // --- deemed granted (keberatan) ---------------------------------------------------------------------------------
  | Readonly<{ _tag: 'DeemedGrantedDisabled' }>
  | Readonly<{ _tag: 'DecisionPeriodNotOver'; deadline: Date }>;

export type AppealErrorTag = AppealError['_tag'];

/** The error with tag `Tag`, e.g. `AppealErrorOf<'FilingWindowClosed'>`. */
export type AppealErrorOf<Tag extends AppealErrorTag> = Extract<AppealError, Readonly<{ _tag: Tag }>>;

const iso = (d: Date): string => d.toISOString();
const sanction = (s: ReviewedSanction): string => `${s.type} (${s.level}${s.months === undefined ? '' : `, ${s.months} months`})`;

/** One English sentence per refusal, for logs and for clients that show the error as it is. */
export const describeAppealError = (error: AppealError): string => {
  switch (error._tag) {
    case 'AppealNotFiled':
      return `no ${error.kind} has been filed against the decision of case ${error.caseId}`;
    case 'AppealAlreadyFiled':
      return `a ${error.kind} against the decision of case ${error.caseId} has already been filed`;
    case 'AppealDecided':
      return `the ${error.kind} against the decision of case ${error.caseId} was decided at ${iso(error.decidedAt)}; it accepts nothing more`;
    case 'WrongAppeal':
      return `the command is for the ${error.givenKind} of case ${error.givenCaseId} but was run against the ${error.kind} of case ${error.caseId}`;
    case 'DecisionOfAnotherCase':
      return `the request names case ${error.caseId} but the decision looked up is of case ${error.decisionCaseId}`;
    case 'NotTheSanctionedEmployee':
      return `only the sanctioned employee ${error.employee} may file; ${error.actor} may not`;
    case 'DismissalGoesToBanding':
      return `the decision of case ${error.caseId} (${error.sanctionType}) is a dismissal: appeal to BPASN (banding), not by keberatan`;
    case 'BandingOnlyAgainstDismissal':
      return `the decision of case ${error.caseId} (${error.sanctionType}) is not a dismissal: file a keberatan, not a banding`;
    case 'RinganNotObjectable':
      return `this tenant does not allow objections to ringan sanctions (case ${error.caseId}, ${error.sanctionType})`;
    case 'DecisionNotYetDelivered':
      return `the decision is delivered at ${iso(error.deliveredAt)}; it cannot be contested before`;
    case 'FilingWindowClosed':
      return `the 14 working days to file ended at ${iso(error.deadline)}`;
    case 'NoReasonsGiven':
      return 'a keberatan or banding is filed with at least one written reason';
    case 'CalendarNotCovering':
      return `the holiday calendar ${error.calendar} does not cover ${error.date}, so the deadline cannot be counted`;
    case 'NotAuthorised':
      return `only the ${error.required} may do this; ${error.actor} acts as ${error.role}`;
    case 'NotSystem':
      return `only the system does this; ${error.actor} acts as ${error.role}`;
    case 'PpkResponseAlreadyRecorded':
      return `the PPK's response was recorded at ${iso(error.respondedAt)}`;
    case 'PpkResponseNotOverdue':
      return `the PPK has until ${iso(error.deadline)} to respond`;
    case 'PpkResponseOverdueAlreadyNoted':
      return `the PPK's overdue response was noted at ${iso(error.notedAt)}`;
    case 'AwaitingPpkResponse':
      return `BPASN decides once the PPK has responded or its time to respond has passed (${iso(error.deadline)})`;
    case 'DecisionPeriodOver':
      return `the PPK's 21 working days ended at ${iso(error.deadline)}: the objection is deemed granted`;
    case 'NewSanctionRequired':
      return `a decision to ${error.outcome} names the new sanction`;
    case 'NewSanctionNotAllowed':
      return `a decision to ${error.outcome} names no new sanction`;
    case 'SanctionNotLighter':
      return `memperingan sets a sanction of the same or a lower level than ${error.previous}, not ${error.given}`;
    case 'SanctionNotHeavier':
      return `memperberat sets a sanction of the same or a higher level than ${error.previous}, not ${error.given}`;
    case 'SanctionUnchanged':
      return `the new sanction ${sanction(error.sanction)} is the one under review; to keep it, decide memperkuat`;
    case 'DeemedGrantedDisabled':
      return "this tenant's policy does not deem undecided objections granted";
    case 'DecisionPeriodNotOver':
      return `the PPK has until ${iso(error.deadline)} to decide`;
  }
};
