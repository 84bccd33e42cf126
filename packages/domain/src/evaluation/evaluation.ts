/**
 * The evaluation (penilaian kinerja) of one employee, for one plan and one evaluation period (DOMAIN.md §2.2):
 * its vocabulary, the facts the engine hands it when it opens, the facts that happen to it, the state those facts
 * add up to, `evolve`, and the pure read helpers (what the employee sees, what an auditor sees, the result in
 * force).
 *
 * Lifecycle (periodic and annual alike):
 *
 *   empty ─OpenEvaluation→ open ─RateEvaluation→ rated ─SettleEvaluation→ settled ─DeliverEvaluation→ delivered
 *     open: realisations, invitations, feedback, self-evaluation       rated: re-rating allowed (curve refused)
 *   delivered ─(objection window passes)→ final
 *   delivered ─NoteObjection→ objected ─FinalizeEvaluation (rejected | withdrawn)→ final
 *                                      └ReviseEvaluation (upheld | partly upheld)→ final, with a new result
 *
 * The rule book (id and version) is recorded when the evaluation opens and every assessment, also on replay and
 * on revision, uses that one: a tenant that changes its policy never changes a past result (BR-12, BR-13).
 */
import { optional } from '../core/fields';
import type { TimeZone } from '../calendar';
import type { EvaluationId, Event, LocalDate, Nip, PeriodId, TenantId, UnitId, UnitPeriodId } from '../core';
import type { IkiId, RhkId } from '../plan/ids';
import {
  CORE_VALUES,
  type CoreValue,
  type Evidence,
  type OpenPlanStatus,
  type PlanHeader,
  type PlanStatus,
  type Realised,
  type Targets,
} from '../plan/plan';
import type { Consequences } from '../rulebook/consequences';
import type { Assessment, AssessmentInput, RuleBookRef } from '../rulebook/rule-book';
import {
  RATING_LEVELS,
  type EvaluationFrequency,
  type Jenjang,
  type OrganisationalResult,
  type Predikat,
  type RatingLevel,
} from '../rulebook/vocabulary';

