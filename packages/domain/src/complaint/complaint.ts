/**
 * The public complaint (pengaduan, umpan balik masyarakat; DOMAIN.md §2.7, BR-23): its vocabulary, the citizen
 * actor, the SLA the engine hands it when it is filed, the facts that happen to it, the state those facts add up
 * to, and `evolve`.
 *
 * One stream per complaint (`pengaduan-<tenant>.<complaint>`). The complaint id and the tracking code are derived
 * by the engine from the filing's command id, so a retried filing (same Idempotency-Key) names the same complaint.
 *
 * Lifecycle (a complaint's status history is always a path of this graph):
 *
 *   empty ─File→ filed ─Acknowledge→ acknowledged ─Respond→ responded ─Resolve→ resolved ─Close→ closed (final)
 *                  │                    │                      ▲                   │
 *                  │                    │                      └──Respond── reopened ←Reopen (citizen, tracking code)
 *                  ├─RejectAsSpam→ rejected-as-spam (final; from filed or acknowledged)
 *                  └─MergeDuplicate→ merged (final; from filed, acknowledged, responded or reopened)
 *
 *   AssignComplaint (filed, acknowledged, responded, reopened) and EscalateComplaint (a recorded deadline passed,
 *   once per deadline and cycle) keep the status.
 *
 * Deadlines (BR-23) are computed once, from the tenant's SLA table and calendar in the filing command, and
 * recorded: the first-response deadline on ComplaintFiled, the resolution deadline of each cycle on
 * ComplaintFiled and ComplaintReopened, the reopen window on ComplaintResolved. A later change of the table or the
 * holiday list never moves a recorded deadline.
 *
 * Every event carries what a read model needs without reading other streams: the complaint, its unit, SLA class,
 * named employee, assignee, cycle, the deadline it is measured against and the instant.
 *
 * A complaint never changes a predikat by itself (DOMAIN.md §2.7): nothing here issues an evaluation command; the
 * indicators in `indicators.ts` are evidence an appraiser may attach, with provenance.
 */
import type { RecordedDeadline, TenantCalendar, TimeZone } from '../calendar';
import type { Actor, Event, Nip, Role, TenantId, UnitId } from '../core';
import type { ComplaintId, TrackingCode } from './ids';

/** One stream per complaint, category first so that EventStoreDB's `$ce-pengaduan` sees every complaint. */
export const complaintStreamId = (tenant: TenantId, complaint: ComplaintId): string => `pengaduan-${tenant}.${complaint}`;

// ---------------------------------------------------------------------------------------------------------------
// The citizen actor
// ---------------------------------------------------------------------------------------------------------------

/**
 * A citizen has no NIP and no account, but every command names an actor by NIP. Citizen commands (filing,
 * reopening, rating) are attributed to this placeholder: a NIP that is valid in form (it decodes as a `Nip`) and
 * can never be a real civil servant's, since it says the holder was appointed one month after being born on
 * 1 January 1900. What identifies the citizen is the complaint's tracking code, not the NIP.
 */
