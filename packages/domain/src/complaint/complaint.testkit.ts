/**
 * Test support for the public complaint: fixtures (a complaint about Dinas Perhubungan in Surabaya, filed Monday
 * 6 October 2025 at 10:00 WIB), builders that make commands and the events they should cause with the same
 * defaults, ready-made histories, a runner, and fast-check arbitraries.
 *
 * Every deadline here is worked out by hand (not by the code under test).
 */
import * as fc from 'fast-check';
import { optional } from '../core/fields';
import { HOLIDAY_KINDS, INDONESIA_2025_2027, TimeZone, type RecordedDeadline, type TenantCalendar } from '../calendar';
import { Nip, ROLES, UnitId, type CommandMetadata, type Role } from '../core';
import { nipArb as arbNip } from '../core/core.testkit';
import { arbInstant, arbLocalDate, arbText, arbUnit, valid } from '../plan/plan.testkit';
import { runCommands } from '../testing/decider.testkit';
import {
  CITIZEN_ACTOR,
  CITIZEN_NIP,
  CLOSING_ARTICLES,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_DEADLINES,
  COMPLAINT_PERSONAL_DATA,
  ESCALATION_ARTICLES,
  ESCALATION_TARGETS,
  FILING_ARTICLES,
  MERGE_ARTICLES,
  SLA_SCHEDULES,
  SLA_UNITS,
  SPAM_ARTICLES,
  type AppliedSla,
  type ComplaintAcknowledged,
  type ComplaintAssigned,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintClosed,
  type ComplaintContact,
  type ComplaintDeadlineKind,
  type ComplaintEscalated,
  type ComplaintEvent,
  type ComplaintFacts,
  type ComplaintFiled,
  type ComplaintMergedAsDuplicate,
  type ComplaintRef,
  type ComplaintRejectedAsSpam,
  type ComplaintReopened,
  type ComplaintResolved,
  type ComplaintResponded,
  type ComplaintSlaTable,
  type ComplaintState,
  type SlaDeadline,
  type SlaPeriod,
  type SlaSchedule,
} from './complaint';
import {
  complaintDecider,
  type AcknowledgeComplaint,
  type AssignComplaint,
  type CloseComplaint,
  type ComplaintCommand,
  type EscalateComplaint,
  type FileComplaint,
  type MergeDuplicateComplaint,
  type RejectComplaintAsSpam,
  type ReopenComplaint,
  type ResolveComplaint,
  type RespondToComplaint,
} from './decide';
import { complaintIdentityOf, ComplaintId, TrackingCode } from './ids';
import { COMPLAINT_SLA_DEFAULTS, SURABAYA_COMPLAINT_SLA } from './sla';

export { CITIZEN_ACTOR, CITIZEN_NIP, valid };

// ---------------------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------------------

export const JAKARTA = valid(TimeZone, 'Asia/Jakarta');
export const MAKASSAR = valid(TimeZone, 'Asia/Makassar');
export const SURABAYA: TenantCalendar = { timeZone: JAKARTA, holidays: INDONESIA_2025_2027 };
export const SAMARINDA: TenantCalendar = { timeZone: MAKASSAR, holidays: INDONESIA_2025_2027 };

export const COMPLAINT = valid(ComplaintId, 'adu-0a1b2c3d4e5f');
export const OTHER_COMPLAINT = valid(ComplaintId, 'adu-ffeeddccbbaa');
export const TRACKING = valid(TrackingCode, '7K3M-Q9XD-2HRT');
export const WRONG_TRACKING = valid(TrackingCode, '7K3M-Q9XD-2HRV');
export const UNIT = valid(UnitId, 'dinas-perhubungan');

/** An operator of the complaint desk, the unit head, two field officers, the employee the citizen names, the timer. */
export const OPERATOR = valid(Nip, '198202022006041002');
export const UNIT_HEAD = valid(Nip, '197505052000031004');
export const OFFICER = valid(Nip, '199203142019031008');
export const OFFICER_2 = valid(Nip, '199510202022032011');
export const NAMED = valid(Nip, '199707072020121003');
export const SYSTEM = valid(Nip, '198001012005011001');

export type As = Readonly<{ by?: Nip; role?: Role; now?: Date }>;

const ROLE_OF = new Map<Nip, Role>([
  [CITIZEN_NIP, 'masyarakat'],
  [OPERATOR, 'operator'],
  [UNIT_HEAD, 'pimpinan-unit'],
  [OFFICER, 'pegawai'],
  [OFFICER_2, 'pegawai'],
  [NAMED, 'pegawai'],
  [SYSTEM, 'sistem'],
]);

