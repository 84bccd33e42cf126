/**
 * Test support for the evaluation objection: fixtures (the evaluation of evaluation.testkit, delivered on Thursday
 * 10 April 2025 in Surabaya), builders that make commands and the events they should cause with the same defaults,
 * ready-made histories, a runner, and fast-check arbitraries.
 */
import * as fc from 'fast-check';
import { DAY_COUNTS, HOLIDAY_KINDS, INDONESIA_2025_2027, type RecordedDeadline, type TenantCalendar } from '../calendar';
import { ROLES, type CommandMetadata, type Nip, type Role } from '../core';
import { nipArb as arbNip } from '../core/core.testkit';
import { EVALUATION_STATUSES, type Appraisal } from '../evaluation/evaluation';
import {
  APPRAISER,
  APPRAISER_SUPERIOR,
  arbAppraisal,
  DEADLINE,
  DELIVERED_AT,
  EMPLOYEE,
  EVALUATION,
  JAKARTA,
  MAKASSAR,
  numericAppraisal,
  OBJECTION,
  OPERATOR,
  OUTSIDER,
  PERMENPANRB_6_2022_REF,
  PP_30_2019_REF,
  ratedAppraisal,
  SYSTEM,
  UNIT,
  UNIT_PERIOD,
  type As,
} from '../evaluation/evaluation.testkit';
import {
  arbEvaluationId,
  arbInstant,
  arbLocalDate,
  arbText,
  arbUnit,
  arbUnitPeriodId,
} from '../plan/plan.testkit';
import { arbRuleBookRef } from '../rulebook/rulebook.testkit';
import { runCommands } from '../testing/decider.testkit';
import {
  objectionDecider,
  type DecideObjection,
  type EscalateObjection,
  type FileObjection,
  type ObjectionCommand,
  type ObjectionRuling,
  type RecordExplanation,
  type WithdrawObjection,
} from './decide';
import {
  DECISION_ARTICLES,
  ESCALATION_ARTICLES,
  FILING_ARTICLES,
  OBJECTION_PARTIES,
  OBJECTION_POLICY_DEFAULTS,
  type ExplanationRecorded,
  type ObjectionDecisionOverdue,
  type ObjectionEvaluationFacts,
  type ObjectionEvent,
  type ObjectionFacts,
  type ObjectionFiled,
  type ObjectionParty,
  type ObjectionPartlyUpheld,
  type ObjectionPolicy,
  type ObjectionRejected,
  type ObjectionState,
  type ObjectionUpheld,
  type ObjectionWithdrawn,
} from './objection';

export {
  APPRAISER,
  APPRAISER_SUPERIOR,
  DEADLINE,
  DELIVERED_AT,
  EMPLOYEE,
  EVALUATION,
  JAKARTA,
  MAKASSAR,
  numericAppraisal,
  OBJECTION,
  OPERATOR,
  OUTSIDER,
  PERMENPANRB_6_2022_REF,
  PP_30_2019_REF,
  ratedAppraisal,
  SYSTEM,
  UNIT,
  UNIT_PERIOD,
  type As,
};

// ---------------------------------------------------------------------------------------------------------------
// Fixtures. The evaluation was delivered Thursday 10 April 2025, 10:00 WIB; BR-10 window ends 24 April 23:59:59.999.
// ---------------------------------------------------------------------------------------------------------------

export const SURABAYA: TenantCalendar = { timeZone: JAKARTA, holidays: INDONESIA_2025_2027 };
export const SAMARINDA: TenantCalendar = { timeZone: MAKASSAR, holidays: INDONESIA_2025_2027 };

/** Monday 14 April 2025, 09:00 WIB: day 4 of the window. */
export const FILED_AT = new Date('2025-04-14T09:00:00+07:00');
/**
 * 14 working days after Monday 14 April 2025, counted by hand: 15–17 Apr (3), Good Friday 18 Apr skipped, 21–25 Apr
 * (8), 28–30 Apr (11), Labour Day 1 May skipped, 2 May (12), 5–6 May (14): Tuesday 6 May 2025, 23:59:59.999 WIB.
 */
