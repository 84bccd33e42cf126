/**
 * Work queues (issue 7: "plans waiting for my approval", "objections waiting for my decision", "deadlines this
 * week"), read model `work_queue`.
 *
 * - `plan`: every plan's header and status; a submitted plan waits for the appraiser its header names.
 * - `objection`: every open objection: an evaluation objection (keberatan, BR-10/BR-11) waits for the Atasan
 *   Pejabat Penilai it is addressed to, with whether both explanations are in (BR-11: the decision needs them);
 *   an administrative objection (BR-21) waits for the PPK; a banding (BR-20) waits for the PPK's response, then for
 *   BPASN. A decided or withdrawn objection leaves the queue (its row is deleted).
 * - `deadline`: every open deadline the log recorded, with who must act by then. A deadline leaves the queue
 *   when the step it guards is taken (a missed one stays until then, so it shows as overdue):
 *   | deadline | recorded on | owner | cleared by |
 *   |---|---|---|---|
 *   | objection window (BR-10) | EvaluationDelivered | the employee | EvaluationObjected, EvaluationFinalized, EvaluationRevised |
 *   | objection decision | ObjectionFiled | the addressee | ObjectionUpheld, …PartlyUpheld, …Rejected, …Withdrawn |
 *   | sanction delivery (BR-22) | SanctionImposed | the deciding official | DecisionDelivered |
 *   | examination date | SummonsIssued | the official who summoned | ExaminationRecorded, SummonsIgnored, CaseDismissed, SanctionImposed |
 *   | PPK decision (BR-21) | AdministrativeObjectionFiled | role ppk | the decision events, ObjectionDeemedGranted |
 *   | PPK response (BR-20) | AppealFiled | role ppk | PpkResponseRecorded, PpkResponseOverdue |
 *   | improvement period (BR-26) | PoorPerformancePathOpened | the appraiser | PoorPerformanceImproved, ImprovementPeriodEnded |
 *   | temporary post (BR-26) | TemporaryPostAssigned | the deciding official | TemporaryPostEnded |
 *   | complaint first response, resolution (BR-23) | ComplaintFiled, ComplaintReopened | the assignee, else role pimpinan-unit | ComplaintAcknowledged; ComplaintResolved; merged, spam, closed |
 */
import type Database from 'better-sqlite3';
import { addDays, endOfLocalDay, localDateOf, startOfLocalDay, type LocalDate, type TimeZone } from '@kinerja/domain';
import type { EventEnvelope } from '@kinerja/eventstore';
import type { Row, RowChange } from '../projection';
import { each, employeeOfStream, instant, obj, optStr, readModel, remove, str, type Handler, upsert } from './read-model';
import { prepared } from './statements';

// ---------------------------------------------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------------------------------------------

type Owner = Readonly<{ owner: string | null; role: string | null }>;

const deadline = (e: EventEnvelope, kind: string, subject: string, due: string, who: Owner, unit: string | null = null): RowChange =>
  upsert('deadline', {
    stream: e.streamId,
    kind,
    tenant: e.metadata.tenant,
    employee: employeeOfStream(e.streamId),
    subject,
    unit,
    owner: who.owner,
    owner_role: who.role,
    due,
    recorded_by: e.eventId,
  });

const cleared = (e: EventEnvelope, ...kinds: ReadonlyArray<string>): ReadonlyArray<RowChange> =>
  kinds.map((kind) => remove('deadline', { stream: e.streamId, kind }));

const clearing = (...kinds: ReadonlyArray<string>): Handler => (e) => cleared(e, ...kinds);

/** The end of a recorded deadline (`RecordedDeadline`, `MonthsDeadline`, `HourDeadline`: all have `endsAt`). */
const endsAt = (d: Readonly<Record<string, unknown>>, key: string): string => instant(obj(d, key), 'endsAt');

/**
 * A complaint's deadlines belong to its assignee, else to the head of the service unit. Assignment can change
 * while the deadlines stand, so the assignee is kept per stream and joined at query time.
 */
const COMPLAINT_UNIT_HEAD: Owner = { owner: null, role: 'pimpinan-unit' };
const assigneeRow = (e: EventEnvelope, d: Readonly<Record<string, unknown>>): RowChange =>
  upsert('assignee', { stream: e.streamId, nip: optStr(d, 'assignee') });

