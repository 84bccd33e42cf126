/**
 * The audit trail and the provenance graph's nodes: one row per event of the log (every type of every aggregate,
 * and the ledger's digests), with when it was recorded and when it occurred, who (NIP and role), what (type and a
 * short summary), its basis (rule book, articles, input event ids), the event that caused it, the authority the
 * event records for itself, the key facts a decision rests on, and its integrity hash and position.
 *
 * - Per employee: a row names the employee whose stream it is (`employeeOfStream`), else the employee the data
 *   names (`employee`, or `nip` on roster events); a unit period's settlement concerns every employee it settles,
 *   so it gets one `subject` row each.
 * - Provenance (`provenance.ts`) walks `inputs` (the decision basis the pipeline stamps: the stream's events the
 *   decision was folded from, plus the causing event) and `cause` (the event a process manager reacted to: its
 *   command ids are `<eventId>/<n>`, see `evaluation-cycle.ts` in the engine).
 */
import type { EventEnvelope, Json } from '@kinerja/eventstore';
import type { RowChange } from '../projection';
import {
  ABSENCE_EVENT_TYPES,
  APPEAL_EVENT_TYPES,
  COMPLAINT_EVENT_TYPES,
  DISCIPLINE_EVENT_TYPES,
  EVALUATION_EVENT_TYPES,
  LEDGER_EVENT_TYPES,
  OBJECTION_EVENT_TYPES,
  PLAN_EVENT_TYPES,
  POOR_PERFORMANCE_EVENT_TYPES,
  REWARD_EVENT_TYPES,
  ROSTER_EVENT_TYPES,
  UNIT_PERIOD_EVENT_TYPES,
} from './event-types';
import { each, employeeOfStream, isObj, readModel, upsert, type Obj } from './read-model';

export const AUDIT_EVENT_TYPES: ReadonlyArray<string> = [
  ...ROSTER_EVENT_TYPES,
  ...PLAN_EVENT_TYPES,
  ...EVALUATION_EVENT_TYPES,
  ...UNIT_PERIOD_EVENT_TYPES,
  ...OBJECTION_EVENT_TYPES,
  ...DISCIPLINE_EVENT_TYPES,
  ...ABSENCE_EVENT_TYPES,
  ...APPEAL_EVENT_TYPES,
  ...POOR_PERFORMANCE_EVENT_TYPES,
  ...REWARD_EVENT_TYPES,
  ...COMPLAINT_EVENT_TYPES,
  ...LEDGER_EVENT_TYPES,
];

// ---------------------------------------------------------------------------------------------------------------
// What an event says, in a line, and the facts a decision rests on
// ---------------------------------------------------------------------------------------------------------------

const s = (d: Obj, key: string): string => {
  const v = d[key];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
};
const o = (d: Obj, key: string): Obj => {
  const v = d[key];
  return isObj(v) ? v : {};
};
const levels = (a: Obj): string =>
  a['hasilKerja'] !== undefined ? `hasil kerja ${s(a, 'hasilKerja')}, perilaku ${s(a, 'perilaku')}` : `score ${s(o(a, 'scores'), 'total')}`;
const sanctionText = (x: Obj): string => [s(x, 'type'), s(x, 'months') && `${s(x, 'months')} bulan`, s(x, 'kind')].filter((p) => p !== '').join(' ');

