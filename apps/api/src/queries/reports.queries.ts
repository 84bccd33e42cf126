/**
 * Report queries over the read models (DOMAIN.md §4): ranking of a unit's employees, of the tenant's employees
 * and of its units; the predikat distribution against the curve; the angka kredit ledger; sanctions in force;
 * training needs. Each handler reads the read-model views only, scoped to the route's tenant.
 */
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { LocalDate, TenantId } from '@kinerja/domain';
import {
  angkaKreditLedger,
  distribution,
  rankingByTenant,
  rankingByUnit,
  sanctionsInForce,
  trainingNeeds,
  unitRanking,
  type AngkaKreditEntry,
  type RankedEmployee,
  type RankedUnit,
  type SanctionInForce,
  type TenantRankedEmployee,
  type TrainingNeed,
  type UnitDistribution,
} from '@kinerja/projections';
import { READ_MODEL_DB, type Principal } from '../contracts';
import { employeeScope, read, todayIn, type ReadModelDb } from './read-model-db';
import type { Role } from '@kinerja/domain';

export type Items<A> = Readonly<{ items: ReadonlyArray<A> }>;

/** Roles that read the tenant's reports in full (the inspectorate, auditors and the tenant's management). */
export const REPORT_ROLES: ReadonlyArray<Role> = ['inspektorat', 'auditor', 'ppk', 'pimpinan-unit'];
/** Reports an employee may also read, narrowed to their own rows. */
export const OWN_REPORT_ROLES: ReadonlyArray<Role> = [...REPORT_ROLES, 'pegawai'];
/** Who reads sanctions in force in full: besides the readers-all and the PPK, the officials who impose them. */
export const SANCTION_ROLES: ReadonlyArray<Role> = ['inspektorat', 'auditor', 'ppk', 'pejabat-berwenang-menghukum'];

// --- ranking --------------------------------------------------------------------------------------------------

export type RankingFilters = Readonly<{ period?: string; unit?: string; includeProposed?: boolean }>;

export class UnitRankingOfEmployeesQuery extends Query<Items<RankedEmployee>> {
  constructor(
    readonly tenant: TenantId,
    readonly unit: string,
    readonly filters: RankingFilters,
  ) {
    super();
  }
}

@QueryHandler(UnitRankingOfEmployeesQuery)
export class UnitRankingOfEmployeesHandler implements IQueryHandler<UnitRankingOfEmployeesQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: UnitRankingOfEmployeesQuery): Promise<Items<RankedEmployee>> {
    return { items: read(() => rankingByUnit(this.db, { ...q.filters, tenant: q.tenant, unit: q.unit })) };
  }
}

export class TenantRankingOfEmployeesQuery extends Query<Items<TenantRankedEmployee>> {
  constructor(
    readonly tenant: TenantId,
    readonly filters: Omit<RankingFilters, 'unit'>,
  ) {
    super();
  }
}

@QueryHandler(TenantRankingOfEmployeesQuery)
export class TenantRankingOfEmployeesHandler implements IQueryHandler<TenantRankingOfEmployeesQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: TenantRankingOfEmployeesQuery): Promise<Items<TenantRankedEmployee>> {
    return { items: read(() => rankingByTenant(this.db, { ...q.filters, tenant: q.tenant })) };
  }
}

export class UnitRankingQuery extends Query<Items<RankedUnit>> {
  constructor(
    readonly tenant: TenantId,
    readonly period: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(UnitRankingQuery)
export class UnitRankingHandler implements IQueryHandler<UnitRankingQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: UnitRankingQuery): Promise<Items<RankedUnit>> {
    return { items: read(() => unitRanking(this.db, { tenant: q.tenant, ...(q.period === undefined ? {} : { period: q.period }) })) };
  }
}

// --- distribution ---------------------------------------------------------------------------------------------

export class DistributionQuery extends Query<Items<UnitDistribution>> {
  constructor(
    readonly tenant: TenantId,
    readonly filters: Readonly<{ period?: string; unit?: string }>,
  ) {
    super();
  }
}

@QueryHandler(DistributionQuery)
export class DistributionHandler implements IQueryHandler<DistributionQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: DistributionQuery): Promise<Items<UnitDistribution>> {
    return { items: read(() => distribution(this.db, { ...q.filters, tenant: q.tenant })) };
  }
}

// --- angka kredit ---------------------------------------------------------------------------------------------

export class AngkaKreditQuery extends Query<Items<AngkaKreditEntry>> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly filters: Readonly<{ employee?: string; unit?: string; period?: string }>,
  ) {
    super();
  }
}

@QueryHandler(AngkaKreditQuery)
export class AngkaKreditHandler implements IQueryHandler<AngkaKreditQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: AngkaKreditQuery): Promise<Items<AngkaKreditEntry>> {
    const employee = employeeScope(q.principal, q.filters.employee, REPORT_ROLES);
    return { items: read(() => angkaKreditLedger(this.db, { ...q.filters, tenant: q.tenant, ...(employee === undefined ? {} : { employee }) })) };
  }
}

// --- sanctions in force ---------------------------------------------------------------------------------------

export class SanctionsInForceQuery extends Query<Items<SanctionInForce> & Readonly<{ asOf: LocalDate }>> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly filters: Readonly<{ asOf?: LocalDate; unit?: string; employee?: string }>,
  ) {
    super();
  }
}

@QueryHandler(SanctionsInForceQuery)
export class SanctionsInForceHandler implements IQueryHandler<SanctionsInForceQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: SanctionsInForceQuery): Promise<Items<SanctionInForce> & Readonly<{ asOf: LocalDate }>> {
    const employee = employeeScope(q.principal, q.filters.employee, SANCTION_ROLES);
    const asOf = q.filters.asOf ?? todayIn(q.tenant);
    const items = read(() =>
      sanctionsInForce(this.db, {
        tenant: q.tenant,
        asOf,
        ...(q.filters.unit === undefined ? {} : { unit: q.filters.unit }),
        ...(employee === undefined ? {} : { employee }),
      }),
    );
    return { asOf, items };
  }
}

// --- training needs -------------------------------------------------------------------------------------------

export class TrainingNeedsQuery extends Query<Items<TrainingNeed>> {
  constructor(
    readonly principal: Principal,
    readonly tenant: TenantId,
    readonly filters: Readonly<{ period?: string; unit?: string; employee?: string; numericThreshold?: number }>,
  ) {
    super();
  }
}

@QueryHandler(TrainingNeedsQuery)
export class TrainingNeedsHandler implements IQueryHandler<TrainingNeedsQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: TrainingNeedsQuery): Promise<Items<TrainingNeed>> {
    const employee = employeeScope(q.principal, q.filters.employee, REPORT_ROLES);
    return { items: read(() => trainingNeeds(this.db, { ...q.filters, tenant: q.tenant, ...(employee === undefined ? {} : { employee }) })) };
  }
}

export const REPORT_HANDLERS = [
  UnitRankingOfEmployeesHandler,
  TenantRankingOfEmployeesHandler,
  UnitRankingHandler,
  DistributionHandler,
  AngkaKreditHandler,
  SanctionsInForceHandler,
  TrainingNeedsHandler,
];
