/**
 * Work-queue routes under `/v1/tenants/{tenant}/queues`: `plans` (waiting for my approval), `objections` (waiting
 * for my decision), `deadlines` (this week). Each official reads their own queue; the inspectorate and auditors
 * read anyone's (`appraiser`, `decider`, `owner`) or the whole tenant's.
 */
import { Controller, Param, Query as QueryString, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Instant, Nip, TenantId, UnitId, strictObject, type Role } from '@kinerja/domain';
import type { ObjectionAwaitingDecision, OpenDeadline, PlanAwaitingApproval } from '@kinerja/projections';
import type { Principal } from '../contracts';
import { CurrentPrincipal, READ_ALL_ROLES } from './access';
import { decodeParameters } from './parameters';
import { ReadYourWritesInterceptor } from './read-your-writes';
import { QueryRoute, TENANT_PREFIX } from './route';
import { DeadlineQueueSchema, ObjectionQueueSchema, PlanQueueSchema } from './schemas';
import { DeadlinesThisWeekQuery, ObjectionsAwaitingDecisionQuery, PlansAwaitingApprovalQuery, type DeadlinesOfWeek, type Queue } from './work-queues.queries';

export const PLAN_QUEUE_ROLES: ReadonlyArray<Role> = ['pejabat-penilai', ...READ_ALL_ROLES];
export const OBJECTION_QUEUE_ROLES: ReadonlyArray<Role> = ['atasan-pejabat-penilai', 'ppk', 'bpasn', ...READ_ALL_ROLES];
/** Everyone who can owe a step by a deadline (the employee owes the objection window's use, officials their decisions). */
export const DEADLINE_ROLES: ReadonlyArray<Role> = [
  'pegawai',
  'pejabat-penilai',
  'atasan-pejabat-penilai',
  'pimpinan-unit',
  'ppk',
  'pejabat-berwenang-menghukum',
  'tim-pemeriksa',
  'bpasn',
  'operator',
  ...READ_ALL_ROLES,
];

export const PlanQueueParameters = strictObject('PlanQueueParameters', { tenant: TenantId }, { appraiser: Nip, unit: UnitId });
export const ObjectionQueueParameters = strictObject('ObjectionQueueParameters', { tenant: TenantId }, { decider: Nip });
export const DeadlineQueueParameters = strictObject('DeadlineQueueParameters', { tenant: TenantId }, { owner: Nip, at: Instant });

type Path = Record<string, string>;

@Controller(TENANT_PREFIX)
@UseInterceptors(ReadYourWritesInterceptor)
export class WorkQueuesController {
  constructor(private readonly queries: QueryBus) {}

  @QueryRoute({
    path: 'queues/plans',
    tag: 'work queues',
    summary: 'Plans waiting for my approval',
    description: 'Submitted plans whose header names the caller as appraiser. The inspectorate and auditors may name any `appraiser`, or leave it out for the whole tenant.',
    roles: PLAN_QUEUE_ROLES,
    parameters: PlanQueueParameters,
    response: PlanQueueSchema,
  })
  plans(@CurrentPrincipal() principal: Principal, @Param() path: Path, @QueryString() query: unknown): Promise<Queue<PlanAwaitingApproval>> {
    const p = decodeParameters(PlanQueueParameters, path, query);
    return this.queries.execute(new PlansAwaitingApprovalQuery(principal, p.tenant, p.appraiser, p.unit));
  }

  @QueryRoute({
    path: 'queues/objections',
    tag: 'work queues',
    summary: 'Objections waiting for my decision',
    description:
      'Keberatan addressed to the caller (the Atasan Pejabat Penilai, BR-10/BR-11), and administrative objections and banding waiting for a role the caller holds (PPK, BPASN; BR-20/BR-21).',
    roles: OBJECTION_QUEUE_ROLES,
    parameters: ObjectionQueueParameters,
    response: ObjectionQueueSchema,
  })
  objections(@CurrentPrincipal() principal: Principal, @Param() path: Path, @QueryString() query: unknown): Promise<Queue<ObjectionAwaitingDecision>> {
    const p = decodeParameters(ObjectionQueueParameters, path, query);
    return this.queries.execute(new ObjectionsAwaitingDecisionQuery(principal, p.tenant, p.decider));
  }

  @QueryRoute({
    path: 'queues/deadlines',
    tag: 'work queues',
    summary: 'My deadlines this week',
    description:
      "Open deadlines the caller owes (by NIP, or by a role they hold when no one is named) due by the end of this week in the tenant's zone (`at` picks another week), overdue ones included.",
    roles: DEADLINE_ROLES,
    parameters: DeadlineQueueParameters,
    response: DeadlineQueueSchema,
  })
  deadlines(@CurrentPrincipal() principal: Principal, @Param() path: Path, @QueryString() query: unknown): Promise<DeadlinesOfWeek & Queue<OpenDeadline>> {
    const p = decodeParameters(DeadlineQueueParameters, path, query);
    return this.queries.execute(new DeadlinesThisWeekQuery(principal, p.tenant, p.owner, p.at ?? new Date()));
  }
}
