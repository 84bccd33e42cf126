/**
 * The evaluation objection (keberatan atas penilaian kinerja, DOMAIN.md §2.4; BR-10, BR-11): its vocabulary, the
 * tenant's objection policy, the facts the engine hands it when it is filed, the facts that happen to it, the state
 * those facts add up to, and `evolve`.
 *
 * One stream per evaluation (`keberatan-<tenant>.<evaluation>`): an evaluation has at most one objection (BR-11),
 * so the stream's existence is the rule.
 *
 * Lifecycle:
 *
 *   empty ─FileObjection→ filed ─RecordExplanation (appraiser, employee; once each)
 *                          │     ─EscalateObjection (decision deadline passed; once; stays filed)
 *                          ├─DecideObjection→ upheld | partly-upheld | rejected   (final: every command refused)
 *                          └─WithdrawObjection→ withdrawn                          (final)
 *
 * Filing is the evaluated employee's, within the window recorded on the evaluation (BR-10: day 14 in time, day 15
 * late), addressed to the Atasan Pejabat Penilai named on the plan. The addressee decides only after both the
 * appraiser and the employee have explained themselves (BR-11); the decision is final.
 */
import type { RecordedDeadline, TenantCalendar, Period } from '../calendar';
import type { EvaluationId, Event, Nip, TenantId, UnitId, UnitPeriodId } from '../core';
import type { Appraisal, EvaluationStatus } from '../evaluation/evaluation';
import type { RuleBookRef } from '../rulebook/rule-book';

/** One stream per evaluation, category first so that EventStoreDB's `$ce-keberatan` sees every objection. */
export const objectionStreamId = (tenant: TenantId, evaluation: EvaluationId): string =>
  `keberatan-${tenant}.${evaluation}`;

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** The two sides whose explanations are recorded before a decision (BR-11). */
export const OBJECTION_PARTIES = ['appraiser', 'employee'] as const;
export type ObjectionParty = (typeof OBJECTION_PARTIES)[number];

