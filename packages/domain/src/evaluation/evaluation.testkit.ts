/**
 * Test support for the evaluation: fixtures (people, instants, an approved plan's facts, the tenant policy),
 * builders that make commands and the events they should cause with the same defaults, ready-made histories,
 * a runner, and fast-check arbitraries.
 */
import * as fc from 'fast-check';
import { isLeft } from 'fp-ts/Either';
import { TimeZone } from '../calendar';
import {
  evaluationIdOf,
  LocalDate,
  Nip,
  PeriodId,
  unitPeriodIdOf,
  type Role,
  type UnitId,
  type UnitPeriodId,
} from '../core';
import { arbTotalRecord, nipArb as arbNip } from '../core/core.testkit';
import type { IkiId } from '../plan/ids';
import {
  CORE_VALUES,
  OPEN_PLAN_STATUSES,
  type CoreValue,
  type Evidence,
  type PlanHeader,
  type Realised,
  type Targets,
} from '../plan/plan';
import {
  APPRAISER,
  APPRAISER_SUPERIOR,
  actorOf,
  arbCommandOf,
  arbEvaluationId,
  arbEventOf,
  arbEvidence,
  arbIkiId,
  arbInstant,
  arbLocalDate,
  arbNumber,
  arbPeriod,
  arbPlanHeader,
  arbRealised,
  arbRhkId,
  arbTargets,
  arbText,
  arbUnit,
  arbUnitPeriodId,
  EMPLOYEE,
  EVIDENCE,
  I1,
  I2,
  metadataWith,
  OUTSIDER,
  PERIOD,
  PERIOD_END as PLAN_PERIOD_END,
  PERIOD_START as PLAN_PERIOD_START,
  PLAN,
  PLAN_HEADER,
  R1,
  R2,
  TARGETS,
  UNIT,
  valid,
  type As,
} from '../plan/plan.testkit';
import { consequencesOf, type Consequences } from '../rulebook/consequences';
import { PERMENPANRB_6_2022_REF } from '../rulebook/permenpanrb-6-2022';
import { PP_30_2019_REF } from '../rulebook/pp-30-2019';
import { PP_46_2011_REF } from '../rulebook/pp-46-2011';
import { ruleBookByRef } from '../rulebook/registry';
import {
  arbArticles,
  arbAssessment,
  arbAssessmentInput,
  arbBehaviourScores,
  behaviourOf,
  arbConsequences,
  arbPredikat,
  arbRuleBookRef,
} from '../rulebook/rulebook.testkit';
import type { Assessment, AssessmentInput, RuleBookRef } from '../rulebook/rule-book';
import {
  EVALUATION_FREQUENCIES,
  JENJANG,
  ORGANISATIONAL_RESULTS,
  PREDIKAT,
  RATING_LEVELS,
  type OrganisationalResult,
  type Predikat,
  type RatingLevel,
} from '../rulebook/vocabulary';
import { arbLifecycleWithNoise, runCommands, type DeciderStep } from '../testing/decider.testkit';
import {
  evaluationDecider,
  type DeliverEvaluation,
  type EvaluationCommand,
  type FinalizeEvaluation,
  type GiveFeedback,
  type InviteFeedback,
  type NoteObjection,
  type OpenEvaluation,
  type RateEvaluation,
  type RecordEvaluationRealisation,
  type RecordSelfEvaluation,
  type ReviseEvaluation,
  type SettleEvaluation,
} from './decide';
import type { EvaluationError } from './errors';
import {
  CLOSING_OUTCOMES,
  EVALUATION_KINDS,
  FEEDBACK_RELATIONS,
  RESULT_STAGES,
  REVISING_OUTCOMES,
  type Appraisal,
  type ClosingOutcome,
  type CoreValueLevels,
  type CoreValueScores,
  type EvaluationDelivered,
  type EvaluationEvent,
  type EvaluationFacts,
  type EvaluationFinalized,
  type EvaluationKind,
  type EvaluationObjected,
  type EvaluationOpened,
  type EvaluationPlanFacts,
  type EvaluationPolicy,
  type EvaluationRated,
  type EvaluationRealisationRecorded,
  type EvaluationResult,
  type EvaluationRevised,
  type EvaluationRosterFacts,
  type EvaluationSettled,
  type EvaluationState,
  type FeedbackGiven,
  type FeedbackInvited,
  type FeedbackRelation,
  type InviteeFacts,
  type RevisingOutcome,
  type SelfEvaluationRecorded,
} from './evaluation';

export { APPRAISER, APPRAISER_SUPERIOR, EMPLOYEE, EVIDENCE, I1, I2, OUTSIDER, PLAN, R1, R2, UNIT, valid, type As };

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: the plan of plan.testkit (employee 198503152010011002, 2025, Dinas Kesehatan) evaluated for 2025-Q1
// ---------------------------------------------------------------------------------------------------------------

/** Two peers and a subordinate of the employee in the same unit; a colleague from another unit. */
export const PEER = valid(Nip, '199203142019031008');
export const PEER_2 = valid(Nip, '199510202022032011');
export const SUBORDINATE = valid(Nip, '199707072020121003');
export const OTHER_UNIT_COLLEAGUE = valid(Nip, '198811112012121001');
/** Who the process managers and timers act as (role `sistem`), and an operator of BKPSDM. */
export const SYSTEM = valid(Nip, '198001012005011001');
export const OPERATOR = valid(Nip, '198202022006041002');
export const OTHER_UNIT = 'dinas-pendidikan' as UnitId;

export const Q1 = valid(PeriodId, '2025-Q1');
export const YEAR = PERIOD;
export const EVALUATION = evaluationIdOf(PLAN, Q1);
export const ANNUAL_EVALUATION = evaluationIdOf(PLAN, YEAR);
export const OTHER_EVALUATION = evaluationIdOf(PLAN, valid(PeriodId, '2025-Q2'));
export const UNIT_PERIOD: UnitPeriodId = unitPeriodIdOf(UNIT, Q1);

