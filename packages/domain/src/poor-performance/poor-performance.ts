/**
 * The poor-performance path (BR-26, PP 30/2019 Ps 56–58; DOMAIN.md §2.5) of one official: its vocabulary, the
 * facts the engine and the process manager hand it, the facts that happen to it, the state they add up to,
 * `evolve`, and the basis of each event.
 *
 * An official whose final predikat is below the tenant's threshold gets 6 months to improve; then a competence
 * test; then a transfer to a suitable or lower post; an official of a jabatan administrasi (administrator,
 * pengawas, pelaksana) or a jabatan fungsional for whom there is no vacancy gets a temporary post of at most 1
 * year; then dismissal with honour is proposed. A later final predikat at or above the threshold closes the path
 * at any step (improvement); so do the final decisions, a transfer or a dismissal proposal.
 *
 *   empty ─Open (sistem)→ improving ─EndImprovementPeriod (sistem, after 6 months)→ test-due
 *   test-due ─RecordCompetenceTest→ tested ─DecideTransfer (ppk)→ closed (transferred)
 *                                     ├─AssignTemporaryPost (ppk, ≤ 12 months)→ temporary-post
 *                                     └─ProposeDismissalWithHonour (ppk; JPT, no temporary post)→ closed
 *   temporary-post ─DecideTransfer→ closed · ─EndTemporaryPost (sistem)→ post-ended
 *   post-ended ─DecideTransfer→ closed · ─ProposeDismissalWithHonour (ppk)→ closed (dismissal proposed)
 *   any open status ─RecordImprovement (sistem)→ closed (improved)
 *   any open status ─ProposeDismissalWithHonour (consecutive poor years) [policy, default off]→ closed
 *
 * One stream per official and path: `kinerjarendah-<tenant>.<nip>.<n>`, n = 1, 2, ... in the order they opened
 * (one word before the first '-': that is where a category ends).
 */
import type { TimeZone } from '../calendar';
import {
  brandedString,
  nipProblem,
  type EvaluationId,
  type Event,
  type LocalDate,
  type Nip,
  type PeriodId,
  type PositionId,
  type TenantId,
} from '../core';
import type { EvaluationKind } from '../evaluation/evaluation';
import type { Level } from '../roster/roster';
import { yearOfPeriod } from '../policy/tenants';
import { PREDIKAT, type Predikat } from '../rulebook/vocabulary';
import type * as t from 'io-ts';

// ---------------------------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------------------------

/** A path: `<nip>.<n>`, the official's n-th poor-performance path (n ≥ 1). */
export const PoorPerformanceId = brandedString('PoorPerformanceId', (s) => {
  const m = /^(\d{18})\.([1-9]\d{0,3})$/.exec(s);
  if (m === null) return `PoorPerformanceId must be <nip>.<n> with n = 1, 2, ..., got ${JSON.stringify(s)}`;
  const nip = nipProblem(m[1] ?? '');
  return nip === undefined ? undefined : `PoorPerformanceId: ${nip}`;
});
export type PoorPerformanceId = t.TypeOf<typeof PoorPerformanceId>;

export const poorPerformanceIdOf = (employee: Nip, n: number): PoorPerformanceId => `${employee}.${n}` as PoorPerformanceId;

export const poorPerformanceIdParts = (id: PoorPerformanceId): Readonly<{ employee: Nip; n: number }> => ({
  employee: id.slice(0, 18) as Nip,
  n: Number(id.slice(19)),
});

/** One stream per path, category first. */
export const poorPerformanceStreamId = (tenant: TenantId, path: PoorPerformanceId): string => `kinerjarendah-${tenant}.${path}`;

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary and rules
// ---------------------------------------------------------------------------------------------------------------

/** [reg] BR-26: the improvement period and the longest temporary post, in calendar months. */
export const IMPROVEMENT_MONTHS = 6;
export const TEMPORARY_POST_MAX_MONTHS = 12;

/**
 * BR-26: the levels that get a temporary post when there is no vacancy: jabatan administrasi (administrator,
 * pengawas, pelaksana) and jabatan fungsional. JPT are not among them: with no suitable post, their path goes
 * from the competence test to the dismissal proposal.
 */
