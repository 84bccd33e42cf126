/**
 * io-ts codecs for the complaint's commands (input from outside: unknown fields are refused, naming each), its
 * events (stored facts: unknown fields are stripped) and its SLA table (tenant data). Dates are ISO-8601 on the wire.
 *
 * Codecs check shapes only (non-blank texts within limits, a phone number or e-mail address that looks like one,
 * satisfaction a whole number). Business rules (who may, which status, the tracking code, 1–5) are the decider's, so
 * a client gets the same tagged error whichever door it came through. The HTTP edge decodes the `…RequestCodec`s,
 * which have none of the engine's fields (complaint id and tracking code of a filing, SLA table, calendar).
 *
 * Each codec is annotated with the hand-written type it decodes to, so the compiler proves the two agree.
 */
import * as t from 'io-ts';
import { calendarShapes, TenantCalendarCodec } from '../calendar/codecs';
import { TimeZone } from '../calendar/local-time';
import {
  byKey,
  byType,
  commandCodec,
  eventCodec,
  Instant,
  literals,
  Nip,
  RoleCodec,
  strictObject,
  strippingObject,
  text,
  totalRecord,
  UnitId,
  wholeNumber,
  withJsonSchema,
  type ObjectCodec,
} from '../core';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_DEADLINES,
  COMPLAINT_PERSONAL_DATA,
  ESCALATION_TARGETS,
  SLA_SCHEDULES,
  SLA_UNITS,
  type AppliedSla,
  type ComplaintAcknowledged,
  type ComplaintAssigned,
  type ComplaintClosed,
  type ComplaintEscalated,
  type ComplaintEvent,
  type ComplaintFiled,
  type ComplaintMergedAsDuplicate,
  type ComplaintRejectedAsSpam,
  type ComplaintReopened,
  type ComplaintResolved,
  type ComplaintResponded,
  type ComplaintSlaTable,
  type SlaDeadline,
  type SlaPeriod,
} from './complaint';
import type {
  AcknowledgeComplaint,
  AssignComplaint,
  CloseComplaint,
  ComplaintCommand,
  EscalateComplaint,
  FileComplaint,
  FileComplaintRequest,
  MergeDuplicateComplaint,
  RejectComplaintAsSpam,
  ReopenComplaint,
  ReopenComplaintRequest,
  ResolveComplaint,
  ResolveComplaintRequest,
  RespondToComplaint,
} from './decide';
import { ComplaintId, TrackingCode } from './ids';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------------

/** Text limits, in characters. */
export const COMPLAINT_TEXT_LIMITS = {
  subject: 200,
  description: 8000,
  message: 4000,
  reason: 4000,
  comment: 4000,
  name: 200,
  externalRef: 500,
  slaClass: 100,
} as const;

/** A string that matches `pattern` (a shape check; the message says what was expected). */
const matching = (name: string, pattern: RegExp, expected: string) =>
  withJsonSchema(
    new t.Type<string, string, unknown>(
      name,
      (u): u is string => typeof u === 'string' && pattern.test(u),
      (u, c) => (typeof u === 'string' && pattern.test(u) ? t.success(u) : t.failure(u, c, `${name} must be ${expected}, got ${JSON.stringify(u)}`)),
      (a) => a,
    ),
    { type: 'string', description: expected, pattern: pattern.source },
  );