/** What the Atasan Pejabat Penilai may decide: new ratings (in full or in part), or the result stands. */
export const OBJECTION_OUTCOMES = ['upheld', 'partly-upheld', 'rejected'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

export const OBJECTION_STATUSES = ['empty', 'filed', 'upheld', 'partly-upheld', 'rejected', 'withdrawn'] as const;

/** Who decides an evaluation objection and why they may: the appraiser's superior named on the plan (BR-10). */
export const OBJECTION_AUTHORITY = 'atasan-pejabat-penilai';
/** Who escalates an overdue decision: the system's timer, under the tenant's objection policy. */
export const ESCALATION_AUTHORITY = 'sistem';

/** The legal basis the objection's events cite (DOMAIN.md BR-10, BR-11) and the rule book of the basis. */
export const OBJECTION_RULE_BOOK = 'pp-30-2019@1';
export const FILING_ARTICLES: ReadonlyArray<string> = ['BR-10', 'PP 30/2019 Ps 59'];
export const DECISION_ARTICLES: ReadonlyArray<string> = ['BR-10', 'BR-11', 'PP 30/2019 Ps 59'];
/** The decision period is a tenant policy, not a regulation: the escalation cites the rule and the policy. */
export const ESCALATION_ARTICLES: ReadonlyArray<string> = ['BR-11', 'policy:objection.decisionPeriod'];

// ---------------------------------------------------------------------------------------------------------------
// Policy [policy]: passed in by the engine with FileObjection and recorded on ObjectionFiled
// ---------------------------------------------------------------------------------------------------------------

export type ObjectionPolicy = Readonly<{
  /**
   * How long the Atasan Pejabat Penilai has to decide, counted from the day after filing in the tenant's calendar;
   * when it passes undecided, the system escalates (`ObjectionDecisionOverdue`) and the objection stays open.
   */
  decisionPeriod: Period;
}>;

/**
 * [policy] defaults. DOMAIN.md names no decision period for an evaluation objection; 14 working days mirrors the
 * 14 days the employee had to file (BR-10) and the working-day periods of the other objection procedures (BR-21).
 */
export const OBJECTION_POLICY_DEFAULTS: ObjectionPolicy = { decisionPeriod: { days: 14, kind: 'working' } };

// ---------------------------------------------------------------------------------------------------------------
// Facts from outside the stream, filled in by the engine (ADR 0001, point 3)
// ---------------------------------------------------------------------------------------------------------------

/** What the evaluation's stream says when the objection is filed (see `objectionFactsOf`). */
export type ObjectionEvaluationFacts = Readonly<{
  employee: Nip;
  appraiser: Nip;
  /** The addressee: the Atasan Pejabat Penilai in the plan header (checked against the roster when drafted). */
  appraiserSuperior: Nip;
  unit: UnitId;
  /** The unit period that settled the result (where an upheld objection re-checks the curve). */
  unitPeriod: UnitPeriodId;
  /** The rule book recorded on the evaluation: new ratings must be in its regime. */
  ruleBook: RuleBookRef;
  status: EvaluationStatus;
  /** Null until the evaluation is delivered. */
  deliveredAt: Date | null;
  /** BR-10: the evaluation's recorded window end (23:59:59.999 local time of day 14); null until delivered. */
  objectionDeadline: Date | null;
}>;

export type ObjectionFacts = Readonly<{
  evaluation: ObjectionEvaluationFacts;
  /** The tenant's zone and holiday calendar, for the decision deadline. */
  calendar: TenantCalendar;
  policy: ObjectionPolicy;
}>;

// ---------------------------------------------------------------------------------------------------------------
// Events: one per business outcome. Every event names its evaluation and its objection.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Filed in time (BR-10), with the employee's reasons, to `addressee`. `decisionDeadline` is computed once from the
 * tenant calendar and policy and recorded: a later change of the holiday list never moves it.
 */
export type ObjectionFiled = Event<
  'ObjectionFiled',
  Readonly<{
    evaluation: EvaluationId;
    objection: string;
    reasons: ReadonlyArray<string>;
    employee: Nip;
    appraiser: Nip;
    addressee: Nip;
    unit: UnitId;
    unitPeriod: UnitPeriodId;
    ruleBook: RuleBookRef;
    deliveredAt: Date;
    objectionDeadline: Date;
    decisionDeadline: RecordedDeadline;
    policy: ObjectionPolicy;
    articles: ReadonlyArray<string>;
    filedBy: Nip;
    at: Date;
  }>
>;

/** One side's explanation (BR-11); each side explains once. */
export type ExplanationRecorded = Event<
  'ExplanationRecorded',
  Readonly<{
    evaluation: EvaluationId;
    objection: string;
    party: ObjectionParty;
    explanation: string;
    recordedBy: Nip;
    at: Date;
  }>
>;

/** What every decision records: who, in what authority, on what basis, why, and whether it came late. */
type DecisionData = Readonly<{
  evaluation: EvaluationId;
  objection: string;
  reasons: ReadonlyArray<string>;
  decidedBy: Nip;
  authority: typeof OBJECTION_AUTHORITY;
  articles: ReadonlyArray<string>;
  /** Decided after the decision deadline (it may still be decided; see `ObjectionDecisionOverdue`). */
  afterDeadline: boolean;
  at: Date;
}>;

/** The objection is upheld: `rating` replaces the appraiser's (in the evaluation's regime). */
export type ObjectionUpheld = Event<'ObjectionUpheld', DecisionData & Readonly<{ rating: Appraisal }>>;
/** Upheld in part: `rating` is the rating as the decider set it, partly as contested and partly as it stood. */
export type ObjectionPartlyUpheld = Event<'ObjectionPartlyUpheld', DecisionData & Readonly<{ rating: Appraisal }>>;
/** Rejected: the settled result stands. */
export type ObjectionRejected = Event<'ObjectionRejected', DecisionData>;

export type ObjectionWithdrawn = Event<
  'ObjectionWithdrawn',
  Readonly<{ evaluation: EvaluationId; objection: string; reason?: string; withdrawnBy: Nip; at: Date }>
>;

/** The decision deadline passed undecided: the escalation (once). The objection stays open for the decision. */
export type ObjectionDecisionOverdue = Event<
  'ObjectionDecisionOverdue',
  Readonly<{
    evaluation: EvaluationId;
    objection: string;
    addressee: Nip;
    deadline: RecordedDeadline;
    escalatedBy: Nip;
    authority: typeof ESCALATION_AUTHORITY;
    articles: ReadonlyArray<string>;
    at: Date;
  }>
>;

export type ObjectionDecided = ObjectionUpheld | ObjectionPartlyUpheld | ObjectionRejected;

export type ObjectionEvent =
  | ObjectionFiled
  | ExplanationRecorded
  | ObjectionUpheld
  | ObjectionPartlyUpheld
  | ObjectionRejected
  | ObjectionWithdrawn
  | ObjectionDecisionOverdue;

/** The outcome each decision event stands for. */
export const outcomeOf = (event: ObjectionDecided): ObjectionOutcome => {
  switch (event.type) {
    case 'ObjectionUpheld':
      return 'upheld';
    case 'ObjectionPartlyUpheld':
      return 'partly-upheld';
    case 'ObjectionRejected':
      return 'rejected';
  }
};

// ---------------------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------------------

export type ObjectionExplanation = Readonly<{ explanation: string; recordedBy: Nip; at: Date }>;

export type ObjectionEscalation = Readonly<{ escalatedBy: Nip; at: Date }>;

export type ObjectionDecision = Readonly<{
  outcome: ObjectionOutcome;
  /** The new rating; absent when rejected. */
  rating?: Appraisal;
  reasons: ReadonlyArray<string>;
  decidedBy: Nip;
  afterDeadline: boolean;
  at: Date;
}>;

export type ObjectionWithdrawal = Readonly<{ reason?: string; withdrawnBy: Nip; at: Date }>;

export type ObjectionBody = Readonly<{
  evaluation: EvaluationId;
  objection: string;
  reasons: ReadonlyArray<string>;
  employee: Nip;
  appraiser: Nip;
  addressee: Nip;
  unit: UnitId;
  unitPeriod: UnitPeriodId;
  ruleBook: RuleBookRef;
  deliveredAt: Date;
  objectionDeadline: Date;
  decisionDeadline: RecordedDeadline;
  policy: ObjectionPolicy;
  filedAt: Date;
  explanations: Readonly<Record<ObjectionParty, ObjectionExplanation | null>>;
  escalation: ObjectionEscalation | null;
}>;

export type EmptyObjection = Readonly<{ status: 'empty' }>;
export type FiledObjection = Readonly<{ status: 'filed' }> & ObjectionBody;
export type DecidedObjection = Readonly<{ status: ObjectionOutcome; decision: ObjectionDecision }> & ObjectionBody;
export type WithdrawnObjection = Readonly<{ status: 'withdrawn'; withdrawal: ObjectionWithdrawal }> & ObjectionBody;

export type ClosedObjection = DecidedObjection | WithdrawnObjection;
export type ObjectionState = EmptyObjection | FiledObjection | ClosedObjection;
export type ObjectionStatus = ObjectionState['status'];

export const initialState = (): ObjectionState => ({ status: 'empty' });

/** A decided or withdrawn objection accepts no command (BR-11: the decision is final). */
export const isTerminal = (state: ObjectionState): state is ClosedObjection =>
  state.status !== 'empty' && state.status !== 'filed';

/** When a closed objection was closed. */
export const closedAt = (state: ClosedObjection): Date =>
  state.status === 'withdrawn' ? state.withdrawal.at : state.decision.at;

/** The parties who have not explained themselves yet, in the order of `OBJECTION_PARTIES`. */
export const missingExplanations = (state: ObjectionBody): ReadonlyArray<ObjectionParty> =>
  OBJECTION_PARTIES.filter((party) => state.explanations[party] === null);

// ---------------------------------------------------------------------------------------------------------------
// evolve: total and quiet. An event that does not fit the state leaves it as it is, so a replay never throws.
// ---------------------------------------------------------------------------------------------------------------

/** Compile time: `evolve` handles every event type. Run time: a type this version does not know changes nothing. */
const ignoreUnknown = (_event: never, state: ObjectionState): ObjectionState => state;

const decided = (state: ObjectionState, event: ObjectionDecided): ObjectionState => {
  if (state.status !== 'filed') return state;
  const d = event.data;
  const decision: ObjectionDecision = {
    outcome: outcomeOf(event),
    ...(event.type === 'ObjectionRejected' ? {} : { rating: event.data.rating }),
    reasons: d.reasons,
    decidedBy: d.decidedBy,
    afterDeadline: d.afterDeadline,
    at: d.at,
  };
  return { ...state, status: decision.outcome, decision };
};

export const evolve = (state: ObjectionState, event: ObjectionEvent): ObjectionState => {
  switch (event.type) {
    case 'ObjectionFiled': {
      if (state.status !== 'empty') return state;
      const d = event.data;
      return {
        status: 'filed',
        evaluation: d.evaluation,
        objection: d.objection,
        reasons: d.reasons,
        employee: d.employee,
        appraiser: d.appraiser,
        addressee: d.addressee,
        unit: d.unit,
        unitPeriod: d.unitPeriod,
        ruleBook: d.ruleBook,
        deliveredAt: d.deliveredAt,
        objectionDeadline: d.objectionDeadline,
        decisionDeadline: d.decisionDeadline,
        policy: d.policy,
        filedAt: d.at,
        explanations: { appraiser: null, employee: null },
        escalation: null,
      };
    }

    case 'ExplanationRecorded': {
      if (state.status !== 'filed') return state;
      const d = event.data;
      if (state.explanations[d.party] !== null) return state;
      const explanation: ObjectionExplanation = { explanation: d.explanation, recordedBy: d.recordedBy, at: d.at };
      return { ...state, explanations: { ...state.explanations, [d.party]: explanation } };
    }

    case 'ObjectionUpheld':
    case 'ObjectionPartlyUpheld':
    case 'ObjectionRejected':
      return decided(state, event);

    case 'ObjectionWithdrawn': {
      if (state.status !== 'filed') return state;
      const d = event.data;
      const withdrawal: ObjectionWithdrawal = {
        ...(d.reason === undefined ? {} : { reason: d.reason }),
        withdrawnBy: d.withdrawnBy,
        at: d.at,
      };
      return { ...state, status: 'withdrawn', withdrawal };
    }

    case 'ObjectionDecisionOverdue':
      if (state.status !== 'filed' || state.escalation !== null) return state;
      return { ...state, escalation: { escalatedBy: event.data.escalatedBy, at: event.data.at } };

    default:
      return ignoreUnknown(event, state);
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Provenance: the basis the engine stamps on decision events (ARCHITECTURE.md, the event envelope)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The rule book and articles an event rests on: the filing's admission (BR-10), each decision (BR-10, BR-11) and
 * the escalation (BR-11 and the tenant's decision period); undefined for explanations and withdrawals, which
 * decide nothing.
 */
export const basisOf = (event: ObjectionEvent): Readonly<{ ruleBook: string; articles: string[] }> | undefined => {
  switch (event.type) {
    case 'ObjectionFiled':
    case 'ObjectionUpheld':
    case 'ObjectionPartlyUpheld':
    case 'ObjectionRejected':
    case 'ObjectionDecisionOverdue':
      return { ruleBook: OBJECTION_RULE_BOOK, articles: [...event.data.articles] };
    case 'ExplanationRecorded':
    case 'ObjectionWithdrawn':
      return undefined;
  }
};