export const TEMPORARY_POST_LEVELS = ['administrator', 'pengawas', 'pelaksana', 'jf'] as const satisfies ReadonlyArray<Level>;

export const TRANSFER_KINDS = ['suitable', 'lower'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export const COMPETENCE_TEST_RESULTS = ['passed', 'failed'] as const;
export type CompetenceTestResult = (typeof COMPETENCE_TEST_RESULTS)[number];

/**
 * Why dismissal with honour is proposed: the path ran its course (BR-26), or N consecutive poor years, a tenant
 * rule that is not national law [policy only, default off].
 */
export const DISMISSAL_GROUNDS = ['path-exhausted', 'consecutive-poor-years'] as const;
export type DismissalGround = (typeof DISMISSAL_GROUNDS)[number];

export const CLOSE_REASONS = ['improved', 'transferred', 'dismissal-proposed'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** The role in which each step was taken (who may take which: docs/appeals-and-development.md). */
export const POOR_PERFORMANCE_AUTHORITIES = [
  'sistem',
  'operator',
  'ppk',
  'pejabat-penilai',
  'atasan-pejabat-penilai',
] as const;
export type PoorPerformanceAuthority = (typeof POOR_PERFORMANCE_AUTHORITIES)[number];

export const POOR_PERFORMANCE_RULE_BOOK = 'pp-30-2019@1';
export const POOR_PERFORMANCE_ARTICLES = ['BR-26', 'PP 30/2019 Ps 56-58'] as const;

/** The tenant's settings for the path [policy], recorded when it opens. */
export type PoorPerformancePolicy = Readonly<{
  /**
   * The lowest predikat that is not poor: a final predikat below it opens the path, one at or above it closes it
   * by improvement [policy, default `baik`: Butuh Perbaikan, Kurang/Misconduct and Sangat Kurang are below
   * expectations under PermenPANRB 6/2022 and below Baik in the numeric regimes, the line BR-25 also draws].
   */
  threshold: Predikat;
  /** Whether a periodic evaluation opens a path too [policy, default no: the annual evaluation does]. */
  periodicOpens: boolean;
  /** "N consecutive poor years ⇒ dismissal" [policy only, not a national rule; default off = null]. */
  consecutivePoorYearsDismissal: number | null;
}>;

export const POOR_PERFORMANCE_POLICY_DEFAULTS: PoorPerformancePolicy = {
  threshold: 'baik',
  periodicOpens: false,
  consecutivePoorYearsDismissal: null,
};

/** Whether `predikat` is below the threshold (PREDIKAT runs best to worst). */
export const isPoorPredikat = (predikat: Predikat, threshold: Predikat): boolean =>
  PREDIKAT.indexOf(predikat) > PREDIKAT.indexOf(threshold);

// ---------------------------------------------------------------------------------------------------------------
// Facts from outside the stream (ADR 0001, point 3)
// ---------------------------------------------------------------------------------------------------------------

/** A final evaluation as the path records it (from the evaluation's state when it became final). */
export type FinalEvaluationFact = Readonly<{
  evaluation: EvaluationId;
  kind: EvaluationKind;
  period: PeriodId;
  predikat: Predikat;
  finalizedAt: Date;
}>;

/** The official's appraiser and the appraiser's superior on the plan evaluated: they coach during the path. */
export type Supervisors = Readonly<{ appraiser: Nip; appraiserSuperior: Nip }>;

/** A deadline in calendar months, ending at 23:59:59.999 local time of its last day. */
export type MonthsDeadline = Readonly<{ startsAt: Date; endsAt: Date; months: number; timeZone: TimeZone }>;


// ---------------------------------------------------------------------------------------------------------------
// Events. Every event names its path, who took the step, in what role, and its articles.
// ---------------------------------------------------------------------------------------------------------------

type StepData = Readonly<{
  path: PoorPerformanceId;
  decidedBy: Nip;
  authority: PoorPerformanceAuthority;
  articles: ReadonlyArray<string>;
  at: Date;
}>;

/** A final predikat below the threshold: the path opens and the 6 months to improve start (BR-26). */
export type PoorPerformancePathOpened = Event<
  'PoorPerformancePathOpened',
  StepData &
    Readonly<{
      employee: Nip;
      evaluation: FinalEvaluationFact;
      level: Level;
      supervisors: Supervisors;
      policy: PoorPerformancePolicy;
      /** Poor years immediately before this one, carried from the previous path (for the N-years policy). */
      priorPoorYears: number;
      improvementPeriod: MonthsDeadline;
    }>
>;

/** Coaching (pembinaan) by the appraiser or their superior during the path. */
export type CoachingRecorded = Event<'CoachingRecorded', StepData & Readonly<{ note: string }>>;

/** A later final predikat at or above the threshold: the path is closed by improvement. */
export type PoorPerformanceImproved = Event<'PoorPerformanceImproved', StepData & Readonly<{ evaluation: FinalEvaluationFact }>>;

/** A further poor annual result while the path is open; `consecutiveYears` counts the streak up to it. */
export type PoorYearRecorded = Event<
  'PoorYearRecorded',
  StepData & Readonly<{ evaluation: FinalEvaluationFact; year: number; consecutiveYears: number }>
>;

/** The 6 months passed without improvement: a competence test is next. */
export type ImprovementPeriodEnded = Event<'ImprovementPeriodEnded', StepData & Readonly<{ deadline: Date }>>;

export type CompetenceTestRecorded = Event<
  'CompetenceTestRecorded',
  StepData & Readonly<{ result: CompetenceTestResult; heldOn: LocalDate; notes: string }>
>;

/** The official is moved to a suitable or a lower post: a final decision, the path closes. */
export type TransferDecided = Event<
  'TransferDecided',
  StepData & Readonly<{ kind: TransferKind; position: PositionId; effectiveOn: LocalDate; reasons: ReadonlyArray<string> }>
>;

/** No vacancy: a temporary post of at most 12 months (jabatan administrasi and fungsional only). */
export type TemporaryPostAssigned = Event<
  'TemporaryPostAssigned',
  StepData & Readonly<{ position: PositionId; period: MonthsDeadline; reasons: ReadonlyArray<string> }>
>;

export type TemporaryPostEnded = Event<'TemporaryPostEnded', StepData & Readonly<{ deadline: Date }>>;

/** The final decision of the path: dismissal with honour is proposed. */
export type DismissalWithHonourProposed = Event<
  'DismissalWithHonourProposed',
  StepData & Readonly<{ ground: DismissalGround; poorYears: number; reasons: ReadonlyArray<string> }>
>;

export type PoorPerformanceEvent =
  | PoorPerformancePathOpened
  | CoachingRecorded
  | PoorPerformanceImproved
  | PoorYearRecorded
  | ImprovementPeriodEnded
  | CompetenceTestRecorded
  | TransferDecided
  | TemporaryPostAssigned
  | TemporaryPostEnded
  | DismissalWithHonourProposed;

/** For the engine: every step rests on PP 30/2019 and the articles it names. */
export const basisOfPoorPerformance = (event: PoorPerformanceEvent): Readonly<{ ruleBook: string; articles: string[] }> | undefined => ({
  ruleBook: POOR_PERFORMANCE_RULE_BOOK,
  articles: [...event.data.articles],
});

// ---------------------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------------------

export type PoorPerformanceBody = Readonly<{
  path: PoorPerformanceId;
  employee: Nip;
  opening: FinalEvaluationFact;
  level: Level;
  supervisors: Supervisors;
  policy: PoorPerformancePolicy;
  priorPoorYears: number;
  openedAt: Date;
  improvementPeriod: MonthsDeadline;
  /** The poor annual years recorded on the path, ascending (the opening one first, when annual). */
  poorYears: ReadonlyArray<number>;
  competenceTest: Readonly<{ result: CompetenceTestResult; heldOn: LocalDate }> | null;
  temporaryPost: Readonly<{ position: PositionId; period: MonthsDeadline }> | null;
}>;

export type EmptyPath = Readonly<{ status: 'empty' }>;
export type ImprovingPath = Readonly<{ status: 'improving' }> & PoorPerformanceBody;
export type TestDuePath = Readonly<{ status: 'test-due' }> & PoorPerformanceBody;
export type TestedPath = Readonly<{ status: 'tested' }> & PoorPerformanceBody;
export type TemporaryPostPath = Readonly<{ status: 'temporary-post' }> & PoorPerformanceBody;
export type PostEndedPath = Readonly<{ status: 'post-ended' }> & PoorPerformanceBody;
export type ClosedPath = Readonly<{ status: 'closed'; reason: CloseReason; closedAt: Date }> & PoorPerformanceBody;

export type OpenPath = ImprovingPath | TestDuePath | TestedPath | TemporaryPostPath | PostEndedPath;
export type PoorPerformanceState = EmptyPath | OpenPath | ClosedPath;
export type PoorPerformanceStatus = PoorPerformanceState['status'];

export const initialState = (): PoorPerformanceState => ({ status: 'empty' });

/** A closed path (improved, transferred, dismissal proposed) accepts no command. */
export const isTerminal = (state: PoorPerformanceState): boolean => state.status === 'closed';

/**
 * The consecutive poor years up to the latest one recorded: the run at the end of `poorYears`, plus the years
 * carried from the previous path when the run reaches back to this path's first year.
 */
export const consecutivePoorYears = (body: PoorPerformanceBody): number => {
  const years = body.poorYears;
  if (years.length === 0) return body.priorPoorYears;
  let run = 1;
  for (let i = years.length - 1; i > 0 && years[i - 1] === (years[i] ?? 0) - 1; i -= 1) run += 1;
  return run === years.length ? run + body.priorPoorYears : run;
};

// ---------------------------------------------------------------------------------------------------------------
// evolve: total and quiet. An event that does not fit the state leaves it as it is, so a replay never throws.
// ---------------------------------------------------------------------------------------------------------------

const ignoreUnknown = (_event: never, state: PoorPerformanceState): PoorPerformanceState => state;

const isOpen = (state: PoorPerformanceState): state is OpenPath => state.status !== 'empty' && state.status !== 'closed';

const closed = (state: OpenPath, reason: CloseReason, at: Date): ClosedPath => ({ ...state, status: 'closed', reason, closedAt: at });

export const evolve = (state: PoorPerformanceState, event: PoorPerformanceEvent): PoorPerformanceState => {
  switch (event.type) {
    case 'PoorPerformancePathOpened': {
      if (state.status !== 'empty') return state;
      const d = event.data;
      return {
        status: 'improving',
        path: d.path,
        employee: d.employee,
        opening: d.evaluation,
        level: d.level,
        supervisors: d.supervisors,
        policy: d.policy,
        priorPoorYears: d.priorPoorYears,
        openedAt: d.at,
        improvementPeriod: d.improvementPeriod,
        poorYears: d.evaluation.kind === 'annual' ? [yearOfPeriod(d.evaluation.period)] : [],
        competenceTest: null,
        temporaryPost: null,
      };
    }

    case 'CoachingRecorded':
      return state;

    case 'PoorPerformanceImproved':
      return isOpen(state) ? closed(state, 'improved', event.data.at) : state;

    case 'PoorYearRecorded': {
      if (!isOpen(state)) return state;
      const last = state.poorYears[state.poorYears.length - 1];
      if (last !== undefined && event.data.year <= last) return state;
      return { ...state, poorYears: [...state.poorYears, event.data.year] };
    }

    case 'ImprovementPeriodEnded':
      return state.status === 'improving' ? { ...state, status: 'test-due' } : state;

    case 'CompetenceTestRecorded':
      return state.status === 'test-due'
        ? { ...state, status: 'tested', competenceTest: { result: event.data.result, heldOn: event.data.heldOn } }
        : state;

    case 'TransferDecided':
      return state.status === 'tested' || state.status === 'temporary-post' || state.status === 'post-ended'
        ? closed(state, 'transferred', event.data.at)
        : state;

    case 'TemporaryPostAssigned':
      return state.status === 'tested'
        ? { ...state, status: 'temporary-post', temporaryPost: { position: event.data.position, period: event.data.period } }
        : state;

    case 'TemporaryPostEnded':
      return state.status === 'temporary-post' ? { ...state, status: 'post-ended' } : state;

    case 'DismissalWithHonourProposed':
      return isOpen(state) ? closed(state, 'dismissal-proposed', event.data.at) : state;

    default:
      return ignoreUnknown(event, state);
  }
};
