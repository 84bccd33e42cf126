/**
 * What the complaint decides: the commands it accepts, one function per command, then `decide`, which runs the
 * guards every command shares before handing over, `complaintDecider`, and the timer `due`.
 *
 * Each function checks, in this order: who asks, whether the complaint is in a status that allows it, then what is
 * asked. The first rule broken is the answer; nothing is appended for a refused command.
 *
 * The engine fills in what the complaint cannot know: the complaint id and tracking code (derived from the
 * filing's command id), the tenant's SLA table and calendar for the filing, and the calendar for the resolution and
 * the reopening (their deadlines are counted then). The HTTP edge decodes the request codecs, which have none of
 * these fields (ADR 0001, point 3).
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { optional } from '../core/fields';
import { isPast, type TenantCalendar } from '../calendar';
import type { Actor, Command, CommandMetadata, Decider, Nip, Role, UnitId } from '../core';
import {
  ASSIGNING_ROLES,
  CLOSING_ARTICLES,
  CLOSING_ROLES,
  ESCALATION_ARTICLES,
  evolve,
  FILING_ARTICLES,
  FILING_ROLES,
  HANDLING_ROLES,
  initialState,
  isTerminal,
  MERGE_ARTICLES,
  slaTableName,
  SPAM_ARTICLES,
  TRIAGE_ROLES,
  wasEscalated,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintContact,
  type ComplaintDeadlineKind,
  type ComplaintEvent,
  type ComplaintFacts,
  type ComplaintPersonalDataField,
  type ComplaintRef,
  type ComplaintState,
  type OpenComplaint,
} from './complaint';
import type { ComplaintError } from './errors';
import type { ComplaintId, TrackingCode } from './ids';
import { appliedSlaOf, slaDeadline } from './sla';

// ---------------------------------------------------------------------------------------------------------------
// Commands. Every command after the filing names its complaint (the engine loads the stream from it).
// ---------------------------------------------------------------------------------------------------------------

/** What the citizen (or an operator transcribing, or the national channel's feed) sends. */
export type FileComplaintRequest = Readonly<{
  channel: ComplaintChannel;
  category: ComplaintCategory;
  /** The service unit (OPD) the complaint is about. */
  unit: UnitId;
  subject: string;
  description: string;
  /** The employee the citizen names, if any. */
  namedEmployee?: Nip;
  /** Left out for an anonymous complaint. */
  contact?: ComplaintContact;
  externalRef?: string;
}>;

/** A citizen files a complaint (BR-23); the id, tracking code and facts are the engine's. */
export type FileComplaint = Command<
  'FileComplaint',
  FileComplaintRequest & Readonly<{ complaint: ComplaintId; trackingCode: TrackingCode; facts: ComplaintFacts }>
>;

/** The first response to the citizen (BR-23's first-response deadline). */
export type AcknowledgeComplaint = Command<'AcknowledgeComplaint', Readonly<{ complaint: ComplaintId; message?: string }>>;

/** Dispatch to an employee (or to another one). */
export type AssignComplaint = Command<'AssignComplaint', Readonly<{ complaint: ComplaintId; assignee: Nip; note?: string }>>;

/** The substantive answer to the citizen, once per cycle. */
export type RespondToComplaint = Command<'RespondToComplaint', Readonly<{ complaint: ComplaintId; response: string }>>;

export type ResolveComplaintRequest = Readonly<{ complaint: ComplaintId; resolution: string }>;
/** Resolved; `calendar` (the engine's) counts the reopen window. */
export type ResolveComplaint = Command<'ResolveComplaint', ResolveComplaintRequest & Readonly<{ calendar: TenantCalendar }>>;

export type ReopenComplaintRequest = Readonly<{ complaint: ComplaintId; trackingCode: TrackingCode; reason: string }>;
/** The citizen, with the tracking code, reopens a resolved complaint; `calendar` counts the new resolution deadline. */
export type ReopenComplaint = Command<'ReopenComplaint', ReopenComplaintRequest & Readonly<{ calendar: TenantCalendar }>>;

