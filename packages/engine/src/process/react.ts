/**
 * The host of every process manager (ARCHITECTURE.md, step 7): `reactToEvent` runs, for one committed event, the
 * domain's pure `react…` functions that handle it and sends the commands they return through the pipeline:
 *
 * - the evaluation cycle (`reactToCycleEvent`): rated evaluation → proposal to the unit period; settled unit
 *   period → each evaluation settled;
 * - the evaluation objection (`reactToObjection`, BR-10, BR-11): filed → the evaluation notes it; rejected or
 *   withdrawn → the evaluation is final; upheld → the unit period re-checks the curve, then the evaluation is
 *   revised (stopping at the first refusal, e.g. `DistributionViolated`, so a revision never breaks the curve);
 * - the appeal (`reactToAppeal`, BR-20, BR-21): a decided keberatan or banding → the discipline case's
 *   `ApplyReviewOutcome`;
 * - absences (`reactToAbsence`, BR-15, BR-16): a crossed threshold → `ReportBreach` with the roster's facts;
 * - the poor-performance path (`reactToEvaluationFinal`, BR-26): an evaluation final (or revised) → the path
 *   opened, fed or closed.
 *
 * Rewards and complaints have no process manager (rewards are decisions of the PPK or the unit head; a complaint
 * moves by its handlers' commands and its timer).
 *
 * Idempotent: each command's id is `${eventId}/<manager>-<n>`, so running the reaction again for the same event
 * (a restarted subscription, two hosts) finds the first run's events and appends nothing twice; the domain's
 * managers also return nothing for an effect already in place.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import {
  ApplyReviewOutcomeCodec,
  describeErrors,
  disciplineStreamId,
  evaluationStreamId,
  fold,
  poorPerformanceStreamId,
  reactToAbsence,
  reactToAppeal,
  reactToEvaluationFinal,
  reactToObjection,
  unitPeriodStreamId,
  type Actor,
  type CommandMetadata,
  type TenantId,
} from '@kinerja/domain';
import type { EventEnvelope, EventStore } from '@kinerja/eventstore';
import {
  absenceAggregate,
  appealAggregate,
  disciplineAggregate,
  evaluationAggregate,
  objectionAggregate,
  poorPerformanceAggregate,
  unitPeriodAggregate,
} from '../aggregates';
import type { CommandFailure } from '../catalog/catalog';
import { requestOf } from '../catalog/request';
import { categoryOf } from '../catalog/streams';
import { reactToCycleEvent } from '../evaluation-cycle';
import { reportBreachCommand } from '../facts/discipline';
import { poorPerformanceContextFor } from '../facts/poor-performance';
import { handle, loadStream, type Aggregate, type CommandContext, type LoadedStream } from '../pipeline';

/** What one event caused: how many commands the process managers handled (replayed ones included). */
export type EventReaction = Readonly<{ handled: number }>;

export type ReactionError = CommandFailure;

/** The context of the `n`-th command a manager sends for `envelope`: a deterministic id, the event as its cause. */
export const reactionContext = (envelope: EventEnvelope, system: Actor, name: string, n: number, issuedAt?: Date): CommandContext => ({
  tenant: envelope.metadata.tenant,
  commandId: `${envelope.eventId}/${name}-${n}`,
  correlationId: envelope.metadata.correlationId,
  causationId: envelope.metadata.commandId,
  causationEventId: envelope.eventId,
  actor: system,
  issuedAt: issuedAt ?? new Date(envelope.metadata.occurredAt),
});

const corrupt = (envelope: EventEnvelope, problem: string): ReactionError => ({
  _tag: 'CorruptStream',
  streamId: envelope.streamId,
  streamVersion: envelope.streamVersion,
  problem,
});

/** The event itself, decoded with its aggregate's serde. */
const eventOf = <S, C, E, Er>(aggregate: Aggregate<S, C, E, Er>, envelope: EventEnvelope): Either<ReactionError, E> => {
  const decoded = aggregate.serde.deserialize(envelope);
  return isLeft(decoded) ? left(corrupt(envelope, decoded.left)) : right(decoded.right);
};