export const DECISION_DEADLINE: RecordedDeadline = {
  endsAt: new Date('2025-05-06T23:59:59.999+07:00'),
  days: 14,
  kind: 'working',
  calendar: INDONESIA_2025_2027.id,
  timeZone: JAKARTA,
};
export const APPRAISER_EXPLAINED_AT = new Date('2025-04-22T10:00:00+07:00');
export const EMPLOYEE_EXPLAINED_AT = new Date('2025-04-23T10:00:00+07:00');
export const DECIDED_AT = new Date('2025-04-30T10:00:00+07:00');
export const WITHDRAWN_AT = new Date('2025-04-25T10:00:00+07:00');
/** The first instant after the decision deadline: Wednesday 7 May 2025, 00:00 WIB. */
export const OVERDUE_AT = new Date('2025-05-07T00:00:00+07:00');

export const REASONS: ReadonlyArray<string> = [
  'Realisasi laporan April belum diperhitungkan',
  'Penilaian perilaku tidak didukung catatan bimbingan',
];
export const DECISION_REASONS: ReadonlyArray<string> = ['Laporan April terbukti lengkap dan tepat waktu'];
export const APPRAISER_EXPLANATION = 'Laporan April diterima setelah penilaian ditetapkan';
export const EMPLOYEE_EXPLANATION = 'Laporan April diunggah 31 Maret; bukti unggah terlampir';

/** What the evaluation's stream says when the employee files: delivered, window open until DEADLINE. */
export const evaluationFacts = (o: Partial<ObjectionEvaluationFacts> = {}): ObjectionEvaluationFacts => ({
  employee: EMPLOYEE,
  appraiser: APPRAISER,
  appraiserSuperior: APPRAISER_SUPERIOR,
  unit: UNIT,
  unitPeriod: UNIT_PERIOD,
  ruleBook: PERMENPANRB_6_2022_REF,
  status: 'delivered',
  deliveredAt: DELIVERED_AT,
  objectionDeadline: DEADLINE,
  ...o,
});

export const objectionFacts = (
  o: Readonly<{ evaluation?: Partial<ObjectionEvaluationFacts>; calendar?: TenantCalendar; policy?: ObjectionPolicy }> = {},
): ObjectionFacts => ({
  evaluation: evaluationFacts(o.evaluation),
  calendar: o.calendar ?? SURABAYA,
  policy: o.policy ?? OBJECTION_POLICY_DEFAULTS,
});

// ---------------------------------------------------------------------------------------------------------------
// Builders: a command and the event it should cause share their defaults, so a spec only states what matters.
// ---------------------------------------------------------------------------------------------------------------

const ROLE_OF = new Map<Nip, Role>([
  [EMPLOYEE, 'pegawai'],
  [APPRAISER, 'pejabat-penilai'],
  [APPRAISER_SUPERIOR, 'atasan-pejabat-penilai'],
  [SYSTEM, 'sistem'],
  [OPERATOR, 'operator'],
]);

const metadata = (defaultActor: Nip, defaultNow: Date, as: As): CommandMetadata => {
  const nip = as.by ?? defaultActor;
  return { now: as.now ?? defaultNow, actor: { nip, role: as.role ?? ROLE_OF.get(nip) ?? 'rekan-kerja' } };
};
const actorOf = (defaultActor: Nip, as: As): Nip => as.by ?? defaultActor;