/** Monday 6 October 2025, 10:00 WIB (no holiday in October 2025). */
export const FILED_AT = new Date('2025-10-06T10:00:00+07:00');
/** Surabaya: 48 hours, to the minute: Wednesday 8 October, 10:00 WIB. */
export const RESPONSE_DEADLINE: SlaDeadline = { endsAt: new Date('2025-10-08T10:00:00+07:00'), hours: 48, kind: 'hours', timeZone: JAKARTA };
/** `pengaduan` is `normatif` in the regional schedule: 5 working days after Monday 6 Oct (7, 8, 9, 10, 13) = Monday 13 Oct. */
export const RESOLUTION_DEADLINE: RecordedDeadline = {
  endsAt: new Date('2025-10-13T23:59:59.999+07:00'),
  days: 5,
  kind: 'working',
  calendar: INDONESIA_2025_2027.id,
  timeZone: JAKARTA,
};
export const ACKNOWLEDGED_AT = new Date('2025-10-07T09:00:00+07:00');
export const ASSIGNED_AT = new Date('2025-10-07T10:00:00+07:00');
export const RESPONDED_AT = new Date('2025-10-09T14:00:00+07:00');
/** Friday 10 October 2025, 15:00 WIB. */
export const RESOLVED_AT = new Date('2025-10-10T15:00:00+07:00');
/** 14 calendar days after Friday 10 Oct: Friday 24 Oct, 23:59:59.999 WIB. */
export const REOPEN_DEADLINE: RecordedDeadline = {
  endsAt: new Date('2025-10-24T23:59:59.999+07:00'),
  days: 14,
  kind: 'calendar',
  calendar: INDONESIA_2025_2027.id,
  timeZone: JAKARTA,
};
/** Tuesday 14 October 2025, 08:00 WIB. */
export const REOPENED_AT = new Date('2025-10-14T08:00:00+07:00');
/** 5 working days after Tuesday 14 Oct (15, 16, 17, 20, 21): Tuesday 21 Oct, 23:59:59.999 WIB. */
export const REOPENED_RESOLUTION_DEADLINE: RecordedDeadline = { ...RESOLUTION_DEADLINE, endsAt: new Date('2025-10-21T23:59:59.999+07:00') };
export const CLOSED_AT = new Date('2025-10-12T09:00:00+07:00');
/** One minute after the 48 hours. */
export const RESPONSE_OVERDUE_AT = new Date('2025-10-08T10:01:00+07:00');
/** The first instant after the resolution deadline: Tuesday 14 October, 00:00 WIB. */
export const RESOLUTION_OVERDUE_AT = new Date('2025-10-14T00:00:00+07:00');

export const SUBJECT = 'Petugas parkir meminta tarif di atas ketentuan';
export const DESCRIPTION = 'Di Jalan Tunjungan petugas meminta Rp10.000 untuk parkir motor, tanpa karcis.';
export const CONTACT: ComplaintContact = { name: 'Siti Rahayu', phone: '+62 812-3456-7890' };
export const FACTS: ComplaintFacts = { calendar: SURABAYA, sla: SURABAYA_COMPLAINT_SLA };
/** The SLA Surabaya applies to a `pengaduan` from its app. */
export const SURABAYA_APPLIED: AppliedSla = {
  table: 'complaint-sla.surabaya',
  version: 1,
  schedule: 'regional',
  slaClass: 'normatif',
  firstResponse: { amount: 48, unit: 'hours' },
  resolution: { amount: 5, unit: 'working-days' },
  reopenWithin: { amount: 14, unit: 'calendar-days' },
  escalateTo: 'walikota',
};

// ---------------------------------------------------------------------------------------------------------------
// Builders: a command and the event it should cause share their defaults, so a spec only states what matters.
// ---------------------------------------------------------------------------------------------------------------

const metadata = (defaultActor: Nip, defaultNow: Date, as: As): CommandMetadata => {
  const nip = as.by ?? defaultActor;
  return { now: as.now ?? defaultNow, actor: { nip, role: as.role ?? ROLE_OF.get(nip) ?? 'pegawai' } };
};
const actorOf = (defaultActor: Nip, as: As): Nip => as.by ?? defaultActor;
const roleOf = (defaultActor: Nip, as: As): Role => as.role ?? ROLE_OF.get(actorOf(defaultActor, as)) ?? 'pegawai';

/** What every event after the filing names; by default the officer is assigned (after `histories.assigned`). */
type RefOptions = Readonly<{ assignee?: Nip | null | undefined; cycle?: number | undefined; namedEmployee?: Nip | null | undefined; slaClass?: string | undefined }>;
const refOf = (o: RefOptions, defaultAssignee: Nip | null = OFFICER): ComplaintRef => ({
  complaint: COMPLAINT,
  unit: UNIT,
  slaClass: o.slaClass ?? 'normatif',
  namedEmployee: o.namedEmployee === undefined ? NAMED : o.namedEmployee,
  assignee: o.assignee === undefined ? defaultAssignee : o.assignee,
  cycle: o.cycle ?? 1,
});

type FileOptions = Readonly<{
  channel?: ComplaintChannel;
  category?: ComplaintCategory;
  namedEmployee?: Nip | null;
  contact?: ComplaintContact | null;
  externalRef?: string;
  facts?: ComplaintFacts;
  subject?: string;
}>;
export const fileComplaint = (o: FileOptions & As = {}): FileComplaint => ({
  type: 'FileComplaint',
  data: {
    channel: o.channel ?? 'app',
    category: o.category ?? 'pengaduan',
    unit: UNIT,
    subject: o.subject ?? SUBJECT,
    description: DESCRIPTION,
    ...(o.namedEmployee === null ? {} : { namedEmployee: o.namedEmployee ?? NAMED }),
    ...(o.contact === null ? {} : { contact: o.contact ?? CONTACT }),
    ...optional('externalRef', o.externalRef),
    complaint: COMPLAINT,
    trackingCode: TRACKING,
    facts: o.facts ?? FACTS,
  },
  metadata: metadata(CITIZEN_NIP, FILED_AT, o),
});
/** The event FileComplaint causes; the deadlines and SLA must be given (worked out by hand) when the facts change. */
export const complaintFiled = (
  o: FileOptions &
    As &
    Readonly<{ sla?: AppliedSla; responseDeadline?: SlaDeadline; resolutionDeadline?: SlaDeadline }> = {},
): ComplaintFiled => {
  const sla = o.sla ?? SURABAYA_APPLIED;
  const contact = o.contact === null ? undefined : (o.contact ?? CONTACT);
  return {
    type: 'ComplaintFiled',
    data: {
      ...refOf({ namedEmployee: o.namedEmployee, slaClass: sla.slaClass }, null),
      trackingCode: TRACKING,
      channel: o.channel ?? 'app',
      category: o.category ?? 'pengaduan',
      ...optional('externalRef', o.externalRef),
      subject: o.subject ?? SUBJECT,
      description: DESCRIPTION,
      ...optional('contact', contact),
      personalData: contact === undefined ? ['trackingCode'] : ['contact', 'trackingCode'],
      sla,
      responseDeadline: o.responseDeadline ?? RESPONSE_DEADLINE,
      resolutionDeadline: o.resolutionDeadline ?? RESOLUTION_DEADLINE,
      articles: FILING_ARTICLES,
      filedBy: actorOf(CITIZEN_NIP, o),
      filedAs: roleOf(CITIZEN_NIP, o),
      at: o.now ?? FILED_AT,
    },
  };
};