export const JAKARTA = valid(TimeZone, 'Asia/Jakarta');
export const MAKASSAR = valid(TimeZone, 'Asia/Makassar');

/** 2025-Q1 in WIB. */
export const Q1_START = new Date('2025-01-01T00:00:00+07:00');
export const Q1_END = new Date('2025-04-01T00:00:00+07:00');
export const OPENED_AT = new Date('2025-04-01T08:00:00+07:00');
export const DURING = new Date('2025-04-03T10:00:00+07:00');
export const RATED_AT = new Date('2025-04-07T10:00:00+07:00');
export const SETTLED_AT = new Date('2025-04-09T10:00:00+07:00');
export const DELIVERED_AT = new Date('2025-04-10T10:00:00+07:00');
/** BR-10: 14 calendar days after 10 April is 24 April; the window ends at 23:59:59.999 WIB that day. */
export const DEADLINE = new Date('2025-04-24T23:59:59.999+07:00');
export const OBJECTED_AT = new Date('2025-04-20T09:00:00+07:00');
export const AFTER_WINDOW = new Date('2025-04-25T00:00:00+07:00');
export const DECIDED_AT = new Date('2025-05-15T09:00:00+07:00');
export const OBJECTION = 'keberatan-2025-0001';

/** The plan's latest realisation of I1 when the evaluation opened (I2 was never realised). */
export const PLAN_REALISATION_I1 = {
  iki: I1,
  realised: { kuantitas: 3, kualitas: 90 },
  evidence: EVIDENCE,
  recordedAt: new Date('2025-03-28T15:00:00+07:00'),
} as const;

export const I2_TARGETS: Targets = { kuantitas: { value: 4, unit: 'kegiatan' } };

export const HEADER: PlanHeader = PLAN_HEADER;

/** An approved plan (revision 1) with two IKI under R1: I1 (TARGETS) and I2 (kuantitas 4 kegiatan). */
export const planFacts = (o: Partial<EvaluationPlanFacts> = {}): EvaluationPlanFacts => ({
  header: HEADER,
  status: 'approved',
  closedFrom: null,
  revision: 1,
  iki: [
    { rhk: R1, iki: I1, description: 'Laporan pelayanan imunisasi', targets: TARGETS },
    { rhk: R1, iki: I2, description: 'Kegiatan posyandu', targets: I2_TARGETS },
  ],
  realisations: [PLAN_REALISATION_I1],
  ...o,
});

/** BR-25 [practice]: next year's tunjangan kinerja per predikat. */
export const ALLOWANCE: Readonly<Record<Predikat, number>> = {
  'sangat-baik': 100,
  baik: 100,
  'butuh-perbaikan': 90,
  kurang: 85,
  'sangat-kurang': 80,
};

export const policy = (o: Partial<EvaluationPolicy> = {}): EvaluationPolicy => ({
  timeZone: JAKARTA,
  frequency: 'quarterly',
  peerFeedback: true,
  selfEvaluation: true,
  objectionWindow: { days: 14, kind: 'calendar' },
  allowancePercent: ALLOWANCE,
  angkaKreditProRata: true,
  ...o,
});

export const OPEN_DAY = valid(LocalDate, '2025-04-01');

/** What the roster says about the employee: not the unit head, not in a functional position. */
export const rosterFacts = (o: Partial<EvaluationRosterFacts> = {}): EvaluationRosterFacts => ({
  asOf: OPEN_DAY,
  isUnitHead: false,
  jenjang: null,
  ...o,
});

export const facts = (
  o: Partial<Omit<EvaluationFacts, 'plan' | 'policy' | 'roster'>> &
    Readonly<{ plan?: Partial<EvaluationPlanFacts>; policy?: Partial<EvaluationPolicy>; roster?: Partial<EvaluationRosterFacts> }> = {},
): EvaluationFacts => ({
  plan: planFacts(o.plan),
  ruleBook: o.ruleBook ?? PERMENPANRB_6_2022_REF,
  policy: policy(o.policy),
  roster: rosterFacts(o.roster),
});

/** What the roster says about an invitee on the invitation day: same unit, reporting to the appraiser. */
export const inviteeFacts = (o: Partial<InviteeFacts> = {}): InviteeFacts => ({
  asOf: valid(LocalDate, '2025-04-03'),
  unit: UNIT,
  superior: APPRAISER,
  ...o,
});

export { PERMENPANRB_6_2022_REF, PP_30_2019_REF, PP_46_2011_REF };

/** The rule book's assessment of an input (tests only: throws when the rule book refuses). */
export const assessed = (ref: RuleBookRef, input: AssessmentInput): Assessment => {
  const book = ruleBookByRef(ref);
  if (book === undefined) throw new Error(`no rule book ${ref.id} v${ref.version}`);
  const result = book.assess(input);
  if (isLeft(result)) throw new Error(`rule book refused: ${JSON.stringify(result.left)}`);
  return result.right;
};

export const levelsAll = (level: RatingLevel): CoreValueLevels =>
  Object.fromEntries(CORE_VALUES.map((v) => [v, level])) as Record<CoreValue, RatingLevel>;
/** The same score for all seven BerAKHLAK values. */
export const scoresAll: (score: number) => CoreValueScores = behaviourOf;

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

const metadata = metadataWith(ROLE_OF);
const split = <O extends As>(o: O): [As, Omit<O, 'by' | 'role' | 'now'>] => {
  const { by, role, now, ...rest } = o;
  return [{ ...(by && { by }), ...(role && { role }), ...(now && { now }) }, rest];
};

