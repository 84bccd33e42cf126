/**
 * The evaluation cycle in the engine: the three commands that need facts from other streams (the plan, the roster,
 * the tenant's policy) as one call each, and the host of the evaluation-cycle process manager.
 *
 * `openEvaluation`, `inviteFeedback` and `openUnitPeriod` are thin wrappers: the facts module
 * (`facts/evaluation-cycle.ts`, the same functions the command catalog runs) builds the complete command, then the
 * pipeline decides it. A client never supplies the facts: the HTTP edge decodes the request codecs, which have none.
 *
 * The process manager is run per committed event (`reactToCycleEvent`), from a subscription or right after a
 * command. Its commands have ids derived from the causing event, so running it twice for one event (after a
 * crash, or from two hosts) appends nothing twice.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import {
  evaluationStreamId,
  reactToEvaluation,
  reactToUnitPeriod,
  unitPeriodStreamId,
  type Actor,
  type EvaluationError,
  type EvaluationEvent,
  type InviteFeedbackRequest,
  type OpenEvaluationRequest,
  type TenantId,
  type UnitPeriodError,
  type UnitPeriodEvent,
  type UnitPeriodHeader,
} from '@kinerja/domain';
import type { EventEnvelope, EventStore } from '@kinerja/eventstore';
import { evaluationAggregate, unitPeriodAggregate } from './aggregates';
import { inviteFeedbackCommand, openEvaluationCommand, openUnitPeriodCommand } from './facts/evaluation-cycle';
import type { GatherError } from './facts/problems';
import { handle, loadStream, type CommandContext, type Handled, type HandleError } from './pipeline';

/** Why the facts a command needs could not be gathered: the facts module's one error type. */
export type FactsError = GatherError;

export type EvaluationCycleError<E> = FactsError | HandleError<E>;

/** OpenEvaluation with the plan's facts, the roster's and the tenant policy's rule book for the period. */
export const openEvaluation = async (
  store: EventStore,
  tenant: TenantId,
  request: OpenEvaluationRequest,
  context: CommandContext,
): Promise<Either<EvaluationCycleError<EvaluationError>, Handled<EvaluationEvent>>> => {
  const command = await openEvaluationCommand(store, tenant, request, context);
  if (isLeft(command)) return command;
  return handle(store, evaluationAggregate, evaluationStreamId(tenant, request.evaluation), command.right, context);
};

/** InviteFeedback with what the roster says about the invitee on the invitation date. */
export const inviteFeedback = async (
  store: EventStore,
  tenant: TenantId,
  request: InviteFeedbackRequest,
  context: CommandContext,
): Promise<Either<EvaluationCycleError<EvaluationError>, Handled<EvaluationEvent>>> => {
  const command = await inviteFeedbackCommand(store, tenant, request, context);
  if (isLeft(command)) return command;
  return handle(store, evaluationAggregate, evaluationStreamId(tenant, request.evaluation), command.right, context);
};

/** OpenUnitPeriod with the roster's unit head and authorised official, and the tenant policy's curve settings. */
export const openUnitPeriod = async (
  store: EventStore,
  tenant: TenantId,
  request: UnitPeriodHeader,
  context: CommandContext,
): Promise<Either<EvaluationCycleError<UnitPeriodError>, Handled<UnitPeriodEvent>>> => {
  const command = await openUnitPeriodCommand(store, tenant, request, context);
  if (isLeft(command)) return command;
  return handle(store, unitPeriodAggregate, unitPeriodStreamId(tenant, request.unitPeriod), command.right, context);
};

/** What one event caused: the commands the process manager handled (replayed ones included). */
export type Reaction = Readonly<{ handled: number }>;

const pmContext = (envelope: EventEnvelope, system: Actor, n: string): CommandContext => ({
  tenant: envelope.metadata.tenant,
  commandId: `${envelope.eventId}/${n}`,
  correlationId: envelope.metadata.correlationId,
  causationId: envelope.metadata.commandId,
  causationEventId: envelope.eventId,
  actor: system,
  issuedAt: new Date(envelope.metadata.occurredAt),
});

/**
 * Runs the evaluation-cycle process manager for one committed event: a rated evaluation is proposed to its unit
 * period (opened by the system first if nobody has opened it yet); a settled unit period settles each evaluation.
 * Other events cause nothing.
 */
export const reactToCycleEvent = async (
  store: EventStore,
  envelope: EventEnvelope,
  system: Actor,
): Promise<Either<EvaluationCycleError<EvaluationError | UnitPeriodError>, Reaction>> => {
  const tenant = envelope.metadata.tenant as TenantId;
  const now = new Date(envelope.metadata.occurredAt);
  if (envelope.type === 'EvaluationRated') {
    const evaluation = await loadStream(store, evaluationAggregate, envelope.streamId);
    if (isLeft(evaluation)) return evaluation;
    const { events, state } = evaluation.right;
    const event = events[envelope.streamVersion];
    const proposals = event === undefined ? [] : reactToEvaluation(event, state, { now, actor: system });
    for (const [i, proposal] of proposals.entries()) {
      const streamId = unitPeriodStreamId(tenant, proposal.data.unitPeriod);
      const context = pmContext(envelope, system, `proposal-${i}`);
      let done = await handle(store, unitPeriodAggregate, streamId, proposal, context);
      if (isLeft(done) && done.left._tag === 'Refused' && done.left.error._tag === 'UnitPeriodNotOpen' && state.status !== 'empty') {
        const header = state.facts.plan.header;
        const opened = await openUnitPeriod(
          store,
          tenant,
          { unitPeriod: proposal.data.unitPeriod, unit: header.unit, period: state.period, periodStart: state.periodStart, periodEnd: state.periodEnd },
          pmContext(envelope, system, `open-${i}`),
        );
        if (isLeft(opened)) return opened;
        done = await handle(store, unitPeriodAggregate, streamId, proposal, context);
      }
      if (isLeft(done)) return done;
    }
    return right({ handled: proposals.length });
  }
  if (envelope.type === 'UnitPeriodSettled') {
    const event = unitPeriodAggregate.serde.deserialize(envelope);
    if (isLeft(event))
      return left({ _tag: 'CorruptStream', streamId: envelope.streamId, streamVersion: envelope.streamVersion, problem: event.left });
    const settlements = reactToUnitPeriod(event.right, { now, actor: system });
    for (const [i, settlement] of settlements.entries()) {
      const done = await handle(
        store,
        evaluationAggregate,
        evaluationStreamId(tenant, settlement.data.evaluation),
        settlement,
        pmContext(envelope, system, `settle-${i}`),
      );
      if (isLeft(done)) return done;
    }
    return right({ handled: settlements.length });
  }
  return right({ handled: 0 });
};