const APPEAL_DECISIONS = [
  'SanctionAffirmedOnReview',
  'SanctionLightenedOnReview',
  'SanctionIncreasedOnReview',
  'SanctionAlteredOnReview',
  'SanctionAnnulledOnReview',
  'ObjectionDeemedGranted',
];
const OBJECTION_DECISIONS = ['ObjectionUpheld', 'ObjectionPartlyUpheld', 'ObjectionRejected', 'ObjectionWithdrawn'];

// ---------------------------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------------------------

const planStatus =
  (status: string): Handler =>
  (e, d) => [upsert('plan', { plan: str(d, 'plan'), tenant: e.metadata.tenant, status, updated_at: str(d, 'at') })];

const objectionRow = (e: EventEnvelope, row: Row): RowChange => upsert('objection', { stream: e.streamId, tenant: e.metadata.tenant, ...row });

export const workQueueProjection = readModel({
  name: 'work_queue',
  version: 1,
  description: 'Plans waiting for approval, objections waiting for a decision, open deadlines with their owners',
  tables: [
    {
      name: 'plan',
      columns: {
        plan: 'TEXT',
        tenant: 'TEXT',
        employee: 'TEXT',
        appraiser: 'TEXT',
        appraiser_superior: 'TEXT',
        unit: 'TEXT',
        period: 'TEXT',
        status: 'TEXT',
        submitted_at: 'TEXT',
        updated_at: 'TEXT',
      },
      primaryKey: ['tenant', 'plan'],
      indexes: [['appraiser', 'status']],
    },
    {
      name: 'objection',
      columns: {
        stream: 'TEXT',
        tenant: 'TEXT',
        kind: 'TEXT',
        subject: 'TEXT',
        employee: 'TEXT',
        addressee: 'TEXT',
        decider_role: 'TEXT',
        status: 'TEXT',
        filed_at: 'TEXT',
        deadline: 'TEXT',
        appraiser_explained: 'INTEGER',
        employee_explained: 'INTEGER',
        overdue: 'INTEGER',
      },
      primaryKey: ['stream'],
    },
    {
      name: 'deadline',
      columns: {
        stream: 'TEXT',
        kind: 'TEXT',
        tenant: 'TEXT',
        employee: 'TEXT',
        subject: 'TEXT',
        unit: 'TEXT',
        owner: 'TEXT',
        owner_role: 'TEXT',
        due: 'TEXT',
        recorded_by: 'TEXT',
      },
      primaryKey: ['stream', 'kind'],
      indexes: [['tenant', 'due']],
    },
    { name: 'assignee', columns: { stream: 'TEXT', nip: 'TEXT' }, primaryKey: ['stream'] },
  ],
  handlers: {
    // Plans
    PlanDrafted: (e, d) => [
      upsert('plan', {
        plan: str(d, 'plan'),
        tenant: e.metadata.tenant,
        employee: str(d, 'employee'),
        appraiser: str(d, 'appraiser'),
        appraiser_superior: str(d, 'appraiserSuperior'),
        unit: str(d, 'unit'),
        period: str(d, 'period'),
        status: 'draft',
        updated_at: str(d, 'at'),
      }),
    ],
    PlanSubmitted: (e, d) => [upsert('plan', { plan: str(d, 'plan'), tenant: e.metadata.tenant, status: 'submitted', submitted_at: str(d, 'at'), updated_at: str(d, 'at') })],
    PlanApproved: planStatus('approved'),
    PlanReturned: planStatus('returned'),
    PlanAmendmentStarted: planStatus('amending'),
    PlanClosed: planStatus('closed'),

    // Evaluation: the objection window (BR-10)
    EvaluationDelivered: (e, d) => [
      deadline(e, 'objection-window', str(d, 'evaluation'), instant(d, 'objectionDeadline'), { owner: employeeOfStream(e.streamId), role: 'pegawai' }),
    ],
    ...each(['EvaluationObjected', 'EvaluationFinalized', 'EvaluationRevised'], clearing('objection-window')),

    // Evaluation objections (BR-10, BR-11)
    ObjectionFiled: (e, d) => [
      objectionRow(e, {
        kind: 'keberatan',
        subject: str(d, 'evaluation'),
        employee: str(d, 'employee'),
        addressee: str(d, 'addressee'),
        decider_role: 'atasan-pejabat-penilai',
        status: 'awaiting-decision',
        filed_at: str(d, 'at'),
        deadline: endsAt(d, 'decisionDeadline'),
        appraiser_explained: 0,
        employee_explained: 0,
        overdue: 0,
      }),
      deadline(e, 'objection-decision', str(d, 'evaluation'), endsAt(d, 'decisionDeadline'), { owner: str(d, 'addressee'), role: null }),
    ],
    ExplanationRecorded: (e, d) => {
      const party = str(d, 'party');
      return party === 'appraiser' || party === 'employee' ? [objectionRow(e, { [`${party}_explained`]: 1 })] : [];
    },
    ObjectionDecisionOverdue: (e) => [objectionRow(e, { overdue: 1 })],
    ...each(OBJECTION_DECISIONS, (e) => [remove('objection', { stream: e.streamId }), ...cleared(e, 'objection-decision')]),

    // Administrative objection (BR-21) and banding (BR-20)
    AdministrativeObjectionFiled: (e, d) => [
      objectionRow(e, {
        kind: 'keberatan-admin',
        subject: str(d, 'caseId'),
        employee: str(d, 'employee'),
        addressee: null,
        decider_role: 'ppk',
        status: 'awaiting-decision',
        filed_at: str(d, 'at'),
        deadline: endsAt(d, 'decisionDeadline'),
        overdue: 0,
      }),
      deadline(e, 'ppk-decision', str(d, 'caseId'), endsAt(d, 'decisionDeadline'), { owner: null, role: 'ppk' }),
    ],
    AppealFiled: (e, d) => [
      objectionRow(e, {
        kind: 'banding',
        subject: str(d, 'caseId'),
        employee: str(d, 'employee'),
        addressee: null,
        decider_role: 'ppk',
        status: 'awaiting-ppk-response',
        filed_at: str(d, 'at'),
        deadline: endsAt(d, 'responseDeadline'),
        overdue: 0,
      }),
      deadline(e, 'ppk-response', str(d, 'caseId'), endsAt(d, 'responseDeadline'), { owner: null, role: 'ppk' }),
    ],
    PpkResponseRecorded: (e) => [objectionRow(e, { decider_role: 'bpasn', status: 'awaiting-decision', deadline: null }), ...cleared(e, 'ppk-response')],
    PpkResponseOverdue: (e) => [
      objectionRow(e, { decider_role: 'bpasn', status: 'awaiting-decision', deadline: null, overdue: 1 }),
      ...cleared(e, 'ppk-response'),
    ],
    ...each(APPEAL_DECISIONS, (e) => [remove('objection', { stream: e.streamId }), ...cleared(e, 'ppk-decision', 'ppk-response')]),

    // Discipline (BR-22) and summons
    SanctionImposed: (e, d) => [
      deadline(e, 'sanction-delivery', str(d, 'caseId'), endsAt(d, 'deliveryDeadline'), { owner: str(d, 'decidedBy'), role: null }),
      ...cleared(e, 'examination-1', 'examination-2'),
    ],
    DecisionDelivered: clearing('sanction-delivery'),
    SummonsIssued: (e, d) => {
      const n = d['n'] === 2 ? 2 : 1;
      const due = endOfLocalDay(str(d, 'date') as LocalDate, str(d, 'timeZone') as TimeZone).toISOString();
      return [deadline(e, `examination-${n}`, str(d, 'caseId'), due, { owner: str(d, 'issuedBy'), role: null })];
    },
    SummonsIgnored: (e, d) => cleared(e, `examination-${d['n'] === 2 ? 2 : 1}`),
    ExaminationRecorded: clearing('examination-1', 'examination-2'),
    CaseDismissed: clearing('examination-1', 'examination-2'),

    // Poor-performance path (BR-26)
    PoorPerformancePathOpened: (e, d) => [
      deadline(e, 'improvement-period', str(d, 'path'), endsAt(d, 'improvementPeriod'), { owner: str(obj(d, 'supervisors'), 'appraiser'), role: null }),
    ],
    ...each(['PoorPerformanceImproved', 'ImprovementPeriodEnded'], clearing('improvement-period')),
    TemporaryPostAssigned: (e, d) => [deadline(e, 'temporary-post', str(d, 'path'), endsAt(d, 'period'), { owner: str(d, 'decidedBy'), role: null })],
    TemporaryPostEnded: clearing('temporary-post'),

    // Complaints (BR-23)
    ComplaintFiled: (e, d) => [
      assigneeRow(e, d),
      deadline(e, 'first-response', str(d, 'complaint'), endsAt(d, 'responseDeadline'), COMPLAINT_UNIT_HEAD, str(d, 'unit')),
      deadline(e, 'resolution', str(d, 'complaint'), endsAt(d, 'resolutionDeadline'), COMPLAINT_UNIT_HEAD, str(d, 'unit')),
    ],
    ComplaintAssigned: (e, d) => [assigneeRow(e, d)],
    ComplaintAcknowledged: clearing('first-response'),
    ComplaintResolved: clearing('first-response', 'resolution'),
    ComplaintReopened: (e, d) => [deadline(e, 'resolution', str(d, 'complaint'), endsAt(d, 'resolutionDeadline'), COMPLAINT_UNIT_HEAD, str(d, 'unit'))],
    ...each(['ComplaintClosed', 'ComplaintMergedAsDuplicate', 'ComplaintRejectedAsSpam'], clearing('first-response', 'resolution')),
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------------

export type PlanAwaitingApproval = Readonly<{
  tenant: string;
  plan: string;
  employee: string;
  appraiser: string;
  unit: string;
  period: string;
  submittedAt: string;
}>;

/** Plans submitted and not yet approved or returned; of one appraiser when given. Oldest first. */
export const plansAwaitingApproval = (db: Database.Database, filter: Readonly<{ tenant: string; appraiser?: string; unit?: string }>): ReadonlyArray<PlanAwaitingApproval> => {
  const clauses = ["tenant = ?", "status = 'submitted'", 'employee IS NOT NULL'];
  const params = [filter.tenant];
  if (filter.appraiser !== undefined) {
    clauses.push('appraiser = ?');
    params.push(filter.appraiser);
  }
  if (filter.unit !== undefined) {
    clauses.push('unit = ?');
    params.push(filter.unit);
  }
  return (
    prepared(db, `SELECT * FROM work_queue_plan WHERE ${clauses.join(' AND ')} ORDER BY submitted_at, plan`).all(...params) as Array<Record<string, string>>
  ).map((r) => ({
    tenant: r['tenant'] ?? '',
    plan: r['plan'] ?? '',
    employee: r['employee'] ?? '',
    appraiser: r['appraiser'] ?? '',
    unit: r['unit'] ?? '',
    period: r['period'] ?? '',
    submittedAt: r['submitted_at'] ?? '',
  }));
};

export type ObjectionAwaitingDecision = Readonly<{
  tenant: string;
  stream: string;
  kind: 'keberatan' | 'keberatan-admin' | 'banding';
  /** The evaluation, or the discipline case. */
  subject: string;
  employee: string;
  /** The Atasan Pejabat Penilai an evaluation objection is addressed to; null for the PPK's and BPASN's. */
  addressee: string | null;
  deciderRole: string;
  status: 'awaiting-decision' | 'awaiting-ppk-response';
  filedAt: string;
  deadline: string | null;
  /** Evaluation objections: both explanations recorded (BR-11), so it can be decided. */
  readyToDecide: boolean;
  overdue: boolean;
}>;

/**
 * Open objections waiting for `decider` (the addressee named on an evaluation objection) or for a role (`ppk`,
 * `bpasn`, `atasan-pejabat-penilai`); all open ones of the tenant without either. Oldest first.
 */
export const objectionsAwaitingDecision = (
  db: Database.Database,
  filter: Readonly<{ tenant: string; decider?: string; role?: string }>,
): ReadonlyArray<ObjectionAwaitingDecision> => {
  const clauses = ['tenant = ?', 'kind IS NOT NULL'];
  const params = [filter.tenant];
  if (filter.decider !== undefined || filter.role !== undefined) {
    const who: string[] = [];
    if (filter.decider !== undefined) {
      who.push('addressee = ?');
      params.push(filter.decider);
    }
    if (filter.role !== undefined) {
      who.push('decider_role = ?');
      params.push(filter.role);
    }
    clauses.push(`(${who.join(' OR ')})`);
  }
  return (prepared(db, `SELECT * FROM work_queue_objection WHERE ${clauses.join(' AND ')} ORDER BY filed_at, stream`).all(...params) as Array<Record<string, string | number | null>>).map(
    (r) => ({
      tenant: String(r['tenant']),
      stream: String(r['stream']),
      kind: r['kind'] as ObjectionAwaitingDecision['kind'],
      subject: String(r['subject']),
      employee: String(r['employee']),
      addressee: r['addressee'] === null ? null : String(r['addressee']),
      deciderRole: String(r['decider_role']),
      status: r['status'] as ObjectionAwaitingDecision['status'],
      filedAt: String(r['filed_at']),
      deadline: r['deadline'] === null ? null : String(r['deadline']),
      readyToDecide: r['kind'] === 'keberatan' ? r['appraiser_explained'] === 1 && r['employee_explained'] === 1 : r['status'] === 'awaiting-decision',
      overdue: r['overdue'] === 1,
    }),
  );
};

export type OpenDeadline = Readonly<{
  tenant: string;
  stream: string;
  kind: string;
  subject: string;
  employee: string | null;
  unit: string | null;
  /** Who must act (a NIP), or the role that must, when no one is named. */
  owner: string | null;
  ownerRole: string | null;
  due: string;
  /** The event that recorded the deadline. */
  recordedBy: string;
}>;

export type DeadlineFilter = Readonly<{
  tenant: string;
  /** Instants (ISO-8601); `from` inclusive, `to` inclusive. Without `from`: overdue ones too. */
  from?: string;
  to: string;
  owner?: string;
  role?: string;
}>;

/** Open deadlines due up to `to` (and from `from`), soonest first; of one owner or role when given. */
export const deadlinesDue = (db: Database.Database, filter: DeadlineFilter): ReadonlyArray<OpenDeadline> => {
  const due = ['d.tenant = ?', 'd.due IS NOT NULL', 'd.due <= ?'];
  const params = [filter.tenant, new Date(filter.to).toISOString()];
  if (filter.from !== undefined) {
    due.push('d.due >= ?');
    params.push(new Date(filter.from).toISOString());
  }
  const who: string[] = [];
  if (filter.owner !== undefined) {
    who.push('owner = ?');
    params.push(filter.owner);
  }
  if (filter.role !== undefined) {
    who.push('owner_role = ?');
    params.push(filter.role);
  }
  const sql = `SELECT * FROM (
      SELECT d.stream, d.kind, d.tenant, d.employee, d.subject, d.unit, d.due, d.recorded_by,
             COALESCE(a.nip, d.owner) AS owner, CASE WHEN a.nip IS NULL THEN d.owner_role END AS owner_role
      FROM work_queue_deadline d LEFT JOIN work_queue_assignee a ON a.stream = d.stream
      WHERE ${due.join(' AND ')})
    ${who.length === 0 ? '' : `WHERE ${who.join(' OR ')}`}
    ORDER BY due, stream, kind`;
  return (prepared(db, sql).all(...params) as Array<Record<string, string | null>>).map((r) => ({
    tenant: String(r['tenant']),
    stream: String(r['stream']),
    kind: String(r['kind']),
    subject: String(r['subject']),
    employee: r['employee'] ?? null,
    unit: r['unit'] ?? null,
    owner: r['owner'] ?? null,
    ownerRole: r['owner_role'] ?? null,
    due: String(r['due']),
    recordedBy: String(r['recorded_by']),
  }));
};

/** Monday 00:00 to Sunday 23:59:59.999 local time of the week `now` falls in. */
export const weekOf = (now: Date, timeZone: TimeZone): Readonly<{ from: string; to: string }> => {
  const today = localDateOf(now, timeZone);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = addDays(today, -weekday);
  return { from: startOfLocalDay(monday, timeZone).toISOString(), to: endOfLocalDay(addDays(monday, 6), timeZone).toISOString() };
};

/**
 * "Deadlines this week": open deadlines due by the end of the local week of `now` (Monday to Sunday in the
 * tenant's zone), overdue ones included (they are still open).
 */
export const deadlinesThisWeek = (
  db: Database.Database,
  filter: Readonly<{ tenant: string; now: Date; timeZone: TimeZone; owner?: string; role?: string }>,
): ReadonlyArray<OpenDeadline> => {
  const week = weekOf(filter.now, filter.timeZone);
  return deadlinesDue(db, {
    tenant: filter.tenant,
    to: week.to,
    ...(filter.owner === undefined ? {} : { owner: filter.owner }),
    ...(filter.role === undefined ? {} : { role: filter.role }),
  });
};
