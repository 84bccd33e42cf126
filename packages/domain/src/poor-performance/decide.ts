/**
 * What the poor-performance path decides: the commands it accepts, one function per command, then `decide`, which
 * runs the guards every command shares, `poorPerformanceDecider`, and the timer `duePoorPerformance`.
 *
 * Each function checks, in this order: who asks, whether the path is in a status that allows it, then what is
 * asked. The first rule broken is the answer; nothing is appended for a refused command.
 *
 * The path is opened and fed by the process manager (`process.ts`) from final evaluations: their facts, the
 * official's level, supervisors, the tenant's zone and policy arrive in the commands. Deadlines (6 months to
 * improve, the temporary post) are computed once in the tenant's zone and recorded.
 */
import { left, right, type Either } from 'fp-ts/Either';
import { addCalendarMonths, endOfLocalDay, isPast, localDateOf, type TimeZone } from '../calendar';
import {
  evaluationIdParts,
  type Actor,
  type Command,
  type CommandMetadata,
  type Decider,
  type LocalDate,
  type Nip,
  type PositionId,
  type Role,
} from '../core';
import type { Level } from '../roster/roster';
import { yearOfPeriod } from '../policy/tenants';
import type { PoorPerformanceError } from './errors';
import {
  consecutivePoorYears,
  evolve,
  IMPROVEMENT_MONTHS,
  initialState,
  isPoorPredikat,
  isTerminal,
  POOR_PERFORMANCE_ARTICLES,
  poorPerformanceIdParts,
  TEMPORARY_POST_LEVELS,
  TEMPORARY_POST_MAX_MONTHS,
  type CompetenceTestResult,
  type DismissalGround,
  type FinalEvaluationFact,
  type MonthsDeadline,
  type OpenPath,
  type PoorPerformanceAuthority,
  type PoorPerformanceEvent,
  type PoorPerformanceId,
  type PoorPerformancePolicy,
  type PoorPerformanceState,
  type Supervisors,
  type TransferKind,
} from './poor-performance';

// ---------------------------------------------------------------------------------------------------------------
// Commands. Every command names its path.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Sent by the process manager (role `sistem`) or an operator, with every fact: the final evaluation below the
 * threshold, the official's level and supervisors, the tenant's zone and policy, and the poor years carried from
 * the official's previous path.
 */
export type OpenPoorPerformancePath = Command<
  'OpenPoorPerformancePath',
  Readonly<{
    path: PoorPerformanceId;
    employee: Nip;
    evaluation: FinalEvaluationFact;
    level: Level;
    supervisors: Supervisors;
    timeZone: TimeZone;
    policy: PoorPerformancePolicy;
    priorPoorYears: number;
  }>
>;

/** The appraiser or the appraiser's superior records coaching (pembinaan) during the path. */
export type RecordCoaching = Command<'RecordCoaching', Readonly<{ path: PoorPerformanceId; note: string }>>;

/** Sent by the process manager: a later final evaluation at or above the threshold. */
export type RecordImprovement = Command<'RecordImprovement', Readonly<{ path: PoorPerformanceId; evaluation: FinalEvaluationFact }>>;

/** Sent by the process manager: a further poor annual evaluation while the path is open. */
export type RecordPoorYear = Command<'RecordPoorYear', Readonly<{ path: PoorPerformanceId; evaluation: FinalEvaluationFact }>>;

/** Timer (role `sistem`): the 6 months to improve have passed. */
export type EndImprovementPeriod = Command<'EndImprovementPeriod', Readonly<{ path: PoorPerformanceId }>>;

/** The competence test's result, recorded by the PPK or an operator of the personnel office. */
export type RecordCompetenceTest = Command<
  'RecordCompetenceTest',
  Readonly<{ path: PoorPerformanceId; result: CompetenceTestResult; heldOn: LocalDate; notes: string }>
>;

/** The PPK moves the official to a suitable or a lower post. */
export type DecideTransfer = Command<
  'DecideTransfer',
  Readonly<{ path: PoorPerformanceId; kind: TransferKind; position: PositionId; effectiveOn: LocalDate; reasons: ReadonlyArray<string> }>
>;

/** The PPK places the official in a temporary post for `months` (at most 12) when there is no vacancy. */
export type AssignTemporaryPost = Command<
  'AssignTemporaryPost',
  Readonly<{ path: PoorPerformanceId; position: PositionId; months: number; reasons: ReadonlyArray<string> }>
>;

/** Timer (role `sistem`): the temporary post has ended. */
export type EndTemporaryPost = Command<'EndTemporaryPost', Readonly<{ path: PoorPerformanceId }>>;