/** The state of a stream right after `envelope` (not later events): what the managers react with. */
const stateAfter = <S, C, E, Er>(aggregate: Aggregate<S, C, E, Er>, loaded: LoadedStream<S, E>, envelope: EventEnvelope): S =>
  fold(aggregate.decider.evolve, aggregate.decider.initialState(), loaded.events.slice(0, envelope.streamVersion + 1));

type Reacted = Either<ReactionError, EventReaction>;

const done = (handled: number): Either<ReactionError, EventReaction> => right({ handled });

/**
 * A reaction's command ids derive from the causing event, and its event ids from the command id, so an event id
 * that is already in the log means this very reaction was handled before, possibly on another stream (reacting
 * to an old event again, the facts of today may name a different stream than they did then, e.g. the next
 * poor-performance path number). That is success, not a failure: running a reaction twice does nothing twice.
 */
const handledBefore = (error: Readonly<{ _tag: string }>): boolean => error._tag === 'DuplicateEventId';

// ---------------------------------------------------------------------------------------------------------------
// One host per manager
// ---------------------------------------------------------------------------------------------------------------

/** BR-10, BR-11: an objection's outcome reaches the evaluation (and, when upheld, first the unit's curve). */
const reactToObjectionEvent = async (store: EventStore, envelope: EventEnvelope, system: Actor): Promise<Reacted> => {
  const tenant = envelope.metadata.tenant as TenantId;
  const event = eventOf(objectionAggregate, envelope);
  if (isLeft(event)) return event;
  const evaluation = await loadStream(store, evaluationAggregate, evaluationStreamId(tenant, event.right.data.evaluation));
  if (isLeft(evaluation)) return evaluation;
  const metadata: CommandMetadata = { now: new Date(envelope.metadata.occurredAt), actor: system };
  const commands = reactToObjection(event.right, evaluation.right.state, metadata);
  for (const [n, command] of commands.entries()) {
    const context = reactionContext(envelope, system, 'objection', n, command.metadata.now);
    const outcome: Either<ReactionError, unknown> =
      command.type === 'ReviseSettledResult'
        ? await handle(store, unitPeriodAggregate, unitPeriodStreamId(tenant, command.data.unitPeriod), command, context)
        : await handle(store, evaluationAggregate, evaluationStreamId(tenant, command.data.evaluation), command, context);
    // The first refusal stops the reaction: an evaluation is never revised past a curve the unit refused.
    if (isLeft(outcome) && !handledBefore(outcome.left)) return outcome;
  }
  return done(commands.length);
};

const applyReviewOutcomeRequest = requestOf('ApplyReviewOutcome', ApplyReviewOutcomeCodec);

/** BR-20, BR-21: a decided keberatan or banding changes (or affirms) the discipline case's sanction. */
const reactToAppealEvent = async (store: EventStore, envelope: EventEnvelope, system: Actor): Promise<Reacted> => {
  const tenant = envelope.metadata.tenant as TenantId;
  const event = eventOf(appealAggregate, envelope);
  if (isLeft(event)) return event;
  const metadata: CommandMetadata = { now: new Date(envelope.metadata.occurredAt), actor: system };
  const commands = reactToAppeal(event.right, metadata);
  for (const [n, command] of commands.entries()) {
    // The appeal names the case and the sanction in its own words; the discipline case's codec checks them.
    const data = applyReviewOutcomeRequest.decode(command.data);
    if (isLeft(data))
      return left(corrupt(envelope, `ApplyReviewOutcome: ${describeErrors(data.left).map((p) => `${p.path}: ${p.message}`).join('; ')}`));
    const outcome = await handle(
      store,
      disciplineAggregate,
      disciplineStreamId(tenant, data.right.caseId),
      { type: 'ApplyReviewOutcome', data: data.right, metadata: command.metadata },
      reactionContext(envelope, system, 'review', n),
    );
    if (isLeft(outcome) && !handledBefore(outcome.left)) return outcome;
  }
  return done(commands.length);
};

