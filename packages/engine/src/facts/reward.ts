/**
 * The facts of a reward decision (DOMAIN.md §2.6): each linked evaluation as the decision sees it (final or not,
 * predikat, perilaku, BerAKHLAK values below expectation), read from its stream, and the tenant's reward policy.
 * A client names the evaluations by id only (`evaluationIds`).
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import {
  evaluationStreamId,
  rewardEvaluationFactOf,
  type EvaluationId,
  type GrantIncentive,
  type GrantIncentiveRequest,
  type GrantRecognition,
  type GrantRecognitionRequest,
  type PrioritiseForTalentPool,
  type PrioritiseForTalentPoolRequest,
  type RecommendTraining,
  type RecommendTrainingRequest,
  type RewardCommand,
  type RewardEvaluationFact,
  type TenantId,
} from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import { evaluationAggregate } from '../aggregates';
import { loadStream, type CommandContext } from '../pipeline';
import type { GatherError } from './problems';
import { commandOf, tenantSettings } from './tenant';

const evaluationFacts = async (
  store: EventStore,
  tenant: TenantId,
  ids: ReadonlyArray<EvaluationId>,
): Promise<Either<GatherError, ReadonlyArray<RewardEvaluationFact>>> => {
  const facts: RewardEvaluationFact[] = [];
  for (const evaluation of ids) {
    const loaded = await loadStream(store, evaluationAggregate, evaluationStreamId(tenant, evaluation));
    if (isLeft(loaded)) return loaded;
    const fact = rewardEvaluationFactOf(loaded.right.state);
    if (fact === undefined) return left({ _tag: 'EvaluationNotFound', evaluation });
    facts.push(fact);
  }
  return right(facts);
};

type Requests = {
  GrantRecognition: GrantRecognitionRequest;
  GrantIncentive: GrantIncentiveRequest;
  PrioritiseForTalentPool: PrioritiseForTalentPoolRequest;
  RecommendTraining: RecommendTrainingRequest;
};
type Commands = {
  GrantRecognition: GrantRecognition;
  GrantIncentive: GrantIncentive;
  PrioritiseForTalentPool: PrioritiseForTalentPool;
  RecommendTraining: RecommendTraining;
};

/** A reward decision of `type` with the linked evaluations' facts and the tenant's policy. */
export const rewardCommand =
  <T extends RewardCommand['type']>(type: T) =>
  async (store: EventStore, tenant: TenantId, request: Requests[T], context: CommandContext): Promise<Either<GatherError, Commands[T]>> => {
    const settings = tenantSettings(tenant);
    if (isLeft(settings)) return settings;
    const evaluations = await evaluationFacts(store, tenant, request.evaluationIds);
    if (isLeft(evaluations)) return evaluations;
    const { evaluationIds: _ids, ...rest } = request;
    return right(commandOf(type, { ...rest, evaluations: evaluations.right, policy: settings.right.reward }, context) as unknown as Commands[T]);
  };
