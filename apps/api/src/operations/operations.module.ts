/**
 * Operations: `/health/live`, `/health/ready`, `/metrics`, the `COMMAND_METRICS` the command path records into,
 * and the correlation-id response header. Global, so that the command module injects `COMMAND_METRICS` without
 * importing this module. Expects `STORE`, `PROJECTION_RUNNER` and `SERVICE_CONFIG` from the core module.
 */
import { Global, Inject, Module, Optional, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { EventStore } from '@kinerja/eventstore';
import { COMMAND_METRICS, PROJECTION_RUNNER, STORE } from '../contracts';
import { OpenApiRegistry } from '../openapi/openapi.registry';
import { registerOperationsRoutes } from './openapi';
import { installCorrelationHook, type HookHost } from './correlation';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { createServiceMetrics, type RunnerStatusSource } from './metrics';
import { SERVICE_METRICS } from './operations.tokens';

@Global()
@Module({
  controllers: [HealthController, MetricsController],
  providers: [
    {
      provide: SERVICE_METRICS,
      inject: [STORE, PROJECTION_RUNNER],
      useFactory: (store: EventStore, runner: RunnerStatusSource) => createServiceMetrics({ store, runner }),
    },
    { provide: COMMAND_METRICS, useExisting: SERVICE_METRICS },
  ],
  exports: [COMMAND_METRICS, SERVICE_METRICS],
})
export class OperationsModule implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Optional() @Inject(OpenApiRegistry) private readonly openApi?: OpenApiRegistry,
  ) {}

  onModuleInit(): void {
    if (this.openApi !== undefined) registerOperationsRoutes(this.openApi);
    const instance: unknown = this.adapterHost.httpAdapter?.getInstance?.();
    if (instance !== undefined && typeof (instance as Partial<HookHost>).addHook === 'function') installCorrelationHook(instance as HookHost);
  }
}