type OpenData = OpenEvaluation['data'];
const openData = (o: Partial<OpenData>): OpenData => ({
  evaluation: EVALUATION,
  kind: 'periodic',
  period: Q1,
  periodStart: Q1_START,
  periodEnd: Q1_END,
  facts: facts(),
  ...o,
});
export const openEvaluation = (o: Partial<OpenData> & As = {}): OpenEvaluation => {
  const [as, data] = split(o);
  return { type: 'OpenEvaluation', data: openData(data), metadata: metadata(APPRAISER, OPENED_AT, as) };
};
export const evaluationOpened = (o: Partial<OpenData> & As = {}): EvaluationOpened => {
  const [as, data] = split(o);
  return {
    type: 'EvaluationOpened',
    data: { ...openData(data), openedBy: actorOf(APPRAISER, as), at: as.now ?? OPENED_AT },
  };
};
/** The annual evaluation of the same plan. */
export const annual = { evaluation: ANNUAL_EVALUATION, kind: 'annual' as EvaluationKind, period: YEAR, periodStart: PLAN_PERIOD_START, periodEnd: PLAN_PERIOD_END };

type RealisationOptions = Readonly<{ realised?: Realised; evidence?: ReadonlyArray<Evidence> }>;
export const recordEvaluationRealisation = (iki: IkiId, o: RealisationOptions & As = {}): RecordEvaluationRealisation => ({
  type: 'RecordEvaluationRealisation',
  data: { evaluation: EVALUATION, iki, realised: o.realised ?? { kuantitas: 4 }, evidence: o.evidence ?? EVIDENCE },
  metadata: metadata(APPRAISER, DURING, o),
});
export const evaluationRealisationRecorded = (
  iki: IkiId,
  o: RealisationOptions & As & Readonly<{ rhk?: typeof R1 }> = {},
): EvaluationRealisationRecorded => ({
  type: 'EvaluationRealisationRecorded',
  data: {
    evaluation: EVALUATION,
    rhk: o.rhk ?? R1,
    iki,
    realised: o.realised ?? { kuantitas: 4 },
    evidence: o.evidence ?? EVIDENCE,
    recordedBy: actorOf(APPRAISER, o),
    at: o.now ?? DURING,
  },
});

type InviteOptions = Readonly<{ relation?: FeedbackRelation; inviteeFacts?: InviteeFacts }>;
/** The subordinate reports to the employee; everyone else to the appraiser. */
const defaultFacts = (invitee: Nip, relation: FeedbackRelation): InviteeFacts =>
  relation === 'subordinate' || invitee === SUBORDINATE ? inviteeFacts({ superior: EMPLOYEE }) : inviteeFacts();
export const inviteFeedback = (invitee: Nip, o: InviteOptions & As = {}): InviteFeedback => {
  const relation = o.relation ?? (invitee === SUBORDINATE ? 'subordinate' : 'peer');
  return {
    type: 'InviteFeedback',
    data: { evaluation: EVALUATION, invitee, relation, inviteeFacts: o.inviteeFacts ?? defaultFacts(invitee, relation) },
    metadata: metadata(APPRAISER, DURING, o),
  };
};
export const feedbackInvited = (invitee: Nip, o: InviteOptions & As = {}): FeedbackInvited => {
  const relation = o.relation ?? (invitee === SUBORDINATE ? 'subordinate' : 'peer');
  return {
    type: 'FeedbackInvited',
    data: {
      evaluation: EVALUATION,
      invitee,
      relation,
      inviteeFacts: o.inviteeFacts ?? defaultFacts(invitee, relation),
      invitedBy: actorOf(APPRAISER, o),
      at: o.now ?? DURING,
    },
  };
};

type FeedbackOptions = Readonly<{ levels?: CoreValueLevels; comment?: string }>;
export const giveFeedback = (by: Nip, o: FeedbackOptions & Omit<As, 'by'> = {}): GiveFeedback => ({
  type: 'GiveFeedback',
  data: {
    evaluation: EVALUATION,
    levels: o.levels ?? levelsAll('sesuai-ekspektasi'),
    ...(o.comment === undefined ? {} : { comment: o.comment }),
  },
  metadata: metadata(by, DURING, o),
});
export const feedbackGiven = (
  invitee: Nip,
  o: FeedbackOptions & Readonly<{ relation?: FeedbackRelation; now?: Date }> = {},
): FeedbackGiven => ({
  type: 'FeedbackGiven',
  data: {
    evaluation: EVALUATION,
    invitee,
    relation: o.relation ?? (invitee === SUBORDINATE ? 'subordinate' : 'peer'),
    levels: o.levels ?? levelsAll('sesuai-ekspektasi'),
    ...(o.comment === undefined ? {} : { comment: o.comment }),
    at: o.now ?? DURING,
  },
});

const SELF_NOTES = 'Laporan imunisasi tepat waktu; dua kegiatan posyandu tertunda karena banjir';
export const recordSelfEvaluation = (notes = SELF_NOTES, o: As = {}): RecordSelfEvaluation => ({
  type: 'RecordSelfEvaluation',
  data: { evaluation: EVALUATION, notes },
  metadata: metadata(EMPLOYEE, DURING, o),
});
export const selfEvaluationRecorded = (notes = SELF_NOTES, o: As = {}): SelfEvaluationRecorded => ({
  type: 'SelfEvaluationRecorded',
  data: { evaluation: EVALUATION, notes, recordedBy: actorOf(EMPLOYEE, o), at: o.now ?? DURING },
});