const SUMMARIES: Readonly<Record<string, (d: Obj) => string>> = {
  UnitRegistered: (d) => `unit ${s(d, 'unit')} ${s(d, 'name')}`,
  PositionCreated: (d) => `position ${s(d, 'position')} in ${s(d, 'unit')}`,
  EmployeeAppointed: (d) => `${s(d, 'nip')} appointed to ${s(d, 'position')} from ${s(d, 'effectiveFrom')}`,
  EmployeeTransferred: (d) => `${s(d, 'nip')} moved to ${s(d, 'position')} from ${s(d, 'effectiveFrom')}`,
  EmployeeLeft: (d) => `${s(d, 'nip')} left (${s(d, 'reason')}) from ${s(d, 'effectiveFrom')}`,
  PlanDrafted: (d) => `plan ${s(d, 'plan')} drafted, appraiser ${s(d, 'appraiser')}, unit ${s(d, 'unit')}`,
  PlanSubmitted: (d) => `plan ${s(d, 'plan')} submitted`,
  PlanApproved: (d) => `plan ${s(d, 'plan')} approved (revision ${s(d, 'revision')})`,
  PlanReturned: (d) => `plan ${s(d, 'plan')} returned`,
  PlanClosed: (d) => `plan ${s(d, 'plan')} closed`,
  RealisationRecorded: (d) => `realisation of ${s(d, 'iki')}`,
  EvaluationOpened: (d) => `${s(d, 'kind')} evaluation ${s(d, 'evaluation')} opened`,
  EvaluationRealisationRecorded: (d) => `realisation of ${s(d, 'iki')} in ${s(d, 'evaluation')}`,
  FeedbackInvited: (d) => `${s(d, 'relation')} feedback invited from ${s(d, 'invitee')}`,
  FeedbackGiven: (d) => `${s(d, 'relation')} feedback given`,
  EvaluationRated: (d) => `rated ${s(o(d, 'assessment'), 'label')}: ${levels(o(d, 'assessment'))}`,
  EvaluationSettled: (d) => `settled ${s(d, 'label')} under organisational result ${s(d, 'organisationalResult')}`,
  EvaluationDelivered: (d) => `delivered; objection window until ${s(d, 'objectionDeadline')}`,
  EvaluationObjected: (d) => `objection ${s(d, 'objection')} noted`,
  EvaluationFinalized: (d) => `final (${s(d, 'reason')})`,
  EvaluationRevised: (d) => `revised on objection (${s(d, 'outcome')}): ${s(o(d, 'assessment'), 'label')}`,
  UnitPeriodOpened: (d) => `unit period ${s(d, 'unitPeriod')} opened`,
  OrganisationalResultSet: (d) => `organisational result ${s(d, 'result')}`,
  ProposalRecorded: (d) => `proposal for ${s(d, 'employee')}: ${s(o(d, 'assessment'), 'predikat')}`,
  ProposalWithdrawn: (d) => `proposal for ${s(d, 'employee')} withdrawn`,
  UnitPeriodSettled: (d) =>
    `settled ${Array.isArray(d['results']) ? d['results'].length : 0} results under ${s(d, 'organisationalResult')} (${s(o(d, 'curve'), 'rule')})`,
  SettledResultRevised: (d) => `result of ${s(d, 'evaluation')} revised to ${s(o(d, 'result'), 'predikat')}`,
  ObjectionFiled: (d) => `objection to ${s(d, 'evaluation')} filed, addressed to ${s(d, 'addressee')}`,
  ExplanationRecorded: (d) => `${s(d, 'party')} explanation recorded`,
  ObjectionUpheld: () => 'objection upheld',
  ObjectionPartlyUpheld: () => 'objection partly upheld',
  ObjectionRejected: () => 'objection rejected',
  ObjectionWithdrawn: () => 'objection withdrawn',
  ObjectionDecisionOverdue: (d) => `objection decision overdue, escalated from ${s(d, 'addressee')}`,
  BreachReported: (d) => `breach reported (${s(o(d, 'source'), 'kind')})`,
  SummonsIssued: (d) => `summons ${s(d, 'n')} for ${s(d, 'date')}`,
  SanctionImposed: (d) => `sanction ${sanctionText(o(d, 'sanction'))} (${s(d, 'level')})`,
  CaseDismissed: () => 'case dismissed',
  DecisionDelivered: (d) => `decision delivered${d['late'] === true ? ' late' : ''}, in force from ${s(o(d, 'inForce'), 'from')}`,
  SanctionServed: (d) => `sanction ${sanctionText(o(d, 'sanction'))} served`,
  SanctionReviewed: (d) => `sanction reviewed (${s(d, 'outcome')})`,
  AbsenceRecorded: (d) => `${d['excused'] === true ? 'excused' : 'unexcused'} absence on ${s(d, 'date')} (${s(d, 'unexcusedDays')} unexcused this year)`,
  AdministrativeObjectionFiled: (d) => `keberatan against ${s(d, 'caseId')} filed`,
  AppealFiled: (d) => `banding against ${s(d, 'caseId')} filed`,
  PoorPerformancePathOpened: (d) => `poor-performance path ${s(d, 'path')} opened`,
  RecognitionGranted: (d) => `recognition ${s(d, 'title')} (${s(d, 'decision')})`,
  IncentiveGranted: (d) => `incentive (${s(d, 'decision')})`,
  TalentPoolPrioritised: (d) => `talent pool priority (${s(d, 'decision')})`,
  TrainingRecommended: (d) => `training recommended (${s(d, 'decision')})`,
  // Complaints: never the citizen's contact details or tracking code (COMPLAINT_PERSONAL_DATA).
  ComplaintFiled: (d) => `complaint ${s(d, 'complaint')} about ${s(d, 'unit')} (${s(d, 'category')}, via ${s(d, 'channel')})`,
  ComplaintAcknowledged: (d) => `complaint acknowledged${d['withinSla'] === false ? ' late' : ''}`,
  ComplaintAssigned: (d) => `complaint assigned to ${s(d, 'assignee')}`,
  ComplaintResponded: (d) => `complaint responded${d['withinSla'] === false ? ' late' : ''}`,
  ComplaintResolved: (d) => `complaint resolved${d['withinSla'] === false ? ' late' : ''}`,
  ComplaintReopened: (d) => `complaint reopened (cycle ${s(d, 'cycle')})`,
  ComplaintEscalated: (d) => `complaint ${s(d, 'deadlineKind')} deadline passed; escalated to ${s(d, 'to')}`,
  ComplaintClosed: (d) => `complaint closed, satisfaction ${s(d, 'satisfaction')}/5`,
  ComplaintMergedAsDuplicate: (d) => `complaint merged into ${s(d, 'into')}`,
  ComplaintRejectedAsSpam: () => 'complaint rejected as spam',
  LedgerDigestRecorded: (d) => `ledger digest up to ${s(d, 'upToPosition')} over ${s(d, 'streams')} streams`,
};

