/**
 * The facts of the discipline case's commands (PP 94/2021; BR-14..BR-19, BR-22), read from the roster as of the
 * issue date in the tenant's zone:
 *
 * - ReportBreach: the employee's grade, unit and line of superiors, and the tenant's discipline policy (its
 *   authority table, BR-19, and its periods), which the case records when it opens.
 * - SummonEmployee: the tenant calendar (the summons notice is in working days).
 * - DecideSanction, DismissCase: the deciding official's standing (rank, whether they are in the employee's line of
 *   superiors) and the employee's grade on the decision date (BR-19); DecideSanction also the calendar (BR-22).
 *
 * The PPK: the roster has no position for the Pejabat Pembina Kepegawaian (the mayor, or the official the PPK
 * delegated to), so an official is the PPK when they act in role `ppk`, which their token states and the route
 * guard checks. An official acting in another role stands by the position they hold in the roster.
 */
import { isLeft, right, type Either } from 'fp-ts/Either';
import {
  disciplineAuthorityFactsFor,
  disciplineCaseIdParts,
  disciplineReportFactsFor,
  type AuthorityFacts,
  type DecideSanction,
  type DecideSanctionRequest,
  type DisciplineCaseId,
  type DismissCase,
  type DismissCaseRequest,
  type ReportBreach,
  type ReportBreachRequest,
  type SummonEmployee,
  type SummonEmployeeRequest,
  type TenantId,
} from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import type { CommandContext } from '../pipeline';
import { loadRoster } from './evaluation-cycle';
import type { GatherError } from './problems';
import { commandOf, issueDate, tenantSettings } from './tenant';

export const reportBreachCommand = async (
  store: EventStore,
  tenant: TenantId,
  request: ReportBreachRequest,
  context: CommandContext,
): Promise<Either<GatherError, ReportBreach>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  const roster = await loadRoster(store, tenant);
  if (isLeft(roster)) return roster;
  const facts = disciplineReportFactsFor(roster.right, request.employee, issueDate(context, settings.right));
  return right(commandOf('ReportBreach', { ...request, facts, policy: settings.right.discipline }, context));
};

export const summonEmployeeCommand = async (
  _store: EventStore,
  tenant: TenantId,
  request: SummonEmployeeRequest,
  context: CommandContext,
): Promise<Either<GatherError, SummonEmployee>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  return right(commandOf('SummonEmployee', { ...request, calendar: settings.right.calendar }, context));
};

/** The acting official's standing towards the case's employee on the issue date (BR-19). */
const standingOf = async (
  store: EventStore,
  tenant: TenantId,
  caseId: DisciplineCaseId,
  context: CommandContext,
): Promise<Either<GatherError, AuthorityFacts>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  const roster = await loadRoster(store, tenant);
  if (isLeft(roster)) return roster;
  const { actor } = context;
  return right(
    disciplineAuthorityFactsFor(roster.right, {
      official: actor.nip,
      employee: disciplineCaseIdParts(caseId).employee,
      asOf: issueDate(context, settings.right),
      ppk: actor.role === 'ppk' ? [actor.nip] : [],
    }),
  );
};

export const decideSanctionCommand = async (
  store: EventStore,
  tenant: TenantId,
  request: DecideSanctionRequest,
  context: CommandContext,
): Promise<Either<GatherError, DecideSanction>> => {
  const settings = tenantSettings(tenant);
  if (isLeft(settings)) return settings;
  const authority = await standingOf(store, tenant, request.caseId, context);
  if (isLeft(authority)) return authority;
  return right(commandOf('DecideSanction', { ...request, authority: authority.right, calendar: settings.right.calendar }, context));
};

export const dismissCaseCommand = async (
  store: EventStore,
  tenant: TenantId,
  request: DismissCaseRequest,
  context: CommandContext,
): Promise<Either<GatherError, DismissCase>> => {
  const authority = await standingOf(store, tenant, request.caseId, context);
  if (isLeft(authority)) return authority;
  return right(commandOf('DismissCase', { ...request, authority: authority.right }, context));
};