type Named = Readonly<{ complaint?: ComplaintId }>;
type HandlingOptions = RefOptions &
  As &
  Readonly<{ handler?: Nip; receivedAt?: Date; deadline?: SlaDeadline; withinSla?: boolean }>;

export const acknowledgeComplaint = (o: Named & Readonly<{ message?: string }> & As = {}): AcknowledgeComplaint => ({
  type: 'AcknowledgeComplaint',
  data: { complaint: o.complaint ?? COMPLAINT, ...optional('message', o.message) },
  metadata: metadata(OPERATOR, ACKNOWLEDGED_AT, o),
});
/** By default the operator acknowledges before anyone is assigned: the operator is the handler. */
export const complaintAcknowledged = (o: HandlingOptions & Readonly<{ message?: string }> = {}): ComplaintAcknowledged => ({
  type: 'ComplaintAcknowledged',
  data: {
    ...refOf(o, null),
    handler: o.handler ?? (o.assignee ?? actorOf(OPERATOR, o)),
    by: actorOf(OPERATOR, o),
    byRole: roleOf(OPERATOR, o),
    receivedAt: o.receivedAt ?? FILED_AT,
    deadline: o.deadline ?? RESPONSE_DEADLINE,
    withinSla: o.withinSla ?? true,
    ...optional('message', o.message),
    at: o.now ?? ACKNOWLEDGED_AT,
  },
});

export const assignComplaint = (o: Named & Readonly<{ assignee?: Nip; note?: string }> & As = {}): AssignComplaint => ({
  type: 'AssignComplaint',
  data: { complaint: o.complaint ?? COMPLAINT, assignee: o.assignee ?? OFFICER, ...optional('note', o.note) },
  metadata: metadata(OPERATOR, ASSIGNED_AT, o),
});
export const complaintAssigned = (
  o: RefOptions & As & Readonly<{ previousAssignee?: Nip | null; note?: string }> = {},
): ComplaintAssigned => ({
  type: 'ComplaintAssigned',
  data: {
    ...refOf(o),
    previousAssignee: o.previousAssignee ?? null,
    ...optional('note', o.note),
    assignedBy: actorOf(OPERATOR, o),
    assignedAs: roleOf(OPERATOR, o),
    at: o.now ?? ASSIGNED_AT,
  },
});

export const RESPONSE = 'Petugas telah ditegur; tarif parkir resmi Rp2.000 dan karcis wajib diberikan.';
export const respondToComplaint = (o: Named & Readonly<{ response?: string }> & As = {}): RespondToComplaint => ({
  type: 'RespondToComplaint',
  data: { complaint: o.complaint ?? COMPLAINT, response: o.response ?? RESPONSE },
  metadata: metadata(OFFICER, RESPONDED_AT, o),
});
export const complaintResponded = (o: HandlingOptions & Readonly<{ response?: string }> = {}): ComplaintResponded => {
  const ref = refOf(o);
  return {
    type: 'ComplaintResponded',
    data: {
      ...ref,
      handler: o.handler ?? ref.assignee ?? actorOf(OFFICER, o),
      by: actorOf(OFFICER, o),
      byRole: roleOf(OFFICER, o),
      receivedAt: o.receivedAt ?? FILED_AT,
      deadline: o.deadline ?? RESOLUTION_DEADLINE,
      withinSla: o.withinSla ?? true,
      response: o.response ?? RESPONSE,
      at: o.now ?? RESPONDED_AT,
    },
  };
};

export const RESOLUTION = 'Juru parkir dibina dan lokasi diawasi selama dua minggu.';
export const resolveComplaint = (
  o: Named & Readonly<{ resolution?: string; calendar?: TenantCalendar }> & As = {},
): ResolveComplaint => ({
  type: 'ResolveComplaint',
  data: { complaint: o.complaint ?? COMPLAINT, resolution: o.resolution ?? RESOLUTION, calendar: o.calendar ?? SURABAYA },
  metadata: metadata(OFFICER, RESOLVED_AT, o),
});
export const complaintResolved = (
  o: HandlingOptions & Readonly<{ resolution?: string; reopenDeadline?: SlaDeadline }> = {},
): ComplaintResolved => {
  const ref = refOf(o);
  return {
    type: 'ComplaintResolved',
    data: {
      ...ref,
      handler: o.handler ?? ref.assignee ?? actorOf(OFFICER, o),
      by: actorOf(OFFICER, o),
      byRole: roleOf(OFFICER, o),
      receivedAt: o.receivedAt ?? FILED_AT,
      deadline: o.deadline ?? RESOLUTION_DEADLINE,
      withinSla: o.withinSla ?? true,
      resolution: o.resolution ?? RESOLUTION,
      reopenDeadline: o.reopenDeadline ?? REOPEN_DEADLINE,
      at: o.now ?? RESOLVED_AT,
    },
  };
};

