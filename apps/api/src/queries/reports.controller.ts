/**
 * Report routes under `/v1/tenants/{tenant}` (DOMAIN.md §4), each one `Query` on the bus:
 * `ranking/units/{unit}`, `ranking`, `ranking/units`, `distribution`, `angka-kredit`, `sanctions/in-force`,
 * `training-needs`.
 */
import { Controller, Param, Query as QueryString, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { LocalDate, Nip, PeriodId, TenantId, UnitId, strictObject } from '@kinerja/domain';
import type { AngkaKreditEntry, RankedEmployee, RankedUnit, SanctionInForce, TenantRankedEmployee, TrainingNeed, UnitDistribution } from '@kinerja/projections';
import type { Principal } from '../contracts';
import { CurrentPrincipal } from './access';
import { QueryBoolean, decodeParameters, defined, queryInteger } from './parameters';
import { ReadYourWritesInterceptor } from './read-your-writes';
import {
  AngkaKreditQuery,
  DistributionQuery,
  OWN_REPORT_ROLES,
  REPORT_ROLES,
  SANCTION_ROLES,
  SanctionsInForceQuery,
  TenantRankingOfEmployeesQuery,
  TrainingNeedsQuery,
  UnitRankingOfEmployeesQuery,
  UnitRankingQuery,
  type Items,
} from './reports.queries';
import { QueryRoute, TENANT_PREFIX } from './route';
import { AngkaKreditSchema, DistributionSchema, RankingSchema, SanctionsSchema, TrainingNeedsSchema, UnitRankingSchema } from './schemas';

export const UnitRankingOfEmployeesParameters = strictObject('UnitRankingParameters', { tenant: TenantId, unit: UnitId }, { period: PeriodId, includeProposed: QueryBoolean });
export const TenantRankingParameters = strictObject('TenantRankingParameters', { tenant: TenantId }, { period: PeriodId, includeProposed: QueryBoolean });
export const UnitsRankingParameters = strictObject('UnitsRankingParameters', { tenant: TenantId }, { period: PeriodId });
export const DistributionParameters = strictObject('DistributionParameters', { tenant: TenantId }, { period: PeriodId, unit: UnitId });
export const AngkaKreditParameters = strictObject('AngkaKreditParameters', { tenant: TenantId }, { employee: Nip, unit: UnitId, period: PeriodId });
export const SanctionsParameters = strictObject('SanctionsParameters', { tenant: TenantId }, { asOf: LocalDate, unit: UnitId, employee: Nip });
export const TrainingNeedsParameters = strictObject(
  'TrainingNeedsParameters',
  { tenant: TenantId },
  { period: PeriodId, unit: UnitId, employee: Nip, numericThreshold: queryInteger('numericThreshold', 0, 120) },
);

type Path = Record<string, string>;

@Controller(TENANT_PREFIX)
@UseInterceptors(ReadYourWritesInterceptor)
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  @QueryRoute({
    path: 'ranking/units/:unit',
    tag: 'reports',
    summary: "Ranking (pemeringkatan) of a unit's employees",
    description:
      'Settled (and revised) results of the unit, per period: by predikat, then hasil kerja, then perilaku, then mean IKI achievement; ties share a rank. `includeProposed=true` adds results only proposed so far.',
    roles: REPORT_ROLES,
    parameters: UnitRankingOfEmployeesParameters,
    response: RankingSchema,
  })
  unitEmployees(@Param() path: Path, @QueryString() query: unknown): Promise<Items<RankedEmployee>> {
    const p = decodeParameters(UnitRankingOfEmployeesParameters, path, query);
    return this.queries.execute(new UnitRankingOfEmployeesQuery(p.tenant, p.unit, defined({ period: p.period, includeProposed: p.includeProposed })));
  }

  @QueryRoute({
    path: 'ranking',
    tag: 'reports',
    summary: "Ranking of the tenant's employees",
    description: "Every unit's ranking together, ordered across the tenant, with each employee's rank in their unit (`unitRank`).",
    roles: REPORT_ROLES,
    parameters: TenantRankingParameters,
    response: RankingSchema,
  })
  tenantEmployees(@Param() path: Path, @QueryString() query: unknown): Promise<Items<TenantRankedEmployee>> {
    const p = decodeParameters(TenantRankingParameters, path, query);
    return this.queries.execute(new TenantRankingOfEmployeesQuery(p.tenant, defined({ period: p.period, includeProposed: p.includeProposed })));
  }

  @QueryRoute({
    path: 'ranking/units',
    tag: 'reports',
    summary: "Ranking of the tenant's units",
    description: 'Units whose organisational result is set, per period: by organisational result, then the mean predikat of their employees, then the share of Sangat Baik and Baik.',
    roles: REPORT_ROLES,
    parameters: UnitsRankingParameters,
    response: UnitRankingSchema,
  })
  units(@Param() path: Path, @QueryString() query: unknown): Promise<Items<RankedUnit>> {
    const p = decodeParameters(UnitsRankingParameters, path, query);
    return this.queries.execute(new UnitRankingQuery(p.tenant, p.period));
  }

  @QueryRoute({
    path: 'distribution',
    tag: 'reports',
    summary: 'Predikat distribution per unit against the kurva distribusi',
    description: "Each unit period's predikat counts, the curve's bounds for its organisational result (BR-04..08) with the count in each, and whether they fit.",
    roles: REPORT_ROLES,
    parameters: DistributionParameters,
    response: DistributionSchema,
  })
  distribution(@Param() path: Path, @QueryString() query: unknown): Promise<Items<UnitDistribution>> {
    const p = decodeParameters(DistributionParameters, path, query);
    return this.queries.execute(new DistributionQuery(p.tenant, defined({ period: p.period, unit: p.unit })));
  }

  @QueryRoute({
    path: 'angka-kredit',
    tag: 'reports',
    summary: 'Angka kredit ledger (BR-24)',
    description: 'Credits per settled evaluation of a functional position, with the running total. An employee (pegawai) reads their own ledger only.',
    roles: OWN_REPORT_ROLES,
    parameters: AngkaKreditParameters,
    response: AngkaKreditSchema,
  })
  angkaKredit(@CurrentPrincipal() principal: Principal, @Param() path: Path, @QueryString() query: unknown): Promise<Items<AngkaKreditEntry>> {
    const p = decodeParameters(AngkaKreditParameters, path, query);
    return this.queries.execute(new AngkaKreditQuery(principal, p.tenant, defined({ employee: p.employee, unit: p.unit, period: p.period })));
  }

  @QueryRoute({
    path: 'sanctions/in-force',
    tag: 'reports',
    summary: 'Disciplinary sanctions in force on a date',
    description:
      "Sanctions in force on `asOf` (a local date; default today in the tenant's zone), as imposed or as changed on review. An employee (pegawai) reads their own only.",
    roles: [...SANCTION_ROLES, 'pegawai'],
    parameters: SanctionsParameters,
    response: SanctionsSchema,
  })
  sanctions(@CurrentPrincipal() principal: Principal, @Param() path: Path, @QueryString() query: unknown): Promise<Items<SanctionInForce> & Readonly<{ asOf: LocalDate }>> {
    const p = decodeParameters(SanctionsParameters, path, query);
    return this.queries.execute(new SanctionsInForceQuery(principal, p.tenant, defined({ asOf: p.asOf, unit: p.unit, employee: p.employee })));
  }

  @QueryRoute({
    path: 'training-needs',
    tag: 'reports',
    summary: 'Training needs: BerAKHLAK values rated below expectation',
    description: 'Per evaluation and core value, from 360° feedback and numeric behaviour scores (below `numericThreshold`, default 76). An employee (pegawai) reads their own only.',
    roles: OWN_REPORT_ROLES,
    parameters: TrainingNeedsParameters,
    response: TrainingNeedsSchema,
  })
  trainingNeeds(@CurrentPrincipal() principal: Principal, @Param() path: Path, @QueryString() query: unknown): Promise<Items<TrainingNeed>> {
    const p = decodeParameters(TrainingNeedsParameters, path, query);
    return this.queries.execute(
      new TrainingNeedsQuery(principal, p.tenant, defined({ period: p.period, unit: p.unit, employee: p.employee, numericThreshold: p.numericThreshold })),
    );
  }
}
