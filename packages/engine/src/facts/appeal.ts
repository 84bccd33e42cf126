/**
 * The facts of a keberatan (BR-21) or a banding to BPASN (BR-20): the disciplinary decision under review as the
 * discipline case recorded it (the sanction in force, its level, whether it is a dismissal, when the employee
 * received it), the tenant calendar (the 14 and 21 working days) and, for a keberatan, the tenant's appeal policy.
 * Never accepted from a client: the request names the case only.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import {
  DisciplineCaseId,
  disciplineStreamId,
  levelOfSanction,
  type DisciplineState,
  type FileAdministrativeObjection,
  type FileAppeal,
  type FileAppealRequest,
  type ReviewedDecision,
  type TenantId,
} from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import { disciplineAggregate } from '../aggregates';
import { loadStream, type CommandContext } from '../pipeline';
import type { GatherError } from './problems';
import { commandOf, tenantSettings } from './tenant';

/** The decision a delivered (or served) case stands on; undefined before delivery. */
export const reviewedDecisionOf = (state: DisciplineState): ReviewedDecision | undefined => {
  if (state.status !== 'delivered' && state.status !== 'served') return undefined;
  const { sanction } = state.decision;
  return {
    caseId: state.caseId,
    sanctionLevel: levelOfSanction(sanction),
    sanctionType: sanction.type,
    isDismissal: sanction.type === 'pemberhentian',
    deliveredAt: state.delivery.deliveredAt,
    employee: state.employee,
  };
};

const decisionUnderReview = async (
  store: EventStore,
  tenant: TenantId,
  caseId: string,
): Promise<Either<GatherError, ReviewedDecision>> => {
  const id = DisciplineCaseId.decode(caseId);
  if (isLeft(id)) return left({ _tag: 'CaseNotFound', caseId });
  const loaded = await loadStream(store, disciplineAggregate, disciplineStreamId(tenant, id.right));
  if (isLeft(loaded)) return loaded;
  const { state } = loaded.right;
  if (state.status === 'empty') return left({ _tag: 'CaseNotFound', caseId });
  const decision = reviewedDecisionOf(state);
  return decision === undefined ? left({ _tag: 'SanctionNotDelivered', caseId, status: state.status }) : right(decision);
};

export const fileAdministrativeObjectionCommand = async (
  store: EventStore,
  tenant: TenantId,
  request: FileAppealRequest,
  context: CommandContext,
): Promise<Either<GatherError, FileAdministrativeObjection>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  const decision = await decisionUnderReview(store, tenant, request.caseId);
  if (isLeft(decision)) return decision;
  const { calendar, appeal } = settings.right;
  return right(commandOf('FileAdministrativeObjection', { ...request, decision: decision.right, calendar, policy: appeal }, context));
};

export const fileAppealCommand = async (
  store: EventStore,
  tenant: TenantId,
  request: FileAppealRequest,
  context: CommandContext,
): Promise<Either<GatherError, FileAppeal>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  const decision = await decisionUnderReview(store, tenant, request.caseId);
  if (isLeft(decision)) return decision;
  return right(commandOf('FileAppeal', { ...request, decision: decision.right, calendar: settings.right.calendar }, context));
};
