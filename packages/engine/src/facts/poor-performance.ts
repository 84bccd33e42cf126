/**
 * The facts of the poor-performance path (BR-26, PP 30/2019 Ps 56–58): the final evaluation a step rests on (from
 * the evaluation's stream), the official's level and supervisors, the tenant's zone and path policy, the official's
 * most recent path (for the next path number and the poor years it hands on). The process manager
 * (`reactToEvaluationFinal`) gets the same facts from `poorPerformanceContextFor`; an operator who opens a path by
 * hand, or the system recording an improvement or a poor year, names the path and the evaluation only.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import {
  fold,
  consecutivePoorYears,
  evaluationIdParts,
  evaluationStreamId,
  finalEvaluationFactOf,
  levelOf,
  poorPerformanceIdOf,
  poorPerformanceIdParts,
  poorPerformanceStreamId,
  yearOfPeriod,
  type CommandMetadata,
  type EvaluationId,
  type EvaluationState,
  type FinalEvaluationFact,
  type LocalDate,
  type Nip,
  type OpenPoorPerformancePath,
  type PoorPerformanceId,
  type PoorPerformanceReactionContext,
  type PoorPerformanceState,
  type RecordImprovement,
  type RecordPoorYear,
  type RosterState,
  type TenantId,
} from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import { evaluationAggregate, poorPerformanceAggregate } from '../aggregates';
import { loadStream, type CommandContext } from '../pipeline';
import { loadRoster } from './roster';
import type { GatherError } from './problems';
import { commandOf, issueDate, tenantSettings } from './tenant';

/** What a client sends to open a path by hand, or what the system sends to record a step: the path and the evaluation. */
export type PathEvaluationRequest = Readonly<{ path: PoorPerformanceId; evaluation: EvaluationId }>;

/** The official's most recent path, whatever its status (paths are numbered 1, 2, ...); undefined: none yet. */
export const latestPathOf = async (
  store: EventStore,
  tenant: TenantId,
  employee: Nip,
  /**
   * Only what was in the log before this global position: a process manager reacting to an event decides on the
   * paths as they stood when that event was committed, so reacting to it again later (a restarted host going
   * over old events) decides the same way instead of on paths that have moved on since.
   */
  beforePosition?: number,
): Promise<Either<GatherError, PoorPerformanceState | undefined>> => {
  let latest: PoorPerformanceState | undefined;
  for (let n = 1; ; n++) {
    const loaded = await loadStream(store, poorPerformanceAggregate, poorPerformanceStreamId(tenant, poorPerformanceIdOf(employee, n)));
    if (isLeft(loaded)) return loaded;
    const { envelopes, events } = loaded.right;
    const then = beforePosition === undefined ? events : events.filter((_, i) => (envelopes[i]?.globalPosition ?? 0) < beforePosition);
    if (then.length === 0) return right(latest);
    latest = then.length === events.length ? loaded.right.state : fold(poorPerformanceAggregate.decider.evolve, poorPerformanceAggregate.decider.initialState(), then);
  }
};

/** The final evaluation `evaluation` as the path records it. */
export const finalEvaluationFact = async (
  store: EventStore,
  tenant: TenantId,
  evaluation: EvaluationId,
): Promise<Either<GatherError, FinalEvaluationFact>> => {
  const loaded = await loadStream(store, evaluationAggregate, evaluationStreamId(tenant, evaluation));
  if (isLeft(loaded)) return loaded;
  const { state } = loaded.right;
  if (state.status === 'empty') return left({ _tag: 'EvaluationNotFound', evaluation });
  const fact = finalEvaluationFactOf(state);
  return fact === undefined ? left({ _tag: 'EvaluationNotFinal', evaluation, status: state.status }) : right(fact);
};

/**
 * The poor years right before `year` that the previous path hands on: none after an improvement, else its run of
 * consecutive poor years when its last one was the year before (the rule the domain's process manager applies).
 */
const carriedPoorYears = (latest: PoorPerformanceState | undefined, year: number): number => {
  if (latest === undefined || latest.status === 'empty') return 0;
  if (latest.status === 'closed' && latest.reason === 'improved') return 0;
  return latest.poorYears[latest.poorYears.length - 1] === year - 1 ? consecutivePoorYears(latest) : 0;
};

