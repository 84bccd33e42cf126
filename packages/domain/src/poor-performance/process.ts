/**
 * The poor-performance process manager (ARCHITECTURE.md, step 7): an evaluation that becomes final
 * (`EvaluationFinalized`, or `EvaluationRevised` after an upheld objection) opens, feeds or closes the official's
 * poor-performance path (BR-26).
 *
 * - No open path, a predikat below the threshold (annual; periodic only when the policy says so) → open path n+1,
 *   carrying the poor years just before it from the previous path.
 * - An open path, a predikat at or above its threshold, final after the path opened → close it by improvement.
 * - An open path, a further poor annual result → record the poor year.
 * - With the tenant's "N consecutive poor years" rule on [policy only, default off], reaching N → also propose
 *   dismissal with honour on that ground.
 *
 * The host runs it for each committed evaluation event with the evaluation's state after the event, the
 * official's most recent path (any status, or none), the tenant's policy, the official's level in the roster and
 * the tenant's zone, and sends the commands with the system actor and the event as their cause.
 */
import type { TimeZone } from '../calendar';
import type { CommandMetadata } from '../core';
import { currentResult, type EvaluationEvent, type EvaluationState } from '../evaluation/evaluation';
import type { Level } from '../roster/roster';
import { yearOfPeriod } from '../policy/tenants';
import type { PoorPerformanceCommand } from './decide';
import {
  consecutivePoorYears,
  isPoorPredikat,
  poorPerformanceIdOf,
  poorPerformanceIdParts,
  type FinalEvaluationFact,
  type OpenPath,
  type PoorPerformancePolicy,
  type PoorPerformanceState,
} from './poor-performance';

export type PoorPerformanceReactionContext = Readonly<{
  /** The official's most recent path, whatever its status; undefined when they never had one. */
  latestPath: PoorPerformanceState | undefined;
  /** The tenant's policy now: it applies to a path that opens (an open path keeps the one it recorded). */
  policy: PoorPerformancePolicy;
  /** The official's level in the roster now (BR-26: which levels get a temporary post). */
  level: Level;
  timeZone: TimeZone;
  metadata: CommandMetadata;
}>;

/** The final result of an evaluation that has just become final, as the path records it. */
export const finalEvaluationFactOf = (evaluation: EvaluationState): FinalEvaluationFact | undefined => {
  if (evaluation.status !== 'final') return undefined;
  const result = currentResult(evaluation);
  if (result === undefined) return undefined;
  return {
    evaluation: evaluation.evaluation,
    kind: evaluation.kind,
    period: evaluation.period,
    predikat: result.predikat,
    finalizedAt: evaluation.finalization.at,
  };
};

const isOpen = (state: PoorPerformanceState | undefined): state is OpenPath =>
  state !== undefined && state.status !== 'empty' && state.status !== 'closed';

/** The poor years right before `year` that a previous path hands on (none after an improvement). */
const carriedPoorYears = (latest: PoorPerformanceState | undefined, year: number): number => {
  if (latest === undefined || latest.status === 'empty') return 0;
  if (latest.status === 'closed' && latest.reason === 'improved') return 0;
  const last = latest.poorYears[latest.poorYears.length - 1];
  return last === year - 1 ? consecutivePoorYears(latest) : 0;
};

const dismissalReasons = (years: number, required: number): ReadonlyArray<string> => [
  `${years} consecutive poor years; the tenant's policy proposes dismissal with honour after ${required}`,
];

export const reactToEvaluationFinal = (
  event: EvaluationEvent,
  evaluation: EvaluationState,
  context: PoorPerformanceReactionContext,
): ReadonlyArray<PoorPerformanceCommand> => {
  if (event.type !== 'EvaluationFinalized' && event.type !== 'EvaluationRevised') return [];
  const fact = finalEvaluationFactOf(evaluation);
  if (fact === undefined || evaluation.status !== 'final') return [];
  const { metadata, latestPath } = context;
  const year = yearOfPeriod(fact.period);

  if (isOpen(latestPath)) {
    const path = latestPath.path;
    const { threshold, consecutivePoorYearsDismissal: required } = latestPath.policy;
    if (fact.finalizedAt.getTime() <= latestPath.openedAt.getTime()) return [];
    if (!isPoorPredikat(fact.predikat, threshold)) return [{ type: 'RecordImprovement', data: { path, evaluation: fact }, metadata }];
    const last = latestPath.poorYears[latestPath.poorYears.length - 1];
    if (fact.kind !== 'annual' || (last !== undefined && year <= last)) return [];
    const commands: PoorPerformanceCommand[] = [{ type: 'RecordPoorYear', data: { path, evaluation: fact }, metadata }];
    const streak = consecutivePoorYears({ ...latestPath, poorYears: [...latestPath.poorYears, year] });
    if (required !== null && streak >= required)
      commands.push({
        type: 'ProposeDismissalWithHonour',
        data: { path, ground: 'consecutive-poor-years', reasons: dismissalReasons(streak, required) },
        metadata,
      });
    return commands;
  }

  const { policy } = context;
  if (!isPoorPredikat(fact.predikat, policy.threshold)) return [];
  if (fact.kind === 'periodic' && !policy.periodicOpens) return [];
  const header = evaluation.facts.plan.header;
  const n = latestPath === undefined || latestPath.status === 'empty' ? 1 : poorPerformanceIdParts(latestPath.path).n + 1;
  const path = poorPerformanceIdOf(header.employee, n);
  const priorPoorYears = fact.kind === 'annual' ? carriedPoorYears(latestPath, year) : 0;
  const commands: PoorPerformanceCommand[] = [
    {
      type: 'OpenPoorPerformancePath',
      data: {
        path,
        employee: header.employee,
        evaluation: fact,
        level: context.level,
        supervisors: { appraiser: header.appraiser, appraiserSuperior: header.appraiserSuperior },
        timeZone: context.timeZone,
        policy,
        priorPoorYears,
      },
      metadata,
    },
  ];
  const required = policy.consecutivePoorYearsDismissal;
  const streak = priorPoorYears + (fact.kind === 'annual' ? 1 : 0);
  if (required !== null && streak >= required)
    commands.push({
      type: 'ProposeDismissalWithHonour',
      data: { path, ground: 'consecutive-poor-years', reasons: dismissalReasons(streak, required) },
      metadata,
    });
  return commands;
};
