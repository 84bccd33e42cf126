/**
 * Why the complaint refuses a command: one tagged, plain, readonly value per rule, carrying what a person needs to
 * correct the request. The calendar's `CalendarNotCovering` and the SLA table's `SlaClassMissing` are passed on
 * unchanged.
 */
import type { CalendarNotCovering } from '../calendar';
import type { Nip, Role } from '../core';
import type { ComplaintDeadlineKind, ComplaintStatus, FinishedComplaint, OpenStatus } from './complaint';
import type { ComplaintId } from './ids';
import type { SlaClassMissing } from './sla';

export type ComplaintError =
  // --- which complaint --------------------------------------------------------------------------------------------
  /** Any command but FileComplaint on a complaint that was never filed. */
  | Readonly<{ _tag: 'ComplaintNotFiled'; complaint: ComplaintId }>
  /** A second filing on the same stream (a different command id that derived the same id: practically never). */
  | Readonly<{ _tag: 'ComplaintAlreadyFiled'; complaint: ComplaintId; filedAt: Date }>
  /** Closed, merged or rejected as spam: every command is refused with this. */
  | Readonly<{ _tag: 'ComplaintFinished'; complaint: ComplaintId; status: FinishedComplaint['status']; finishedAt: Date }>
  /** The command names another complaint than the stream it was run against (a routing mistake). */
  | Readonly<{ _tag: 'WrongComplaint'; complaint: ComplaintId; given: ComplaintId }>

  // --- who may ----------------------------------------------------------------------------------------------------
  /** The actor's role may not send this command; `allowed` names the roles that may. */
  | Readonly<{ _tag: 'RoleNotAllowed'; command: string; role: Role; allowed: ReadonlyArray<Role> }>
  /** An employee (pegawai) handles only complaints assigned to them (or not assigned to anyone). */
  | Readonly<{ _tag: 'NotTheAssignee'; assignee: Nip; actor: Nip }>
  /** Escalation is the system's timer's. */
  | Readonly<{ _tag: 'NotSystem'; actor: Nip; role: Role }>
  /** Reopening and rating by the citizen need the complaint's tracking code. */
  | Readonly<{ _tag: 'WrongTrackingCode'; complaint: ComplaintId }>

  // --- filing (BR-23) ---------------------------------------------------------------------------------------------
  /** Contact details were given without a phone number or an e-mail address to reach the citizen by. */
  | Readonly<{ _tag: 'NoWayToReachCitizen' }>
  | SlaClassMissing
  | CalendarNotCovering

  // --- handling ---------------------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'AlreadyAcknowledged'; acknowledgedAt: Date }>
  /** The complaint is answered once it has had its first response (AcknowledgeComplaint). */
  | Readonly<{ _tag: 'NotAcknowledged' }>
  | Readonly<{ _tag: 'AlreadyResponded'; cycle: number; respondedAt: Date }>
  /** Resolving needs a response in this cycle first. */
  | Readonly<{ _tag: 'NotResponded'; status: OpenStatus }>
  | Readonly<{ _tag: 'AlreadyResolved'; resolvedAt: Date }>
  /** Reopening and closing are for a resolved complaint. */
  | Readonly<{ _tag: 'NotResolved'; status: Exclude<ComplaintStatus, 'empty'> }>
  | Readonly<{ _tag: 'AlreadyAssigned'; assignee: Nip }>
  | Readonly<{ _tag: 'ReopenWindowClosed'; deadline: Date }>
  /** A reason (reopening, spam rejection) or a text (response, resolution) must not be blank. */
  | Readonly<{ _tag: 'BlankText'; field: string }>
  /** BR-23: satisfaction is rated 1 to 5. */
  | Readonly<{ _tag: 'SatisfactionOutOfRange'; satisfaction: number }>
  /** Spam is rejected before the complaint is answered; after that it is handled to the end. */
  | Readonly<{ _tag: 'TooLateForSpam'; status: OpenStatus }>
  | Readonly<{ _tag: 'MergeIntoItself'; complaint: ComplaintId }>

  // --- escalation (BR-23) -----------------------------------------------------------------------------------------
  | Readonly<{ _tag: 'DeadlineNotPassed'; deadlineKind: ComplaintDeadlineKind; deadline: Date }>
  | Readonly<{ _tag: 'AlreadyEscalated'; deadlineKind: ComplaintDeadlineKind; cycle: number; escalatedAt: Date }>;

