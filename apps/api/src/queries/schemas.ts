/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 reads them) of what the query routes answer. Shapes are described down
 * to the fields a client reads; the free-form parts (an aggregate's folded state, an event's data, a decision's
 * detail) are `{}` (any JSON), since they are the domain's own and vary by event type.
 */
import type { JsonSchema } from '@kinerja/domain';

export const anyJson: JsonSchema = {};
export const str = (description?: string): JsonSchema => ({ type: 'string', ...(description === undefined ? {} : { description }) });
export const int = (description?: string): JsonSchema => ({ type: 'integer', ...(description === undefined ? {} : { description }) });
export const num = (description?: string): JsonSchema => ({ type: 'number', ...(description === undefined ? {} : { description }) });
export const bool = (description?: string): JsonSchema => ({ type: 'boolean', ...(description === undefined ? {} : { description }) });
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
export const arrayOf = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description === undefined ? {} : { description }) });
/** An object; every listed property is required unless its name ends in `?`. */
export const object = (title: string, properties: Readonly<Record<string, JsonSchema>>, description?: string): JsonSchema => {
  const entries = Object.entries(properties).map(([key, schema]) => [key.replace(/\?$/, ''), schema, !key.endsWith('?')] as const);
  return {
    title,
    type: 'object',
    ...(description === undefined ? {} : { description }),
    properties: Object.fromEntries(entries.map(([key, schema]) => [key, schema])),
    required: entries.filter(([, , required]) => required).map(([key]) => key),
  };
};
const instant = str('ISO-8601 instant');

export const EnvelopeSchema = object('EventEnvelope', {
  eventId: str(),
  type: str(),
  schemaVersion: int(),
  streamId: str(),
  streamVersion: int(),
  globalPosition: int(),
  data: anyJson,
  metadata: object('EventMetadata', {
    tenant: str(),
    commandId: str(),
    correlationId: str(),
    causationId: str(),
    actor: object('Actor', { nip: str(), role: str() }),
    occurredAt: instant,
    recordedAt: instant,
    'basis?': object('Basis', { ruleBook: str(), articles: arrayOf(str()), inputs: arrayOf(str()) }),
    prevHash: str(),
    hash: str(),
  }),
});

const AsOfSchema = object('AsOf', { by: { enum: ['recorded', 'effective'] }, at: instant, 'knownAt?': instant });

export const StreamAsOfSchema = object(
  'StreamAsOf',
  {
    streamId: str(),
    asOf: AsOfSchema,
    'aggregate?': str('the aggregate that folded the stream; absent when none owns its category'),
    envelopes: arrayOf(EnvelopeSchema, 'the events that count as of the instant, in folding order'),
    events: arrayOf(anyJson, 'the decoded events'),
    'state?': { description: "the aggregate's state folded from those events" },
    version: int('highest stream version among the events that count; -1 when none does'),
    recordedLater: arrayOf(EnvelopeSchema, 'effective view: events recorded after the instant that apply at or before it'),
    laterEvents: int('events that do not count yet'),
    'personalDataHidden?': { const: true, description: "complaint streams: the citizen's contact details and tracking code were taken out (roles other than operator, pimpinan-unit, inspektorat)" },
  },
  'One stream as of an instant (engine time-travel).',
);

export const EmployeeFileAsOfSchema = object('EmployeeFileAsOf', {
  nip: str(),
  asOf: AsOfSchema,
  streams: arrayOf(StreamAsOfSchema),
  notYet: arrayOf(str(), 'streams of the employee with nothing yet as of the instant'),
});

export const RecordedVsEffectiveSchema = object('RecordedVsEffective', {
  streamId: str(),
  at: instant,
  recorded: StreamAsOfSchema,
  effective: StreamAsOfSchema,
  recordedLater: arrayOf(EnvelopeSchema),
  differs: bool('true when the two views fold different events'),
});

// ---------------------------------------------------------------------------------------------------------------
// Reports (read models)
// ---------------------------------------------------------------------------------------------------------------

const PREDIKAT_SCHEMA: JsonSchema = { enum: ['sangat-baik', 'baik', 'butuh-perbaikan', 'kurang', 'sangat-kurang'] };
const ORG_RESULT_SCHEMA: JsonSchema = { enum: ['istimewa', 'baik', 'butuh-perbaikan', 'kurang', 'sangat-kurang'] };
const COUNTS_SCHEMA = object('PredikatCounts', {
  'sangat-baik': int(),
  baik: int(),
  'butuh-perbaikan': int(),
  kurang: int(),
  'sangat-kurang': int(),
});
const list = (title: string, item: JsonSchema, description: string): JsonSchema => object(title, { items: arrayOf(item) }, description);