export const REOPEN_REASON = 'Petugas yang sama masih meminta Rp10.000 pada 13 Oktober.';
export const reopenComplaint = (
  o: Named & Readonly<{ trackingCode?: TrackingCode; reason?: string; calendar?: TenantCalendar }> & As = {},
): ReopenComplaint => ({
  type: 'ReopenComplaint',
  data: {
    complaint: o.complaint ?? COMPLAINT,
    trackingCode: o.trackingCode ?? TRACKING,
    reason: o.reason ?? REOPEN_REASON,
    calendar: o.calendar ?? SURABAYA,
  },
  metadata: metadata(CITIZEN_NIP, REOPENED_AT, o),
});
export const complaintReopened = (
  o: RefOptions & As & Readonly<{ previousHandler?: Nip; resolvedAt?: Date; resolutionDeadline?: SlaDeadline; reason?: string }> = {},
): ComplaintReopened => ({
  type: 'ComplaintReopened',
  data: {
    ...refOf({ ...o, cycle: o.cycle ?? 2 }),
    reason: o.reason ?? REOPEN_REASON,
    previousHandler: o.previousHandler ?? OFFICER,
    resolvedAt: o.resolvedAt ?? RESOLVED_AT,
    resolutionDeadline: o.resolutionDeadline ?? REOPENED_RESOLUTION_DEADLINE,
    reopenedBy: actorOf(CITIZEN_NIP, o),
    reopenedAs: roleOf(CITIZEN_NIP, o),
    at: o.now ?? REOPENED_AT,
  },
});

const OVERDUE_AT: Readonly<Record<ComplaintDeadlineKind, Date>> = {
  'first-response': RESPONSE_OVERDUE_AT,
  resolution: RESOLUTION_OVERDUE_AT,
};
export const escalateComplaint = (deadlineKind: ComplaintDeadlineKind = 'first-response', o: Named & As = {}): EscalateComplaint => ({
  type: 'EscalateComplaint',
  data: { complaint: o.complaint ?? COMPLAINT, deadlineKind },
  metadata: metadata(SYSTEM, OVERDUE_AT[deadlineKind], o),
});
export const complaintEscalated = (
  deadlineKind: ComplaintDeadlineKind = 'first-response',
  o: RefOptions & As & Readonly<{ deadline?: SlaDeadline; to?: 'walikota' | 'pimpinan-unit'; slaTable?: string }> = {},
): ComplaintEscalated => ({
  type: 'ComplaintEscalated',
  data: {
    ...refOf(o, null),
    deadlineKind,
    deadline: o.deadline ?? (deadlineKind === 'first-response' ? RESPONSE_DEADLINE : RESOLUTION_DEADLINE),
    to: o.to ?? 'walikota',
    slaTable: o.slaTable ?? 'complaint-sla.surabaya@1',
    escalatedBy: actorOf(SYSTEM, o),
    authority: 'sistem',
    articles: ESCALATION_ARTICLES,
    at: o.now ?? OVERDUE_AT[deadlineKind],
  },
});

export const COMMENT = 'Ditangani cepat, terima kasih.';
export const closeComplaint = (
  o: Named & Readonly<{ satisfaction?: number; comment?: string | null; trackingCode?: TrackingCode | null }> & As = {},
): CloseComplaint => ({
  type: 'CloseComplaint',
  data: {
    complaint: o.complaint ?? COMPLAINT,
    satisfaction: o.satisfaction ?? 4,
    ...(o.comment === null ? {} : { comment: o.comment ?? COMMENT }),
    ...(o.trackingCode === null ? {} : { trackingCode: o.trackingCode ?? TRACKING }),
  },
  metadata: metadata(CITIZEN_NIP, CLOSED_AT, o),
});
export const complaintClosed = (
  o: RefOptions & As & Readonly<{ satisfaction?: number; comment?: string | null; handler?: Nip; resolvedAt?: Date }> = {},
): ComplaintClosed => ({
  type: 'ComplaintClosed',
  data: {
    ...refOf(o),
    handler: o.handler ?? OFFICER,
    resolvedAt: o.resolvedAt ?? RESOLVED_AT,
    satisfaction: o.satisfaction ?? 4,
    ...(o.comment === null ? {} : { comment: o.comment ?? COMMENT }),
    closedBy: actorOf(CITIZEN_NIP, o),
    closedAs: roleOf(CITIZEN_NIP, o),
    articles: CLOSING_ARTICLES,
    at: o.now ?? CLOSED_AT,
  },
});

export const DUPLICATE_REASON = 'Laporan yang sama dikirim lewat SMS dan aplikasi';
export const mergeDuplicateComplaint = (
  o: Named & Readonly<{ into?: ComplaintId; reason?: string }> & As = {},
): MergeDuplicateComplaint => ({
  type: 'MergeDuplicateComplaint',
  data: { complaint: o.complaint ?? COMPLAINT, into: o.into ?? OTHER_COMPLAINT, ...optional('reason', o.reason ?? DUPLICATE_REASON) },
  metadata: metadata(OPERATOR, ASSIGNED_AT, o),
});
export const complaintMergedAsDuplicate = (
  o: RefOptions & As & Readonly<{ into?: ComplaintId; reason?: string }> = {},
): ComplaintMergedAsDuplicate => ({
  type: 'ComplaintMergedAsDuplicate',
  data: {
    ...refOf(o, null),
    into: o.into ?? OTHER_COMPLAINT,
    reason: o.reason ?? DUPLICATE_REASON,
    mergedBy: actorOf(OPERATOR, o),
    articles: MERGE_ARTICLES,
    at: o.now ?? ASSIGNED_AT,
  },
});