export const CITIZEN_NIP = '190001011900021001' as Nip;
/** The actor of a citizen's command: role `masyarakat`, NIP `CITIZEN_NIP`. */
export const CITIZEN_ACTOR: Actor = { nip: CITIZEN_NIP, role: 'masyarakat' };

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** Where the complaint came in: the city's app, its web portal, SMS, social media, the national channel (SP4N-LAPOR). */
export const COMPLAINT_CHANNELS = ['app', 'web', 'sms', 'social-media', 'national'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/**
 * What the complaint is about, as the national channel classifies it (BR-23). The tenant's SLA table maps each
 * category to an SLA class of the schedule that applies to the channel.
 */
export const COMPLAINT_CATEGORIES = ['informasi', 'pengaduan', 'sengketa', 'sengketa-lapangan'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** The unit an SLA period is counted in (BR-23): calendar days, working days (tenant calendar) or hours. */
export const SLA_UNITS = ['calendar-days', 'working-days', 'hours'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

/** The two schedules of BR-23: the national channel's (calendar days) and the regional variant (working days). */
export const SLA_SCHEDULES = ['national', 'regional'] as const;
export type SlaScheduleName = (typeof SLA_SCHEDULES)[number];

/** Who an overdue complaint is escalated to: the head of the service unit, or the mayor (Surabaya). */
export const ESCALATION_TARGETS = ['pimpinan-unit', 'walikota'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/** The deadlines a complaint is measured against; each may be escalated once per cycle. */
export const COMPLAINT_DEADLINES = ['first-response', 'resolution'] as const;
export type ComplaintDeadlineKind = (typeof COMPLAINT_DEADLINES)[number];

export const COMPLAINT_STATUSES = [
  'empty',
  'filed',
  'acknowledged',
  'responded',
  'resolved',
  'reopened',
  'closed',
  'merged',
  'rejected-as-spam',
] as const;

/**
 * The fields of ComplaintFiled that only authorised roles may read (`COMPLAINT_CONTACT_READERS`): the citizen's
 * contact details (personal data) and the tracking code (which lets its holder reopen or rate the complaint).
 * Recorded in the event itself (`personalData`) so read models and queries can hide them without knowing this list.
 */
export const COMPLAINT_PERSONAL_DATA = ['contact', 'trackingCode'] as const;
export type ComplaintPersonalDataField = (typeof COMPLAINT_PERSONAL_DATA)[number];
/** The roles that may read a complaint's personal data: those who handle or oversee complaints. */
export const COMPLAINT_CONTACT_READERS: ReadonlyArray<Role> = ['operator', 'pimpinan-unit', 'inspektorat'];

/** Whether `role` may read a complaint's personal data (the fields a filing flags in `personalData`). */
export const mayReadComplaintPersonalData = (role: Role): boolean => COMPLAINT_CONTACT_READERS.includes(role);

/** The roles that handle a complaint (acknowledge, respond, resolve); a `pegawai` only when assigned or unassigned. */
export const HANDLING_ROLES: ReadonlyArray<Role> = ['operator', 'pimpinan-unit', 'pegawai'];
/** The roles that dispatch a complaint to an employee. */
export const ASSIGNING_ROLES: ReadonlyArray<Role> = ['operator', 'pimpinan-unit'];
/** The roles that may file: the citizen, an operator transcribing (SMS, social media), the national channel's feed. */
export const FILING_ROLES: ReadonlyArray<Role> = ['masyarakat', 'operator', 'sistem'];
/** Merging duplicates and rejecting spam are the operator's. */
export const TRIAGE_ROLES: ReadonlyArray<Role> = ['operator'];
/** Closing: the citizen (with the tracking code) or an operator recording the citizen's rating. */
export const CLOSING_ROLES: ReadonlyArray<Role> = ['masyarakat', 'operator'];

/** The rules the complaint's events cite. */
export const FILING_ARTICLES: ReadonlyArray<string> = ['BR-23'];
export const ESCALATION_ARTICLES: ReadonlyArray<string> = ['BR-23', 'policy:complaint.escalation'];
export const SPAM_ARTICLES: ReadonlyArray<string> = ['BR-23', 'policy:complaint.spam'];
export const MERGE_ARTICLES: ReadonlyArray<string> = ['BR-23', 'policy:complaint.duplicates'];
export const CLOSING_ARTICLES: ReadonlyArray<string> = ['BR-23', 'DOMAIN §2.7: satisfaction rating'];

// ---------------------------------------------------------------------------------------------------------------
// The SLA table (BR-23) [policy per tenant; see sla.ts for the shipped tables]
// ---------------------------------------------------------------------------------------------------------------

/** A period of the SLA: `amount` calendar days, working days or hours. */
export type SlaPeriod = Readonly<{ amount: number; unit: SlaUnit }>;

/** One SLA class of a schedule and how long a complaint of that class may take to be resolved. */
export type SlaClass = Readonly<{ id: string; name: string; resolution: SlaPeriod }>;

/**
 * One schedule: the first-response period, the classes, and which class each category falls into, and whom an
 * overdue complaint is escalated to.
 */
export type SlaSchedule = Readonly<{
  firstResponse: SlaPeriod;
  classes: ReadonlyArray<SlaClass>;
  categories: Readonly<Record<ComplaintCategory, string>>;
  escalateTo: EscalationTarget;
}>;

/**
 * A tenant's complaint SLA table (BR-23). `id` and `version` name the edition; they are recorded with every
 * complaint filed under it and are the `ruleBook` of its decision events' basis.
 */
export type ComplaintSlaTable = Readonly<{
  id: string;
  version: number;
  /** The national channel (SP4N-LAPOR) uses `national`; every other channel uses `regional`. */
  national: SlaSchedule;
  regional: SlaSchedule;
  /** How long after a resolution the citizen may reopen the complaint. */
  reopenWithin: SlaPeriod;
}>;

/** The SLA a complaint was filed under, as ComplaintFiled records it: enough to explain every deadline. */
export type AppliedSla = Readonly<{
  table: string;
  version: number;
  schedule: SlaScheduleName;
  slaClass: string;
  firstResponse: SlaPeriod;
  resolution: SlaPeriod;
  reopenWithin: SlaPeriod;
  escalateTo: EscalationTarget;
}>;

/** A deadline of `hours` hours from an instant: it ends exactly then (48 h after 10:00 Monday is 10:00 Wednesday). */
export type HourDeadline = Readonly<{ endsAt: Date; hours: number; kind: 'hours'; timeZone: TimeZone }>;

/**
 * A deadline as a complaint's events record it: in calendar or working days (the calendar's `RecordedDeadline`,
 * ending 23:59:59.999 local time of its last day) or in hours. Met by anything up to and including `endsAt`.
 */
export type SlaDeadline = RecordedDeadline | HourDeadline;

/** The facts the engine fills into FileComplaint: the tenant's calendar and SLA table. */
export type ComplaintFacts = Readonly<{ calendar: TenantCalendar; sla: ComplaintSlaTable }>;

// ---------------------------------------------------------------------------------------------------------------
// Events: one per business outcome
// ---------------------------------------------------------------------------------------------------------------

/** The citizen's contact details: personal data (see `COMPLAINT_PERSONAL_DATA`). */
export type ComplaintContact = Readonly<{ name?: string; phone?: string; email?: string }>;

/**
 * What every event after the filing names, so a read model needs no other stream: the complaint, the service
 * unit, its SLA class, the employee the citizen named (null if none), the assignee after the event (null if
 * none), and the cycle (1, plus one per reopening).
 */
export type ComplaintRef = Readonly<{
  complaint: ComplaintId;
  unit: UnitId;
  slaClass: string;
  namedEmployee: Nip | null;
  assignee: Nip | null;
  cycle: number;
}>;

/** Filed: the SLA applied and the deadlines computed from it, once (BR-23). */
export type ComplaintFiled = Event<
  'ComplaintFiled',
  ComplaintRef &
    Readonly<{
      trackingCode: TrackingCode;
      channel: ComplaintChannel;
      category: ComplaintCategory;
      /** The ticket number in the national channel (or the post's address on social media), when there is one. */
      externalRef?: string;
      subject: string;
      description: string;
      contact?: ComplaintContact;
      /** The fields of this event that only `COMPLAINT_CONTACT_READERS` may see. */
      personalData: ReadonlyArray<ComplaintPersonalDataField>;
      sla: AppliedSla;
      responseDeadline: SlaDeadline;
      resolutionDeadline: SlaDeadline;
      articles: ReadonlyArray<string>;
      filedBy: Nip;
      filedAs: Role;
      at: Date;
    }>
>;

/**
 * What a handling event (acknowledgement, response, resolution) records: who handled it (the assignee at that
 * moment, else the person acting), who acted, when the cycle began, the deadline it is measured against, and
 * whether it was met.
 */
type Handling = Readonly<{
  handler: Nip;
  by: Nip;
  byRole: Role;
  /** When the cycle began: the filing, or the reopening. */
  receivedAt: Date;
  deadline: SlaDeadline;
  withinSla: boolean;
  at: Date;
}>;

/** The first response to the citizen (BR-23: measured against the first-response deadline); once per complaint. */
export type ComplaintAcknowledged = Event<'ComplaintAcknowledged', ComplaintRef & Handling & Readonly<{ message?: string }>>;

/** Dispatched to an employee (again: a reassignment names the previous assignee). */
export type ComplaintAssigned = Event<
  'ComplaintAssigned',
  ComplaintRef & Readonly<{ previousAssignee: Nip | null; note?: string; assignedBy: Nip; assignedAs: Role; at: Date }>
>;

/** The substantive answer to the citizen, measured against the cycle's resolution deadline; once per cycle. */
export type ComplaintResponded = Event<'ComplaintResponded', ComplaintRef & Handling & Readonly<{ response: string }>>;

/** Resolved, measured against the cycle's resolution deadline; the citizen may reopen until `reopenDeadline`. */
export type ComplaintResolved = Event<
  'ComplaintResolved',
  ComplaintRef & Handling & Readonly<{ resolution: string; reopenDeadline: SlaDeadline }>
>;

/**
 * The citizen reopened a resolved complaint with its tracking code: a new cycle with a new resolution deadline.
 * `previousHandler` is who resolved it (the reopen rate is theirs), `resolvedAt` when.
 */
export type ComplaintReopened = Event<
  'ComplaintReopened',
  ComplaintRef &
    Readonly<{
      reason: string;
      previousHandler: Nip;
      resolvedAt: Date;
      resolutionDeadline: SlaDeadline;
      reopenedBy: Nip;
      reopenedAs: Role;
      at: Date;
    }>
>;

/** A recorded deadline passed: the system escalates (Surabaya: unanswered within 48 h → the mayor). Status unchanged. */
export type ComplaintEscalated = Event<
  'ComplaintEscalated',
  ComplaintRef &
    Readonly<{
      deadlineKind: ComplaintDeadlineKind;
      deadline: SlaDeadline;
      to: EscalationTarget;
      /** The SLA table the deadline and the target came from, `id@version`. */
      slaTable: string;
      escalatedBy: Nip;
      authority: 'sistem';
      articles: ReadonlyArray<string>;
      at: Date;
    }>
>;

/** Closed with the citizen's satisfaction (1–5) and comment; final. `handler` is who resolved it. */
export type ComplaintClosed = Event<
  'ComplaintClosed',
  ComplaintRef &
    Readonly<{
      handler: Nip;
      resolvedAt: Date;
      satisfaction: number;
      comment?: string;
      closedBy: Nip;
      closedAs: Role;
      articles: ReadonlyArray<string>;
      at: Date;
    }>
>;

/** A duplicate of complaint `into`, which carries on; final. */
export type ComplaintMergedAsDuplicate = Event<
  'ComplaintMergedAsDuplicate',
  ComplaintRef & Readonly<{ into: ComplaintId; reason?: string; mergedBy: Nip; articles: ReadonlyArray<string>; at: Date }>
>;

/** Rejected as spam by an operator, with a reason; final. */
export type ComplaintRejectedAsSpam = Event<
  'ComplaintRejectedAsSpam',
  ComplaintRef & Readonly<{ reason: string; rejectedBy: Nip; articles: ReadonlyArray<string>; at: Date }>
>;

export type ComplaintEvent =
  | ComplaintFiled
  | ComplaintAcknowledged
  | ComplaintAssigned
  | ComplaintResponded
  | ComplaintResolved
  | ComplaintReopened
  | ComplaintEscalated
  | ComplaintClosed
  | ComplaintMergedAsDuplicate
  | ComplaintRejectedAsSpam;

export type ComplaintEventType = ComplaintEvent['type'];

/**
 * A filing's data without the fields it flags as personal data (`personalData`): what a read model or a query
 * shows a role that may not read them (`mayReadComplaintPersonalData`). Every flagged field is removed, whichever
 * version of this code wrote the event.
 */
export const withoutPersonalData = (data: ComplaintFiled['data']): Omit<ComplaintFiled['data'], ComplaintPersonalDataField> => {
  const hidden = new Set<string>([...COMPLAINT_PERSONAL_DATA, ...data.personalData]);
  return Object.fromEntries(Object.entries(data).filter(([key]) => !hidden.has(key))) as Omit<
    ComplaintFiled['data'],
    ComplaintPersonalDataField
  >;
};

// ---------------------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------------------

export type ComplaintEscalation = Readonly<{ deadlineKind: ComplaintDeadlineKind; cycle: number; to: EscalationTarget; at: Date }>;

/** The handling of the current cycle so far. */
export type ComplaintHandling = Readonly<{ handler: Nip; at: Date; withinSla: boolean }>;

export type ComplaintBody = Readonly<{
  complaint: ComplaintId;
  trackingCode: TrackingCode;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  unit: UnitId;
  slaClass: string;
  namedEmployee: Nip | null;
  assignee: Nip | null;
  sla: AppliedSla;
  filedAt: Date;
  responseDeadline: SlaDeadline;
  /** The current cycle: 1, plus one per reopening; its start and its resolution deadline. */
  cycle: number;
  cycleStartedAt: Date;
  resolutionDeadline: SlaDeadline;
  acknowledgement: ComplaintHandling | null;
  /** The current cycle's response and resolution (cleared by a reopening). */
  response: ComplaintHandling | null;
  resolution: ComplaintHandling | null;
  reopenDeadline: SlaDeadline | null;
  escalations: ReadonlyArray<ComplaintEscalation>;
}>;

export type EmptyComplaint = Readonly<{ status: 'empty' }>;
export type OpenStatus = 'filed' | 'acknowledged' | 'responded' | 'resolved' | 'reopened';
export type OpenComplaint = Readonly<{ status: OpenStatus }> & ComplaintBody;
export type ClosedComplaint = Readonly<{ status: 'closed'; satisfaction: number; closedAt: Date }> & ComplaintBody;
export type MergedComplaint = Readonly<{ status: 'merged'; into: ComplaintId; closedAt: Date }> & ComplaintBody;
export type SpamComplaint = Readonly<{ status: 'rejected-as-spam'; reason: string; closedAt: Date }> & ComplaintBody;

export type FinishedComplaint = ClosedComplaint | MergedComplaint | SpamComplaint;
export type ComplaintState = EmptyComplaint | OpenComplaint | FinishedComplaint;
export type ComplaintStatus = ComplaintState['status'];

export const initialState = (): ComplaintState => ({ status: 'empty' });

/** Closed, merged or rejected as spam: every command is refused. */
export const isTerminal = (state: ComplaintState): state is FinishedComplaint =>
  state.status === 'closed' || state.status === 'merged' || state.status === 'rejected-as-spam';

/** The lifecycle's edges: the statuses each status may move to (assignment and escalation keep the status). */
export const VALID_TRANSITIONS: Readonly<Record<ComplaintStatus, ReadonlyArray<ComplaintStatus>>> = {
  empty: ['filed'],
  filed: ['acknowledged', 'merged', 'rejected-as-spam'],
  acknowledged: ['responded', 'merged', 'rejected-as-spam'],
  responded: ['resolved', 'merged'],
  resolved: ['closed', 'reopened'],
  reopened: ['responded', 'merged'],
  closed: [],
  merged: [],
  'rejected-as-spam': [],
};

/** Whether an escalation of `kind` in `cycle` was already recorded. */
export const wasEscalated = (state: ComplaintBody, kind: ComplaintDeadlineKind, cycle: number): boolean =>
  state.escalations.some((e) => e.deadlineKind === kind && e.cycle === cycle);

// ---------------------------------------------------------------------------------------------------------------
// evolve: total and quiet. An event that does not fit the state leaves it as it is, so a replay never throws.
// ---------------------------------------------------------------------------------------------------------------

const ignoreUnknown = (_event: never, state: ComplaintState): ComplaintState => state;

const isOpen = (state: ComplaintState): state is OpenComplaint => state.status !== 'empty' && !isTerminal(state);

const moves = (state: ComplaintState, to: ComplaintStatus): state is OpenComplaint =>
  isOpen(state) && VALID_TRANSITIONS[state.status].includes(to);

const handlingOf = (d: Handling): ComplaintHandling => ({ handler: d.handler, at: d.at, withinSla: d.withinSla });

export const evolve = (state: ComplaintState, event: ComplaintEvent): ComplaintState => {
  switch (event.type) {
    case 'ComplaintFiled': {
      if (state.status !== 'empty') return state;
      const d = event.data;
      return {
        status: 'filed',
        complaint: d.complaint,
        trackingCode: d.trackingCode,
        channel: d.channel,
        category: d.category,
        unit: d.unit,
        slaClass: d.slaClass,
        namedEmployee: d.namedEmployee,
        assignee: d.assignee,
        sla: d.sla,
        filedAt: d.at,
        responseDeadline: d.responseDeadline,
        cycle: d.cycle,
        cycleStartedAt: d.at,
        resolutionDeadline: d.resolutionDeadline,
        acknowledgement: null,
        response: null,
        resolution: null,
        reopenDeadline: null,
        escalations: [],
      };
    }

    case 'ComplaintAcknowledged':
      if (!moves(state, 'acknowledged')) return state;
      return { ...state, status: 'acknowledged', assignee: event.data.assignee, acknowledgement: handlingOf(event.data) };

    case 'ComplaintAssigned':
      if (!isOpen(state) || state.status === 'resolved') return state;
      return { ...state, assignee: event.data.assignee };

    case 'ComplaintResponded':
      if (!moves(state, 'responded')) return state;
      return { ...state, status: 'responded', assignee: event.data.assignee, response: handlingOf(event.data) };

    case 'ComplaintResolved':
      if (!moves(state, 'resolved')) return state;
      return {
        ...state,
        status: 'resolved',
        assignee: event.data.assignee,
        resolution: handlingOf(event.data),
        reopenDeadline: event.data.reopenDeadline,
      };

    case 'ComplaintReopened':
      if (!moves(state, 'reopened')) return state;
      return {
        ...state,
        status: 'reopened',
        assignee: event.data.assignee,
        cycle: event.data.cycle,
        cycleStartedAt: event.data.at,
        resolutionDeadline: event.data.resolutionDeadline,
        response: null,
        resolution: null,
        reopenDeadline: null,
      };

    case 'ComplaintEscalated': {
      if (!isOpen(state) || state.status === 'resolved') return state;
      const d = event.data;
      if (wasEscalated(state, d.deadlineKind, d.cycle)) return state;
      return { ...state, escalations: [...state.escalations, { deadlineKind: d.deadlineKind, cycle: d.cycle, to: d.to, at: d.at }] };
    }

    case 'ComplaintClosed':
      if (!moves(state, 'closed')) return state;
      return { ...state, status: 'closed', satisfaction: event.data.satisfaction, closedAt: event.data.at };

    case 'ComplaintMergedAsDuplicate':
      if (!moves(state, 'merged')) return state;
      return { ...state, status: 'merged', into: event.data.into, closedAt: event.data.at };

    case 'ComplaintRejectedAsSpam':
      if (!moves(state, 'rejected-as-spam')) return state;
      return { ...state, status: 'rejected-as-spam', reason: event.data.reason, closedAt: event.data.at };

    default:
      return ignoreUnknown(event, state);
  }
};

/** The status each event type leads to; undefined for the events that keep the status (assignment, escalation). */
export const statusAfter = (type: ComplaintEventType): ComplaintStatus | undefined => {
  switch (type) {
    case 'ComplaintFiled':
      return 'filed';
    case 'ComplaintAcknowledged':
      return 'acknowledged';
    case 'ComplaintResponded':
      return 'responded';
    case 'ComplaintResolved':
      return 'resolved';
    case 'ComplaintReopened':
      return 'reopened';
    case 'ComplaintClosed':
      return 'closed';
    case 'ComplaintMergedAsDuplicate':
      return 'merged';
    case 'ComplaintRejectedAsSpam':
      return 'rejected-as-spam';
    case 'ComplaintAssigned':
    case 'ComplaintEscalated':
      return undefined;
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Provenance: the basis the engine stamps on decision events (ARCHITECTURE.md, the event envelope)
// ---------------------------------------------------------------------------------------------------------------

/** `complaint-sla.surabaya@1`: how an SLA table is named in a basis. */
export const slaTableName = (sla: Readonly<{ table: string; version: number }>): string => `${sla.table}@${sla.version}`;

/** The rule book named in the basis of the decisions that rest on the BR-23 complaint rules and not on a table. */
export const COMPLAINT_RULE_BOOK = 'br-23-complaint@1';

/**
 * The basis of the complaint's decision events: the filing and the escalation rest on the tenant's SLA table (its
 * name and edition, recorded on the event); the closing, the merge and the spam rejection on the BR-23 complaint
 * rules. Undefined for handling events (acknowledgement, assignment, response, resolution, reopening), which decide
 * nothing.
 */
export const basisOf = (event: ComplaintEvent): Readonly<{ ruleBook: string; articles: string[] }> | undefined => {
  switch (event.type) {
    case 'ComplaintFiled':
      return { ruleBook: slaTableName(event.data.sla), articles: [...event.data.articles] };
    case 'ComplaintEscalated':
      return { ruleBook: event.data.slaTable, articles: [...event.data.articles] };
    case 'ComplaintClosed':
    case 'ComplaintMergedAsDuplicate':
    case 'ComplaintRejectedAsSpam':
      return { ruleBook: COMPLAINT_RULE_BOOK, articles: [...event.data.articles] };
    case 'ComplaintAcknowledged':
    case 'ComplaintAssigned':
    case 'ComplaintResponded':
    case 'ComplaintResolved':
    case 'ComplaintReopened':
      return undefined;
  }
};
