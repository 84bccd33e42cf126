/**
 * Time-travel routes (auditors' replay), under `/v1/tenants/{tenant}`:
 * - `GET streams/{streamId}/as-of?at=&by=recorded|effective&knownAt=`: one stream's state as of an instant;
 * - `GET employees/{nip}/file/as-of?at=&by=&knownAt=`: every stream of one employee as of an instant;
 * - `GET streams/{streamId}/recorded-vs-effective?at=`: both axes side by side.
 * Readers-all (inspektorat, auditor) and the employee whose file it is.
 */
import { Controller, Param, Query as QueryString, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Nip, TenantId, strictObject, type Role } from '@kinerja/domain';
import type { AsOf, EmployeeFileAsOf, StreamAsOf } from '@kinerja/engine';
import type { Principal } from '../contracts';
import { CurrentPrincipal, READ_ALL_ROLES } from './access';
import { AsOfOptional, AsOfParameters, StreamIdParameter, decodeParameters } from './parameters';
import { invalidParameters } from './problems';
import { ReadYourWritesInterceptor } from './read-your-writes';
import { QueryRoute, TENANT_PREFIX } from './route';
import { EmployeeFileAsOfSchema, RecordedVsEffectiveSchema, StreamAsOfSchema } from './schemas';
import { EmployeeFileAsOfQuery, RecordedVsEffectiveQuery, StreamAsOfQuery, type RecordedVsEffective } from './time-travel.queries';

export const TIME_TRAVEL_ROLES: ReadonlyArray<Role> = [...READ_ALL_ROLES, 'pegawai'];

export const StreamAsOfParameters = strictObject('StreamAsOfParameters', { tenant: TenantId, streamId: StreamIdParameter, ...AsOfParameters }, AsOfOptional);
export const EmployeeFileParameters = strictObject('EmployeeFileParameters', { tenant: TenantId, nip: Nip, ...AsOfParameters }, AsOfOptional);
export const RecordedVsEffectiveParameters = strictObject('RecordedVsEffectiveParameters', { tenant: TenantId, streamId: StreamIdParameter, ...AsOfParameters });

/** `by` defaults to `recorded` (the stream as the store held it then); `knownAt` belongs to the effective axis. */
const asOfOf = (p: Readonly<{ at: Date; by?: 'recorded' | 'effective'; knownAt?: Date }>): AsOf => {
  if (p.by === 'effective') return { by: 'effective', at: p.at, ...(p.knownAt === undefined ? {} : { knownAt: p.knownAt }) };
  if (p.knownAt !== undefined) throw invalidParameters([{ path: 'knownAt', message: 'knownAt applies to by=effective only' }]);
  return { by: 'recorded', at: p.at };
};

@Controller(TENANT_PREFIX)
@UseInterceptors(ReadYourWritesInterceptor)
export class TimeTravelController {
  constructor(private readonly queries: QueryBus) {}

  @QueryRoute({
    path: 'streams/:streamId/as-of',
    tag: 'time travel',
    summary: "A stream's state as of an instant",
    description:
      'Folds the stream with its aggregate as the store held it at `at` (`by=recorded`, the default) or as effective at `at` (`by=effective`, optionally as known at `knownAt`). Reads the event store. The inspectorate and auditors read any stream of their tenant; an employee reads their own streams.',
    roles: TIME_TRAVEL_ROLES,
    parameters: StreamAsOfParameters,
    response: StreamAsOfSchema,
  })
  streamAsOf(@CurrentPrincipal() principal: Principal, @Param() path: Record<string, string>, @QueryString() query: unknown): Promise<StreamAsOf> {
    const p = decodeParameters(StreamAsOfParameters, path, query);
    return this.queries.execute(new StreamAsOfQuery(principal, p.tenant, p.streamId, asOfOf(p)));
  }

  @QueryRoute({
    path: 'streams/:streamId/recorded-vs-effective',
    tag: 'time travel',
    summary: 'A stream as recorded and as effective at one instant, side by side',
    description:
      'Both time axes at `at`: what the store held then, and what had happened by then as known now; `recordedLater` lists the corrections recorded afterwards. Same readers as the stream view.',
    roles: TIME_TRAVEL_ROLES,
    parameters: RecordedVsEffectiveParameters,
    response: RecordedVsEffectiveSchema,
  })
  recordedVsEffective(@CurrentPrincipal() principal: Principal, @Param() path: Record<string, string>, @QueryString() query: unknown): Promise<RecordedVsEffective> {
    const p = decodeParameters(RecordedVsEffectiveParameters, path, query);
    return this.queries.execute(new RecordedVsEffectiveQuery(principal, p.tenant, p.streamId, p.at));
  }

  @QueryRoute({
    path: 'employees/:nip/file/as-of',
    tag: 'time travel',
    summary: "An employee's whole file as of an instant",
    description:
      "Every stream of the employee (plans, evaluations, objections, discipline cases, appeals, absences, poor-performance paths, rewards) folded as of `at`. Reads the event store. The inspectorate, auditors, and the employee themselves.",
    roles: TIME_TRAVEL_ROLES,
    parameters: EmployeeFileParameters,
    response: EmployeeFileAsOfSchema,
  })
  employeeFileAsOf(@CurrentPrincipal() principal: Principal, @Param() path: Record<string, string>, @QueryString() query: unknown): Promise<EmployeeFileAsOf> {
    const p = decodeParameters(EmployeeFileParameters, path, query);
    return this.queries.execute(new EmployeeFileAsOfQuery(principal, p.tenant, p.nip, asOfOf(p)));
  }
}