export const SPAM_REASON = 'Isi berupa iklan pinjaman daring, bukan pengaduan';
export const rejectComplaintAsSpam = (o: Named & Readonly<{ reason?: string }> & As = {}): RejectComplaintAsSpam => ({
  type: 'RejectComplaintAsSpam',
  data: { complaint: o.complaint ?? COMPLAINT, reason: o.reason ?? SPAM_REASON },
  metadata: metadata(OPERATOR, ACKNOWLEDGED_AT, o),
});
export const complaintRejectedAsSpam = (o: RefOptions & As & Readonly<{ reason?: string }> = {}): ComplaintRejectedAsSpam => ({
  type: 'ComplaintRejectedAsSpam',
  data: {
    ...refOf(o, null),
    reason: o.reason ?? SPAM_REASON,
    rejectedBy: actorOf(OPERATOR, o),
    articles: SPAM_ARTICLES,
    at: o.now ?? ACKNOWLEDGED_AT,
  },
});

/** Histories at each step of the usual path; a spec adds what it is about. */
export const histories = (() => {
  const filed: ReadonlyArray<ComplaintEvent> = [complaintFiled()];
  const acknowledged: ReadonlyArray<ComplaintEvent> = [...filed, complaintAcknowledged()];
  const assigned: ReadonlyArray<ComplaintEvent> = [...acknowledged, complaintAssigned()];
  const responded: ReadonlyArray<ComplaintEvent> = [...assigned, complaintResponded()];
  const resolved: ReadonlyArray<ComplaintEvent> = [...responded, complaintResolved()];
  const reopened: ReadonlyArray<ComplaintEvent> = [...resolved, complaintReopened()];
  const closed: ReadonlyArray<ComplaintEvent> = [...resolved, complaintClosed()];
  const escalated: ReadonlyArray<ComplaintEvent> = [...filed, complaintEscalated('first-response')];
  const merged: ReadonlyArray<ComplaintEvent> = [...filed, complaintMergedAsDuplicate()];
  const spam: ReadonlyArray<ComplaintEvent> = [...filed, complaintRejectedAsSpam()];
  return { filed, acknowledged, assigned, responded, resolved, reopened, closed, escalated, merged, spam };
})();

/** Runs commands one after the other as the engine would: a refused command changes nothing. */
export const run = (commands: ReadonlyArray<ComplaintCommand>, from: ComplaintState = complaintDecider.initialState()) =>
  runCommands(complaintDecider, commands, from);

/** The usual path through the decider: file, acknowledge, assign, respond, resolve, close. */
export const toClosed: ReadonlyArray<ComplaintCommand> = [
  fileComplaint(),
  acknowledgeComplaint(),
  assignComplaint(),
  respondToComplaint(),
  resolveComplaint(),
  closeComplaint(),
];

/** The path through a reopening: resolved, reopened by the citizen, answered and resolved again, then closed. */
export const toClosedAfterReopen: ReadonlyArray<ComplaintCommand> = [
  ...toClosed.slice(0, 5),
  reopenComplaint(),
  respondToComplaint({ now: new Date('2025-10-15T10:00:00+07:00') }),
  resolveComplaint({ now: new Date('2025-10-16T10:00:00+07:00') }),
  closeComplaint({ now: new Date('2025-10-17T10:00:00+07:00'), satisfaction: 3 }),
];

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: any valid value of each wire type (for codec laws)
// ---------------------------------------------------------------------------------------------------------------