/** BR-15, BR-16: a crossed absence threshold opens a discipline case, with the roster's facts as of that day. */
const reactToAbsenceEvent = async (store: EventStore, envelope: EventEnvelope, system: Actor): Promise<Reacted> => {
  const tenant = envelope.metadata.tenant as TenantId;
  const loaded = await loadStream(store, absenceAggregate, envelope.streamId);
  if (isLeft(loaded)) return loaded;
  const event = loaded.right.events[envelope.streamVersion];
  if (event === undefined) return left(corrupt(envelope, 'the event is not in its stream'));
  const metadata: CommandMetadata = { now: new Date(envelope.metadata.occurredAt), actor: system };
  const proposals = reactToAbsence(event, stateAfter(absenceAggregate, loaded.right, envelope), metadata);
  for (const [n, proposal] of proposals.entries()) {
    const context = reactionContext(envelope, system, 'absence', n);
    const command = await reportBreachCommand(store, tenant, proposal.data, context);
    if (isLeft(command)) return command;
    const outcome = await handle(store, disciplineAggregate, disciplineStreamId(tenant, proposal.data.caseId), command.right, context);
    if (isLeft(outcome) && !handledBefore(outcome.left)) return outcome;
  }
  return done(proposals.length);
};

/** BR-26: a final (or revised) evaluation opens, feeds or closes the official's poor-performance path. */
const reactToFinalEvaluation = async (store: EventStore, envelope: EventEnvelope, system: Actor): Promise<Reacted> => {
  const tenant = envelope.metadata.tenant as TenantId;
  const loaded = await loadStream(store, evaluationAggregate, envelope.streamId);
  if (isLeft(loaded)) return loaded;
  const event = loaded.right.events[envelope.streamVersion];
  const evaluation = stateAfter(evaluationAggregate, loaded.right, envelope);
  if (event === undefined || evaluation.status !== 'final') return done(0);
  const metadata: CommandMetadata = { now: new Date(envelope.metadata.occurredAt), actor: system };
  const employee = evaluation.facts.plan.header.employee;
  const context = await poorPerformanceContextFor(store, tenant, employee, reactionContext(envelope, system, 'path', 0), metadata, envelope.globalPosition);
  if (isLeft(context)) return context;
  const commands = reactToEvaluationFinal(event, evaluation, context.right);
  for (const [n, command] of commands.entries()) {
    const outcome = await handle(
      store,
      poorPerformanceAggregate,
      poorPerformanceStreamId(tenant, command.data.path),
      command,
      reactionContext(envelope, system, 'path', n),
    );
    if (isLeft(outcome) && !handledBefore(outcome.left)) return outcome;
  }
  return done(commands.length);
};

const FINAL_EVALUATION_EVENTS: ReadonlyArray<string> = ['EvaluationFinalized', 'EvaluationRevised'];
const APPEAL_DECISION_CATEGORIES: ReadonlyArray<string> = ['keberatanadmin', 'banding'];

/**
 * Runs every process manager for one committed event and returns how many commands they handled. The first
 * failure (a refusal, a missing fact, the store) is returned: the host reports it and may retry the event later.
 */
export const reactToEvent = async (
  store: EventStore,
  envelope: EventEnvelope,
  system: Actor,
): Promise<Either<ReactionError, EventReaction>> => {
  const cycle = await reactToCycleEvent(store, envelope, system);
  if (isLeft(cycle)) return cycle;
  const category = categoryOf(envelope.streamId);
  const more =
    category === 'keberatan'
      ? await reactToObjectionEvent(store, envelope, system)
      : APPEAL_DECISION_CATEGORIES.includes(category)
        ? await reactToAppealEvent(store, envelope, system)
        : category === 'absensi' && envelope.type === 'AbsenceRecorded'
          ? await reactToAbsenceEvent(store, envelope, system)
          : category === 'evaluation' && FINAL_EVALUATION_EVENTS.includes(envelope.type)
            ? await reactToFinalEvaluation(store, envelope, system)
            : done(0);
  if (isLeft(more)) return more;
  return right({ handled: cycle.right.handled + more.right.handled });
};