/**
 * The path's final decision: dismissal with honour is proposed, by the PPK when the path has run its course, or
 * by the process manager (or the PPK) under the tenant's "N consecutive poor years" rule [policy, default off].
 */
export type ProposeDismissalWithHonour = Command<
  'ProposeDismissalWithHonour',
  Readonly<{ path: PoorPerformanceId; ground: DismissalGround; reasons: ReadonlyArray<string> }>
>;

export type PoorPerformanceCommand =
  | OpenPoorPerformancePath
  | RecordCoaching
  | RecordImprovement
  | RecordPoorYear
  | EndImprovementPeriod
  | RecordCompetenceTest
  | DecideTransfer
  | AssignTemporaryPost
  | EndTemporaryPost
  | ProposeDismissalWithHonour;

// ---------------------------------------------------------------------------------------------------------------
// Small vocabulary for the decisions
// ---------------------------------------------------------------------------------------------------------------

type Decision = Either<PoorPerformanceError, ReadonlyArray<PoorPerformanceEvent>>;

const refuse = (error: PoorPerformanceError): Decision => left(error);
const accept = (...events: ReadonlyArray<PoorPerformanceEvent>): Decision => right(events);

/** Who may take each step (docs/appeals-and-development.md). Coaching is checked against the supervisors instead. */
const ALLOWED: Readonly<Record<Exclude<PoorPerformanceCommand['type'], 'RecordCoaching' | 'ProposeDismissalWithHonour'>, ReadonlyArray<PoorPerformanceAuthority>>> = {
  OpenPoorPerformancePath: ['sistem', 'operator'],
  RecordImprovement: ['sistem'],
  RecordPoorYear: ['sistem'],
  EndImprovementPeriod: ['sistem'],
  RecordCompetenceTest: ['ppk', 'operator'],
  DecideTransfer: ['ppk'],
  AssignTemporaryPost: ['ppk'],
  EndTemporaryPost: ['sistem'],
};
const DISMISSAL_ALLOWED: Readonly<Record<DismissalGround, ReadonlyArray<PoorPerformanceAuthority>>> = {
  'path-exhausted': ['ppk'],
  'consecutive-poor-years': ['sistem', 'ppk'],
};

/** The actor's role as the authority of the step, when it is one of `allowed`. */
const authorityOf = (
  metadata: CommandMetadata,
  allowed: ReadonlyArray<PoorPerformanceAuthority>,
): Either<PoorPerformanceError, PoorPerformanceAuthority> => {
  const { nip, role } = metadata.actor;
  const found = allowed.find((a) => a === role);
  return found === undefined ? left({ _tag: 'NotAuthorised', allowed: [...allowed] as Role[], actor: nip, role }) : right(found);
};

const notNow = (command: PoorPerformanceCommand, state: OpenPath): PoorPerformanceError => ({
  _tag: 'StepNotAllowedNow',
  command: command.type,
  status: state.status,
});

/**
 * `months` calendar months from the local day of `from`: the period ends at 23:59:59.999 local time of the same
 * day of the month `months` later (as `deadlineAfter` counts days: the first day counted is the day after).
 */
export const monthsDeadline = (from: Date, months: number, timeZone: TimeZone): MonthsDeadline => ({
  startsAt: from,
  endsAt: endOfLocalDay(addCalendarMonths(localDateOf(from, timeZone), months), timeZone),
  months,
  timeZone,
});

const factFrom = (f: FinalEvaluationFact): FinalEvaluationFact => ({
  evaluation: f.evaluation,
  kind: f.kind,
  period: f.period,
  predikat: f.predikat,
  finalizedAt: f.finalizedAt,
});

const articles = (...extra: ReadonlyArray<string>): ReadonlyArray<string> => [...POOR_PERFORMANCE_ARTICLES, ...extra];

const ofAnotherEmployee = (fact: FinalEvaluationFact, employee: Nip): PoorPerformanceError | undefined =>
  evaluationIdParts(fact.evaluation).employee === employee
    ? undefined
    : { _tag: 'EvaluationOfAnotherEmployee', evaluation: fact.evaluation, employee };

const afterOpening = (fact: FinalEvaluationFact, state: OpenPath): PoorPerformanceError | undefined =>
  fact.finalizedAt.getTime() > state.openedAt.getTime()
    ? undefined
    : { _tag: 'EvaluationBeforePath', evaluation: fact.evaluation, finalizedAt: fact.finalizedAt, openedAt: state.openedAt };

// ---------------------------------------------------------------------------------------------------------------
// One function per command
// ---------------------------------------------------------------------------------------------------------------