const arbHex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
export const arbComplaintId: fc.Arbitrary<ComplaintId> = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,30}$/).map((s) => valid(ComplaintId, s)),
  arbHex(32).map((hex) => complaintIdentityOf(hex)?.complaint ?? COMPLAINT),
);
export const arbTrackingCode: fc.Arbitrary<TrackingCode> = arbHex(32).map((hex) => complaintIdentityOf(hex)?.trackingCode ?? TRACKING);
const arbZone = fc.constantFrom(JAKARTA, MAKASSAR);
const arbPeriod: fc.Arbitrary<SlaPeriod> = fc.record({ amount: fc.integer({ min: 1, max: 8784 }), unit: fc.constantFrom(...SLA_UNITS) });
const arbSchedule: fc.Arbitrary<SlaSchedule> = fc.record({
  firstResponse: arbPeriod,
  classes: fc.array(fc.record({ id: arbText(), name: arbText(), resolution: arbPeriod }), { maxLength: 4 }),
  categories: fc.record({ informasi: arbText(), pengaduan: arbText(), sengketa: arbText(), 'sengketa-lapangan': arbText() }),
  escalateTo: fc.constantFrom(...ESCALATION_TARGETS),
});
export const arbSlaTable: fc.Arbitrary<ComplaintSlaTable> = fc.record({
  id: arbText(),
  version: fc.integer({ min: 1, max: 99 }),
  national: arbSchedule,
  regional: arbSchedule,
  reopenWithin: arbPeriod,
});
const arbApplied: fc.Arbitrary<AppliedSla> = fc.record({
  table: arbText(),
  version: fc.integer({ min: 1, max: 99 }),
  schedule: fc.constantFrom(...SLA_SCHEDULES),
  slaClass: arbText(),
  firstResponse: arbPeriod,
  resolution: arbPeriod,
  reopenWithin: arbPeriod,
  escalateTo: fc.constantFrom(...ESCALATION_TARGETS),
});
const arbCalendar: fc.Arbitrary<TenantCalendar> = fc.record({
  timeZone: arbZone,
  holidays: fc.record({
    id: arbText(),
    note: fc.string({ maxLength: 40 }),
    fromYear: fc.integer({ min: 1900, max: 9999 }),
    toYear: fc.integer({ min: 1900, max: 9999 }),
    holidays: fc.array(fc.record({ date: arbLocalDate, name: arbText(), kind: fc.constantFrom(...HOLIDAY_KINDS) }), { maxLength: 3 }),
  }),
});
const arbDeadline: fc.Arbitrary<SlaDeadline> = fc.oneof(
  fc.record({
    endsAt: arbInstant,
    days: fc.integer({ min: 1, max: 366 }),
    kind: fc.constantFrom('calendar' as const, 'working' as const),
    calendar: arbText(),
    timeZone: arbZone,
  }),
  fc.record({ endsAt: arbInstant, hours: fc.integer({ min: 1, max: 8784 }), kind: fc.constant('hours' as const), timeZone: arbZone }),
);
const arbPhone = fc.stringMatching(/^\+?[0-9][0-9 ()-]{5,19}$/);
const arbEmail = fc
  .tuple(fc.stringMatching(/^[a-z0-9._]{1,12}$/), fc.stringMatching(/^[a-z0-9-]{1,12}$/))
  .map(([local, domain]) => `${local}@${domain}.id`);
const arbContact: fc.Arbitrary<ComplaintContact> = fc.record({ name: arbText(), phone: arbPhone, email: arbEmail }, { requiredKeys: [] });
const arbMetadata: fc.Arbitrary<CommandMetadata> = fc.record({
  now: arbInstant,
  actor: fc.record({ nip: arbNip, role: fc.constantFrom(...ROLES) }),
});
const arbRole = fc.constantFrom(...ROLES);
const arbArticles = fc.array(arbText(), { maxLength: 3 });
const arbOptionalNip = fc.option(arbNip, { nil: null });
const arbRef: fc.Arbitrary<ComplaintRef> = fc.record({
  complaint: arbComplaintId,
  unit: arbUnit,
  slaClass: arbText(),
  namedEmployee: arbOptionalNip,
  assignee: arbOptionalNip,
  cycle: fc.integer({ min: 1, max: 9 }),
});
const arbHandling = fc.record({
  handler: arbNip,
  by: arbNip,
  byRole: arbRole,
  receivedAt: arbInstant,
  deadline: arbDeadline,
  withinSla: fc.boolean(),
  at: arbInstant,
});

const command = <C extends ComplaintCommand>(type: C['type'], data: fc.Arbitrary<C['data']>): fc.Arbitrary<C> =>
  fc.record({ data, metadata: arbMetadata }).map((c) => ({ type, ...c }) as C);
const event = <E extends ComplaintEvent>(type: E['type'], data: fc.Arbitrary<E['data']>): fc.Arbitrary<E> =>
  data.map((d) => ({ type, data: d }) as E);
/** A record whose optional keys are left out (not `undefined`) when absent, as the codecs decode them. */
const withOptional = <A extends object>(required: fc.Arbitrary<A>, optionalKeys: Readonly<Record<string, fc.Arbitrary<unknown>>>) =>
  fc
    .tuple(required, fc.record(optionalKeys, { requiredKeys: [] }))
    .map(([r, o]) => ({ ...r, ...o }));

/** One arbitrary per command type: the mapped type makes a missing command a compile error. */
export const commandArbitraries: {
  readonly [K in ComplaintCommand['type']]: fc.Arbitrary<Extract<ComplaintCommand, { type: K }>>;
} = {
  FileComplaint: command<FileComplaint>(
    'FileComplaint',
    withOptional(
      fc.record({
        channel: fc.constantFrom(...COMPLAINT_CHANNELS),
        category: fc.constantFrom(...COMPLAINT_CATEGORIES),
        unit: arbUnit,
        subject: arbText(),
        description: arbText(),
        complaint: arbComplaintId,
        trackingCode: arbTrackingCode,
        facts: fc.record({ calendar: arbCalendar, sla: arbSlaTable }),
      }),
      { namedEmployee: arbNip, contact: arbContact, externalRef: arbText() },
    ) as fc.Arbitrary<FileComplaint['data']>,
  ),
  AcknowledgeComplaint: command<AcknowledgeComplaint>(
    'AcknowledgeComplaint',
    withOptional(fc.record({ complaint: arbComplaintId }), { message: arbText() }),
  ),
  AssignComplaint: command<AssignComplaint>(
    'AssignComplaint',
    withOptional(fc.record({ complaint: arbComplaintId, assignee: arbNip }), { note: arbText() }),
  ),
  RespondToComplaint: command<RespondToComplaint>('RespondToComplaint', fc.record({ complaint: arbComplaintId, response: arbText() })),
  ResolveComplaint: command<ResolveComplaint>(
    'ResolveComplaint',
    fc.record({ complaint: arbComplaintId, resolution: arbText(), calendar: arbCalendar }),
  ),
  ReopenComplaint: command<ReopenComplaint>(
    'ReopenComplaint',
    fc.record({ complaint: arbComplaintId, trackingCode: arbTrackingCode, reason: arbText(), calendar: arbCalendar }),
  ),
  EscalateComplaint: command<EscalateComplaint>(
    'EscalateComplaint',
    fc.record({ complaint: arbComplaintId, deadlineKind: fc.constantFrom(...COMPLAINT_DEADLINES) }),
  ),
  CloseComplaint: command<CloseComplaint>(
    'CloseComplaint',
    withOptional(fc.record({ complaint: arbComplaintId, satisfaction: fc.integer({ min: 1, max: 5 }) }), {
      comment: arbText(),
      trackingCode: arbTrackingCode,
    }),
  ),
  MergeDuplicateComplaint: command<MergeDuplicateComplaint>(
    'MergeDuplicateComplaint',
    withOptional(fc.record({ complaint: arbComplaintId, into: arbComplaintId }), { reason: arbText() }),
  ),
  RejectComplaintAsSpam: command<RejectComplaintAsSpam>('RejectComplaintAsSpam', fc.record({ complaint: arbComplaintId, reason: arbText() })),
};