export const JUSTIFICATION = 'Target laporan tercapai; pelayanan responsif';
export const ratedAppraisal = (
  hasilKerja: RatingLevel = 'sesuai-ekspektasi',
  perilaku: RatingLevel = 'sesuai-ekspektasi',
  o: Readonly<{ justification?: string; effortNotes?: string }> = {},
): Appraisal => ({
  regime: 'rated',
  hasilKerja,
  perilaku,
  justification: o.justification ?? JUSTIFICATION,
  ...(o.effortNotes === undefined ? {} : { effortNotes: o.effortNotes }),
});
export const numericAppraisal = (
  o: Readonly<{ behaviour?: CoreValueScores; innovation?: boolean; justification?: string; effortNotes?: string }> = {},
): Appraisal => ({
  regime: 'numeric',
  behaviour: o.behaviour ?? scoresAll(90),
  innovation: o.innovation ?? false,
  justification: o.justification ?? JUSTIFICATION,
  ...(o.effortNotes === undefined ? {} : { effortNotes: o.effortNotes }),
});

export const rateEvaluation = (appraisal: Appraisal = ratedAppraisal(), o: As = {}): RateEvaluation => ({
  type: 'RateEvaluation',
  data: { evaluation: EVALUATION, ...appraisal },
  metadata: metadata(APPRAISER, RATED_AT, o),
});

/** The input the rated regime assesses for an appraisal (numeric inputs are spelled out in the specs). */
export const ratedInput = (appraisal: Appraisal): AssessmentInput =>
  appraisal.regime === 'rated'
    ? { regime: 'rated', hasilKerja: appraisal.hasilKerja, perilaku: appraisal.perilaku }
    : (() => {
        throw new Error('spell out numeric inputs in the spec');
      })();

type RatedOptions = Readonly<{
  appraisal?: Appraisal;
  input?: AssessmentInput;
  ruleBook?: RuleBookRef;
  closedInvitations?: ReadonlyArray<Nip>;
  feedbackCount?: number;
}>;
export const evaluationRated = (o: RatedOptions & As = {}): EvaluationRated => {
  const appraisal = o.appraisal ?? ratedAppraisal();
  const input = o.input ?? ratedInput(appraisal);
  return {
    type: 'EvaluationRated',
    data: {
      evaluation: EVALUATION,
      input,
      assessment: assessed(o.ruleBook ?? PERMENPANRB_6_2022_REF, input),
      justification: appraisal.justification,
      ...(appraisal.effortNotes === undefined ? {} : { effortNotes: appraisal.effortNotes }),
      closedInvitations: o.closedInvitations ?? [],
      feedbackCount: o.feedbackCount ?? 0,
      ratedBy: actorOf(APPRAISER, o),
      at: o.now ?? RATED_AT,
    },
  };
};

/** BR-25 consequences of a predikat for the fixture employee (no jenjang), with the fixture's allowance table. */
export const consequencesFor = (predikat: Predikat, o: Partial<Parameters<typeof consequencesOf>[0]> = {}): Consequences =>
  consequencesOf({ predikat, jenjang: null, months: 3, proRata: true, allowanceTable: ALLOWANCE, ...o });

type SettleData = SettleEvaluation['data'];
const settleData = (o: Partial<SettleData>): SettleData => {
  const predikat = o.predikat ?? 'baik';
  return {
    evaluation: EVALUATION,
    unitPeriod: UNIT_PERIOD,
    organisationalResult: 'baik',
    predikat,
    label: 'Baik',
    hasilKerja: 'sesuai-ekspektasi',
    perilaku: 'sesuai-ekspektasi',
    articles: ['BR-01', 'PermenPANRB 6/2022', 'BR-05', 'BR-25'],
    consequences: consequencesFor(predikat),
    ...o,
  };
};
export const settleEvaluation = (o: Partial<SettleData> & As = {}): SettleEvaluation => {
  const [as, data] = split(o);
  return { type: 'SettleEvaluation', data: settleData(data), metadata: metadata(SYSTEM, SETTLED_AT, as) };
};
export const evaluationSettled = (o: Partial<SettleData> & As = {}): EvaluationSettled => {
  const [as, data] = split(o);
  return {
    type: 'EvaluationSettled',
    data: { ...settleData(data), settledBy: actorOf(SYSTEM, as), at: as.now ?? SETTLED_AT },
  };
};

export const deliverEvaluation = (o: As = {}): DeliverEvaluation => ({
  type: 'DeliverEvaluation',
  data: { evaluation: EVALUATION },
  metadata: metadata(APPRAISER, DELIVERED_AT, o),
});
export const evaluationDelivered = (
  o: As & Readonly<{ deadline?: Date; days?: number }> = {},
): EvaluationDelivered => ({
  type: 'EvaluationDelivered',
  data: {
    evaluation: EVALUATION,
    deliveredBy: actorOf(APPRAISER, o),
    deliveredAt: o.now ?? DELIVERED_AT,
    objectionDeadline: o.deadline ?? DEADLINE,
    window: { days: o.days ?? 14, kind: 'calendar' },
  },
});

export const noteObjection = (o: As & Readonly<{ objection?: string }> = {}): NoteObjection => ({
  type: 'NoteObjection',
  data: { evaluation: EVALUATION, objection: o.objection ?? OBJECTION },
  metadata: metadata(SYSTEM, OBJECTED_AT, o),
});
export const evaluationObjected = (o: As & Readonly<{ objection?: string }> = {}): EvaluationObjected => ({
  type: 'EvaluationObjected',
  data: { evaluation: EVALUATION, objection: o.objection ?? OBJECTION, notedBy: actorOf(SYSTEM, o), at: o.now ?? OBJECTED_AT },
});

export const finalizeEvaluation = (outcome?: ClosingOutcome, o: As = {}): FinalizeEvaluation => ({
  type: 'FinalizeEvaluation',
  data: { evaluation: EVALUATION, ...(outcome === undefined ? {} : { outcome }) },
  metadata: metadata(SYSTEM, outcome === undefined ? AFTER_WINDOW : DECIDED_AT, o),
});
export const evaluationFinalized = (
  reason: EvaluationFinalized['data']['reason'] = 'window-passed',
  o: As = {},
): EvaluationFinalized => ({
  type: 'EvaluationFinalized',
  data: {
    evaluation: EVALUATION,
    reason,
    finalizedBy: actorOf(SYSTEM, o),
    at: o.now ?? (reason === 'window-passed' ? AFTER_WINDOW : DECIDED_AT),
  },
});