type FileOptions = Readonly<{ objection?: string; reasons?: ReadonlyArray<string>; facts?: ObjectionFacts }>;
export const fileObjection = (o: FileOptions & As = {}): FileObjection => ({
  type: 'FileObjection',
  data: {
    evaluation: EVALUATION,
    objection: o.objection ?? OBJECTION,
    reasons: o.reasons ?? REASONS,
    facts: o.facts ?? objectionFacts(),
  },
  metadata: metadata(EMPLOYEE, FILED_AT, o),
});
/** The event FileObjection causes; `deadline` must be given (worked out by hand) whenever `now` or the facts change. */
export const objectionFiled = (
  o: Readonly<{ objection?: string; reasons?: ReadonlyArray<string>; evaluation?: Partial<ObjectionEvaluationFacts>; deadline?: RecordedDeadline; policy?: ObjectionPolicy }> &
    As = {},
): ObjectionFiled => {
  const facts = evaluationFacts(o.evaluation);
  if (facts.deliveredAt === null || facts.objectionDeadline === null) throw new Error('a filed objection needs a delivered evaluation');
  return {
    type: 'ObjectionFiled',
    data: {
      evaluation: EVALUATION,
      objection: o.objection ?? OBJECTION,
      reasons: o.reasons ?? REASONS,
      employee: facts.employee,
      appraiser: facts.appraiser,
      addressee: facts.appraiserSuperior,
      unit: facts.unit,
      unitPeriod: facts.unitPeriod,
      ruleBook: facts.ruleBook,
      deliveredAt: facts.deliveredAt,
      objectionDeadline: facts.objectionDeadline,
      decisionDeadline: o.deadline ?? DECISION_DEADLINE,
      policy: o.policy ?? OBJECTION_POLICY_DEFAULTS,
      articles: FILING_ARTICLES,
      filedBy: actorOf(EMPLOYEE, o),
      at: o.now ?? FILED_AT,
    },
  };
};

const PARTY_NIP: Readonly<Record<ObjectionParty, Nip>> = { appraiser: APPRAISER, employee: EMPLOYEE };
const EXPLAINED_AT: Readonly<Record<ObjectionParty, Date>> = { appraiser: APPRAISER_EXPLAINED_AT, employee: EMPLOYEE_EXPLAINED_AT };
const EXPLANATION: Readonly<Record<ObjectionParty, string>> = { appraiser: APPRAISER_EXPLANATION, employee: EMPLOYEE_EXPLANATION };

type Named = Readonly<{ objection?: string }>;
export const recordExplanation = (
  party: ObjectionParty,
  o: Named & Readonly<{ explanation?: string }> & As = {},
): RecordExplanation => ({
  type: 'RecordExplanation',
  data: { evaluation: EVALUATION, objection: o.objection ?? OBJECTION, explanation: o.explanation ?? EXPLANATION[party] },
  metadata: metadata(PARTY_NIP[party], EXPLAINED_AT[party], o),
});
export const explanationRecorded = (party: ObjectionParty, o: Readonly<{ explanation?: string }> & As = {}): ExplanationRecorded => ({
  type: 'ExplanationRecorded',
  data: {
    evaluation: EVALUATION,
    objection: OBJECTION,
    party,
    explanation: o.explanation ?? EXPLANATION[party],
    recordedBy: actorOf(PARTY_NIP[party], o),
    at: o.now ?? EXPLAINED_AT[party],
  },
});

/** The new rating of an upheld objection by default: both levels above expectations (Sangat Baik). */
export const NEW_RATING: Appraisal = ratedAppraisal('di-atas-ekspektasi', 'di-atas-ekspektasi', {
  justification: 'Laporan April lengkap; perilaku melampaui ekspektasi',
});

export const upheld = (rating: Appraisal = NEW_RATING): ObjectionRuling => ({ outcome: 'upheld', rating });
export const partlyUpheld = (rating: Appraisal = ratedAppraisal('sesuai-ekspektasi', 'di-atas-ekspektasi')): ObjectionRuling => ({
  outcome: 'partly-upheld',
  rating,
});
export const rejected: ObjectionRuling = { outcome: 'rejected' };

type DecideOptions = Named & Readonly<{ reasons?: ReadonlyArray<string> }>;
export const decideObjection = (ruling: ObjectionRuling = upheld(), o: DecideOptions & As = {}): DecideObjection => ({
  type: 'DecideObjection',
  data: { evaluation: EVALUATION, objection: o.objection ?? OBJECTION, reasons: o.reasons ?? DECISION_REASONS, ...ruling },
  metadata: metadata(APPRAISER_SUPERIOR, DECIDED_AT, o),
});

