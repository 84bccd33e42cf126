/**
 * Audit trails and provenance over the audit read model: every event about an employee, every event of a stream,
 * and the explanation of one decision (who, in what role, under which rule, from which inputs), all scoped to the
 * route's tenant.
 */
import { ForbiddenException, Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { TenantId } from '@kinerja/domain';
import { auditTrailForEmployee, auditTrailForStream, explain, type AuditEntry, type ExplainGraph } from '@kinerja/projections';
import { READ_MODEL_DB, type Principal } from '../contracts';
import { assertMayReadEmployee, assertMayReadStream, isEmployeeStream, readsAll } from './access';
import { notFound } from './problems';
import { read, type ReadModelDb } from './read-model-db';
import type { Items } from './reports.queries';

export class EmployeeAuditTrailQuery extends Query<Items<AuditEntry>> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly nip: string,
    readonly options: Readonly<{ recordedFrom?: string; recordedTo?: string; limit?: number }>,
  ) {
    super();
  }
}

@QueryHandler(EmployeeAuditTrailQuery)
export class EmployeeAuditTrailHandler implements IQueryHandler<EmployeeAuditTrailQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: EmployeeAuditTrailQuery): Promise<Items<AuditEntry>> {
    assertMayReadEmployee(q.principal, q.nip);
    return { items: read(() => auditTrailForEmployee(this.db, q.nip, { ...q.options, tenant: q.tenant })) };
  }
}

export class StreamAuditTrailQuery extends Query<Items<AuditEntry>> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly streamId: string,
  ) {
    super();
  }
}

@QueryHandler(StreamAuditTrailQuery)
export class StreamAuditTrailHandler implements IQueryHandler<StreamAuditTrailQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: StreamAuditTrailQuery): Promise<Items<AuditEntry>> {
    assertMayReadStream(q.principal, q.streamId, q.tenant);
    return { items: read(() => auditTrailForStream(this.db, q.streamId)).filter((e) => e.tenant === q.tenant) };
  }
}

export class ExplainQuery extends Query<ExplainGraph> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly eventId: string,
    readonly depth: number | undefined,
  ) {
    super();
  }
}

/** The deepest explanation a client may ask for. */
export const MAX_EXPLAIN_DEPTH = 10;

@QueryHandler(ExplainQuery)
export class ExplainHandler implements IQueryHandler<ExplainQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: ExplainQuery): Promise<ExplainGraph> {
    const graph = read(() => explain(this.db, q.eventId, q.depth === undefined ? {} : { depth: q.depth }));
    const root = graph?.nodes[0];
    // Another tenant's event is as unknown here as one that does not exist.
    if (graph === undefined || root === undefined || root.tenant !== q.tenant) throw notFound(`no event ${q.eventId} in tenant ${q.tenant} (or the read models have not reached it yet)`, { eventId: q.eventId });
    if (!readsAll(q.principal) && root.employee !== q.principal.nip && !isEmployeeStream(root.stream, q.tenant, q.principal.nip))
      throw new ForbiddenException('only the inspectorate, auditors, or the employee a decision is about may explain it');
    // Inputs are events of the same tenant by construction; keep the answer to it whatever the log holds.
    const nodes = graph.nodes.filter((n) => n.tenant === q.tenant);
    const kept = new Set(nodes.map((n) => n.eventId));
    return { ...graph, nodes, edges: graph.edges.filter((e) => kept.has(e.from)) };
  }
}

export const AUDIT_HANDLERS = [EmployeeAuditTrailHandler, StreamAuditTrailHandler, ExplainHandler];