export const arbCommand: fc.Arbitrary<ComplaintCommand> = fc.oneof(...Object.values(commandArbitraries));

const merge = <A extends object, B extends object>(a: fc.Arbitrary<A>, b: fc.Arbitrary<B>) => fc.tuple(a, b).map(([x, y]) => ({ ...x, ...y }));

/** One arbitrary per event type: the mapped type makes a missing event a compile error. */
export const eventArbitraries: {
  readonly [K in ComplaintEvent['type']]: fc.Arbitrary<Extract<ComplaintEvent, { type: K }>>;
} = {
  ComplaintFiled: event<ComplaintFiled>(
    'ComplaintFiled',
    withOptional(
      merge(
        arbRef,
        fc.record({
          trackingCode: arbTrackingCode,
          channel: fc.constantFrom(...COMPLAINT_CHANNELS),
          category: fc.constantFrom(...COMPLAINT_CATEGORIES),
          subject: arbText(),
          description: arbText(),
          personalData: fc.subarray([...COMPLAINT_PERSONAL_DATA]),
          sla: arbApplied,
          responseDeadline: arbDeadline,
          resolutionDeadline: arbDeadline,
          articles: arbArticles,
          filedBy: arbNip,
          filedAs: arbRole,
          at: arbInstant,
        }),
      ),
      { externalRef: arbText(), contact: arbContact },
    ) as fc.Arbitrary<ComplaintFiled['data']>,
  ),
  ComplaintAcknowledged: event<ComplaintAcknowledged>(
    'ComplaintAcknowledged',
    withOptional(merge(arbRef, arbHandling), { message: arbText() }) as fc.Arbitrary<ComplaintAcknowledged['data']>,
  ),
  ComplaintAssigned: event<ComplaintAssigned>(
    'ComplaintAssigned',
    withOptional(merge(arbRef, fc.record({ previousAssignee: arbOptionalNip, assignedBy: arbNip, assignedAs: arbRole, at: arbInstant })), {
      note: arbText(),
    }) as fc.Arbitrary<ComplaintAssigned['data']>,
  ),
  ComplaintResponded: event<ComplaintResponded>(
    'ComplaintResponded',
    merge(merge(arbRef, arbHandling), fc.record({ response: arbText() })),
  ),
  ComplaintResolved: event<ComplaintResolved>(
    'ComplaintResolved',
    merge(merge(arbRef, arbHandling), fc.record({ resolution: arbText(), reopenDeadline: arbDeadline })),
  ),
  ComplaintReopened: event<ComplaintReopened>(
    'ComplaintReopened',
    merge(
      arbRef,
      fc.record({
        reason: arbText(),
        previousHandler: arbNip,
        resolvedAt: arbInstant,
        resolutionDeadline: arbDeadline,
        reopenedBy: arbNip,
        reopenedAs: arbRole,
        at: arbInstant,
      }),
    ),
  ),
  ComplaintEscalated: event<ComplaintEscalated>(
    'ComplaintEscalated',
    merge(
      arbRef,
      fc.record({
        deadlineKind: fc.constantFrom(...COMPLAINT_DEADLINES),
        deadline: arbDeadline,
        to: fc.constantFrom(...ESCALATION_TARGETS),
        slaTable: arbText(),
        escalatedBy: arbNip,
        authority: fc.constant('sistem' as const),
        articles: arbArticles,
        at: arbInstant,
      }),
    ),
  ),
  ComplaintClosed: event<ComplaintClosed>(
    'ComplaintClosed',
    withOptional(
      merge(
        arbRef,
        fc.record({
          handler: arbNip,
          resolvedAt: arbInstant,
          satisfaction: fc.integer({ min: 1, max: 5 }),
          closedBy: arbNip,
          closedAs: arbRole,
          articles: arbArticles,
          at: arbInstant,
        }),
      ),
      { comment: arbText() },
    ) as fc.Arbitrary<ComplaintClosed['data']>,
  ),
  ComplaintMergedAsDuplicate: event<ComplaintMergedAsDuplicate>(
    'ComplaintMergedAsDuplicate',
    withOptional(merge(arbRef, fc.record({ into: arbComplaintId, mergedBy: arbNip, articles: arbArticles, at: arbInstant })), {
      reason: arbText(),
    }) as fc.Arbitrary<ComplaintMergedAsDuplicate['data']>,
  ),
  ComplaintRejectedAsSpam: event<ComplaintRejectedAsSpam>(
    'ComplaintRejectedAsSpam',
    merge(arbRef, fc.record({ reason: arbText(), rejectedBy: arbNip, articles: arbArticles, at: arbInstant })),
  ),
};