type DecisionOptions = Readonly<{ reasons?: ReadonlyArray<string>; afterDeadline?: boolean }> & As;
const decisionData = (o: DecisionOptions) => ({
  evaluation: EVALUATION,
  objection: OBJECTION,
  reasons: o.reasons ?? DECISION_REASONS,
  decidedBy: actorOf(APPRAISER_SUPERIOR, o),
  authority: 'atasan-pejabat-penilai' as const,
  articles: DECISION_ARTICLES,
  afterDeadline: o.afterDeadline ?? false,
  at: o.now ?? DECIDED_AT,
});
export const objectionUpheld = (rating: Appraisal = NEW_RATING, o: DecisionOptions = {}): ObjectionUpheld => ({
  type: 'ObjectionUpheld',
  data: { ...decisionData(o), rating },
});
export const objectionPartlyUpheld = (
  rating: Appraisal = ratedAppraisal('sesuai-ekspektasi', 'di-atas-ekspektasi'),
  o: DecisionOptions = {},
): ObjectionPartlyUpheld => ({ type: 'ObjectionPartlyUpheld', data: { ...decisionData(o), rating } });
export const objectionRejected = (o: DecisionOptions = {}): ObjectionRejected => ({
  type: 'ObjectionRejected',
  data: decisionData(o),
});

export const withdrawObjection = (o: Named & Readonly<{ reason?: string }> & As = {}): WithdrawObjection => ({
  type: 'WithdrawObjection',
  data: { evaluation: EVALUATION, objection: o.objection ?? OBJECTION, ...(o.reason === undefined ? {} : { reason: o.reason }) },
  metadata: metadata(EMPLOYEE, WITHDRAWN_AT, o),
});
export const objectionWithdrawn = (o: Readonly<{ reason?: string }> & As = {}): ObjectionWithdrawn => ({
  type: 'ObjectionWithdrawn',
  data: {
    evaluation: EVALUATION,
    objection: OBJECTION,
    ...(o.reason === undefined ? {} : { reason: o.reason }),
    withdrawnBy: actorOf(EMPLOYEE, o),
    at: o.now ?? WITHDRAWN_AT,
  },
});

export const escalateObjection = (o: Named & As = {}): EscalateObjection => ({
  type: 'EscalateObjection',
  data: { evaluation: EVALUATION, objection: o.objection ?? OBJECTION },
  metadata: metadata(SYSTEM, OVERDUE_AT, o),
});
export const objectionDecisionOverdue = (o: Readonly<{ deadline?: RecordedDeadline }> & As = {}): ObjectionDecisionOverdue => ({
  type: 'ObjectionDecisionOverdue',
  data: {
    evaluation: EVALUATION,
    objection: OBJECTION,
    addressee: APPRAISER_SUPERIOR,
    deadline: o.deadline ?? DECISION_DEADLINE,
    escalatedBy: actorOf(SYSTEM, o),
    authority: 'sistem',
    articles: ESCALATION_ARTICLES,
    at: o.now ?? OVERDUE_AT,
  },
});

/** Histories at each step of the usual path; a spec adds what it is about. */
export const histories = (() => {
  const filed: ReadonlyArray<ObjectionEvent> = [objectionFiled()];
  const appraiserExplained: ReadonlyArray<ObjectionEvent> = [...filed, explanationRecorded('appraiser')];
  const employeeExplained: ReadonlyArray<ObjectionEvent> = [...filed, explanationRecorded('employee')];
  const heard: ReadonlyArray<ObjectionEvent> = [...appraiserExplained, explanationRecorded('employee')];
  const escalated: ReadonlyArray<ObjectionEvent> = [...filed, objectionDecisionOverdue()];
  const upheld: ReadonlyArray<ObjectionEvent> = [...heard, objectionUpheld()];
  const partlyUpheld: ReadonlyArray<ObjectionEvent> = [...heard, objectionPartlyUpheld()];
  const rejected: ReadonlyArray<ObjectionEvent> = [...heard, objectionRejected()];
  const withdrawn: ReadonlyArray<ObjectionEvent> = [...filed, objectionWithdrawn()];
  return { filed, appraiserExplained, employeeExplained, heard, escalated, upheld, partlyUpheld, rejected, withdrawn };
})();