/** The system's timer (`due`), once a recorded deadline has passed. */
export type EscalateComplaint = Command<'EscalateComplaint', Readonly<{ complaint: ComplaintId; deadlineKind: ComplaintDeadlineKind }>>;

/** Closed with the citizen's satisfaction (1–5): by the citizen with the tracking code, or an operator on their behalf. */
export type CloseComplaint = Command<
  'CloseComplaint',
  Readonly<{ complaint: ComplaintId; satisfaction: number; comment?: string; trackingCode?: TrackingCode }>
>;

/** A duplicate of `into`, which carries on. */
export type MergeDuplicateComplaint = Command<
  'MergeDuplicateComplaint',
  Readonly<{ complaint: ComplaintId; into: ComplaintId; reason?: string }>
>;

/** Spam, rejected by an operator with a reason. */
export type RejectComplaintAsSpam = Command<'RejectComplaintAsSpam', Readonly<{ complaint: ComplaintId; reason: string }>>;

export type ComplaintCommand =
  | FileComplaint
  | AcknowledgeComplaint
  | AssignComplaint
  | RespondToComplaint
  | ResolveComplaint
  | ReopenComplaint
  | EscalateComplaint
  | CloseComplaint
  | MergeDuplicateComplaint
  | RejectComplaintAsSpam;

export type ComplaintCommandType = ComplaintCommand['type'];

// ---------------------------------------------------------------------------------------------------------------
// Small vocabulary for the decisions
// ---------------------------------------------------------------------------------------------------------------

type Decision = Either<ComplaintError, ReadonlyArray<ComplaintEvent>>;

const refuse = (error: ComplaintError): Decision => left(error);
const accept = (...events: ReadonlyArray<ComplaintEvent>): Decision => right(events);

const blank = (s: string): boolean => s.trim().length === 0;


const roleRefusal = (command: string, actor: Actor, allowed: ReadonlyArray<Role>): ComplaintError | undefined =>
  allowed.includes(actor.role) ? undefined : { _tag: 'RoleNotAllowed', command, role: actor.role, allowed };

/** What every event after the filing names; `assignee` is the assignee after the event. */
const refOf = (state: OpenComplaint, changes: Partial<Pick<ComplaintRef, 'assignee' | 'cycle'>> = {}): ComplaintRef => ({
  complaint: state.complaint,
  unit: state.unit,
  slaClass: state.slaClass,
  namedEmployee: state.namedEmployee,
  assignee: changes.assignee === undefined ? state.assignee : changes.assignee,
  cycle: changes.cycle ?? state.cycle,
});

/**
 * Who handles the complaint when `actor` acts on it: the assignee, else the actor. Operators and the unit head may
 * act on anyone's behalf; an employee only on a complaint assigned to them or to nobody.
 */
const handlerFor = (command: string, actor: Actor, state: OpenComplaint): Either<ComplaintError, Nip> => {
  const role = roleRefusal(command, actor, HANDLING_ROLES);
  if (role !== undefined) return left(role);
  if (actor.role === 'pegawai' && state.assignee !== null && state.assignee !== actor.nip)
    return left({ _tag: 'NotTheAssignee', assignee: state.assignee, actor: actor.nip });
  return right(state.assignee ?? actor.nip);
};

// ---------------------------------------------------------------------------------------------------------------
// One function per command
// ---------------------------------------------------------------------------------------------------------------

