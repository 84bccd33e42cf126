/**
 * The facts of the evaluation cycle's commands (DOMAIN.md §2.1–2.3), read from other streams as of the command's
 * issue date in the tenant's zone: DraftPlan gets the roster's view of the employee and the appraiser;
 * OpenEvaluation the plan's facts, the roster's and the tenant policy's rule book for the period; InviteFeedback
 * what the roster says about the invitee; OpenUnitPeriod the unit head, the authorised official and the curve
 * settings. Each returns the complete command; the caller hands it to the pipeline. A client never supplies these
 * facts: the request codecs have no such fields.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import {
  evaluationIdParts,
  evaluationPlanFactsOf,
  evaluationPolicyOf,
  evaluationRosterFactsFor,
  inviteeFactsFor,
  planStreamId,
  rosterFactsFor,
  ruleBookFor,
  unitPeriodPolicyOf,
  unitPeriodRosterFactsFor,
  type DraftPlan,
  type InviteFeedback,
  type InviteFeedbackRequest,
  type OpenEvaluation,
  type OpenEvaluationRequest,
  type OpenUnitPeriod,
  type PlanHeader,
  type TenantId,
  type UnitPeriodHeader,
} from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import { planAggregate } from '../aggregates';
import { loadStream, type CommandContext } from '../pipeline';
import type { GatherError } from './problems';
import { loadRoster } from './roster';
import { commandOf, issueDate, tenantSettings } from './tenant';

/** The tenant's roster as it stands (its timelines answer "as of" any date), folded once per roster version. */
export { loadRoster } from './roster';

export const draftPlanCommand = async (
  store: EventStore,
  tenant: TenantId,
  request: PlanHeader,
  context: CommandContext,
): Promise<Either<GatherError, DraftPlan>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  const roster = await loadRoster(store, tenant);
  if (isLeft(roster)) return roster;
  const facts = rosterFactsFor(roster.right, request.employee, request.appraiser, issueDate(context, settings.right));
  return right(commandOf('DraftPlan', { ...request, roster: facts }, context));
};

export const openEvaluationCommand = async (
  store: EventStore,
  tenant: TenantId,
  request: OpenEvaluationRequest,
  context: CommandContext,
): Promise<Either<GatherError, OpenEvaluation>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  const { policy } = settings.right;
  const ruleBook = ruleBookFor(policy, request.period);
  if (ruleBook === undefined) return left({ _tag: 'NoRuleBookForPeriod', tenant, period: request.period });
  const plan = evaluationIdParts(request.evaluation).plan;
  const planEvents = await loadStream(store, planAggregate, planStreamId(tenant, plan));
  if (isLeft(planEvents)) return planEvents;
  const planFacts = evaluationPlanFactsOf(planEvents.right.events);
  if (planFacts === undefined) return left({ _tag: 'PlanNotFound', plan });
  const roster = await loadRoster(store, tenant);
  if (isLeft(roster)) return roster;
  const asOf = issueDate(context, settings.right);
  const facts = {
    plan: planFacts,
    ruleBook,
    policy: evaluationPolicyOf(policy),
    roster: evaluationRosterFactsFor(roster.right, planFacts.header.employee, planFacts.header.unit, asOf),
  };
  return right(commandOf('OpenEvaluation', { ...request, facts }, context));
};

export const inviteFeedbackCommand = async (
  store: EventStore,
  tenant: TenantId,
  request: InviteFeedbackRequest,
  context: CommandContext,
): Promise<Either<GatherError, InviteFeedback>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  const roster = await loadRoster(store, tenant);
  if (isLeft(roster)) return roster;
  const inviteeFacts = inviteeFactsFor(roster.right, request.invitee, issueDate(context, settings.right));
  return right(commandOf('InviteFeedback', { ...request, inviteeFacts }, context));
};

export const openUnitPeriodCommand = async (
  store: EventStore,
  tenant: TenantId,
  request: UnitPeriodHeader,
  context: CommandContext,
): Promise<Either<GatherError, OpenUnitPeriod>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  const roster = await loadRoster(store, tenant);
  if (isLeft(roster)) return roster;
  const asOf = issueDate(context, settings.right);
  const rosterFacts = unitPeriodRosterFactsFor(roster.right, request.unit, asOf);
  if (rosterFacts === undefined) return left({ _tag: 'NoAuthorisedOfficial', unit: request.unit, asOf });
  return right(
    commandOf('OpenUnitPeriod', { ...request, facts: { roster: rosterFacts, policy: unitPeriodPolicyOf(settings.right.policy) } }, context),
  );
};