/** Runs commands one after the other as the engine would: a refused command changes nothing. */
export const run = (commands: ReadonlyArray<ObjectionCommand>, from: ObjectionState = objectionDecider.initialState()) =>
  runCommands(objectionDecider, commands, from);

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: any valid value of each wire type (for codec laws)
// ---------------------------------------------------------------------------------------------------------------

const arbZone = fc.constantFrom(JAKARTA, MAKASSAR);
const arbDays = fc.integer({ min: 1, max: 366 });
const arbDayCount = fc.constantFrom(...DAY_COUNTS);
const arbPolicy: fc.Arbitrary<ObjectionPolicy> = fc.record({ decisionPeriod: fc.record({ days: arbDays, kind: arbDayCount }) });
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
const arbEvaluationFacts: fc.Arbitrary<ObjectionEvaluationFacts> = fc.record({
  employee: arbNip,
  appraiser: arbNip,
  appraiserSuperior: arbNip,
  unit: arbUnit,
  unitPeriod: arbUnitPeriodId,
  ruleBook: arbRuleBookRef,
  status: fc.constantFrom(...EVALUATION_STATUSES),
  deliveredAt: fc.option(arbInstant, { nil: null }),
  objectionDeadline: fc.option(arbInstant, { nil: null }),
});
const arbFacts: fc.Arbitrary<ObjectionFacts> = fc.record({ evaluation: arbEvaluationFacts, calendar: arbCalendar, policy: arbPolicy });
const arbDeadline: fc.Arbitrary<RecordedDeadline> = fc.record({
  endsAt: arbInstant,
  days: arbDays,
  kind: arbDayCount,
  calendar: arbText(),
  timeZone: arbZone,
});
const arbReasons = fc.array(arbText(), { maxLength: 3 });
const arbNamed = fc.record({ evaluation: arbEvaluationId, objection: arbText() });
const arbMetadata: fc.Arbitrary<CommandMetadata> = fc.record({
  now: arbInstant,
  actor: fc.record({ nip: arbNip, role: fc.constantFrom(...ROLES) }),
});
const command = <C extends ObjectionCommand>(type: C['type'], data: fc.Arbitrary<C['data']>): fc.Arbitrary<C> =>
  fc.record({ data, metadata: arbMetadata }).map((c) => ({ type, ...c }) as C);
const event = <E extends ObjectionEvent>(type: E['type'], data: fc.Arbitrary<E['data']>): fc.Arbitrary<E> =>
  data.map((d) => ({ type, data: d }) as E);

const arbRuling: fc.Arbitrary<ObjectionRuling> = fc.oneof(
  arbAppraisal.map((rating) => ({ outcome: 'upheld' as const, rating })),
  arbAppraisal.map((rating) => ({ outcome: 'partly-upheld' as const, rating })),
  fc.constant({ outcome: 'rejected' as const }),
);