const fileComplaint = ({ data, metadata }: FileComplaint, state: ComplaintState): Decision => {
  if (state.status !== 'empty') return refuse({ _tag: 'ComplaintAlreadyFiled', complaint: state.complaint, filedAt: state.filedAt });
  const { actor, now } = metadata;
  const role = roleRefusal('FileComplaint', actor, FILING_ROLES);
  if (role !== undefined) return refuse(role);
  if (blank(data.subject)) return refuse({ _tag: 'BlankText', field: 'subject' });
  if (blank(data.description)) return refuse({ _tag: 'BlankText', field: 'description' });
  if (data.contact !== undefined && data.contact.phone === undefined && data.contact.email === undefined)
    return refuse({ _tag: 'NoWayToReachCitizen' });
  // BR-23: the class and periods come from the tenant's table; the deadlines are counted once, now, and recorded.
  const sla = appliedSlaOf(data.facts.sla, data.channel, data.category);
  if (isLeft(sla)) return refuse(sla.left);
  const responseDeadline = slaDeadline(now, sla.right.firstResponse, data.facts.calendar);
  if (isLeft(responseDeadline)) return refuse(responseDeadline.left);
  const resolutionDeadline = slaDeadline(now, sla.right.resolution, data.facts.calendar);
  if (isLeft(resolutionDeadline)) return refuse(resolutionDeadline.left);
  const personalData: ReadonlyArray<ComplaintPersonalDataField> = data.contact === undefined ? ['trackingCode'] : ['contact', 'trackingCode'];
  return accept({
    type: 'ComplaintFiled',
    data: {
      complaint: data.complaint,
      unit: data.unit,
      slaClass: sla.right.slaClass,
      namedEmployee: data.namedEmployee ?? null,
      assignee: null,
      cycle: 1,
      trackingCode: data.trackingCode,
      channel: data.channel,
      category: data.category,
      ...optional('externalRef', data.externalRef),
      subject: data.subject,
      description: data.description,
      ...optional(
        'contact',
        data.contact === undefined
          ? undefined
          : { ...optional('name', data.contact.name), ...optional('phone', data.contact.phone), ...optional('email', data.contact.email) },
      ),
      personalData,
      sla: sla.right,
      responseDeadline: responseDeadline.right,
      resolutionDeadline: resolutionDeadline.right,
      articles: [...FILING_ARTICLES],
      filedBy: actor.nip,
      filedAs: actor.role,
      at: now,
    },
  });
};

const acknowledgeComplaint = ({ data, metadata }: AcknowledgeComplaint, state: OpenComplaint): Decision => {
  const { actor, now } = metadata;
  const handler = handlerFor('AcknowledgeComplaint', actor, state);
  if (isLeft(handler)) return refuse(handler.left);
  if (state.acknowledgement !== null) return refuse({ _tag: 'AlreadyAcknowledged', acknowledgedAt: state.acknowledgement.at });
  return accept({
    type: 'ComplaintAcknowledged',
    data: {
      ...refOf(state),
      handler: handler.right,
      by: actor.nip,
      byRole: actor.role,
      receivedAt: state.filedAt,
      deadline: state.responseDeadline,
      // BR-23: the first response is in time up to and including the deadline's last instant.
      withinSla: !isPast(state.responseDeadline, now),
      ...optional('message', data.message),
      at: now,
    },
  });
};

const assignComplaint = ({ data, metadata }: AssignComplaint, state: OpenComplaint): Decision => {
  const { actor, now } = metadata;
  const role = roleRefusal('AssignComplaint', actor, ASSIGNING_ROLES);
  if (role !== undefined) return refuse(role);
  if (state.status === 'resolved' && state.resolution !== null) return refuse({ _tag: 'AlreadyResolved', resolvedAt: state.resolution.at });
  if (state.assignee === data.assignee) return refuse({ _tag: 'AlreadyAssigned', assignee: data.assignee });
  return accept({
    type: 'ComplaintAssigned',
    data: {
      ...refOf(state, { assignee: data.assignee }),
      previousAssignee: state.assignee,
      ...optional('note', data.note),
      assignedBy: actor.nip,
      assignedAs: actor.role,
      at: now,
    },
  });
};