const open = ({ data, metadata }: OpenPoorPerformancePath): Decision => {
  const authority = authorityOf(metadata, ALLOWED.OpenPoorPerformancePath);
  if (authority._tag === 'Left') return refuse(authority.left);
  const { path, employee, evaluation, policy } = data;
  if (poorPerformanceIdParts(path).employee !== employee) return refuse({ _tag: 'PathIdMismatch', path, employee });
  const other = ofAnotherEmployee(evaluation, employee);
  if (other !== undefined) return refuse(other);
  if (evaluation.kind === 'periodic' && !policy.periodicOpens)
    return refuse({ _tag: 'PeriodicEvaluationDoesNotOpen', evaluation: evaluation.evaluation });
  if (!isPoorPredikat(evaluation.predikat, policy.threshold))
    return refuse({ _tag: 'PredikatNotPoor', evaluation: evaluation.evaluation, predikat: evaluation.predikat, threshold: policy.threshold });
  return accept({
    type: 'PoorPerformancePathOpened',
    data: {
      path,
      employee,
      evaluation: factFrom(evaluation),
      level: data.level,
      supervisors: { appraiser: data.supervisors.appraiser, appraiserSuperior: data.supervisors.appraiserSuperior },
      policy: {
        threshold: policy.threshold,
        periodicOpens: policy.periodicOpens,
        consecutivePoorYearsDismissal: policy.consecutivePoorYearsDismissal,
      },
      priorPoorYears: data.priorPoorYears,
      // BR-26: 6 months to improve, from the day the path opens, in the tenant's zone.
      improvementPeriod: monthsDeadline(metadata.now, IMPROVEMENT_MONTHS, data.timeZone),
      decidedBy: metadata.actor.nip,
      authority: authority.right,
      articles: articles('PP 30/2019 Ps 56'),
      at: metadata.now,
    },
  });
};

const recordCoaching = ({ data, metadata }: RecordCoaching, state: OpenPath): Decision => {
  const { appraiser, appraiserSuperior } = state.supervisors;
  const actor = metadata.actor.nip;
  if (actor !== appraiser && actor !== appraiserSuperior)
    return refuse({ _tag: 'NotASupervisor', appraiser, appraiserSuperior, actor });
  return accept({
    type: 'CoachingRecorded',
    data: {
      path: data.path,
      note: data.note,
      decidedBy: actor,
      authority: actor === appraiser ? 'pejabat-penilai' : 'atasan-pejabat-penilai',
      articles: articles(),
      at: metadata.now,
    },
  });
};

const recordImprovement = ({ data, metadata }: RecordImprovement, state: OpenPath): Decision => {
  const authority = authorityOf(metadata, ALLOWED.RecordImprovement);
  if (authority._tag === 'Left') return refuse(authority.left);
  const { evaluation } = data;
  const problem = ofAnotherEmployee(evaluation, state.employee) ?? afterOpening(evaluation, state);
  if (problem !== undefined) return refuse(problem);
  const { threshold } = state.policy;
  if (isPoorPredikat(evaluation.predikat, threshold))
    return refuse({ _tag: 'NotAnImprovement', evaluation: evaluation.evaluation, predikat: evaluation.predikat, threshold });
  return accept({
    type: 'PoorPerformanceImproved',
    data: {
      path: data.path,
      evaluation: factFrom(evaluation),
      decidedBy: metadata.actor.nip,
      authority: authority.right,
      articles: articles(),
      at: metadata.now,
    },
  });
};

const recordPoorYear = ({ data, metadata }: RecordPoorYear, state: OpenPath): Decision => {
  const authority = authorityOf(metadata, ALLOWED.RecordPoorYear);
  if (authority._tag === 'Left') return refuse(authority.left);
  const { evaluation } = data;
  const problem = ofAnotherEmployee(evaluation, state.employee) ?? afterOpening(evaluation, state);
  if (problem !== undefined) return refuse(problem);
  if (evaluation.kind !== 'annual') return refuse({ _tag: 'NotAnAnnualEvaluation', evaluation: evaluation.evaluation });
  const { threshold } = state.policy;
  if (!isPoorPredikat(evaluation.predikat, threshold))
    return refuse({ _tag: 'PredikatNotPoor', evaluation: evaluation.evaluation, predikat: evaluation.predikat, threshold });
  const year = yearOfPeriod(evaluation.period);
  const lastYear = state.poorYears[state.poorYears.length - 1];
  if (lastYear !== undefined && year <= lastYear) return refuse({ _tag: 'YearAlreadyRecorded', year, lastYear });
  return accept({
    type: 'PoorYearRecorded',
    data: {
      path: data.path,
      evaluation: factFrom(evaluation),
      year,
      consecutiveYears: consecutivePoorYears({ ...state, poorYears: [...state.poorYears, year] }),
      decidedBy: metadata.actor.nip,
      authority: authority.right,
      articles: articles(),
      at: metadata.now,
    },
  });
};