export const reviseEvaluation = (
  rating: Appraisal = ratedAppraisal('di-atas-ekspektasi', 'di-atas-ekspektasi'),
  o: As & Readonly<{ objection?: string; outcome?: RevisingOutcome; decidedBy?: Nip }> = {},
): ReviseEvaluation => ({
  type: 'ReviseEvaluation',
  data: {
    evaluation: EVALUATION,
    objection: o.objection ?? OBJECTION,
    outcome: o.outcome ?? 'upheld',
    rating,
    decidedBy: o.decidedBy ?? APPRAISER_SUPERIOR,
  },
  metadata: metadata(SYSTEM, DECIDED_AT, o),
});

/** The settled result of the default history (Baik, under a Baik organisational result). */
export const settledResult = (o: Partial<SettleData> = {}): EvaluationResult => {
  const d = settleData(o);
  return {
    stage: 'settled',
    ruleBook: PERMENPANRB_6_2022_REF,
    predikat: d.predikat,
    label: d.label,
    ...(d.hasilKerja === undefined ? {} : { hasilKerja: d.hasilKerja }),
    ...(d.perilaku === undefined ? {} : { perilaku: d.perilaku }),
    organisationalResult: d.organisationalResult,
    consequences: d.consequences,
    articles: d.articles,
    decidedBy: SYSTEM,
    at: SETTLED_AT,
  };
};

export const evaluationRevised = (
  o: Readonly<{
    input?: AssessmentInput;
    appraisal?: Appraisal;
    previous?: EvaluationResult;
    consequences?: Consequences;
    articles?: ReadonlyArray<string>;
    outcome?: RevisingOutcome;
  }> &
    As = {},
): EvaluationRevised => {
  const appraisal = o.appraisal ?? ratedAppraisal('di-atas-ekspektasi', 'di-atas-ekspektasi');
  const input = o.input ?? ratedInput(appraisal);
  const assessment = assessed(PERMENPANRB_6_2022_REF, input);
  const consequences = o.consequences ?? consequencesFor(assessment.predikat);
  return {
    type: 'EvaluationRevised',
    data: {
      evaluation: EVALUATION,
      objection: OBJECTION,
      outcome: o.outcome ?? 'upheld',
      previous: o.previous ?? settledResult(),
      input,
      assessment,
      justification: appraisal.justification,
      ...(appraisal.effortNotes === undefined ? {} : { effortNotes: appraisal.effortNotes }),
      consequences,
      articles: o.articles ?? [...new Set([...assessment.articles, 'BR-11', ...consequences.articles])],
      decidedBy: APPRAISER_SUPERIOR,
      revisedBy: actorOf(SYSTEM, o),
      at: o.now ?? DECIDED_AT,
    },
  };
};

/** Histories at each step of the usual path; a spec adds what it is about. */
export const histories = (() => {
  const opened: ReadonlyArray<EvaluationEvent> = [evaluationOpened()];
  const invited: ReadonlyArray<EvaluationEvent> = [...opened, feedbackInvited(PEER), feedbackInvited(SUBORDINATE)];
  const answered: ReadonlyArray<EvaluationEvent> = [...invited, feedbackGiven(PEER, { comment: 'Sigap melayani' })];
  const rated: ReadonlyArray<EvaluationEvent> = [...opened, evaluationRated()];
  const settled: ReadonlyArray<EvaluationEvent> = [...rated, evaluationSettled()];
  const delivered: ReadonlyArray<EvaluationEvent> = [...settled, evaluationDelivered()];
  const objected: ReadonlyArray<EvaluationEvent> = [...delivered, evaluationObjected()];
  const final: ReadonlyArray<EvaluationEvent> = [...delivered, evaluationFinalized('window-passed')];
  const revised: ReadonlyArray<EvaluationEvent> = [...objected, evaluationRevised()];
  return { opened, invited, answered, rated, settled, delivered, objected, final, revised };
})();

// ---------------------------------------------------------------------------------------------------------------
// Running commands
// ---------------------------------------------------------------------------------------------------------------

export type Step = DeciderStep<EvaluationState, EvaluationCommand, EvaluationEvent, EvaluationError>;

/** Runs commands one after the other as the engine would: a refused command changes nothing. */
export const run = (commands: ReadonlyArray<EvaluationCommand>, from: EvaluationState = evaluationDecider.initialState()) =>
  runCommands(evaluationDecider, commands, from);

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: any valid value of each wire type (for codec laws)
// ---------------------------------------------------------------------------------------------------------------

const arbRatingLevel = fc.constantFrom(...RATING_LEVELS);
const arbOrganisationalResult: fc.Arbitrary<OrganisationalResult> = fc.constantFrom(...ORGANISATIONAL_RESULTS);
const arbZone = fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura').map((z) => valid(TimeZone, z));
const arbBool = fc.boolean();
const arbCount = fc.nat({ max: 40 });
const arbPositive = fc.integer({ min: 1, max: 60 });

export const arbLevels: fc.Arbitrary<CoreValueLevels> = arbTotalRecord(CORE_VALUES, arbRatingLevel);