const respondToComplaint = ({ data, metadata }: RespondToComplaint, state: OpenComplaint): Decision => {
  const { actor, now } = metadata;
  const handler = handlerFor('RespondToComplaint', actor, state);
  if (isLeft(handler)) return refuse(handler.left);
  if (state.status === 'filed') return refuse({ _tag: 'NotAcknowledged' });
  if (state.resolution !== null) return refuse({ _tag: 'AlreadyResolved', resolvedAt: state.resolution.at });
  if (state.response !== null) return refuse({ _tag: 'AlreadyResponded', cycle: state.cycle, respondedAt: state.response.at });
  if (blank(data.response)) return refuse({ _tag: 'BlankText', field: 'response' });
  return accept({
    type: 'ComplaintResponded',
    data: {
      ...refOf(state),
      handler: handler.right,
      by: actor.nip,
      byRole: actor.role,
      receivedAt: state.cycleStartedAt,
      deadline: state.resolutionDeadline,
      withinSla: !isPast(state.resolutionDeadline, now),
      response: data.response,
      at: now,
    },
  });
};

const resolveComplaint = ({ data, metadata }: ResolveComplaint, state: OpenComplaint): Decision => {
  const { actor, now } = metadata;
  const handler = handlerFor('ResolveComplaint', actor, state);
  if (isLeft(handler)) return refuse(handler.left);
  if (state.resolution !== null) return refuse({ _tag: 'AlreadyResolved', resolvedAt: state.resolution.at });
  if (state.status !== 'responded') return refuse({ _tag: 'NotResponded', status: state.status });
  if (blank(data.resolution)) return refuse({ _tag: 'BlankText', field: 'resolution' });
  const reopenDeadline = slaDeadline(now, state.sla.reopenWithin, data.calendar);
  if (isLeft(reopenDeadline)) return refuse(reopenDeadline.left);
  return accept({
    type: 'ComplaintResolved',
    data: {
      ...refOf(state),
      handler: handler.right,
      by: actor.nip,
      byRole: actor.role,
      receivedAt: state.cycleStartedAt,
      deadline: state.resolutionDeadline,
      withinSla: !isPast(state.resolutionDeadline, now),
      resolution: data.resolution,
      reopenDeadline: reopenDeadline.right,
      at: now,
    },
  });
};

const reopenComplaint = ({ data, metadata }: ReopenComplaint, state: OpenComplaint): Decision => {
  const { actor, now } = metadata;
  const role = roleRefusal('ReopenComplaint', actor, CLOSING_ROLES);
  if (role !== undefined) return refuse(role);
  if (data.trackingCode !== state.trackingCode) return refuse({ _tag: 'WrongTrackingCode', complaint: state.complaint });
  if (state.status !== 'resolved' || state.resolution === null || state.reopenDeadline === null)
    return refuse({ _tag: 'NotResolved', status: state.status });
  if (isPast(state.reopenDeadline, now)) return refuse({ _tag: 'ReopenWindowClosed', deadline: state.reopenDeadline.endsAt });
  if (blank(data.reason)) return refuse({ _tag: 'BlankText', field: 'reason' });
  // BR-23: a reopened complaint is a new cycle with the same class, counted from the reopening.
  const resolutionDeadline = slaDeadline(now, state.sla.resolution, data.calendar);
  if (isLeft(resolutionDeadline)) return refuse(resolutionDeadline.left);
  return accept({
    type: 'ComplaintReopened',
    data: {
      ...refOf(state, { cycle: state.cycle + 1 }),
      reason: data.reason,
      previousHandler: state.resolution.handler,
      resolvedAt: state.resolution.at,
      resolutionDeadline: resolutionDeadline.right,
      reopenedBy: actor.nip,
      reopenedAs: actor.role,
      at: now,
    },
  });
};