/** A phone number as a citizen writes it: an optional +, then 6 to 20 digits, spaces, dashes or brackets. */
export const PhoneNumber = matching('PhoneNumber', /^\+?[0-9][0-9 ()-]{5,19}$/, 'a phone number such as +62 812-3456-7890');
/** An e-mail address in its plain form (local@domain.tld), at most 254 characters. */
export const EmailAddress = matching('EmailAddress', /^(?=.{3,254}$)[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an e-mail address such as warga@example.id');

export const ComplaintChannelCodec = literals('ComplaintChannel', COMPLAINT_CHANNELS);
export const ComplaintCategoryCodec = literals('ComplaintCategory', COMPLAINT_CATEGORIES);
export const SlaUnitCodec = literals('SlaUnit', SLA_UNITS);
export const SlaScheduleNameCodec = literals('SlaSchedule', SLA_SCHEDULES);
export const EscalationTargetCodec = literals('EscalationTarget', ESCALATION_TARGETS);
export const ComplaintDeadlineKindCodec = literals('ComplaintDeadlineKind', COMPLAINT_DEADLINES);
const PersonalDataFieldCodec = literals('ComplaintPersonalDataField', COMPLAINT_PERSONAL_DATA);

/** Satisfaction, 1 to 5 (BR-23); the decider refuses another value too, for embedders that skip the codecs. */
const Satisfaction = wholeNumber('Satisfaction', 1, 5);
const articles = t.readonlyArray(text(200));
const slaClass = text(COMPLAINT_TEXT_LIMITS.slaClass);
const Cycle = wholeNumber('Cycle', 1);
/** An SLA period's amount: 1 to 8784 (a leap year of hours). */
const Amount = wholeNumber('Amount', 1, 8784);

/**
 * The nested shapes, built once for commands (strict) and once for events (stripping) from one description, so
 * the two never drift apart.
 */
const shapes = (object: ObjectCodec) => {
  const period: t.Type<SlaPeriod, unknown, unknown> = object('SlaPeriod', { amount: Amount, unit: SlaUnitCodec });
  const schedule = object('SlaSchedule', {
    firstResponse: period,
    classes: t.readonlyArray(object('SlaClass', { id: slaClass, name: text(200), resolution: period })),
    categories: totalRecord(object, 'SlaCategories', COMPLAINT_CATEGORIES, slaClass),
    escalateTo: EscalationTargetCodec,
  });
  const table: t.Type<ComplaintSlaTable, unknown, unknown> = object('ComplaintSlaTable', {
    id: text(100),
    version: wholeNumber('Version', 1),
    national: schedule,
    regional: schedule,
    reopenWithin: period,
  });
  const applied: t.Type<AppliedSla, unknown, unknown> = object('AppliedSla', {
    table: text(100),
    version: wholeNumber('Version', 1),
    schedule: SlaScheduleNameCodec,
    slaClass,
    firstResponse: period,
    resolution: period,
    reopenWithin: period,
    escalateTo: EscalationTargetCodec,
  });
  const { calendar, deadline: dayDeadline } = calendarShapes(object);
  const hourDeadline = object('HourDeadline', { endsAt: Instant, hours: Amount, kind: t.literal('hours'), timeZone: TimeZone });
  const deadline: t.Type<SlaDeadline, unknown, unknown> = byKey('SlaDeadline', 'kind', {
    calendar: dayDeadline,
    working: dayDeadline,
    hours: hourDeadline,
  });
  const contact = object(
    'ComplaintContact',
    {},
    { name: text(COMPLAINT_TEXT_LIMITS.name), phone: PhoneNumber, email: EmailAddress },
  );
  const facts = object('ComplaintFacts', { calendar, sla: table });
  return { period, table, applied, deadline, contact, facts };
};

const wire = shapes(strictObject);
const stored = shapes(strippingObject);

/** A complaint SLA table supplied as tenant data (e.g. from a settings file). */
export const ComplaintSlaTableCodec: t.Type<ComplaintSlaTable, unknown, unknown> = wire.table;

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

const filingRequired = {
  channel: ComplaintChannelCodec,
  category: ComplaintCategoryCodec,
  unit: UnitId,
  subject: text(COMPLAINT_TEXT_LIMITS.subject),
  description: text(COMPLAINT_TEXT_LIMITS.description),
};
const filingOptional = (contact: typeof wire.contact) => ({
  namedEmployee: Nip,
  contact,
  externalRef: text(COMPLAINT_TEXT_LIMITS.externalRef),
});
const named = { complaint: ComplaintId };
const reason = text(COMPLAINT_TEXT_LIMITS.reason);

/** The FileComplaint body a client sends: no complaint id, tracking code or facts (the engine's). */
export const FileComplaintRequestCodec: t.Type<FileComplaintRequest, unknown, unknown> = strictObject(
  'FileComplaintRequest',
  filingRequired,
  filingOptional(wire.contact),
);
export const FileComplaintCodec: t.Type<FileComplaint, unknown, unknown> = commandCodec(
  'FileComplaint',
  strictObject(
    'FileComplaint.data',
    { ...filingRequired, complaint: ComplaintId, trackingCode: TrackingCode, facts: wire.facts },
    filingOptional(wire.contact),
  ),
);

export const AcknowledgeComplaintRequestCodec: t.Type<AcknowledgeComplaint['data'], unknown, unknown> = strictObject(
  'AcknowledgeComplaint.data',
  named,
  { message: text(COMPLAINT_TEXT_LIMITS.message) },
);
export const AcknowledgeComplaintCodec: t.Type<AcknowledgeComplaint, unknown, unknown> = commandCodec(
  'AcknowledgeComplaint',
  AcknowledgeComplaintRequestCodec,
);

export const AssignComplaintRequestCodec: t.Type<AssignComplaint['data'], unknown, unknown> = strictObject(
  'AssignComplaint.data',
  { ...named, assignee: Nip },
  { note: text(COMPLAINT_TEXT_LIMITS.message) },
);
export const AssignComplaintCodec: t.Type<AssignComplaint, unknown, unknown> = commandCodec('AssignComplaint', AssignComplaintRequestCodec);

export const RespondToComplaintRequestCodec: t.Type<RespondToComplaint['data'], unknown, unknown> = strictObject(
  'RespondToComplaint.data',
  { ...named, response: text(COMPLAINT_TEXT_LIMITS.message) },
);
export const RespondToComplaintCodec: t.Type<RespondToComplaint, unknown, unknown> = commandCodec(
  'RespondToComplaint',
  RespondToComplaintRequestCodec,
);

const resolving = { ...named, resolution: text(COMPLAINT_TEXT_LIMITS.message) };
/** The ResolveComplaint body a client sends: no calendar (the engine's). */
export const ResolveComplaintRequestCodec: t.Type<ResolveComplaintRequest, unknown, unknown> = strictObject(
  'ResolveComplaintRequest',
  resolving,
);
export const ResolveComplaintCodec: t.Type<ResolveComplaint, unknown, unknown> = commandCodec(
  'ResolveComplaint',
  strictObject('ResolveComplaint.data', { ...resolving, calendar: TenantCalendarCodec }),
);

const reopening = { ...named, trackingCode: TrackingCode, reason };
/** The ReopenComplaint body the citizen sends: no calendar (the engine's). */
export const ReopenComplaintRequestCodec: t.Type<ReopenComplaintRequest, unknown, unknown> = strictObject(
  'ReopenComplaintRequest',
  reopening,
);
export const ReopenComplaintCodec: t.Type<ReopenComplaint, unknown, unknown> = commandCodec(
  'ReopenComplaint',
  strictObject('ReopenComplaint.data', { ...reopening, calendar: TenantCalendarCodec }),
);

export const EscalateComplaintRequestCodec: t.Type<EscalateComplaint['data'], unknown, unknown> = strictObject(
  'EscalateComplaint.data',
  { ...named, deadlineKind: ComplaintDeadlineKindCodec },
);
export const EscalateComplaintCodec: t.Type<EscalateComplaint, unknown, unknown> = commandCodec(
  'EscalateComplaint',
  EscalateComplaintRequestCodec,
);

export const CloseComplaintRequestCodec: t.Type<CloseComplaint['data'], unknown, unknown> = strictObject(
  'CloseComplaint.data',
  { ...named, satisfaction: Satisfaction },
  { comment: text(COMPLAINT_TEXT_LIMITS.comment), trackingCode: TrackingCode },
);
export const CloseComplaintCodec: t.Type<CloseComplaint, unknown, unknown> = commandCodec('CloseComplaint', CloseComplaintRequestCodec);

export const MergeDuplicateComplaintRequestCodec: t.Type<MergeDuplicateComplaint['data'], unknown, unknown> = strictObject(
  'MergeDuplicateComplaint.data',
  { ...named, into: ComplaintId },
  { reason },
);
export const MergeDuplicateComplaintCodec: t.Type<MergeDuplicateComplaint, unknown, unknown> = commandCodec(
  'MergeDuplicateComplaint',
  MergeDuplicateComplaintRequestCodec,
);

export const RejectComplaintAsSpamRequestCodec: t.Type<RejectComplaintAsSpam['data'], unknown, unknown> = strictObject(
  'RejectComplaintAsSpam.data',
  { ...named, reason },
);
export const RejectComplaintAsSpamCodec: t.Type<RejectComplaintAsSpam, unknown, unknown> = commandCodec(
  'RejectComplaintAsSpam',
  RejectComplaintAsSpamRequestCodec,
);

type CommandCodecs = { readonly [K in ComplaintCommand['type']]: t.Type<Extract<ComplaintCommand, { type: K }>, unknown, unknown> };

/** One codec per command type; the mapped type makes a missing command a compile error. */
export const complaintCommandCodecs: CommandCodecs = {
  FileComplaint: FileComplaintCodec,
  AcknowledgeComplaint: AcknowledgeComplaintCodec,
  AssignComplaint: AssignComplaintCodec,
  RespondToComplaint: RespondToComplaintCodec,
  ResolveComplaint: ResolveComplaintCodec,
  ReopenComplaint: ReopenComplaintCodec,
  EscalateComplaint: EscalateComplaintCodec,
  CloseComplaint: CloseComplaintCodec,
  MergeDuplicateComplaint: MergeDuplicateComplaintCodec,
  RejectComplaintAsSpam: RejectComplaintAsSpamCodec,
};

export const ComplaintCommandCodec: t.Type<ComplaintCommand, unknown, unknown> = byType('ComplaintCommand', complaintCommandCodecs);

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

const ref = {
  complaint: ComplaintId,
  unit: UnitId,
  slaClass,
  namedEmployee: t.union([Nip, t.null]),
  assignee: t.union([Nip, t.null]),
  cycle: Cycle,
};

const handling = {
  ...ref,
  handler: Nip,
  by: Nip,
  byRole: RoleCodec,
  receivedAt: Instant,
  deadline: stored.deadline,
  withinSla: t.boolean,
  at: Instant,
};

export const ComplaintFiledCodec: t.Type<ComplaintFiled, unknown, unknown> = eventCodec(
  'ComplaintFiled',
  strippingObject(
    'ComplaintFiled.data',
    {
      ...ref,
      trackingCode: TrackingCode,
      channel: ComplaintChannelCodec,
      category: ComplaintCategoryCodec,
      subject: text(COMPLAINT_TEXT_LIMITS.subject),
      description: text(COMPLAINT_TEXT_LIMITS.description),
      personalData: t.readonlyArray(PersonalDataFieldCodec),
      sla: stored.applied,
      responseDeadline: stored.deadline,
      resolutionDeadline: stored.deadline,
      articles,
      filedBy: Nip,
      filedAs: RoleCodec,
      at: Instant,
    },
    { externalRef: text(COMPLAINT_TEXT_LIMITS.externalRef), contact: stored.contact },
  ),
);
export const ComplaintAcknowledgedCodec: t.Type<ComplaintAcknowledged, unknown, unknown> = eventCodec(
  'ComplaintAcknowledged',
  strippingObject('ComplaintAcknowledged.data', handling, { message: text(COMPLAINT_TEXT_LIMITS.message) }),
);
export const ComplaintAssignedCodec: t.Type<ComplaintAssigned, unknown, unknown> = eventCodec(
  'ComplaintAssigned',
  strippingObject(
    'ComplaintAssigned.data',
    { ...ref, previousAssignee: t.union([Nip, t.null]), assignedBy: Nip, assignedAs: RoleCodec, at: Instant },
    { note: text(COMPLAINT_TEXT_LIMITS.message) },
  ),
);
export const ComplaintRespondedCodec: t.Type<ComplaintResponded, unknown, unknown> = eventCodec(
  'ComplaintResponded',
  strippingObject('ComplaintResponded.data', { ...handling, response: text(COMPLAINT_TEXT_LIMITS.message) }),
);
export const ComplaintResolvedCodec: t.Type<ComplaintResolved, unknown, unknown> = eventCodec(
  'ComplaintResolved',
  strippingObject('ComplaintResolved.data', {
    ...handling,
    resolution: text(COMPLAINT_TEXT_LIMITS.message),
    reopenDeadline: stored.deadline,
  }),
);
export const ComplaintReopenedCodec: t.Type<ComplaintReopened, unknown, unknown> = eventCodec(
  'ComplaintReopened',
  strippingObject('ComplaintReopened.data', {
    ...ref,
    reason,
    previousHandler: Nip,
    resolvedAt: Instant,
    resolutionDeadline: stored.deadline,
    reopenedBy: Nip,
    reopenedAs: RoleCodec,
    at: Instant,
  }),
);
export const ComplaintEscalatedCodec: t.Type<ComplaintEscalated, unknown, unknown> = eventCodec(
  'ComplaintEscalated',
  strippingObject('ComplaintEscalated.data', {
    ...ref,
    deadlineKind: ComplaintDeadlineKindCodec,
    deadline: stored.deadline,
    to: EscalationTargetCodec,
    slaTable: text(120),
    escalatedBy: Nip,
    authority: t.literal('sistem'),
    articles,
    at: Instant,
  }),
);
export const ComplaintClosedCodec: t.Type<ComplaintClosed, unknown, unknown> = eventCodec(
  'ComplaintClosed',
  strippingObject(
    'ComplaintClosed.data',
    {
      ...ref,
      handler: Nip,
      resolvedAt: Instant,
      satisfaction: Satisfaction,
      closedBy: Nip,
      closedAs: RoleCodec,
      articles,
      at: Instant,
    },
    { comment: text(COMPLAINT_TEXT_LIMITS.comment) },
  ),
);
export const ComplaintMergedAsDuplicateCodec: t.Type<ComplaintMergedAsDuplicate, unknown, unknown> = eventCodec(
  'ComplaintMergedAsDuplicate',
  strippingObject(
    'ComplaintMergedAsDuplicate.data',
    { ...ref, into: ComplaintId, mergedBy: Nip, articles, at: Instant },
    { reason },
  ),
);
export const ComplaintRejectedAsSpamCodec: t.Type<ComplaintRejectedAsSpam, unknown, unknown> = eventCodec(
  'ComplaintRejectedAsSpam',
  strippingObject('ComplaintRejectedAsSpam.data', { ...ref, reason, rejectedBy: Nip, articles, at: Instant }),
);

type EventCodecs = { readonly [K in ComplaintEvent['type']]: t.Type<Extract<ComplaintEvent, { type: K }>, unknown, unknown> };

/** One codec per event type; the mapped type makes a missing event a compile error. */
export const complaintEventCodecs: EventCodecs = {
  ComplaintFiled: ComplaintFiledCodec,
  ComplaintAcknowledged: ComplaintAcknowledgedCodec,
  ComplaintAssigned: ComplaintAssignedCodec,
  ComplaintResponded: ComplaintRespondedCodec,
  ComplaintResolved: ComplaintResolvedCodec,
  ComplaintReopened: ComplaintReopenedCodec,
  ComplaintEscalated: ComplaintEscalatedCodec,
  ComplaintClosed: ComplaintClosedCodec,
  ComplaintMergedAsDuplicate: ComplaintMergedAsDuplicateCodec,
  ComplaintRejectedAsSpam: ComplaintRejectedAsSpamCodec,
};

export const ComplaintEventCodec: t.Type<ComplaintEvent, unknown, unknown> = byType('ComplaintEvent', complaintEventCodecs);