const RankedEmployeeSchema = object('RankedEmployee', {
  rank: int('1 is best; ties share a rank'),
  tenant: str(),
  unit: str(),
  period: str(),
  evaluation: str(),
  employee: str('NIP'),
  stage: { enum: ['proposed', 'settled', 'revised'] },
  predikat: PREDIKAT_SCHEMA,
  label: str("the rule book's own label"),
  hasilKerja: nullable(str()),
  perilaku: nullable(str()),
  hasilScore: nullable(num()),
  perilakuScore: nullable(num()),
  ikiAchievement: nullable(num('mean achievement of the IKI targets, percent')),
  isUnitHead: bool(),
  'unitRank?': int('rank within the unit (tenant ranking)'),
});
export const RankingSchema = list('Ranking', RankedEmployeeSchema, 'Employees ranked by predikat, hasil kerja, perilaku, then IKI achievement (DOMAIN.md §4).');

export const UnitRankingSchema = list(
  'UnitRanking',
  object('RankedUnit', {
    rank: int(),
    tenant: str(),
    unit: str(),
    period: str(),
    organisationalResult: ORG_RESULT_SCHEMA,
    settled: bool(),
    employees: int(),
    counts: COUNTS_SCHEMA,
    meanPredikat: nullable(num()),
    goodShare: nullable(num()),
  }),
  'Units of the tenant ranked per period by organisational result, then their predikat distribution.',
);

export const DistributionSchema = list(
  'Distribution',
  object('UnitDistribution', {
    tenant: str(),
    unit: str(),
    period: str(),
    unitPeriod: str(),
    organisationalResult: nullable(ORG_RESULT_SCHEMA),
    settled: bool(),
    settledEvent: nullable(str()),
    total: int(),
    counts: COUNTS_SCHEMA,
    exempt: bool(),
    bounds: arrayOf(object('CurveCheck', { rule: str(), predikat: arrayOf(PREDIKAT_SCHEMA), allowed: object('Allowed', { min: int(), max: int() }), count: int(), ok: bool() })),
    ok: nullable(bool()),
  }),
  'The predikat distribution of each unit period against the kurva distribusi (BR-04..08).',
);

export const AngkaKreditSchema = list(
  'AngkaKreditLedger',
  object('AngkaKreditEntry', {
    tenant: str(),
    unit: nullable(str()),
    employee: str(),
    evaluation: str(),
    period: str(),
    planPeriod: str(),
    kind: { enum: ['annual', 'periodic'] },
    jenjang: str(),
    predikat: PREDIKAT_SCHEMA,
    share: num(),
    coefficient: num(),
    months: num(),
    credits: num(),
    stage: { enum: ['settled', 'revised'] },
    at: instant,
    eventId: str(),
    counted: bool(),
    cumulative: num(),
  }),
  'The BR-24 angka kredit ledger, per employee in period order, with the running total of the counted credits.',
);

export const SanctionsSchema = object(
  'SanctionsInForce',
  {
    asOf: str('the local date asked about'),
    items: arrayOf(
      object('SanctionInForce', {
        tenant: str(),
        caseId: str(),
        employee: str(),
        unit: nullable(str()),
        sanction: str(),
        months: nullable(int()),
        dismissalKind: nullable(str()),
        level: nullable(str()),
        decidedBy: nullable(str()),
        authority: nullable(str()),
        decidedAt: nullable(str()),
        from: str(),
        until: nullable(str()),
        reviewOutcome: nullable(str()),
        eventId: nullable(str()),
      }),
    ),
  },
  'Disciplinary sanctions in force on a local date (PP 94/2021, BR-14).',
);

export const TrainingNeedsSchema = list(
  'TrainingNeeds',
  object('TrainingNeed', {
    tenant: str(),
    unit: str(),
    employee: str(),
    evaluation: str(),
    period: str(),
    kind: str(),
    value: str('BerAKHLAK core value'),
    feedback: object('FeedbackCounts', { below: int(), meets: int(), above: int() }),
    belowByFeedback: bool(),
    appraiserScore: nullable(num()),
    belowByAppraiser: bool(),
    recommended: bool(),
  }),
  'BerAKHLAK values rated below expectation (360° feedback or numeric behaviour scores), per evaluation.',
);

// ---------------------------------------------------------------------------------------------------------------
// Audit and provenance
// ---------------------------------------------------------------------------------------------------------------

export const ProvenanceNodeSchema = object('ProvenanceNode', {
  eventId: str(),
  position: int(),
  tenant: str(),
  stream: str(),
  version: int(),
  type: str(),
  occurredAt: instant,
  recordedAt: instant,
  actor: object('Actor', { nip: str(), role: str() }),
  employee: nullable(str()),
  decidedBy: nullable(str()),
  authority: nullable(str()),
  ruleBook: nullable(str()),
  articles: arrayOf(str()),
  summary: nullable(str()),
  detail: anyJson,
  inputs: arrayOf(str(), 'basis inputs: the event ids the decision was taken from'),
  cause: nullable(str('the event a process manager reacted to')),
  hash: str(),
  'depth?': int('distance from the explained event'),
});