const endImprovementPeriod = (command: EndImprovementPeriod, state: OpenPath): Decision => {
  const { data, metadata } = command;
  const authority = authorityOf(metadata, ALLOWED.EndImprovementPeriod);
  if (authority._tag === 'Left') return refuse(authority.left);
  if (state.status !== 'improving') return refuse(notNow(command, state));
  if (!isPast(state.improvementPeriod, metadata.now)) return refuse({ _tag: 'ImprovementPeriodRunning', endsAt: state.improvementPeriod.endsAt });
  return accept({
    type: 'ImprovementPeriodEnded',
    data: {
      path: data.path,
      deadline: state.improvementPeriod.endsAt,
      decidedBy: metadata.actor.nip,
      authority: authority.right,
      articles: articles('PP 30/2019 Ps 56'),
      at: metadata.now,
    },
  });
};

const recordCompetenceTest = (command: RecordCompetenceTest, state: OpenPath): Decision => {
  const { data, metadata } = command;
  const authority = authorityOf(metadata, ALLOWED.RecordCompetenceTest);
  if (authority._tag === 'Left') return refuse(authority.left);
  if (state.status !== 'test-due') return refuse(notNow(command, state));
  return accept({
    type: 'CompetenceTestRecorded',
    data: {
      path: data.path,
      result: data.result,
      heldOn: data.heldOn,
      notes: data.notes,
      decidedBy: metadata.actor.nip,
      authority: authority.right,
      articles: articles('PP 30/2019 Ps 57'),
      at: metadata.now,
    },
  });
};

const decideTransfer = (command: DecideTransfer, state: OpenPath): Decision => {
  const { data, metadata } = command;
  const authority = authorityOf(metadata, ALLOWED.DecideTransfer);
  if (authority._tag === 'Left') return refuse(authority.left);
  if (state.status !== 'tested' && state.status !== 'temporary-post' && state.status !== 'post-ended')
    return refuse(notNow(command, state));
  if (data.reasons.length === 0) return refuse({ _tag: 'NoReasonsGiven' });
  return accept({
    type: 'TransferDecided',
    data: {
      path: data.path,
      kind: data.kind,
      position: data.position,
      effectiveOn: data.effectiveOn,
      reasons: [...data.reasons],
      decidedBy: metadata.actor.nip,
      authority: authority.right,
      articles: articles('PP 30/2019 Ps 57'),
      at: metadata.now,
    },
  });
};

const canHaveTemporaryPost = (level: Level): boolean => (TEMPORARY_POST_LEVELS as ReadonlyArray<Level>).includes(level);

const assignTemporaryPost = (command: AssignTemporaryPost, state: OpenPath): Decision => {
  const { data, metadata } = command;
  const authority = authorityOf(metadata, ALLOWED.AssignTemporaryPost);
  if (authority._tag === 'Left') return refuse(authority.left);
  if (state.status !== 'tested') return refuse(notNow(command, state));
  if (!canHaveTemporaryPost(state.level)) return refuse({ _tag: 'TemporaryPostNotForLevel', level: state.level });
  if (data.months > TEMPORARY_POST_MAX_MONTHS)
    return refuse({ _tag: 'TemporaryPostTooLong', months: data.months, max: TEMPORARY_POST_MAX_MONTHS });
  if (data.reasons.length === 0) return refuse({ _tag: 'NoReasonsGiven' });
  return accept({
    type: 'TemporaryPostAssigned',
    data: {
      path: data.path,
      position: data.position,
      period: monthsDeadline(metadata.now, data.months, state.improvementPeriod.timeZone),
      reasons: [...data.reasons],
      decidedBy: metadata.actor.nip,
      authority: authority.right,
      articles: articles('PP 30/2019 Ps 57'),
      at: metadata.now,
    },
  });
};

