/**
 * Audit routes under `/v1/tenants/{tenant}`: `audit/employees/{nip}`, `audit/streams/{streamId}`,
 * `explain/{eventId}`. The inspectorate and auditors read everything of their tenant; an employee reads their own.
 */
import { Controller, Param, Query as QueryString, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import * as t from 'io-ts';
import { Instant, Nip, TenantId, strictObject, withJsonSchema, type Role } from '@kinerja/domain';
import type { AuditEntry, ExplainGraph } from '@kinerja/projections';
import type { Principal } from '../contracts';
import { CurrentPrincipal, READ_ALL_ROLES } from './access';
import { EmployeeAuditTrailQuery, ExplainQuery, MAX_EXPLAIN_DEPTH, StreamAuditTrailQuery } from './audit.queries';
import { StreamIdParameter, decodeParameters, defined, queryInteger } from './parameters';
import { ReadYourWritesInterceptor } from './read-your-writes';
import type { Items } from './reports.queries';
import { QueryRoute, TENANT_PREFIX } from './route';
import { AuditTrailSchema, ExplainSchema } from './schemas';

export const AUDIT_ROLES: ReadonlyArray<Role> = [...READ_ALL_ROLES, 'pegawai'];

const EventId = withJsonSchema(
  new t.Type<string, string, unknown>(
    'EventId',
    (u): u is string => typeof u === 'string',
    (u, c) => (typeof u === 'string' && /^[0-9A-Za-z-]{1,100}$/.test(u) ? t.success(u) : t.failure(u, c, `expected an event id, got ${JSON.stringify(u)}`)),
    (s) => s,
  ),
  { title: 'EventId', type: 'string', pattern: '^[0-9A-Za-z-]{1,100}$' },
);

export const EmployeeAuditParameters = strictObject(
  'EmployeeAuditParameters',
  { tenant: TenantId, nip: Nip },
  { recordedFrom: Instant, recordedTo: Instant, limit: queryInteger('limit', 1, 10_000) },
);
export const StreamAuditParameters = strictObject('StreamAuditParameters', { tenant: TenantId, streamId: StreamIdParameter });
export const ExplainParameters = strictObject('ExplainParameters', { tenant: TenantId, eventId: EventId }, { depth: queryInteger('depth', 0, MAX_EXPLAIN_DEPTH) });

type Path = Record<string, string>;

@Controller(TENANT_PREFIX)
@UseInterceptors(ReadYourWritesInterceptor)
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @QueryRoute({
    path: 'audit/employees/:nip',
    tag: 'audit',
    summary: "An employee's audit trail",
    description:
      'Every event about the employee, oldest first: their own streams, events that name them (proposals, roster changes, complaints naming them) and the unit settlements of their predikat; when, who, in what role, what, under which rule, the hash.',
    roles: AUDIT_ROLES,
    parameters: EmployeeAuditParameters,
    response: AuditTrailSchema,
  })
  employee(@CurrentPrincipal() principal: Principal, @Param() path: Path, @QueryString() query: unknown): Promise<Items<AuditEntry>> {
    const p = decodeParameters(EmployeeAuditParameters, path, query);
    return this.queries.execute(
      new EmployeeAuditTrailQuery(principal, p.tenant, p.nip, defined({ recordedFrom: p.recordedFrom?.toISOString(), recordedTo: p.recordedTo?.toISOString(), limit: p.limit })),
    );
  }

  @QueryRoute({
    path: 'audit/streams/:streamId',
    tag: 'audit',
    summary: "A stream's audit trail",
    description: 'Every event of one stream of the tenant, in stream order. An employee reads their own streams.',
    roles: AUDIT_ROLES,
    parameters: StreamAuditParameters,
    response: AuditTrailSchema,
  })
  stream(@CurrentPrincipal() principal: Principal, @Param() path: Path, @QueryString() query: unknown): Promise<Items<AuditEntry>> {
    const p = decodeParameters(StreamAuditParameters, path, query);
    return this.queries.execute(new StreamAuditTrailQuery(principal, p.tenant, p.streamId));
  }

  @QueryRoute({
    path: 'explain/:eventId',
    tag: 'audit',
    summary: 'Explain a decision: its provenance',
    description: `Who decided, in what role, with what authority, under which rule book and articles, from which input events, followed back \`depth\` steps (default 3, at most ${MAX_EXPLAIN_DEPTH}). An employee may explain decisions about themselves.`,
    roles: AUDIT_ROLES,
    parameters: ExplainParameters,
    response: ExplainSchema,
  })
  explain(@CurrentPrincipal() principal: Principal, @Param() path: Path, @QueryString() query: unknown): Promise<ExplainGraph> {
    const p = decodeParameters(ExplainParameters, path, query);
    return this.queries.execute(new ExplainQuery(principal, p.tenant, p.eventId, p.depth));
  }
}