const levelIn = (roster: RosterState, employee: Nip, asOf: LocalDate): Either<GatherError, PoorPerformanceReactionContext['level']> => {
  const level = levelOf(roster, employee, asOf);
  return level === undefined ? left({ _tag: 'EmployeeNotInRoster', employee, asOf }) : right(level.level);
};

/** What the process manager needs besides the evaluation: the latest path, the policy, the level and the zone. */
export const poorPerformanceContextFor = async (
  store: EventStore,
  tenant: TenantId,
  employee: Nip,
  context: CommandContext,
  metadata: CommandMetadata,
  /** The position of the event being reacted to: the paths are read as they stood before it (see `latestPathOf`). */
  beforePosition?: number,
): Promise<Either<GatherError, PoorPerformanceReactionContext>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  const latestPath = await latestPathOf(store, tenant, employee, beforePosition);
  if (isLeft(latestPath)) return latestPath;
  const roster = await loadRoster(store, tenant);
  if (isLeft(roster)) return roster;
  const level = levelIn(roster.right, employee, issueDate(context, settings.right));
  if (isLeft(level)) return level;
  return right({
    latestPath: latestPath.right,
    policy: settings.right.poorPerformance,
    level: level.right,
    timeZone: settings.right.policy.timeZone,
    metadata,
  });
};

export const openPoorPerformancePathCommand = async (
  store: EventStore,
  tenant: TenantId,
  request: PathEvaluationRequest,
  context: CommandContext,
): Promise<Either<GatherError, OpenPoorPerformancePath>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  const loaded = await loadStream(store, evaluationAggregate, evaluationStreamId(tenant, request.evaluation));
  if (isLeft(loaded)) return loaded;
  const evaluation: EvaluationState = loaded.right.state;
  if (evaluation.status === 'empty') return left({ _tag: 'EvaluationNotFound', evaluation: request.evaluation });
  const fact = finalEvaluationFactOf(evaluation);
  if (fact === undefined) return left({ _tag: 'EvaluationNotFinal', evaluation: request.evaluation, status: evaluation.status });
  // The path's official is the one its id names; the decider refuses an evaluation of anyone else.
  const employee = poorPerformanceIdParts(request.path).employee;
  const latest = await latestPathOf(store, tenant, employee);
  if (isLeft(latest)) return latest;
  const roster = await loadRoster(store, tenant);
  if (isLeft(roster)) return roster;
  const level = levelIn(roster.right, employee, issueDate(context, settings.right));
  if (isLeft(level)) return level;
  const { header } = evaluation.facts.plan;
  return right(
    commandOf(
      'OpenPoorPerformancePath',
      {
        path: request.path,
        employee,
        evaluation: fact,
        level: level.right,
        supervisors: { appraiser: header.appraiser, appraiserSuperior: header.appraiserSuperior },
        timeZone: settings.right.policy.timeZone,
        policy: settings.right.poorPerformance,
        priorPoorYears: fact.kind === 'annual' ? carriedPoorYears(latest.right, yearOfPeriod(fact.period)) : 0,
      },
      context,
    ),
  );
};

const stepCommand =
  <T extends 'RecordImprovement' | 'RecordPoorYear'>(type: T) =>
  async (
    store: EventStore,
    tenant: TenantId,
    request: PathEvaluationRequest,
    context: CommandContext,
  ): Promise<Either<GatherError, Extract<RecordImprovement | RecordPoorYear, { type: T }>>> => {
    const fact = await finalEvaluationFact(store, tenant, request.evaluation);
    if (isLeft(fact)) return fact;
    return right(commandOf(type, { path: request.path, evaluation: fact.right }, context) as Extract<RecordImprovement | RecordPoorYear, { type: T }>);
  };

export const recordImprovementCommand = stepCommand('RecordImprovement');
export const recordPoorYearCommand = stepCommand('RecordPoorYear');

/** The official an evaluation is of (its id names them). */
export const employeeOfEvaluation = (evaluation: EvaluationId): Nip => evaluationIdParts(evaluation).employee;
