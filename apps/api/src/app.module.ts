/**
 * The application module: the core providers (store, read-model db, projection runner, configuration, token
 * verifier) from the running runtime, the CQRS buses, the command routes generated from the catalog, the query
 * and operations modules, the OpenAPI registry, the global auth guard and the one problem+json filter.
 */
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { CommandSpec, RuleOfRefusal } from '@kinerja/engine';
import type { RuleLookup } from './problems/problem';
import { AuthGuard, TOKEN_VERIFIER } from './auth/auth.guard';
import type { TokenVerifier } from './auth/tokens';
import { CommandsModule } from './commands/commands.module';
import { PROJECTION_RUNNER, READ_MODEL_DB, SERVICE_CONFIG, STORE, type ServiceConfig } from './contracts';
import { OpenApiRegistry } from './openapi/openapi.registry';
import { OperationsModule } from './operations/operations.module';
import { ProblemFilter } from './problems/problem.filter';
import { QueriesModule } from './queries/queries.module';

/** What the application module is built from: the opened runtime and the catalog it serves. */
export type AppSources = Readonly<{
  config: ServiceConfig;
  store: unknown;
  readModelDb: unknown;
  runner: unknown;
  verifier: TokenVerifier;
  specs: ReadonlyArray<CommandSpec>;
  /** The refusal table (documented in OpenAPI) and its lookup (422 `rule`). */
  rules: RuleOfRefusal;
  ruleOf: RuleLookup;
  /** The clock that stamps commands' `issuedAt` (default: the system clock). */
  clock?: () => Date;
}>;

/** The core providers, global so that every module injects them by their tokens (contracts.ts). */
@Global()
@Module({})
export class CoreModule {
  static register(sources: AppSources): DynamicModule {
    const providers = [
      { provide: STORE, useValue: sources.store },
      { provide: READ_MODEL_DB, useValue: sources.readModelDb },
      { provide: PROJECTION_RUNNER, useValue: sources.runner },
      { provide: SERVICE_CONFIG, useValue: sources.config },
      { provide: TOKEN_VERIFIER, useValue: sources.verifier },
      OpenApiRegistry,
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }
}

@Module({})
export class AppModule {
  static register(sources: AppSources): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        CoreModule.register(sources),
        CommandsModule.register(sources.specs, {
          ruleOf: sources.ruleOf,
          publicRateLimitPerMinute: sources.config.publicRateLimitPerMinute,
          ...(sources.clock === undefined ? {} : { clock: sources.clock }),
        }),
        QueriesModule,
        OperationsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
