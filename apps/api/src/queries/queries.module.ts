/**
 * The query side: controllers under `/v1/tenants/{tenant}/...` that only build a `Query<Result>` and dispatch it
 * on the `QueryBus`; handlers read the read models (and, for auditors' time travel, the log). Every query route
 * waits for `X-Kinerja-Min-Position` first (read your writes). Expects `CqrsModule.forRoot()` and the core
 * providers (`STORE`, `READ_MODEL_DB`, `PROJECTION_RUNNER`) from the application module.
 */
import { Inject, Module, Optional, type OnModuleInit } from '@nestjs/common';
import { OpenApiRegistry } from '../openapi/openapi.registry';
import { registerQueryRoutes } from './openapi';
import { ReadYourWritesInterceptor } from './read-your-writes';
import { queryRoutesOf } from './route';
import { AuditController } from './audit.controller';
import { AUDIT_HANDLERS } from './audit.queries';
import { ComplaintsController } from './complaints.controller';
import { COMPLAINT_HANDLERS } from './complaints.queries';
import { ReportsController } from './reports.controller';
import { REPORT_HANDLERS } from './reports.queries';
import { StatusController } from './status.controller';
import { STATUS_HANDLERS } from './status.queries';
import { TimeTravelController } from './time-travel.controller';
import { TIME_TRAVEL_HANDLERS } from './time-travel.queries';
import { WorkQueuesController } from './work-queues.controller';
import { WORK_QUEUE_HANDLERS } from './work-queues.queries';

/** Every query controller: the routes, the OpenAPI document and the authorisation tests come from this list. */
export const QUERY_CONTROLLERS = [ReportsController, ComplaintsController, AuditController, WorkQueuesController, TimeTravelController, StatusController];

/** Every query route, as its decorator describes it. */
export const QUERY_ROUTES = queryRoutesOf(QUERY_CONTROLLERS);

@Module({
  controllers: QUERY_CONTROLLERS,
  providers: [
    ReadYourWritesInterceptor,
    ...REPORT_HANDLERS,
    ...COMPLAINT_HANDLERS,
    ...AUDIT_HANDLERS,
    ...WORK_QUEUE_HANDLERS,
    ...TIME_TRAVEL_HANDLERS,
    ...STATUS_HANDLERS,
  ],
})
export class QueriesModule implements OnModuleInit {
  constructor(@Optional() @Inject(OpenApiRegistry) private readonly openApi?: OpenApiRegistry) {}

  onModuleInit(): void {
    if (this.openApi !== undefined) registerQueryRoutes(this.openApi, QUERY_ROUTES);
  }
}