const escalateComplaint = ({ data, metadata }: EscalateComplaint, state: OpenComplaint): Decision => {
  const { actor, now } = metadata;
  if (actor.role !== 'sistem') return refuse({ _tag: 'NotSystem', actor: actor.nip, role: actor.role });
  const kind = data.deadlineKind;
  if (kind === 'first-response' && state.acknowledgement !== null)
    return refuse({ _tag: 'AlreadyAcknowledged', acknowledgedAt: state.acknowledgement.at });
  if (kind === 'resolution' && state.resolution !== null) return refuse({ _tag: 'AlreadyResolved', resolvedAt: state.resolution.at });
  const earlier = state.escalations.find((e) => e.deadlineKind === kind && e.cycle === state.cycle);
  if (earlier !== undefined) return refuse({ _tag: 'AlreadyEscalated', deadlineKind: kind, cycle: state.cycle, escalatedAt: earlier.at });
  const deadline = kind === 'first-response' ? state.responseDeadline : state.resolutionDeadline;
  if (!isPast(deadline, now)) return refuse({ _tag: 'DeadlineNotPassed', deadlineKind: kind, deadline: deadline.endsAt });
  return accept({
    type: 'ComplaintEscalated',
    data: {
      ...refOf(state),
      deadlineKind: kind,
      deadline,
      // BR-23: to whom the tenant's table says (Surabaya: the mayor).
      to: state.sla.escalateTo,
      slaTable: slaTableName(state.sla),
      escalatedBy: actor.nip,
      authority: 'sistem',
      articles: [...ESCALATION_ARTICLES],
      at: now,
    },
  });
};

const closeComplaint = ({ data, metadata }: CloseComplaint, state: OpenComplaint): Decision => {
  const { actor, now } = metadata;
  const role = roleRefusal('CloseComplaint', actor, CLOSING_ROLES);
  if (role !== undefined) return refuse(role);
  // The citizen proves it is their complaint with the code; an operator recording their rating need not, but a code
  // given must be right.
  if ((actor.role === 'masyarakat' || data.trackingCode !== undefined) && data.trackingCode !== state.trackingCode)
    return refuse({ _tag: 'WrongTrackingCode', complaint: state.complaint });
  if (state.status !== 'resolved' || state.resolution === null) return refuse({ _tag: 'NotResolved', status: state.status });
  if (!Number.isInteger(data.satisfaction) || data.satisfaction < 1 || data.satisfaction > 5)
    return refuse({ _tag: 'SatisfactionOutOfRange', satisfaction: data.satisfaction });
  return accept({
    type: 'ComplaintClosed',
    data: {
      ...refOf(state),
      handler: state.resolution.handler,
      resolvedAt: state.resolution.at,
      satisfaction: data.satisfaction,
      ...optional('comment', data.comment),
      closedBy: actor.nip,
      closedAs: actor.role,
      articles: [...CLOSING_ARTICLES],
      at: now,
    },
  });
};

const mergeDuplicateComplaint = ({ data, metadata }: MergeDuplicateComplaint, state: OpenComplaint): Decision => {
  const { actor, now } = metadata;
  const role = roleRefusal('MergeDuplicateComplaint', actor, TRIAGE_ROLES);
  if (role !== undefined) return refuse(role);
  if (state.resolution !== null) return refuse({ _tag: 'AlreadyResolved', resolvedAt: state.resolution.at });
  if (data.into === state.complaint) return refuse({ _tag: 'MergeIntoItself', complaint: state.complaint });
  return accept({
    type: 'ComplaintMergedAsDuplicate',
    data: {
      ...refOf(state),
      into: data.into,
      ...optional('reason', data.reason),
      mergedBy: actor.nip,
      articles: [...MERGE_ARTICLES],
      at: now,
    },
  });
};

const rejectComplaintAsSpam = ({ data, metadata }: RejectComplaintAsSpam, state: OpenComplaint): Decision => {
  const { actor, now } = metadata;
  const role = roleRefusal('RejectComplaintAsSpam', actor, TRIAGE_ROLES);
  if (role !== undefined) return refuse(role);
  if (state.status !== 'filed' && state.status !== 'acknowledged') return refuse({ _tag: 'TooLateForSpam', status: state.status });
  if (blank(data.reason)) return refuse({ _tag: 'BlankText', field: 'reason' });
  return accept({
    type: 'ComplaintRejectedAsSpam',
    data: { ...refOf(state), reason: data.reason, rejectedBy: actor.nip, articles: [...SPAM_ARTICLES], at: now },
  });
};