export const arbFacts: fc.Arbitrary<EvaluationFacts> = fc.record({
  plan: fc.record({
    header: arbPlanHeader,
    status: fc.constantFrom('empty', 'draft', 'submitted', 'approved', 'closed' as const),
    closedFrom: fc.option(fc.constantFrom(...OPEN_PLAN_STATUSES), { nil: null }),
    revision: arbCount,
    iki: fc.array(fc.record({ rhk: arbRhkId, iki: arbIkiId, description: arbText(), targets: arbTargets }), { maxLength: 3 }),
    realisations: fc.array(
      fc.record({ iki: arbIkiId, realised: arbRealised, evidence: fc.array(arbEvidence, { maxLength: 2 }), recordedAt: arbInstant }),
      { maxLength: 3 },
    ),
  }),
  ruleBook: arbRuleBookRef,
  policy: fc.record({
    timeZone: arbZone,
    frequency: fc.constantFrom(...EVALUATION_FREQUENCIES),
    peerFeedback: arbBool,
    selfEvaluation: arbBool,
    objectionWindow: fc.record({ days: arbPositive, kind: fc.constantFrom('calendar', 'working' as const) }),
    allowancePercent: arbTotalRecord(PREDIKAT, arbNumber),
    angkaKreditProRata: arbBool,
  }),
  roster: fc.record({
    asOf: arbLocalDate,
    isUnitHead: arbBool,
    jenjang: fc.option(fc.constantFrom(...JENJANG), { nil: null }),
  }),
});
export const arbInviteeFacts: fc.Arbitrary<InviteeFacts> = fc.record({
  asOf: arbLocalDate,
  unit: fc.option(arbUnit, { nil: null }),
  superior: fc.option(arbNip, { nil: null }),
});
export const arbAppraisal: fc.Arbitrary<Appraisal> = fc.oneof(
  fc.record(
    {
      regime: fc.constant('rated' as const),
      hasilKerja: arbRatingLevel,
      perilaku: arbRatingLevel,
      justification: arbText(),
      effortNotes: arbText(),
    },
    { requiredKeys: ['regime', 'hasilKerja', 'perilaku', 'justification'] },
  ),
  fc.record(
    { regime: fc.constant('numeric' as const), behaviour: arbBehaviourScores, innovation: arbBool, justification: arbText(), effortNotes: arbText() },
    { requiredKeys: ['regime', 'behaviour', 'innovation', 'justification'] },
  ),
);
const arbResult: fc.Arbitrary<EvaluationResult> = fc.record(
  {
    stage: fc.constantFrom(...RESULT_STAGES),
    ruleBook: arbRuleBookRef,
    predikat: arbPredikat,
    label: arbText(),
    hasilKerja: arbRatingLevel,
    perilaku: arbRatingLevel,
    score: arbNumber,
    organisationalResult: arbOrganisationalResult,
    consequences: arbConsequences,
    articles: arbArticles,
    decidedBy: arbNip,
    at: arbInstant,
  },
  { requiredKeys: ['stage', 'ruleBook', 'predikat', 'label', 'articles', 'decidedBy', 'at'] },
);

const command = arbCommandOf;
const arbPeriodData = fc.record({
  evaluation: arbEvaluationId,
  kind: fc.constantFrom(...EVALUATION_KINDS),
  period: arbPeriod,
  periodStart: arbInstant,
  periodEnd: arbInstant,
});
const arbSettleData = fc.record(
  {
    evaluation: arbEvaluationId,
    unitPeriod: arbUnitPeriodId,
    organisationalResult: arbOrganisationalResult,
    predikat: arbPredikat,
    label: arbText(),
    hasilKerja: arbRatingLevel,
    perilaku: arbRatingLevel,
    articles: arbArticles,
    consequences: arbConsequences,
  },
  { requiredKeys: ['evaluation', 'unitPeriod', 'organisationalResult', 'predikat', 'label', 'articles', 'consequences'] },
);

/** One arbitrary per command type: the mapped type makes a missing command a compile error. */
export const commandArbitraries: {
  readonly [K in EvaluationCommand['type']]: fc.Arbitrary<Extract<EvaluationCommand, { type: K }>>;
} = {
  OpenEvaluation: command<OpenEvaluation>(
    'OpenEvaluation',
    fc.record({ p: arbPeriodData, facts: arbFacts }).map(({ p, facts }) => ({ ...p, facts })),
  ),
  RecordEvaluationRealisation: command<RecordEvaluationRealisation>(
    'RecordEvaluationRealisation',
    fc.record({ evaluation: arbEvaluationId, iki: arbIkiId, realised: arbRealised, evidence: fc.array(arbEvidence, { maxLength: 2 }) }),
  ),
  InviteFeedback: command<InviteFeedback>(
    'InviteFeedback',
    fc.record({ evaluation: arbEvaluationId, invitee: arbNip, relation: fc.constantFrom(...FEEDBACK_RELATIONS), inviteeFacts: arbInviteeFacts }),
  ),
  GiveFeedback: command<GiveFeedback>(
    'GiveFeedback',
    fc.record({ evaluation: arbEvaluationId, levels: arbLevels, comment: arbText() }, { requiredKeys: ['evaluation', 'levels'] }),
  ),
  RecordSelfEvaluation: command<RecordSelfEvaluation>(
    'RecordSelfEvaluation',
    fc.record({ evaluation: arbEvaluationId, notes: arbText() }),
  ),
  RateEvaluation: command<RateEvaluation>(
    'RateEvaluation',
    fc.tuple(arbEvaluationId, arbAppraisal).map(([evaluation, appraisal]) => ({ evaluation, ...appraisal })),
  ),
  SettleEvaluation: command<SettleEvaluation>('SettleEvaluation', arbSettleData),
  DeliverEvaluation: command<DeliverEvaluation>('DeliverEvaluation', fc.record({ evaluation: arbEvaluationId })),
  NoteObjection: command<NoteObjection>('NoteObjection', fc.record({ evaluation: arbEvaluationId, objection: arbText() })),
  FinalizeEvaluation: command<FinalizeEvaluation>(
    'FinalizeEvaluation',
    fc.record({ evaluation: arbEvaluationId, outcome: fc.constantFrom(...CLOSING_OUTCOMES) }, { requiredKeys: ['evaluation'] }),
  ),
  ReviseEvaluation: command<ReviseEvaluation>(
    'ReviseEvaluation',
    fc.record({
      evaluation: arbEvaluationId,
      objection: arbText(),
      outcome: fc.constantFrom(...REVISING_OUTCOMES),
      rating: arbAppraisal,
      decidedBy: arbNip,
    }),
  ),
};

