/**
 * `GET /v1/tenants/{tenant}/status` (the store's head and each projection's status: operators, the inspectorate,
 * auditors) and `GET /v1/tenants/{tenant}/exports/{readModel}` (one read model's rows of the tenant, flat: the
 * inspectorate and auditors).
 */
import { Controller, Param, Query as QueryString, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { PeriodId, TenantId, UnitId, literals, strictObject, type Role } from '@kinerja/domain';
import { READ_MODEL_NAMES } from '@kinerja/projections';
import { READ_ALL_ROLES } from './access';
import { decodeParameters, defined } from './parameters';
import { ReadYourWritesInterceptor } from './read-your-writes';
import { QueryRoute, TENANT_PREFIX } from './route';
import { ExportSchema, StatusSchema } from './schemas';
import { ExportQuery, StatusQuery, type ReadModelExport, type ServiceStatus } from './status.queries';

export const STATUS_ROLES: ReadonlyArray<Role> = ['operator', ...READ_ALL_ROLES];

export const StatusParameters = strictObject('StatusParameters', { tenant: TenantId });
export const ExportParameters = strictObject(
  'ExportParameters',
  { tenant: TenantId, readModel: literals('ReadModelName', READ_MODEL_NAMES) },
  { period: PeriodId, unit: UnitId },
);

type Path = Record<string, string>;

@Controller(TENANT_PREFIX)
@UseInterceptors(ReadYourWritesInterceptor)
export class StatusController {
  constructor(private readonly queries: QueryBus) {}

  @QueryRoute({
    path: 'status',
    tag: 'status',
    summary: 'Projection status',
    description: "The event store's head position and each projection's active and declared version, checkpoint, lag and state (live, catching up, rebuilding).",
    roles: STATUS_ROLES,
    parameters: StatusParameters,
    response: StatusSchema,
  })
  status(@Param() path: Path, @QueryString() query: unknown): Promise<ServiceStatus> {
    decodeParameters(StatusParameters, path, query);
    return this.queries.execute(new StatusQuery());
  }

  @QueryRoute({
    path: 'exports/:readModel',
    tag: 'status',
    summary: "Export one read model's rows of the tenant",
    description: `Flat rows (nested values as dotted columns, lists as JSON text), as \`kinerja export\` writes them. Read models: ${READ_MODEL_NAMES.join(', ')}.`,
    roles: READ_ALL_ROLES,
    parameters: ExportParameters,
    response: ExportSchema,
  })
  export(@Param() path: Path, @QueryString() query: unknown): Promise<ReadModelExport> {
    const p = decodeParameters(ExportParameters, path, query);
    return this.queries.execute(new ExportQuery(p.tenant, p.readModel, defined({ period: p.period, unit: p.unit })));
  }
}