// ---------------------------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------------------------

export const decide = (command: ComplaintCommand, state: ComplaintState): Decision => {
  // Guards every command shares, first to last: FileComplaint answers for itself; nothing happens before filing; a
  // finished complaint refuses everything; a command for another complaint was routed to the wrong stream.
  if (command.type === 'FileComplaint') return fileComplaint(command, state);
  if (state.status === 'empty') return refuse({ _tag: 'ComplaintNotFiled', complaint: command.data.complaint });
  if (isTerminal(state))
    return refuse({ _tag: 'ComplaintFinished', complaint: state.complaint, status: state.status, finishedAt: state.closedAt });
  if (command.data.complaint !== state.complaint)
    return refuse({ _tag: 'WrongComplaint', complaint: state.complaint, given: command.data.complaint });

  switch (command.type) {
    case 'AcknowledgeComplaint':
      return acknowledgeComplaint(command, state);
    case 'AssignComplaint':
      return assignComplaint(command, state);
    case 'RespondToComplaint':
      return respondToComplaint(command, state);
    case 'ResolveComplaint':
      return resolveComplaint(command, state);
    case 'ReopenComplaint':
      return reopenComplaint(command, state);
    case 'EscalateComplaint':
      return escalateComplaint(command, state);
    case 'CloseComplaint':
      return closeComplaint(command, state);
    case 'MergeDuplicateComplaint':
      return mergeDuplicateComplaint(command, state);
    case 'RejectComplaintAsSpam':
      return rejectComplaintAsSpam(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
};

export const complaintDecider: Decider<ComplaintState, ComplaintCommand, ComplaintEvent, ComplaintError> = {
  decide,
  evolve,
  initialState,
  isTerminal,
};

// ---------------------------------------------------------------------------------------------------------------
// Timer
// ---------------------------------------------------------------------------------------------------------------

/**
 * The escalations due at `now`, to be sent as `actor` (role `sistem`), in deadline order (BR-23): the first
 * response, when the complaint is still unacknowledged after its first-response deadline (Surabaya: 48 hours → the
 * mayor); the resolution, when the current cycle is unresolved after its resolution deadline. Each once per cycle.
 * Nothing for a complaint not filed, resolved or finished.
 */
export const due = (now: Date, state: ComplaintState, actor: Actor): ReadonlyArray<EscalateComplaint> => {
  if (state.status === 'empty' || isTerminal(state) || state.status === 'resolved') return [];
  const metadata: CommandMetadata = { now, actor };
  const escalate = (deadlineKind: ComplaintDeadlineKind): EscalateComplaint => ({
    type: 'EscalateComplaint',
    data: { complaint: state.complaint, deadlineKind },
    metadata,
  });
  const commands: EscalateComplaint[] = [];
  if (state.acknowledgement === null && isPast(state.responseDeadline, now) && !wasEscalated(state, 'first-response', state.cycle))
    commands.push(escalate('first-response'));
  if (isPast(state.resolutionDeadline, now) && !wasEscalated(state, 'resolution', state.cycle)) commands.push(escalate('resolution'));
  return commands;
};

/**
 * The end of the earliest recorded deadline not yet escalated, if any: an escalation is due from the millisecond
 * after it (a deadline is met up to and including its end). For a timer that schedules rather than polls.
 */
export const nextDeadline = (state: ComplaintState): Date | undefined => {
  if (state.status === 'empty' || isTerminal(state) || state.status === 'resolved') return undefined;
  const pending: Date[] = [];
  if (state.acknowledgement === null && !wasEscalated(state, 'first-response', state.cycle)) pending.push(state.responseDeadline.endsAt);
  if (!wasEscalated(state, 'resolution', state.cycle)) pending.push(state.resolutionDeadline.endsAt);
  return pending.length === 0 ? undefined : new Date(Math.min(...pending.map((d) => d.getTime())));
};