/** One arbitrary per command type: the mapped type makes a missing command a compile error. */
export const commandArbitraries: {
  readonly [K in ObjectionCommand['type']]: fc.Arbitrary<Extract<ObjectionCommand, { type: K }>>;
} = {
  FileObjection: command<FileObjection>(
    'FileObjection',
    fc.record({ evaluation: arbEvaluationId, objection: arbText(), reasons: arbReasons, facts: arbFacts }),
  ),
  RecordExplanation: command<RecordExplanation>(
    'RecordExplanation',
    fc.tuple(arbNamed, arbText()).map(([named, explanation]) => ({ ...named, explanation })),
  ),
  DecideObjection: command<DecideObjection>(
    'DecideObjection',
    fc.tuple(arbNamed, arbReasons, arbRuling).map(([named, reasons, ruling]) => ({ ...named, reasons, ...ruling })),
  ),
  WithdrawObjection: command<WithdrawObjection>(
    'WithdrawObjection',
    fc.tuple(arbNamed, fc.option(arbText(), { nil: undefined })).map(([named, reason]) => ({
      ...named,
      ...(reason === undefined ? {} : { reason }),
    })),
  ),
  EscalateObjection: command<EscalateObjection>('EscalateObjection', arbNamed),
};

export const arbCommand: fc.Arbitrary<ObjectionCommand> = fc.oneof(...Object.values(commandArbitraries));

const arbDecisionData = fc
  .record({ named: arbNamed, reasons: arbReasons, decidedBy: arbNip, articles: arbReasons, afterDeadline: fc.boolean(), at: arbInstant })
  .map(({ named, ...rest }) => ({ ...named, ...rest, authority: 'atasan-pejabat-penilai' as const }));

/** One arbitrary per event type: the mapped type makes a missing event a compile error. */
export const eventArbitraries: {
  readonly [K in ObjectionEvent['type']]: fc.Arbitrary<Extract<ObjectionEvent, { type: K }>>;
} = {
  ObjectionFiled: event<ObjectionFiled>(
    'ObjectionFiled',
    fc
      .record({
        named: arbNamed,
        reasons: arbReasons,
        employee: arbNip,
        appraiser: arbNip,
        addressee: arbNip,
        unit: arbUnit,
        unitPeriod: arbUnitPeriodId,
        ruleBook: arbRuleBookRef,
        deliveredAt: arbInstant,
        objectionDeadline: arbInstant,
        decisionDeadline: arbDeadline,
        policy: arbPolicy,
        articles: arbReasons,
        filedBy: arbNip,
        at: arbInstant,
      })
      .map(({ named, ...rest }) => ({ ...named, ...rest })),
  ),
  ExplanationRecorded: event<ExplanationRecorded>(
    'ExplanationRecorded',
    fc
      .record({ named: arbNamed, party: fc.constantFrom(...OBJECTION_PARTIES), explanation: arbText(), recordedBy: arbNip, at: arbInstant })
      .map(({ named, ...rest }) => ({ ...named, ...rest })),
  ),
  ObjectionUpheld: event<ObjectionUpheld>(
    'ObjectionUpheld',
    fc.tuple(arbDecisionData, arbAppraisal).map(([d, rating]) => ({ ...d, rating })),
  ),
  ObjectionPartlyUpheld: event<ObjectionPartlyUpheld>(
    'ObjectionPartlyUpheld',
    fc.tuple(arbDecisionData, arbAppraisal).map(([d, rating]) => ({ ...d, rating })),
  ),
  ObjectionRejected: event<ObjectionRejected>('ObjectionRejected', arbDecisionData),
  ObjectionWithdrawn: event<ObjectionWithdrawn>(
    'ObjectionWithdrawn',
    fc
      .record({ named: arbNamed, reason: fc.option(arbText(), { nil: undefined }), withdrawnBy: arbNip, at: arbInstant })
      .map(({ named, reason, ...rest }) => ({ ...named, ...(reason === undefined ? {} : { reason }), ...rest })),
  ),
  ObjectionDecisionOverdue: event<ObjectionDecisionOverdue>(
    'ObjectionDecisionOverdue',
    fc
      .record({ named: arbNamed, addressee: arbNip, deadline: arbDeadline, escalatedBy: arbNip, articles: arbReasons, at: arbInstant })
      .map(({ named, ...rest }) => ({ ...named, ...rest, authority: 'sistem' as const })),
  ),
};

export const arbEvent: fc.Arbitrary<ObjectionEvent> = fc.oneof(...Object.values(eventArbitraries));

