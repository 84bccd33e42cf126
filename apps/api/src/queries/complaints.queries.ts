/**
 * Complaint SLA compliance (BR-23) per service unit and per employee, over the `complaint_sla` read model, which
 * keeps nothing personal about the citizen (no contact details, no tracking code).
 */
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Role, TenantId } from '@kinerja/domain';
import { complaintSlaByEmployee, complaintSlaByUnit, type EmployeeComplaintSla, type SlaWindow, type UnitComplaintSla } from '@kinerja/projections';
import { READ_MODEL_DB, type Principal } from '../contracts';
import { employeeScope, read, type ReadModelDb } from './read-model-db';
import type { Items } from './reports.queries';

/** Who reads complaint handling in full: oversight, management, and the complaint desk. */
export const COMPLAINT_SLA_ROLES: ReadonlyArray<Role> = ['inspektorat', 'auditor', 'ppk', 'pimpinan-unit', 'operator'];

export type ComplaintSlaFilters = Readonly<{ unit?: string; window?: SlaWindow }>;

export class UnitComplaintSlaQuery extends Query<Items<UnitComplaintSla>> {
  constructor(
    readonly tenant: TenantId,
    readonly filters: ComplaintSlaFilters,
  ) {
    super();
  }
}

@QueryHandler(UnitComplaintSlaQuery)
export class UnitComplaintSlaHandler implements IQueryHandler<UnitComplaintSlaQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: UnitComplaintSlaQuery): Promise<Items<UnitComplaintSla>> {
    return { items: read(() => complaintSlaByUnit(this.db, { ...q.filters, tenant: q.tenant })) };
  }
}

export class EmployeeComplaintSlaQuery extends Query<Items<EmployeeComplaintSla>> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly employee: string | undefined,
    readonly filters: ComplaintSlaFilters,
  ) {
    super();
  }
}

@QueryHandler(EmployeeComplaintSlaQuery)
export class EmployeeComplaintSlaHandler implements IQueryHandler<EmployeeComplaintSlaQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: EmployeeComplaintSlaQuery): Promise<Items<EmployeeComplaintSla>> {
    const employee = employeeScope(q.principal, q.employee, COMPLAINT_SLA_ROLES);
    return { items: read(() => complaintSlaByEmployee(this.db, { ...q.filters, tenant: q.tenant, ...(employee === undefined ? {} : { employee }) })) };
  }
}

export const COMPLAINT_HANDLERS = [UnitComplaintSlaHandler, EmployeeComplaintSlaHandler];