/** One stream per evaluation, category first so that EventStoreDB's `$ce-evaluation` sees every evaluation. */
export const evaluationStreamId = (tenant: TenantId, evaluation: EvaluationId): string =>
  `evaluation-${tenant}.${evaluation}`;

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** Periodic (monthly, quarterly or semester, per tenant policy) or the annual evaluation [reg]. */
export const EVALUATION_KINDS = ['periodic', 'annual'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/** Who gives 360° behaviour feedback besides the appraiser. */
export const FEEDBACK_RELATIONS = ['peer', 'subordinate'] as const;
export type FeedbackRelation = (typeof FEEDBACK_RELATIONS)[number];

/** Objection outcomes that change the result (ReviseEvaluation) ... */
export const REVISING_OUTCOMES = ['upheld', 'partly-upheld'] as const;
export type RevisingOutcome = (typeof REVISING_OUTCOMES)[number];
/** ... and those that leave it as settled (FinalizeEvaluation). */
export const CLOSING_OUTCOMES = ['rejected', 'withdrawn'] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

/** Why an evaluation became final. */
export const FINAL_REASONS = ['window-passed', 'objection-rejected', 'objection-withdrawn', 'objection-upheld'] as const;
export type FinalReason = (typeof FINAL_REASONS)[number];

export const EVALUATION_STATUSES = ['empty', 'open', 'rated', 'settled', 'delivered', 'objected', 'final'] as const;

/** The stage of a result in `history`: proposed by the appraiser, settled by the unit period, revised on objection. */
export const RESULT_STAGES = ['proposed', 'settled', 'revised'] as const;
export type ResultStage = (typeof RESULT_STAGES)[number];

/** A level for each of the seven BerAKHLAK values (feedback); the codec requires all seven. */
export type CoreValueLevels = Readonly<Record<CoreValue, RatingLevel>>;
/** A score 0..100 for each of the seven BerAKHLAK values (numeric rule books). */
export type CoreValueScores = Readonly<Record<CoreValue, number>>;

/**
 * What the appraiser decides, in the regime of the recorded rule book: two levels and a justification (rated,
 * BR-01/BR-02), or behaviour scores and whether an innovation was recorded (numeric, BR-12/BR-13; the SKP score
 * comes from the realisations). `effortNotes`: the process and effort the rating took into account, e.g. an
 * immunisation initiative not yet fully achieved that is still rated well (Samarinda practice).
 */
export type RatedAppraisal = Readonly<{
  regime: 'rated';
  hasilKerja: RatingLevel;
  perilaku: RatingLevel;
  justification: string;
  effortNotes?: string;
}>;
export type NumericAppraisal = Readonly<{
  regime: 'numeric';
  behaviour: CoreValueScores;
  innovation: boolean;
  justification: string;
  effortNotes?: string;
}>;
export type Appraisal = RatedAppraisal | NumericAppraisal;

/** The appraisal part of a RateEvaluation, a ReviseEvaluation or an objection ruling, field by field (nothing else rides along). */
export const appraisalOf = (data: Appraisal): Appraisal =>
  data.regime === 'rated'
    ? {
        regime: 'rated',
        hasilKerja: data.hasilKerja,
        perilaku: data.perilaku,
        justification: data.justification,
        ...optional('effortNotes', data.effortNotes),
      }
    : {
        regime: 'numeric',
        behaviour: data.behaviour,
        innovation: data.innovation,
        justification: data.justification,
        ...optional('effortNotes', data.effortNotes),
      };

// ---------------------------------------------------------------------------------------------------------------
// Facts from outside the stream, filled in by the engine (ADR 0001, point 3), recorded on EvaluationOpened
// ---------------------------------------------------------------------------------------------------------------

/** An IKI of the plan's approved revision, with the RHK it measures. */
export type EvaluationIki = Readonly<{ rhk: RhkId; iki: IkiId; description: string; targets: Targets }>;

/** The plan's latest realisation of one IKI when the evaluation opened. */
export type PlanRealisationFact = Readonly<{
  iki: IkiId;
  realised: Realised;
  evidence: ReadonlyArray<Evidence>;
  recordedAt: Date;
}>;

/** What the plan stream said when the evaluation opened. */
export type EvaluationPlanFacts = Readonly<{
  header: PlanHeader;
  status: PlanStatus;
  /** The status the plan was closed from; null unless `status` is `closed`. */
  closedFrom: OpenPlanStatus | null;
  /** The approved revision in force (0: never approved). */
  revision: number;
  /** The approved revision's IKI, in plan order. */
  iki: ReadonlyArray<EvaluationIki>;
  realisations: ReadonlyArray<PlanRealisationFact>;
}>;

/** The tenant policy's settings for this evaluation, as they were when it opened. */
export type EvaluationPolicy = Readonly<{
  timeZone: TimeZone;
  frequency: EvaluationFrequency;
  peerFeedback: boolean;
  selfEvaluation: boolean;
  /** BR-10: 14 days after delivery [reg]; calendar or working days [policy, default calendar]. */
  objectionWindow: Readonly<{ days: number; kind: 'calendar' | 'working' }>;
  /** BR-25 allowance table and BR-24 pro rata: the consequences of a result revised on objection. */
  allowancePercent: Readonly<Record<Predikat, number>>;
  angkaKreditProRata: boolean;
}>;

/** What the roster said about the employee when the evaluation opened. */
export type EvaluationRosterFacts = Readonly<{
  asOf: LocalDate;
  /** BR-09: the unit head's hasil kerja is the unit's organisational result. */
  isUnitHead: boolean;
  /** The jenjang of a functional position (BR-24 angka kredit); null otherwise. */
  jenjang: Jenjang | null;
}>;

export type EvaluationFacts = Readonly<{
  plan: EvaluationPlanFacts;
  /** The rule book the tenant's policy names for this period; recorded and used on every replay. */
  ruleBook: RuleBookRef;
  policy: EvaluationPolicy;
  roster: EvaluationRosterFacts;
}>;

/** What the roster says about an invitee on the invitation date (filled in by the engine). */
export type InviteeFacts = Readonly<{ asOf: LocalDate; unit: UnitId | null; superior: Nip | null }>;

// ---------------------------------------------------------------------------------------------------------------
// Events: one per business outcome. Every event names its evaluation.
// ---------------------------------------------------------------------------------------------------------------

type EvaluationPeriodData = Readonly<{
  evaluation: EvaluationId;
  kind: EvaluationKind;
  period: PeriodId;
  periodStart: Date;
  periodEnd: Date;
}>;

export type EvaluationOpened = Event<
  'EvaluationOpened',
  EvaluationPeriodData & Readonly<{ facts: EvaluationFacts; openedBy: Nip; at: Date }>
>;

/** The appraiser's realisation for an IKI; it overrides the plan's realisation of that IKI in this evaluation. */
export type EvaluationRealisationRecorded = Event<
  'EvaluationRealisationRecorded',
  Readonly<{
    evaluation: EvaluationId;
    rhk: RhkId;
    iki: IkiId;
    realised: Realised;
    evidence: ReadonlyArray<Evidence>;
    recordedBy: Nip;
    at: Date;
  }>
>;

export type FeedbackInvited = Event<
  'FeedbackInvited',
  Readonly<{
    evaluation: EvaluationId;
    invitee: Nip;
    relation: FeedbackRelation;
    inviteeFacts: InviteeFacts;
    invitedBy: Nip;
    at: Date;
  }>
>;

export type FeedbackGiven = Event<
  'FeedbackGiven',
  Readonly<{
    evaluation: EvaluationId;
    invitee: Nip;
    relation: FeedbackRelation;
    levels: CoreValueLevels;
    comment?: string;
    at: Date;
  }>
>;

export type SelfEvaluationRecorded = Event<
  'SelfEvaluationRecorded',
  Readonly<{ evaluation: EvaluationId; notes: string; recordedBy: Nip; at: Date }>
>;

/**
 * The appraiser's rating, assessed by the recorded rule book: the result proposed to the unit period. `input`
 * is exactly what the rule book assessed (an auditor can redo it); `closedInvitations` are the invitees who had
 * not answered when the first rating closed the invitations.
 */
export type EvaluationRated = Event<
  'EvaluationRated',
  Readonly<{
    evaluation: EvaluationId;
    input: AssessmentInput;
    assessment: Assessment;
    justification: string;
    effortNotes?: string;
    closedInvitations: ReadonlyArray<Nip>;
    feedbackCount: number;
    ratedBy: Nip;
    at: Date;
  }>
>;

/** The unit period settled the result (BR-03..BR-09); for the unit head `hasilKerja` is the BR-09 one. */
export type EvaluationSettled = Event<
  'EvaluationSettled',
  Readonly<{
    evaluation: EvaluationId;
    unitPeriod: UnitPeriodId;
    organisationalResult: OrganisationalResult;
    predikat: Predikat;
    label: string;
    hasilKerja?: RatingLevel;
    perilaku?: RatingLevel;
    articles: ReadonlyArray<string>;
    consequences: Consequences;
    settledBy: Nip;
    at: Date;
  }>
>;

/**
 * Delivered to the employee; the objection window (BR-10) runs until `objectionDeadline`, the end of the local
 * day `window.days` calendar days after delivery in the tenant's zone. Working-day windows need the holiday
 * calendars of a later issue: until then OpenEvaluation refuses a `working` policy, so `kind` is `calendar`.
 */
export type EvaluationDelivered = Event<
  'EvaluationDelivered',
  Readonly<{
    evaluation: EvaluationId;
    deliveredBy: Nip;
    deliveredAt: Date;
    objectionDeadline: Date;
    window: Readonly<{ days: number; kind: 'calendar' }>;
  }>
>;

/** An objection (keberatan) was filed in time (BR-10); the objection aggregate of a later issue decides it. */
export type EvaluationObjected = Event<
  'EvaluationObjected',
  Readonly<{ evaluation: EvaluationId; objection: string; notedBy: Nip; at: Date }>
>;

export type EvaluationFinalized = Event<
  'EvaluationFinalized',
  Readonly<{ evaluation: EvaluationId; reason: Exclude<FinalReason, 'objection-upheld'>; finalizedBy: Nip; at: Date }>
>;

/**
 * An upheld objection revised the result (BR-11): a new assessment by the recorded rule book, with the result it
 * replaces kept in `previous` (and in the state's history). The evaluation is final.
 */
export type EvaluationRevised = Event<
  'EvaluationRevised',
  Readonly<{
    evaluation: EvaluationId;
    objection: string;
    outcome: RevisingOutcome;
    previous: EvaluationResult;
    input: AssessmentInput;
    assessment: Assessment;
    justification: string;
    effortNotes?: string;
    consequences: Consequences;
    articles: ReadonlyArray<string>;
    decidedBy: Nip;
    revisedBy: Nip;
    at: Date;
  }>
>;

export type EvaluationEvent =
  | EvaluationOpened
  | EvaluationRealisationRecorded
  | FeedbackInvited
  | FeedbackGiven
  | SelfEvaluationRecorded
  | EvaluationRated
  | EvaluationSettled
  | EvaluationDelivered
  | EvaluationObjected
  | EvaluationFinalized
  | EvaluationRevised;

// ---------------------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------------------

/** One result as it stood at one stage; `history` keeps them all, oldest first. */
export type EvaluationResult = Readonly<{
  stage: ResultStage;
  ruleBook: RuleBookRef;
  predikat: Predikat;
  label: string;
  hasilKerja?: RatingLevel;
  perilaku?: RatingLevel;
  /** Numeric rule books: the total score. */
  score?: number;
  /** Settled results: the unit's organisational result. */
  organisationalResult?: OrganisationalResult;
  /** Settled and revised results: what the predikat leads to (BR-24, BR-25). */
  consequences?: Consequences;
  articles: ReadonlyArray<string>;
  decidedBy: Nip;
  at: Date;
}>;

export type EvaluationRealisation = Readonly<{
  iki: IkiId;
  realised: Realised;
  evidence: ReadonlyArray<Evidence>;
  recordedBy: Nip;
  at: Date;
}>;

export type FeedbackAnswer = Readonly<{ levels: CoreValueLevels; comment?: string; at: Date }>;

export type FeedbackInvitation = Readonly<{
  invitee: Nip;
  relation: FeedbackRelation;
  inviteeFacts: InviteeFacts;
  invitedAt: Date;
  answer: FeedbackAnswer | null;
  /** Set when the first rating closed the invitation unanswered. */
  closedAt: Date | null;
}>;

export type SelfEvaluation = Readonly<{ notes: string; at: Date }>;

export type EvaluationRating = Readonly<{
  input: AssessmentInput;
  assessment: Assessment;
  justification: string;
  effortNotes?: string;
  ratedBy: Nip;
  at: Date;
}>;

export type EvaluationSettlement = Readonly<{
  unitPeriod: UnitPeriodId;
  organisationalResult: OrganisationalResult;
  predikat: Predikat;
  label: string;
  hasilKerja?: RatingLevel;
  perilaku?: RatingLevel;
  articles: ReadonlyArray<string>;
  consequences: Consequences;
  at: Date;
}>;

export type EvaluationDelivery = Readonly<{ deliveredAt: Date; objectionDeadline: Date; window: Readonly<{ days: number; kind: 'calendar' }> }>;

export type PendingObjection = Readonly<{ objection: string; at: Date }>;

export type EvaluationFinalization = Readonly<{ reason: FinalReason; at: Date }>;

export type EvaluationBody = Readonly<{
  evaluation: EvaluationId;
  kind: EvaluationKind;
  period: PeriodId;
  periodStart: Date;
  periodEnd: Date;
  facts: EvaluationFacts;
  /** The rule book recorded at opening: every assessment uses it, never the tenant's current policy. */
  ruleBook: RuleBookRef;
  openedBy: Nip;
  openedAt: Date;
  /** The appraiser's own realisations, latest per IKI; they override the plan's. */
  realisations: ReadonlyArray<EvaluationRealisation>;
  invitations: ReadonlyArray<FeedbackInvitation>;
  selfEvaluation: SelfEvaluation | null;
  /** Every result, oldest first: proposals, the settled one, a revision. */
  history: ReadonlyArray<EvaluationResult>;
}>;

export type EmptyEvaluation = Readonly<{ status: 'empty' }>;
export type OpenedEvaluation = Readonly<{ status: 'open' }> & EvaluationBody;
export type RatedEvaluation = Readonly<{ status: 'rated'; rating: EvaluationRating }> & EvaluationBody;
export type SettledEvaluation = Readonly<{ status: 'settled'; rating: EvaluationRating; settlement: EvaluationSettlement }> & EvaluationBody;
export type DeliveredEvaluation = Readonly<{
  status: 'delivered';
  rating: EvaluationRating;
  settlement: EvaluationSettlement;
  delivery: EvaluationDelivery;
}> &
  EvaluationBody;
export type ObjectedEvaluation = Readonly<{
  status: 'objected';
  rating: EvaluationRating;
  settlement: EvaluationSettlement;
  delivery: EvaluationDelivery;
  objection: PendingObjection;
}> &
  EvaluationBody;
export type FinalEvaluation = Readonly<{
  status: 'final';
  rating: EvaluationRating;
  settlement: EvaluationSettlement;
  delivery: EvaluationDelivery;
  objection: PendingObjection | null;
  finalization: EvaluationFinalization;
}> &
  EvaluationBody;

export type StartedEvaluation =
  | OpenedEvaluation
  | RatedEvaluation
  | SettledEvaluation
  | DeliveredEvaluation
  | ObjectedEvaluation
  | FinalEvaluation;
export type EvaluationState = EmptyEvaluation | StartedEvaluation;
export type EvaluationStatus = EvaluationState['status'];

export const initialState = (): EvaluationState => ({ status: 'empty' });

/** A final evaluation accepts no command. */
export const isTerminal = (state: EvaluationState): boolean => state.status === 'final';

// ---------------------------------------------------------------------------------------------------------------
// Reading an evaluation (pure; for the decider, the HTTP queries and projections)
// ---------------------------------------------------------------------------------------------------------------

/** The result in force: the latest of `history` (a proposal before settlement), or undefined before rating. */
export const currentResult = (state: EvaluationState): EvaluationResult | undefined =>
  state.status === 'empty' ? undefined : state.history[state.history.length - 1];

/** Every result so far, oldest first: an upheld objection's revision never hides the result it replaced. */
export const resultHistory = (state: EvaluationState): ReadonlyArray<EvaluationResult> =>
  state.status === 'empty' ? [] : state.history;

export type FeedbackLevelCounts = Readonly<Record<RatingLevel, number>>;

/** What the employee sees: counts per value and level, and the comments, without who gave them. */
export type FeedbackSummary = Readonly<{
  invited: number;
  answered: number;
  perValue: Readonly<Record<CoreValue, FeedbackLevelCounts>>;
  /** Sorted, so that the order of answers cannot point at who wrote which. */
  comments: ReadonlyArray<string>;
}>;

const zeroCounts = (): Record<RatingLevel, number> =>
  Object.fromEntries(RATING_LEVELS.map((level) => [level, 0])) as Record<RatingLevel, number>;

export const feedbackSummary = (state: EvaluationState): FeedbackSummary => {
  const invitations = state.status === 'empty' ? [] : state.invitations;
  const perValue = Object.fromEntries(CORE_VALUES.map((value) => [value, zeroCounts()])) as Record<
    CoreValue,
    Record<RatingLevel, number>
  >;
  const comments: string[] = [];
  let answered = 0;
  for (const { answer } of invitations) {
    if (answer === null) continue;
    answered += 1;
    for (const value of CORE_VALUES) perValue[value][answer.levels[value]] += 1;
    if (answer.comment !== undefined) comments.push(answer.comment);
  }
  return { invited: invitations.length, answered, perValue, comments: comments.sort() };
};

/** What an auditor sees: every invitation, who it went to, and what they said. */
export type FeedbackDetail = ReadonlyArray<
  Readonly<{
    invitee: Nip;
    relation: FeedbackRelation;
    invitedAt: Date;
    answer: FeedbackAnswer | null;
    closedAt: Date | null;
  }>
>;

export const feedbackDetail = (state: EvaluationState): FeedbackDetail =>
  state.status === 'empty'
    ? []
    : state.invitations.map(({ invitee, relation, invitedAt, answer, closedAt }) => ({
        invitee,
        relation,
        invitedAt,
        answer,
        closedAt,
      }));

/** The realisation that counts for an IKI: the evaluation's own, else the plan's latest, else none. */
export const realisationOf = (body: EvaluationBody, iki: IkiId): Realised | undefined =>
  body.realisations.find((r) => r.iki === iki)?.realised ?? body.facts.plan.realisations.find((r) => r.iki === iki)?.realised;

/** How many answers the appraiser had; BR-12 weights 60/40 when at least one peer or subordinate answered. */
export const feedbackCount = (body: EvaluationBody): number => body.invitations.filter((i) => i.answer !== null).length;

/** A proposal on the result scale, from a rating. */
export const proposedResult = (rating: EvaluationRating): EvaluationResult => resultOf('proposed', rating.assessment, rating.ratedBy, rating.at);

export const resultOf = (
  stage: ResultStage,
  assessment: Assessment,
  decidedBy: Nip,
  at: Date,
  extra: Readonly<{ consequences?: Consequences; articles?: ReadonlyArray<string> }> = {},
): EvaluationResult => ({
  stage,
  ruleBook: assessment.ruleBook,
  predikat: assessment.predikat,
  label: assessment.label,
  ...(assessment.hasilKerja === undefined ? {} : { hasilKerja: assessment.hasilKerja }),
  ...(assessment.perilaku === undefined ? {} : { perilaku: assessment.perilaku }),
  ...(assessment.scores === undefined ? {} : { score: assessment.scores.total }),
  ...(extra.consequences === undefined ? {} : { consequences: extra.consequences }),
  articles: extra.articles ?? assessment.articles,
  decidedBy,
  at,
});

const settledResult = (data: EvaluationSettled['data'], ruleBook: RuleBookRef): EvaluationResult => ({
  stage: 'settled',
  ruleBook,
  predikat: data.predikat,
  label: data.label,
  ...(data.hasilKerja === undefined ? {} : { hasilKerja: data.hasilKerja }),
  ...(data.perilaku === undefined ? {} : { perilaku: data.perilaku }),
  organisationalResult: data.organisationalResult,
  consequences: data.consequences,
  articles: data.articles,
  decidedBy: data.settledBy,
  at: data.at,
});

// ---------------------------------------------------------------------------------------------------------------
// evolve: total and quiet. An event that does not fit the state leaves it as it is, so a replay never throws.
// ---------------------------------------------------------------------------------------------------------------

/** Compile time: `evolve` handles every event type. Run time: a type this version does not know changes nothing. */
const ignoreUnknown = (_event: never, state: EvaluationState): EvaluationState => state;

const ratingFrom = (data: EvaluationRated['data']): EvaluationRating => ({
  input: data.input,
  assessment: data.assessment,
  justification: data.justification,
  ...(data.effortNotes === undefined ? {} : { effortNotes: data.effortNotes }),
  ratedBy: data.ratedBy,
  at: data.at,
});

export const evolve = (state: EvaluationState, event: EvaluationEvent): EvaluationState => {
  switch (event.type) {
    case 'EvaluationOpened': {
      if (state.status !== 'empty') return state;
      const d = event.data;
      return {
        status: 'open',
        evaluation: d.evaluation,
        kind: d.kind,
        period: d.period,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        facts: d.facts,
        ruleBook: d.facts.ruleBook,
        openedBy: d.openedBy,
        openedAt: d.at,
        realisations: [],
        invitations: [],
        selfEvaluation: null,
        history: [],
      };
    }

    case 'EvaluationRealisationRecorded': {
      if (state.status !== 'open') return state;
      const d = event.data;
      if (!state.facts.plan.iki.some((i) => i.iki === d.iki)) return state;
      const realisation: EvaluationRealisation = {
        iki: d.iki,
        realised: d.realised,
        evidence: d.evidence,
        recordedBy: d.recordedBy,
        at: d.at,
      };
      return { ...state, realisations: [...state.realisations.filter((r) => r.iki !== d.iki), realisation] };
    }

    case 'FeedbackInvited': {
      if (state.status !== 'open') return state;
      const d = event.data;
      if (state.invitations.some((i) => i.invitee === d.invitee)) return state;
      const invitation: FeedbackInvitation = {
        invitee: d.invitee,
        relation: d.relation,
        inviteeFacts: d.inviteeFacts,
        invitedAt: d.at,
        answer: null,
        closedAt: null,
      };
      return { ...state, invitations: [...state.invitations, invitation] };
    }

    case 'FeedbackGiven': {
      if (state.status !== 'open') return state;
      const d = event.data;
      if (!state.invitations.some((i) => i.invitee === d.invitee && i.answer === null)) return state;
      const answer: FeedbackAnswer = {
        levels: d.levels,
        ...(d.comment === undefined ? {} : { comment: d.comment }),
        at: d.at,
      };
      return { ...state, invitations: state.invitations.map((i) => (i.invitee === d.invitee ? { ...i, answer } : i)) };
    }

    case 'SelfEvaluationRecorded':
      if (state.status !== 'open') return state;
      return { ...state, selfEvaluation: { notes: event.data.notes, at: event.data.at } };

    case 'EvaluationRated': {
      if (state.status !== 'open' && state.status !== 'rated') return state;
      const rating = ratingFrom(event.data);
      // The first rating closes the invitations that were not answered; a re-rating finds them closed already.
      const invitations = state.invitations.map((i) =>
        i.answer === null && i.closedAt === null ? { ...i, closedAt: event.data.at } : i,
      );
      return { ...state, status: 'rated', rating, invitations, history: [...state.history, proposedResult(rating)] };
    }

    case 'EvaluationSettled': {
      if (state.status !== 'rated') return state;
      const d = event.data;
      const settlement: EvaluationSettlement = {
        unitPeriod: d.unitPeriod,
        organisationalResult: d.organisationalResult,
        predikat: d.predikat,
        label: d.label,
        ...(d.hasilKerja === undefined ? {} : { hasilKerja: d.hasilKerja }),
        ...(d.perilaku === undefined ? {} : { perilaku: d.perilaku }),
        articles: d.articles,
        consequences: d.consequences,
        at: d.at,
      };
      return {
        ...state,
        status: 'settled',
        settlement,
        history: [...state.history, settledResult(d, state.ruleBook)],
      };
    }

    case 'EvaluationDelivered': {
      if (state.status !== 'settled') return state;
      const { deliveredAt, objectionDeadline, window } = event.data;
      return { ...state, status: 'delivered', delivery: { deliveredAt, objectionDeadline, window } };
    }

    case 'EvaluationObjected':
      if (state.status !== 'delivered') return state;
      return { ...state, status: 'objected', objection: { objection: event.data.objection, at: event.data.at } };

    case 'EvaluationFinalized': {
      const finalization: EvaluationFinalization = { reason: event.data.reason, at: event.data.at };
      if (state.status === 'delivered' && event.data.reason === 'window-passed')
        return { ...state, status: 'final', objection: null, finalization };
      if (state.status === 'objected' && event.data.reason !== 'window-passed')
        return { ...state, status: 'final', finalization };
      return state;
    }

    case 'EvaluationRevised': {
      if (state.status !== 'objected') return state;
      const d = event.data;
      const revised = resultOf('revised', d.assessment, d.decidedBy, d.at, {
        consequences: d.consequences,
        articles: d.articles,
      });
      return {
        ...state,
        status: 'final',
        finalization: { reason: 'objection-upheld', at: d.at },
        history: [...state.history, revised],
      };
    }

    default:
      return ignoreUnknown(event, state);
  }
};