export const AuditTrailSchema = list('AuditTrail', ProvenanceNodeSchema, 'Events oldest first: when, who, in what role, what, under which rule, the hash.');

export const ExplainSchema = object('ExplainGraph', {
  root: str(),
  depth: int(),
  nodes: arrayOf(ProvenanceNodeSchema, 'breadth first from the root'),
  edges: arrayOf(object('ProvenanceEdge', { from: str(), to: str(), kind: { enum: ['basis', 'cause'] } })),
  missing: arrayOf(str(), 'event ids an edge names that the read model does not have'),
  truncated: bool(),
});

// ---------------------------------------------------------------------------------------------------------------
// Work queues
// ---------------------------------------------------------------------------------------------------------------

const queue = (title: string, item: JsonSchema, description: string, extra: Readonly<Record<string, JsonSchema>> = {}): JsonSchema =>
  object(title, { owner: nullable(str('whose queue (a NIP); null: the whole tenant')), ...extra, items: arrayOf(item) }, description);

export const PlanQueueSchema = queue(
  'PlansAwaitingApproval',
  object('PlanAwaitingApproval', { tenant: str(), plan: str(), employee: str(), appraiser: str(), unit: str(), period: str(), submittedAt: instant }),
  'Plans submitted and waiting for their appraiser, oldest first.',
);

export const ObjectionQueueSchema = queue(
  'ObjectionsAwaitingDecision',
  object('ObjectionAwaitingDecision', {
    tenant: str(),
    stream: str(),
    kind: { enum: ['keberatan', 'keberatan-admin', 'banding'] },
    subject: str(),
    employee: str(),
    addressee: nullable(str()),
    deciderRole: str(),
    status: { enum: ['awaiting-decision', 'awaiting-ppk-response'] },
    filedAt: instant,
    deadline: nullable(instant),
    readyToDecide: bool('BR-11: both explanations recorded (keberatan)'),
    overdue: bool(),
  }),
  'Open objections waiting for a decision, oldest first.',
);

export const DeadlineQueueSchema = queue(
  'DeadlinesThisWeek',
  object('OpenDeadline', {
    tenant: str(),
    stream: str(),
    kind: str(),
    subject: str(),
    employee: nullable(str()),
    unit: nullable(str()),
    owner: nullable(str()),
    ownerRole: nullable(str()),
    due: instant,
    recordedBy: str('the event that recorded the deadline'),
  }),
  "Open deadlines due by the end of the week (Monday to Sunday in the tenant's zone), overdue ones included, soonest first.",
  { week: object('Week', { from: instant, to: instant }) },
);

// ---------------------------------------------------------------------------------------------------------------
// Complaints, status, export
// ---------------------------------------------------------------------------------------------------------------

const share = (description: string): JsonSchema => nullable(num(description));

export const UnitComplaintSlaSchema = list(
  'UnitComplaintSla',
  object('UnitComplaintSlaRow', {
    tenant: str(),
    unit: str(),
    filed: int(),
    open: int(),
    acknowledged: int(),
    acknowledgedWithinSla: int(),
    firstResponseCompliance: share('share of first responses within the SLA, 0..1'),
    resolved: int(),
    resolvedWithinSla: int(),
    resolutionCompliance: share('share of resolutions within the SLA, 0..1'),
    escalated: int(),
    rated: int(),
    meanSatisfaction: share('1..5'),
  }),
  'BR-23 complaint handling per service unit (no personal data of citizens).',
);

export const EmployeeComplaintSlaSchema = list(
  'EmployeeComplaintSla',
  object('EmployeeComplaintSlaRow', {
    tenant: str(),
    employee: str(),
    answered: int(),
    answeredWithinSla: int(),
    shareAnsweredWithinSla: share('0..1'),
    firstResponses: int(),
    meanTimeToFirstResponseMs: nullable(num()),
    resolved: int(),
    reopened: int(),
    reopenRate: share('0..1'),
    named: int('complaints naming the employee, spam excluded'),
    namedMeanSatisfaction: share('1..5'),
  }),
  'BR-23 complaint handling per employee (as handler), and the complaints naming them.',
);

export const StatusSchema = object('ServiceStatus', {
  headPosition: nullable(int('the store head; null when the store cannot be read')),
  projections: arrayOf(
    object('ProjectionStatus', {
      name: str(),
      'activeVersion?': int(),
      declaredVersion: int(),
      checkpoint: int(),
      lag: int(),
      state: { enum: ['live', 'catching-up', 'rebuilding', 'stopped'] },
      'rebuildCheckpoint?': int(),
    }),
  ),
});

export const ExportSchema = object('ReadModelExport', {
  readModel: str(),
  description: str(),
  rows: arrayOf({ type: 'object', additionalProperties: { type: ['string', 'number', 'null'] } }, 'flat rows: nested values as dotted columns, lists as JSON text'),
});