/** Any command of any type, with any valid data and metadata. */
export const arbCommand: fc.Arbitrary<EvaluationCommand> = fc.oneof(...Object.values(commandArbitraries));

const event = arbEventOf;

/** One arbitrary per event type: the mapped type makes a missing event a compile error. */
export const eventArbitraries: {
  readonly [K in EvaluationEvent['type']]: fc.Arbitrary<Extract<EvaluationEvent, { type: K }>>;
} = {
  EvaluationOpened: event<EvaluationOpened>(
    'EvaluationOpened',
    fc
      .record({ p: arbPeriodData, facts: arbFacts, openedBy: arbNip, at: arbInstant })
      .map(({ p, ...rest }) => ({ ...p, ...rest })),
  ),
  EvaluationRealisationRecorded: event<EvaluationRealisationRecorded>(
    'EvaluationRealisationRecorded',
    fc.record({
      evaluation: arbEvaluationId,
      rhk: arbRhkId,
      iki: arbIkiId,
      realised: arbRealised,
      evidence: fc.array(arbEvidence, { maxLength: 2 }),
      recordedBy: arbNip,
      at: arbInstant,
    }),
  ),
  FeedbackInvited: event<FeedbackInvited>(
    'FeedbackInvited',
    fc.record({
      evaluation: arbEvaluationId,
      invitee: arbNip,
      relation: fc.constantFrom(...FEEDBACK_RELATIONS),
      inviteeFacts: arbInviteeFacts,
      invitedBy: arbNip,
      at: arbInstant,
    }),
  ),
  FeedbackGiven: event<FeedbackGiven>(
    'FeedbackGiven',
    fc.record(
      {
        evaluation: arbEvaluationId,
        invitee: arbNip,
        relation: fc.constantFrom(...FEEDBACK_RELATIONS),
        levels: arbLevels,
        comment: arbText(),
        at: arbInstant,
      },
      { requiredKeys: ['evaluation', 'invitee', 'relation', 'levels', 'at'] },
    ),
  ),
  SelfEvaluationRecorded: event<SelfEvaluationRecorded>(
    'SelfEvaluationRecorded',
    fc.record({ evaluation: arbEvaluationId, notes: arbText(), recordedBy: arbNip, at: arbInstant }),
  ),
  EvaluationRated: event<EvaluationRated>(
    'EvaluationRated',
    fc.record(
      {
        evaluation: arbEvaluationId,
        input: arbAssessmentInput,
        assessment: arbAssessment,
        justification: arbText(),
        effortNotes: arbText(),
        closedInvitations: fc.array(arbNip, { maxLength: 3 }),
        feedbackCount: arbCount,
        ratedBy: arbNip,
        at: arbInstant,
      },
      {
        requiredKeys: ['evaluation', 'input', 'assessment', 'justification', 'closedInvitations', 'feedbackCount', 'ratedBy', 'at'],
      },
    ),
  ),
  EvaluationSettled: event<EvaluationSettled>(
    'EvaluationSettled',
    fc.record({ d: arbSettleData, settledBy: arbNip, at: arbInstant }).map(({ d, ...rest }) => ({ ...d, ...rest })),
  ),
  EvaluationDelivered: event<EvaluationDelivered>(
    'EvaluationDelivered',
    fc.record({
      evaluation: arbEvaluationId,
      deliveredBy: arbNip,
      deliveredAt: arbInstant,
      objectionDeadline: arbInstant,
      window: fc.record({ days: arbPositive, kind: fc.constant('calendar' as const) }),
    }),
  ),
  EvaluationObjected: event<EvaluationObjected>(
    'EvaluationObjected',
    fc.record({ evaluation: arbEvaluationId, objection: arbText(), notedBy: arbNip, at: arbInstant }),
  ),
  EvaluationFinalized: event<EvaluationFinalized>(
    'EvaluationFinalized',
    fc.record({
      evaluation: arbEvaluationId,
      reason: fc.constantFrom('window-passed', 'objection-rejected', 'objection-withdrawn' as const),
      finalizedBy: arbNip,
      at: arbInstant,
    }),
  ),
  EvaluationRevised: event<EvaluationRevised>(
    'EvaluationRevised',
    fc.record(
      {
        evaluation: arbEvaluationId,
        objection: arbText(),
        outcome: fc.constantFrom(...REVISING_OUTCOMES),
        previous: arbResult,
        input: arbAssessmentInput,
        assessment: arbAssessment,
        justification: arbText(),
        effortNotes: arbText(),
        consequences: arbConsequences,
        articles: arbArticles,
        decidedBy: arbNip,
        revisedBy: arbNip,
        at: arbInstant,
      },
      {
        requiredKeys: [
          'evaluation',
          'objection',
          'outcome',
          'previous',
          'input',
          'assessment',
          'justification',
          'consequences',
          'articles',
          'decidedBy',
          'revisedBy',
          'at',
        ],
      },
    ),
  ),
};

/** Any event of any type (not necessarily one a decider would emit: for totality of `evolve`). */
export const arbEvent: fc.Arbitrary<EvaluationEvent> = fc.oneof(...Object.values(eventArbitraries));

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: plausible commands on the fixture evaluation (for laws about histories). Small pools of people and
// instants, so that random sequences often succeed and walk the whole lifecycle.
// ---------------------------------------------------------------------------------------------------------------