export type ComplaintErrorTag = ComplaintError['_tag'];

/** The error with tag `Tag`, e.g. `ComplaintErrorOf<'WrongTrackingCode'>`. */
export type ComplaintErrorOf<Tag extends ComplaintErrorTag> = Extract<ComplaintError, Readonly<{ _tag: Tag }>>;

const iso = (d: Date): string => d.toISOString();

/** One English sentence per refusal, for logs and for clients that show the error as it is. */
export const describeComplaintError = (error: ComplaintError): string => {
  switch (error._tag) {
    case 'ComplaintNotFiled':
      return `no complaint ${error.complaint} has been filed`;
    case 'ComplaintAlreadyFiled':
      return `complaint ${error.complaint} was already filed at ${iso(error.filedAt)}`;
    case 'ComplaintFinished':
      return `complaint ${error.complaint} was ${error.status} at ${iso(error.finishedAt)} and accepts no more changes`;
    case 'WrongComplaint':
      return `the command is for complaint ${error.given} but was run against complaint ${error.complaint}`;
    case 'RoleNotAllowed':
      return `${error.command} may be sent by ${error.allowed.join(', ')}, not by ${error.role}`;
    case 'NotTheAssignee':
      return `the complaint is assigned to ${error.assignee}; ${error.actor} may not handle it`;
    case 'NotSystem':
      return `this is done by the system's timer; ${error.actor} acts as ${error.role}`;
    case 'WrongTrackingCode':
      return `the tracking code does not match complaint ${error.complaint}`;
    case 'NoWayToReachCitizen':
      return 'contact details need a phone number or an e-mail address (or leave them out to file anonymously)';
    case 'SlaClassMissing':
      return `SLA table ${error.table} maps category ${error.category} to class ${error.slaClass}, which its ${error.schedule} schedule does not have (BR-23)`;
    case 'CalendarNotCovering':
      return `the tenant's calendar ${error.calendar} does not cover ${error.date}: the SLA deadline cannot be counted (BR-23)`;
    case 'AlreadyAcknowledged':
      return `the complaint already had its first response at ${iso(error.acknowledgedAt)}`;
    case 'NotAcknowledged':
      return 'the complaint has not had its first response (acknowledge it first)';
    case 'AlreadyResponded':
      return `the complaint was already answered in cycle ${error.cycle} at ${iso(error.respondedAt)}`;
    case 'NotResponded':
      return `the complaint is ${error.status}: it is answered before it is resolved`;
    case 'AlreadyResolved':
      return `the complaint was resolved at ${iso(error.resolvedAt)}`;
    case 'NotResolved':
      return `the complaint is ${error.status}: only a resolved complaint can be reopened or closed`;
    case 'AlreadyAssigned':
      return `the complaint is already assigned to ${error.assignee}`;
    case 'ReopenWindowClosed':
      return `the complaint could be reopened until ${iso(error.deadline)}`;
    case 'BlankText':
      return `${error.field} must not be blank`;
    case 'SatisfactionOutOfRange':
      return `satisfaction is rated 1 to 5, got ${error.satisfaction}`;
    case 'TooLateForSpam':
      return `the complaint is ${error.status}: only a complaint not yet answered can be rejected as spam`;
    case 'MergeIntoItself':
      return `complaint ${error.complaint} cannot be merged into itself`;
    case 'DeadlineNotPassed':
      return `the ${error.deadlineKind} deadline ends at ${iso(error.deadline)}; it has not passed (BR-23)`;
    case 'AlreadyEscalated':
      return `the ${error.deadlineKind} deadline of cycle ${error.cycle} was already escalated at ${iso(error.escalatedAt)}`;
  }
};
