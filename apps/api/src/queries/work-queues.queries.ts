/**
 * An official's work queues over the `work_queue` read model: plans waiting for my approval (the appraiser the
 * plan names), objections waiting for my decision (the addressee of a keberatan, or my role for administrative
 * objections and banding), and my deadlines this week (mine by NIP, or my roles' when no one is named).
 */
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { policyFor, type Role, type TenantId, type TimeZone } from '@kinerja/domain';
import {
  deadlinesThisWeek,
  objectionsAwaitingDecision,
  plansAwaitingApproval,
  weekOf,
  type ObjectionAwaitingDecision,
  type OpenDeadline,
  type PlanAwaitingApproval,
} from '@kinerja/projections';
import { READ_MODEL_DB, type Principal } from '../contracts';
import { queueOwner, readsAll } from './access';
import { read, type ReadModelDb } from './read-model-db';
import type { Items } from './reports.queries';

/** Roles an objection may wait for as a role (not a named addressee). */
const DECIDING_ROLES: ReadonlyArray<Role> = ['ppk', 'bpasn', 'atasan-pejabat-penilai'];

const zoneOf = (tenant: TenantId): TimeZone => policyFor(tenant)?.timeZone ?? ('UTC' as TimeZone);

export type Queue<A> = Items<A> & Readonly<{ owner: string | null }>;

export class PlansAwaitingApprovalQuery extends Query<Queue<PlanAwaitingApproval>> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly appraiser: string | undefined,
    readonly unit: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(PlansAwaitingApprovalQuery)
export class PlansAwaitingApprovalHandler implements IQueryHandler<PlansAwaitingApprovalQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: PlansAwaitingApprovalQuery): Promise<Queue<PlanAwaitingApproval>> {
    // A reader-all without `appraiser` sees every waiting plan of the tenant; everyone else their own queue.
    const appraiser = readsAll(q.principal) && q.appraiser === undefined ? undefined : queueOwner(q.principal, q.appraiser);
    const items = read(() =>
      plansAwaitingApproval(this.db, { tenant: q.tenant, ...(appraiser === undefined ? {} : { appraiser }), ...(q.unit === undefined ? {} : { unit: q.unit }) }),
    );
    return { owner: appraiser ?? null, items };
  }
}

export class ObjectionsAwaitingDecisionQuery extends Query<Queue<ObjectionAwaitingDecision>> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly decider: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(ObjectionsAwaitingDecisionQuery)
export class ObjectionsAwaitingDecisionHandler implements IQueryHandler<ObjectionsAwaitingDecisionQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: ObjectionsAwaitingDecisionQuery): Promise<Queue<ObjectionAwaitingDecision>> {
    if (readsAll(q.principal) && q.decider === undefined)
      return { owner: null, items: read(() => objectionsAwaitingDecision(this.db, { tenant: q.tenant })) };
    const decider = queueOwner(q.principal, q.decider);
    // My own: addressed to me by NIP, or waiting for a role I hold (only when I ask for my own queue).
    const roles = decider === q.principal.nip ? q.principal.roles.filter((r) => DECIDING_ROLES.includes(r)) : [];
    const found = read(() => [
      ...objectionsAwaitingDecision(this.db, { tenant: q.tenant, decider }),
      ...roles.flatMap((role) => objectionsAwaitingDecision(this.db, { tenant: q.tenant, role })),
    ]);
    const unique = [...new Map(found.map((o) => [o.stream, o])).values()].sort((a, b) => a.filedAt.localeCompare(b.filedAt) || a.stream.localeCompare(b.stream));
    return { owner: decider, items: unique };
  }
}

export type DeadlinesOfWeek = Queue<OpenDeadline> & Readonly<{ week: Readonly<{ from: string; to: string }> }>;

export class DeadlinesThisWeekQuery extends Query<DeadlinesOfWeek> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly owner: string | undefined,
    readonly now: Date,
  ) {
    super();
  }
}

@QueryHandler(DeadlinesThisWeekQuery)
export class DeadlinesThisWeekHandler implements IQueryHandler<DeadlinesThisWeekQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: DeadlinesThisWeekQuery): Promise<DeadlinesOfWeek> {
    const timeZone = zoneOf(q.tenant);
    const week = weekOf(q.now, timeZone);
    const base = { tenant: q.tenant, now: q.now, timeZone };
    if (readsAll(q.principal) && q.owner === undefined) return { owner: null, week, items: read(() => deadlinesThisWeek(this.db, base)) };
    const owner = queueOwner(q.principal, q.owner);
    const roles = owner === q.principal.nip ? q.principal.roles : [];
    const found = read(() => [
      ...deadlinesThisWeek(this.db, { ...base, owner }),
      ...roles.flatMap((role) => deadlinesThisWeek(this.db, { ...base, role })),
    ]);
    const unique = [...new Map(found.map((d) => [`${d.stream}|${d.kind}`, d])).values()].sort(
      (a, b) => a.due.localeCompare(b.due) || a.stream.localeCompare(b.stream) || a.kind.localeCompare(b.kind),
    );
    return { owner, week, items: unique };
  }
}

export const WORK_QUEUE_HANDLERS = [PlansAwaitingApprovalHandler, ObjectionsAwaitingDecisionHandler, DeadlinesThisWeekHandler];