export const arbEvent: fc.Arbitrary<ComplaintEvent> = fc.oneof(...Object.values(eventArbitraries));

// ---------------------------------------------------------------------------------------------------------------
// Plausible commands: the fixture's people, instants around the deadlines (for laws about histories)
// ---------------------------------------------------------------------------------------------------------------

const PEOPLE: ReadonlyArray<Nip> = [CITIZEN_NIP, OPERATOR, UNIT_HEAD, OFFICER, OFFICER_2, NAMED, SYSTEM];
const arbPerson = fc.constantFrom(...PEOPLE);
/** Mostly someone who may, sometimes anyone (refusals are part of the laws). */
const arbBy = (...right: ReadonlyArray<Nip>): fc.Arbitrary<Nip> =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...right) }, { weight: 1, arbitrary: arbPerson });
/** Instants in order of the usual path, including both sides of each deadline. */
export const MOMENTS: ReadonlyArray<Date> = [
  FILED_AT,
  ACKNOWLEDGED_AT,
  RESPONSE_DEADLINE.endsAt,
  RESPONSE_OVERDUE_AT,
  RESPONDED_AT,
  RESOLVED_AT,
  RESOLUTION_DEADLINE.endsAt,
  RESOLUTION_OVERDUE_AT,
  REOPENED_RESOLUTION_DEADLINE.endsAt,
  new Date('2025-10-22T00:00:00+07:00'),
  new Date('2025-10-25T00:00:00+07:00'),
  new Date('2025-11-20T00:00:00+07:00'),
];
const arbMoment = fc.constantFrom(...MOMENTS);
const arbAs = (...right: ReadonlyArray<Nip>): fc.Arbitrary<As> => fc.record({ by: arbBy(...right), now: arbMoment });
const arbCode = fc.oneof({ weight: 5, arbitrary: fc.constant(TRACKING) }, { weight: 1, arbitrary: fc.constant(WRONG_TRACKING) });

/** Commands the fixture's people might send to COMPLAINT (or, rarely, to another), in any order. */
export const arbPlausibleCommand: fc.Arbitrary<ComplaintCommand> = fc.oneof(
  { weight: 1, arbitrary: arbAs(CITIZEN_NIP, OPERATOR).map((as) => fileComplaint(as)) },
  { weight: 3, arbitrary: arbAs(OPERATOR, OFFICER, UNIT_HEAD).map((as) => acknowledgeComplaint(as)) },
  {
    weight: 2,
    arbitrary: fc.tuple(arbAs(OPERATOR, UNIT_HEAD), fc.constantFrom(OFFICER, OFFICER_2)).map(([as, assignee]) => assignComplaint({ ...as, assignee })),
  },
  { weight: 3, arbitrary: arbAs(OFFICER, OFFICER_2, OPERATOR).map((as) => respondToComplaint(as)) },
  { weight: 3, arbitrary: arbAs(OFFICER, OFFICER_2, OPERATOR).map((as) => resolveComplaint(as)) },
  { weight: 2, arbitrary: fc.tuple(arbAs(CITIZEN_NIP), arbCode).map(([as, trackingCode]) => reopenComplaint({ ...as, trackingCode })) },
  {
    weight: 2,
    arbitrary: fc.tuple(arbAs(SYSTEM), fc.constantFrom(...COMPLAINT_DEADLINES)).map(([as, kind]) => escalateComplaint(kind, as)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(arbAs(CITIZEN_NIP, OPERATOR), fc.integer({ min: 0, max: 6 }), arbCode)
      .map(([as, satisfaction, trackingCode]) => closeComplaint({ ...as, satisfaction, trackingCode })),
  },
  { weight: 1, arbitrary: arbAs(OPERATOR).map((as) => mergeDuplicateComplaint(as)) },
  { weight: 1, arbitrary: arbAs(OPERATOR).map((as) => rejectComplaintAsSpam(as)) },
);

/** Usually a filing first (any channel and category, in Surabaya or Samarinda), then anything. */
export const arbPlausibleCommands: fc.Arbitrary<ReadonlyArray<ComplaintCommand>> = fc
  .tuple(
    fc.option(
      fc
        .record({
          channel: fc.constantFrom(...COMPLAINT_CHANNELS),
          category: fc.constantFrom(...COMPLAINT_CATEGORIES),
          facts: fc.constantFrom<ComplaintFacts>(FACTS, { calendar: SAMARINDA, sla: COMPLAINT_SLA_DEFAULTS }),
        })
        .map((o) => fileComplaint(o)),
      { freq: 6, nil: undefined },
    ),
    fc.array(arbPlausibleCommand, { maxLength: 14 }),
  )
  .map(([filing, rest]) => (filing === undefined ? rest : [filing, ...rest]));

/** The usual path with room for noise: plausible commands may fall between its steps. */
export const arbLifecycle: fc.Arbitrary<ReadonlyArray<ComplaintCommand>> = fc
  .tuple(
    fc.constantFrom(toClosed, toClosedAfterReopen),
    fc.array(fc.array(arbPlausibleCommand, { maxLength: 2 }), { minLength: toClosedAfterReopen.length + 1, maxLength: toClosedAfterReopen.length + 1 }),
  )
  .map(([path, noise]) => [...path.flatMap((step, i) => [...(noise[i] ?? []), step]), ...(noise[path.length] ?? [])]);