// ---------------------------------------------------------------------------------------------------------------
// Plausible commands: the fixture's people, instants around the deadlines, every outcome (for laws about histories)
// ---------------------------------------------------------------------------------------------------------------

const arbPerson = fc.constantFrom(EMPLOYEE, APPRAISER, APPRAISER_SUPERIOR, SYSTEM, OUTSIDER);
/** Mostly the one who may, sometimes anyone (refusals are part of the laws). */
const arbBy = (right: Nip): fc.Arbitrary<Nip> =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(right) }, { weight: 1, arbitrary: arbPerson });
/** After both decision deadlines the pools can produce (filed on FILED_AT: 6 May; on DEADLINE: 19 May). */
export const MUCH_LATER = new Date('2025-05-20T00:00:00+07:00');
const arbMoment = fc.constantFrom(FILED_AT, APPRAISER_EXPLAINED_AT, EMPLOYEE_EXPLAINED_AT, DECIDED_AT, DEADLINE, OVERDUE_AT, MUCH_LATER);
const arbAs = (right: Nip): fc.Arbitrary<As> => fc.record({ by: arbBy(right), now: arbMoment });
const arbPlausibleRating = fc.oneof(
  fc.constant(NEW_RATING),
  fc.constant(ratedAppraisal('sesuai-ekspektasi', 'di-atas-ekspektasi')),
  fc.constant(numericAppraisal()),
);
const arbPlausibleRuling: fc.Arbitrary<ObjectionRuling> = fc.oneof(
  arbPlausibleRating.map((r) => upheld(r)),
  arbPlausibleRating.map((r) => partlyUpheld(r)),
  fc.constant(rejected),
);

/** Commands the fixture's people might send, in any order, at instants around the deadlines. */
export const arbPlausibleCommand: fc.Arbitrary<ObjectionCommand> = fc.oneof(
  { weight: 1, arbitrary: arbAs(EMPLOYEE).map((as) => fileObjection(as)) },
  {
    weight: 5,
    arbitrary: fc
      .constantFrom(...OBJECTION_PARTIES)
      .chain((party) => arbAs(PARTY_NIP[party]).map((as) => recordExplanation(party, as))),
  },
  { weight: 3, arbitrary: fc.tuple(arbPlausibleRuling, arbAs(APPRAISER_SUPERIOR)).map(([ruling, as]) => decideObjection(ruling, as)) },
  // Mostly by someone who may not: a withdrawal ends everything, and the other paths need room.
  { weight: 1, arbitrary: fc.record({ by: arbPerson, now: arbMoment }).map((as) => withdrawObjection(as)) },
  { weight: 2, arbitrary: arbAs(SYSTEM).map((as) => escalateObjection(as)) },
);

/** Usually a filing first (in the window: on day 4 or in the last millisecond of day 14), then anything. */
export const arbPlausibleCommands: fc.Arbitrary<ReadonlyArray<ObjectionCommand>> = fc
  .tuple(
    fc.option(fc.constantFrom(FILED_AT, DEADLINE).map((now) => fileObjection({ now })), { freq: 5, nil: undefined }),
    fc.array(arbPlausibleCommand, { maxLength: 12 }),
  )
  .map(([filing, rest]) => (filing === undefined ? rest : [filing, ...rest]));

/** Commands that bring a filed objection to a decision (each refused where it does not apply). */
export const toDecision: ReadonlyArray<ObjectionCommand> = [
  fileObjection(),
  recordExplanation('appraiser'),
  recordExplanation('employee'),
  decideObjection(rejected),
];

/** One path to each decision event: rejected, upheld and partly upheld, each after an escalation as overdue. */
export const decisionPaths: ReadonlyArray<ReadonlyArray<ObjectionCommand>> = [rejected, upheld(), partlyUpheld()].map((ruling) => [
  fileObjection(),
  recordExplanation('appraiser'),
  escalateObjection(),
  recordExplanation('employee', { now: OVERDUE_AT }),
  decideObjection(ruling, { now: MUCH_LATER }),
]);