const INSTANTS = [DURING, RATED_AT, DELIVERED_AT, OBJECTED_AT, DEADLINE, AFTER_WINDOW] as const;
const PEOPLE = [EMPLOYEE, APPRAISER, PEER, PEER_2, SUBORDINATE, OTHER_UNIT_COLLEAGUE, SYSTEM] as const;

/** Mostly the person the command is meant for, at a plausible instant; now and then someone else. */
const arbAs = (natural: Nip): fc.Arbitrary<As> =>
  fc.record({
    by: fc.oneof({ weight: 8, arbitrary: fc.constant(natural) }, { weight: 2, arbitrary: fc.constantFrom(...PEOPLE) }),
    now: fc.constantFrom(...INSTANTS),
  });
const weighted = <A>(weight: number, arbitrary: fc.Arbitrary<A>) => ({ weight, arbitrary });
const arbInvitee = fc.constantFrom(PEER, PEER_2, SUBORDINATE, OTHER_UNIT_COLLEAGUE, EMPLOYEE, APPRAISER);
const inviteeFactsOf = (invitee: Nip): InviteeFacts =>
  invitee === OTHER_UNIT_COLLEAGUE
    ? inviteeFacts({ unit: OTHER_UNIT })
    : invitee === SUBORDINATE
      ? inviteeFacts({ superior: EMPLOYEE })
      : inviteeFacts();
const arbPlausibleAppraisal: fc.Arbitrary<Appraisal> = fc
  .tuple(arbRatingLevel, arbRatingLevel)
  .map(([h, p]) => ratedAppraisal(h, p));

/** Commands on the fixture evaluation, weighted so that random sequences rate, settle, deliver and object. */
export const arbPlausibleCommand: fc.Arbitrary<EvaluationCommand> = fc.oneof(
  weighted(1, arbAs(APPRAISER).map((as) => openEvaluation(as))),
  weighted(
    2,
    fc
      .tuple(fc.constantFrom(I1, I2), fc.integer({ min: -1, max: 12 }), arbAs(APPRAISER))
      .map(([iki, kuantitas, as]) => recordEvaluationRealisation(iki, { realised: { kuantitas }, ...as })),
  ),
  weighted(
    3,
    fc
      .tuple(arbInvitee, fc.constantFrom(...FEEDBACK_RELATIONS), arbAs(APPRAISER))
      .map(([invitee, relation, as]) => inviteFeedback(invitee, { relation, inviteeFacts: inviteeFactsOf(invitee), ...as })),
  ),
  weighted(
    3,
    fc
      .tuple(arbInvitee, arbLevels, fc.option(fc.constantFrom('Sigap', 'Ramah'), { nil: undefined }), fc.constantFrom(...INSTANTS))
      .map(([by, levels, comment, now]) => giveFeedback(by, { levels, ...(comment === undefined ? {} : { comment }), now })),
  ),
  weighted(1, arbAs(EMPLOYEE).map((as) => recordSelfEvaluation('Catatan', as))),
  weighted(3, fc.tuple(arbPlausibleAppraisal, arbAs(APPRAISER)).map(([a, as]) => rateEvaluation(a, as))),
  weighted(
    3,
    fc
      .tuple(fc.constantFrom<Predikat>('baik', 'baik', 'sangat-baik', 'kurang'), arbAs(SYSTEM))
      .map(([predikat, as]) => settleEvaluation({ predikat, ...as })),
  ),
  weighted(3, arbAs(APPRAISER).map((as) => deliverEvaluation(as))),
  weighted(2, arbAs(SYSTEM).map((as) => noteObjection(as))),
  weighted(
    2,
    fc
      .tuple(fc.option(fc.constantFrom(...CLOSING_OUTCOMES), { nil: undefined }), arbAs(SYSTEM))
      .map(([outcome, as]) => finalizeEvaluation(outcome, as)),
  ),
  weighted(2, fc.tuple(arbPlausibleAppraisal, arbAs(SYSTEM)).map(([a, as]) => reviseEvaluation(a, as))),
);

/** The usual life of an evaluation, with or without feedback, objection and revision. */
const arbLifecycle: fc.Arbitrary<ReadonlyArray<EvaluationCommand>> = fc
  .record({ feedback: fc.boolean(), ending: fc.constantFrom('window', 'rejected', 'withdrawn', 'revised', 'open') })
  .map(({ feedback, ending }) => [
    ...(feedback ? [inviteFeedback(PEER), inviteFeedback(SUBORDINATE), giveFeedback(PEER)] : []),
    recordEvaluationRealisation(I2),
    rateEvaluation(),
    settleEvaluation(),
    deliverEvaluation(),
    ...(ending === 'window' ? [finalizeEvaluation()] : []),
    ...(ending === 'rejected' || ending === 'withdrawn' ? [noteObjection(), finalizeEvaluation(ending)] : []),
    ...(ending === 'revised' ? [noteObjection(), reviseEvaluation()] : []),
  ]);

/** An opened evaluation followed by plausible commands, some refused: the lifecycle with noise, or noise only. */
export const arbPlausibleCommands: fc.Arbitrary<ReadonlyArray<EvaluationCommand>> = arbLifecycleWithNoise(
  arbLifecycle,
  arbPlausibleCommand,
  { slots: 12, maxAlone: 40 },
).map((commands) => [openEvaluation(), ...commands]);

/** Far after any instant of the pools: every window has passed. */
export const MUCH_LATER = new Date('2026-06-01T09:00:00+07:00');

/** Commands that bring any plausible history to final (each refused where it does not apply). */
export const toFinal: ReadonlyArray<EvaluationCommand> = [
  rateEvaluation(),
  settleEvaluation(),
  deliverEvaluation(),
  finalizeEvaluation(undefined, { now: MUCH_LATER }),
  finalizeEvaluation('rejected', { now: MUCH_LATER }),
];