const assessmentFacts = (a: Obj): Json => ({
  ruleBook: `${s(o(a, 'ruleBook'), 'id')}@${s(o(a, 'ruleBook'), 'version')}`,
  predikat: s(a, 'predikat'),
  label: s(a, 'label'),
  ...(a['hasilKerja'] === undefined ? {} : { hasilKerja: s(a, 'hasilKerja'), perilaku: s(a, 'perilaku') }),
  ...(isObj(a['scores']) ? { score: s(o(a, 'scores'), 'total') } : {}),
});

const curveFacts = (d: Obj): Json => {
  const curve = o(d, 'curve');
  const bounds = Array.isArray(curve['bounds']) ? curve['bounds'].filter(isObj) : [];
  return {
    organisationalResult: s(d, 'organisationalResult'),
    counts: isObj(d['counts']) ? (d['counts'] as Json) : null,
    rule: s(curve, 'rule'),
    exempt: curve['exempt'] === true,
    bounds: bounds.map((b) => ({
      rule: s(b, 'rule'),
      predikat: Array.isArray(b['predikat']) ? (b['predikat'] as Json) : [],
      min: s(o(b, 'allowed'), 'min'),
      max: s(o(b, 'allowed'), 'max'),
    })),
  };
};

/** The facts a reader of a decision needs without opening the event (shown by `explain`). */
const DETAILS: Readonly<Record<string, (d: Obj) => Json>> = {
  EvaluationOpened: (d) => {
    const facts = o(d, 'facts');
    const header = o(o(facts, 'plan'), 'header');
    const roster = o(facts, 'roster');
    return {
      evaluation: s(d, 'evaluation'),
      kind: s(d, 'kind'),
      ruleBook: `${s(o(facts, 'ruleBook'), 'id')}@${s(o(facts, 'ruleBook'), 'version')}`,
      appraiser: s(header, 'appraiser'),
      appraiserSuperior: s(header, 'appraiserSuperior'),
      unit: s(header, 'unit'),
      rosterAsOf: s(roster, 'asOf'),
      isUnitHead: roster['isUnitHead'] === true,
      jenjang: typeof roster['jenjang'] === 'string' ? roster['jenjang'] : null,
    };
  },
  EvaluationRated: (d) => ({ evaluation: s(d, 'evaluation'), ratedBy: s(d, 'ratedBy'), ...(assessmentFacts(o(d, 'assessment')) as Obj) } as Json),
  EvaluationSettled: (d) => {
    const c = o(d, 'consequences');
    const ak = o(c, 'angkaKredit');
    return {
      evaluation: s(d, 'evaluation'),
      unitPeriod: s(d, 'unitPeriod'),
      organisationalResult: s(d, 'organisationalResult'),
      predikat: s(d, 'predikat'),
      label: s(d, 'label'),
      ...(d['hasilKerja'] === undefined ? {} : { hasilKerja: s(d, 'hasilKerja'), perilaku: s(d, 'perilaku') }),
      angkaKredit: isObj(c['angkaKredit']) ? s(ak, 'credits') : null,
      allowancePercent: s(c, 'allowancePercent'),
      promotionEligible: c['promotionEligible'] === true,
    };
  },
  EvaluationRevised: (d) =>
    ({ outcome: s(d, 'outcome'), previous: s(o(d, 'previous'), 'predikat'), ...(assessmentFacts(o(d, 'assessment')) as Obj) }) as Json,
  UnitPeriodOpened: (d) => {
    const facts = o(d, 'facts');
    const roster = o(facts, 'roster');
    return {
      unitPeriod: s(d, 'unitPeriod'),
      authorisedOfficial: s(roster, 'authorisedOfficial'),
      unitHead: typeof roster['unitHead'] === 'string' ? roster['unitHead'] : null,
      rosterAsOf: s(roster, 'asOf'),
      exemptBelow: s(o(o(facts, 'policy'), 'curve'), 'exemptBelow'),
    };
  },
  OrganisationalResultSet: (d) => ({ result: s(d, 'result'), justification: s(d, 'justification'), setBy: s(d, 'setBy') }),
  ProposalRecorded: (d) =>
    ({ employee: s(d, 'employee'), evaluation: s(d, 'evaluation'), isUnitHead: d['isUnitHead'] === true, ...(assessmentFacts(o(d, 'assessment')) as Obj) }) as Json,
  UnitPeriodSettled: (d) =>
    ({
      ...(curveFacts(d) as Obj),
      results: (Array.isArray(d['results']) ? d['results'].filter(isObj) : []).map((r) => ({
        employee: s(r, 'employee'),
        predikat: s(r, 'predikat'),
        proposed: s(r, 'proposedPredikat'),
      })),
    }) as Json,
  SettledResultRevised: (d) =>
    ({ evaluation: s(d, 'evaluation'), previous: s(o(d, 'previous'), 'predikat'), predikat: s(o(d, 'result'), 'predikat'), ...(curveFacts(d) as Obj) }) as Json,
  ObjectionFiled: (d) => ({ evaluation: s(d, 'evaluation'), addressee: s(d, 'addressee'), decisionDeadline: s(o(d, 'decisionDeadline'), 'endsAt') }),
  ObjectionUpheld: (d) => ({ evaluation: s(d, 'evaluation'), afterDeadline: d['afterDeadline'] === true }),
  ObjectionPartlyUpheld: (d) => ({ evaluation: s(d, 'evaluation'), afterDeadline: d['afterDeadline'] === true }),
  ObjectionRejected: (d) => ({ evaluation: s(d, 'evaluation'), afterDeadline: d['afterDeadline'] === true }),
  SanctionImposed: (d) => ({ sanction: sanctionText(o(d, 'sanction')), level: s(d, 'level'), evidenceOnly: d['evidenceOnly'] === true }),
  SanctionReviewed: (d) => ({ outcome: s(d, 'outcome'), previous: sanctionText(o(d, 'previous')), sanction: isObj(d['sanction']) ? sanctionText(o(d, 'sanction')) : null }),
};