const endTemporaryPost = (command: EndTemporaryPost, state: OpenPath): Decision => {
  const { data, metadata } = command;
  const authority = authorityOf(metadata, ALLOWED.EndTemporaryPost);
  if (authority._tag === 'Left') return refuse(authority.left);
  if (state.status !== 'temporary-post' || state.temporaryPost === null) return refuse(notNow(command, state));
  const { period } = state.temporaryPost;
  if (!isPast(period, metadata.now)) return refuse({ _tag: 'TemporaryPostRunning', endsAt: period.endsAt });
  return accept({
    type: 'TemporaryPostEnded',
    data: {
      path: data.path,
      deadline: period.endsAt,
      decidedBy: metadata.actor.nip,
      authority: authority.right,
      articles: articles('PP 30/2019 Ps 57'),
      at: metadata.now,
    },
  });
};

const proposeDismissal = ({ data, metadata }: ProposeDismissalWithHonour, state: OpenPath): Decision => {
  const authority = authorityOf(metadata, DISMISSAL_ALLOWED[data.ground]);
  if (authority._tag === 'Left') return refuse(authority.left);
  const poorYears = consecutivePoorYears(state);
  if (data.ground === 'path-exhausted') {
    // BR-26: after the temporary post; or after the test when the level has no temporary post (JPT).
    const exhausted = state.status === 'post-ended' || (state.status === 'tested' && !canHaveTemporaryPost(state.level));
    if (!exhausted) return refuse({ _tag: 'DismissalNotYet', status: state.status, level: state.level });
  } else {
    const required = state.policy.consecutivePoorYearsDismissal;
    if (required === null) return refuse({ _tag: 'ConsecutiveYearsRuleOff' });
    if (poorYears < required) return refuse({ _tag: 'NotEnoughPoorYears', years: poorYears, required });
  }
  if (data.reasons.length === 0) return refuse({ _tag: 'NoReasonsGiven' });
  return accept({
    type: 'DismissalWithHonourProposed',
    data: {
      path: data.path,
      ground: data.ground,
      poorYears,
      reasons: [...data.reasons],
      decidedBy: metadata.actor.nip,
      authority: authority.right,
      articles: data.ground === 'path-exhausted' ? articles('PP 30/2019 Ps 58') : articles('tenant policy: consecutive poor years'),
      at: metadata.now,
    },
  });
};

// ---------------------------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------------------------

export const decide = (command: PoorPerformanceCommand, state: PoorPerformanceState): Decision => {
  // Guards every command shares, first to last: a closed path refuses everything; only Open starts one; a command
  // for another path was routed to the wrong stream.
  if (state.status === 'closed') return refuse({ _tag: 'PathClosed', path: state.path, reason: state.reason, closedAt: state.closedAt });
  if (command.type === 'OpenPoorPerformancePath')
    return state.status === 'empty' ? open(command) : refuse({ _tag: 'PathAlreadyOpened', path: state.path });
  if (state.status === 'empty') return refuse({ _tag: 'PathNotOpened', path: command.data.path });
  if (command.data.path !== state.path) return refuse({ _tag: 'WrongPath', path: state.path, given: command.data.path });

  switch (command.type) {
    case 'RecordCoaching':
      return recordCoaching(command, state);
    case 'RecordImprovement':
      return recordImprovement(command, state);
    case 'RecordPoorYear':
      return recordPoorYear(command, state);
    case 'EndImprovementPeriod':
      return endImprovementPeriod(command, state);
    case 'RecordCompetenceTest':
      return recordCompetenceTest(command, state);
    case 'DecideTransfer':
      return decideTransfer(command, state);
    case 'AssignTemporaryPost':
      return assignTemporaryPost(command, state);
    case 'EndTemporaryPost':
      return endTemporaryPost(command, state);
    case 'ProposeDismissalWithHonour':
      return proposeDismissal(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
};

export const poorPerformanceDecider: Decider<PoorPerformanceState, PoorPerformanceCommand, PoorPerformanceEvent, PoorPerformanceError> = {
  decide,
  evolve,
  initialState,
  isTerminal,
};

// ---------------------------------------------------------------------------------------------------------------
// Timer
// ---------------------------------------------------------------------------------------------------------------

/**
 * The commands whose deadline has passed at `now`, sent as `actor` (the system): the end of the 6 months to
 * improve, and the end of a temporary post (BR-26). Nothing else is due.
 */
export const duePoorPerformance = (now: Date, state: PoorPerformanceState, actor: Actor): ReadonlyArray<PoorPerformanceCommand> => {
  const metadata = { now, actor };
  if (state.status === 'improving' && isPast(state.improvementPeriod, now))
    return [{ type: 'EndImprovementPeriod', data: { path: state.path }, metadata }];
  if (state.status === 'temporary-post' && state.temporaryPost !== null && isPast(state.temporaryPost.period, now))
    return [{ type: 'EndTemporaryPost', data: { path: state.path }, metadata }];
  return [];
};
