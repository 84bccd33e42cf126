/** Complaint SLA routes under `/v1/tenants/{tenant}/complaints/sla`: `units` and `employees` (BR-23). */
import { Controller, Param, Query as QueryString, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Instant, Nip, TenantId, UnitId, strictObject } from '@kinerja/domain';
import type { EmployeeComplaintSla, UnitComplaintSla } from '@kinerja/projections';
import type { Principal } from '../contracts';
import { CurrentPrincipal } from './access';
import { COMPLAINT_SLA_ROLES, EmployeeComplaintSlaQuery, UnitComplaintSlaQuery, type ComplaintSlaFilters } from './complaints.queries';
import { decodeParameters } from './parameters';
import { invalidParameters } from './problems';
import { ReadYourWritesInterceptor } from './read-your-writes';
import type { Items } from './reports.queries';
import { QueryRoute, TENANT_PREFIX } from './route';
import { EmployeeComplaintSlaSchema, UnitComplaintSlaSchema } from './schemas';

export const UnitComplaintSlaParameters = strictObject('UnitComplaintSlaParameters', { tenant: TenantId }, { unit: UnitId, from: Instant, to: Instant });
export const EmployeeComplaintSlaParameters = strictObject(
  'EmployeeComplaintSlaParameters',
  { tenant: TenantId },
  { employee: Nip, unit: UnitId, from: Instant, to: Instant },
);

/** `from` and `to` come together (a window `[from, to)`), or not at all. */
const filtersOf = (p: Readonly<{ unit?: string; from?: Date; to?: Date }>): ComplaintSlaFilters => {
  if ((p.from === undefined) !== (p.to === undefined))
    throw invalidParameters([{ path: p.from === undefined ? 'from' : 'to', message: 'give both from and to (a window [from, to)), or neither' }]);
  return {
    ...(p.unit === undefined ? {} : { unit: p.unit }),
    ...(p.from === undefined || p.to === undefined ? {} : { window: { from: p.from.toISOString(), to: p.to.toISOString() } }),
  };
};

type Path = Record<string, string>;

@Controller(TENANT_PREFIX)
@UseInterceptors(ReadYourWritesInterceptor)
export class ComplaintsController {
  constructor(private readonly queries: QueryBus) {}

  @QueryRoute({
    path: 'complaints/sla/units',
    tag: 'reports',
    summary: 'Complaint SLA compliance per service unit (BR-23)',
    description: 'Filed, acknowledged and resolved complaints with the shares within the SLA, escalations and satisfaction; optionally in a window `[from, to)` of each step.',
    roles: COMPLAINT_SLA_ROLES,
    parameters: UnitComplaintSlaParameters,
    response: UnitComplaintSlaSchema,
  })
  units(@Param() path: Path, @QueryString() query: unknown): Promise<Items<UnitComplaintSla>> {
    const p = decodeParameters(UnitComplaintSlaParameters, path, query);
    return this.queries.execute(new UnitComplaintSlaQuery(p.tenant, filtersOf(p)));
  }

  @QueryRoute({
    path: 'complaints/sla/employees',
    tag: 'reports',
    summary: 'Complaint handling per employee (BR-23)',
    description: 'Responses within the SLA, time to first response, the reopen rate, and the complaints naming the employee. An employee (pegawai) reads their own figures only.',
    roles: [...COMPLAINT_SLA_ROLES, 'pegawai'],
    parameters: EmployeeComplaintSlaParameters,
    response: EmployeeComplaintSlaSchema,
  })
  employees(@CurrentPrincipal() principal: Principal, @Param() path: Path, @QueryString() query: unknown): Promise<Items<EmployeeComplaintSla>> {
    const p = decodeParameters(EmployeeComplaintSlaParameters, path, query);
    return this.queries.execute(new EmployeeComplaintSlaQuery(principal, p.tenant, p.employee, filtersOf(p)));
  }
}