const PREFERRED_ACTORS = ['decidedBy', 'ratedBy', 'settledBy', 'setBy', 'approvedBy'];

/** Who the data says took the step (`decidedBy`, `ratedBy`, ... or the first `…By`), when it says so. */
const decidedByOf = (d: Obj): string | null => {
  for (const key of PREFERRED_ACTORS) if (typeof d[key] === 'string') return d[key] as string;
  for (const key in d) if (key.endsWith('By') && typeof d[key] === 'string') return d[key] as string;
  return null;
};

/** The authority the event records for itself: a role name, or the discipline decision's authority-table row. */
const authorityOf = (d: Obj): string | null => {
  const a = d['authority'];
  if (typeof a === 'string') return a;
  if (isObj(a)) return [s(a, 'official'), s(a, 'scope'), s(a, 'table'), s(a, 'article')].filter((p) => p !== '').join(' · ');
  return null;
};

const PM_COMMAND = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//i;

/** The event a process manager reacted to, from its deterministic command id `<eventId>/<n>`. */
export const causeOf = (commandId: string): string | null => PM_COMMAND.exec(commandId)?.[1] ?? null;

/**
 * The employee the data names when the stream is not theirs: `employee` (proposals), `nip` (roster changes),
 * `namedEmployee` (complaints), else the NIP an evaluation id starts with (a revised settled result).
 */
