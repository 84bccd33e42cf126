/**
 * A tenant's settings as the engine hands them to the domain: the tenant policy (`policyFor`), its calendar (time
 * zone and the shipped holiday calendar) and the [policy] settings of the objection, discipline, appeal,
 * poor-performance and reward aggregates. The tenant policies carry no such settings yet, so every tenant gets the
 * domain's defaults (DOMAIN.md); when a tenant gets its own, this is the one place that changes. Each aggregate
 * records what it was given on its opening event, so a later change never alters a past decision.
 */
import { left, right, type Either } from 'fp-ts/Either';
import {
  APPEAL_POLICY_DEFAULTS,
  DISCIPLINE_POLICY_DEFAULTS,
  INDONESIA_2025_2027,
  localDateOf,
  OBJECTION_POLICY_DEFAULTS,
  POOR_PERFORMANCE_POLICY_DEFAULTS,
  policyFor,
  REWARD_POLICY_DEFAULTS,
  type AppealPolicy,
  type DisciplinePolicy,
  type LocalDate,
  type ObjectionPolicy,
  type PoorPerformancePolicy,
  type RewardPolicy,
  type TenantCalendar,
  type TenantId,
  type TenantPolicy,
} from '@kinerja/domain';
import type { CommandContext } from '../pipeline';

export type TenantSettings = Readonly<{
  policy: TenantPolicy;
  calendar: TenantCalendar;
  objection: ObjectionPolicy;
  discipline: DisciplinePolicy;
  appeal: AppealPolicy;
  poorPerformance: PoorPerformancePolicy;
  reward: RewardPolicy;
}>;

export type UnknownTenant = Readonly<{ _tag: 'UnknownTenant'; tenant: string }>;

export const tenantSettings = (tenant: TenantId): Either<UnknownTenant, TenantSettings> => {
  const policy = policyFor(tenant);
  if (policy === undefined) return left({ _tag: 'UnknownTenant', tenant });
  return right({
    policy,
    calendar: { timeZone: policy.timeZone, holidays: INDONESIA_2025_2027 },
    objection: OBJECTION_POLICY_DEFAULTS,
    discipline: DISCIPLINE_POLICY_DEFAULTS,
    appeal: APPEAL_POLICY_DEFAULTS,
    poorPerformance: POOR_PERFORMANCE_POLICY_DEFAULTS,
    reward: REWARD_POLICY_DEFAULTS,
  });
};

/** The local day a command is issued on, in the tenant's zone: the date roster facts are read as of. */
export const issueDate = (context: CommandContext, settings: TenantSettings): LocalDate =>
  localDateOf(context.issuedAt, settings.policy.timeZone);

/** A domain command from its data and the context it is issued in (`now` and the actor come from the context). */
export const commandOf = <T extends string, D>(type: T, data: D, context: CommandContext) => ({
  type,
  data,
  metadata: { now: context.issuedAt, actor: context.actor },
});
