/**
 * FileObjection's facts (BR-10, BR-11): what the evaluation's stream says (employee, appraiser, addressee, status,
 * delivery and the recorded BR-10 deadline), the tenant's calendar and its objection policy. The objection decider
 * judges the filing against them and records them on `ObjectionFiled`.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import {
  evaluationStreamId,
  objectionFactsOf,
  type FileObjection,
  type FileObjectionRequest,
  type TenantId,
} from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import { evaluationAggregate } from '../aggregates';
import { loadStream, type CommandContext } from '../pipeline';
import type { GatherError } from './problems';
import { commandOf, tenantSettings } from './tenant';

export const fileObjectionCommand = async (
  store: EventStore,
  tenant: TenantId,
  request: FileObjectionRequest,
  context: CommandContext,
): Promise<Either<GatherError, FileObjection>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  const evaluation = await loadStream(store, evaluationAggregate, evaluationStreamId(tenant, request.evaluation));
  if (isLeft(evaluation)) return evaluation;
  const facts = objectionFactsOf(evaluation.right.state, settings.right.calendar, settings.right.objection);
  if (facts === undefined) return left({ _tag: 'EvaluationNotFound', evaluation: request.evaluation });
  return right(commandOf('FileObjection', { ...request, facts }, context));
};