const employeeOfData = (d: Obj): string | null => {
  const e = d['employee'] ?? d['nip'] ?? d['namedEmployee'];
  if (typeof e === 'string') return e;
  const evaluation = d['evaluation'];
  return typeof evaluation === 'string' && /^\d{18}\./.test(evaluation) ? evaluation.slice(0, 18) : null;
};

const entry = (event: EventEnvelope, d: Obj): ReadonlyArray<RowChange> => {
  const m = event.metadata;
  const basis = m.basis;
  const summary = SUMMARIES[event.type];
  const detail = DETAILS[event.type];
  const changes: RowChange[] = [
    upsert('event', {
      position: event.globalPosition,
      event_id: event.eventId,
      tenant: m.tenant,
      stream: event.streamId,
      version: event.streamVersion,
      type: event.type,
      occurred: m.occurredAt,
      recorded: m.recordedAt,
      actor: m.actor.nip,
      role: m.actor.role,
      employee: employeeOfStream(event.streamId) ?? employeeOfData(d),
      summary: summary === undefined ? null : summary(d),
      decided_by: decidedByOf(d),
      authority: authorityOf(d),
      rule_book: basis?.ruleBook ?? null,
      articles: basis === undefined ? null : JSON.stringify(basis.articles),
      inputs: basis === undefined || basis.inputs.length === 0 ? null : JSON.stringify(basis.inputs),
      cause: causeOf(m.commandId),
      detail: detail === undefined ? null : JSON.stringify(detail(d)),
      hash: m.hash,
    }),
  ];
  // A settlement concerns every employee it settles.
  if (event.type === 'UnitPeriodSettled')
    for (const r of Array.isArray(d['results']) ? d['results'].filter(isObj) : []) {
      const nip = r['employee'];
      if (typeof nip === 'string') changes.push(upsert('subject', { nip, position: event.globalPosition }));
    }
  return changes;
};

export const auditProjection = readModel({
  name: 'audit',
  version: 1,
  description: 'Every event: when, who, role, what, basis, inputs, cause, authority, hash; per employee and per stream',
  tables: [
    {
      name: 'event',
      columns: {
        position: 'INTEGER',
        event_id: 'TEXT',
        tenant: 'TEXT',
        stream: 'TEXT',
        version: 'INTEGER',
        type: 'TEXT',
        occurred: 'TEXT',
        recorded: 'TEXT',
        actor: 'TEXT',
        role: 'TEXT',
        employee: 'TEXT',
        summary: 'TEXT',
        decided_by: 'TEXT',
        authority: 'TEXT',
        rule_book: 'TEXT',
        articles: 'TEXT',
        inputs: 'TEXT',
        cause: 'TEXT',
        detail: 'TEXT',
        hash: 'TEXT',
      },
      primaryKey: ['position'],
      indexes: [['event_id'], ['stream', 'version'], ['employee', 'position']],
    },
    { name: 'subject', columns: { nip: 'TEXT', position: 'INTEGER' }, primaryKey: ['nip', 'position'] },
  ],
  handlers: each(AUDIT_EVENT_TYPES, entry),
});
