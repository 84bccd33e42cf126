/**
 * An in-process service for the query and operations modules' own tests, before (and independent of) the real
 * bootstrap: the modules under test, `CqrsModule`, the core providers given by the test (a memory store, a
 * `:memory:` read-model db, a runner), a stand-in guard that reads the principal from an `x-test-principal`
 * header and checks `@PublicRoute`/`@Roles`/tenant like the real one, and the service's problem+json filter.
 * Requests go through fastify's `inject` (no socket). The e2e suites under test/e2e use the real `startService`.
 */
import 'reflect-metadata';
import {
  ForbiddenException,
  Global,
  Module,
  UnauthorizedException,
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
  type INestApplication,
  type Type,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory, Reflector } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '@kinerja/domain';
import { ProblemFilter } from '../problems/problem.filter';
import { PROJECTION_RUNNER, PUBLIC_KEY, READ_MODEL_DB, ROLES_KEY, SERVICE_CONFIG, STORE, type Principal, type ServiceConfig } from '../contracts';

class TestGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}
  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; params: Record<string, string>; principal?: Principal }>();
    const raw = request.headers['x-test-principal'];
    if (raw === undefined) throw new UnauthorizedException('no test principal');
    const principal = JSON.parse(raw) as Principal;
    const roles = this.reflector.getAllAndOverride<ReadonlyArray<Role>>(ROLES_KEY, targets) ?? [];
    if (!principal.roles.some((r) => roles.includes(r))) throw new ForbiddenException(`needs one of ${roles.join(', ')}`);
    const tenant = request.params['tenant'];
    if (tenant !== undefined && tenant !== principal.tenant) throw new ForbiddenException('other tenant');
    request.principal = principal;
    return true;
  }
}

export type HarnessProviders = Readonly<{ store: unknown; readModelDb?: unknown; runner: unknown; config?: Partial<ServiceConfig> }>;

const coreModule = (p: HarnessProviders): DynamicModule => {
  @Global()
  @Module({})
  class CoreTestModule {}
  const config: ServiceConfig = {
    host: '127.0.0.1',
    port: 0,
    locations: { dataDir: '/nonexistent', store: { kind: 'sqlite', path: ':memory:' }, readModels: ':memory:' },
    jwt: { kind: 'secret', secret: 'test' },
    seedDemo: false,
    bodyLimitBytes: 1 << 20,
    publicRateLimitPerMinute: 60,
    readyMaxLag: 100,
    logLevel: 'silent',
    ...p.config,
  };
  const providers = [
    { provide: STORE, useValue: p.store },
    { provide: READ_MODEL_DB, useValue: p.readModelDb ?? null },
    { provide: PROJECTION_RUNNER, useValue: p.runner },
    { provide: SERVICE_CONFIG, useValue: config },
  ];
  return { module: CoreTestModule, providers, exports: providers.map((x) => x.provide) };
};

export type Harness = Readonly<{
  app: INestApplication;
  get: (url: string, principal?: Principal, headers?: Record<string, string>) => Promise<Readonly<{ status: number; headers: Record<string, unknown>; body: unknown; text: string }>>;
  close: () => Promise<void>;
}>;

export const startHarness = async (modules: ReadonlyArray<Type<unknown>>, providers: HarnessProviders): Promise<Harness> => {
  @Module({
    imports: [CqrsModule.forRoot(), coreModule(providers), ...modules],
    providers: [
      { provide: APP_GUARD, useFactory: (reflector: Reflector) => new TestGuard(reflector), inject: [Reflector] },
      { provide: APP_FILTER, useClass: ProblemFilter },
    ],
  })
  class HarnessModule {}
  const app = await NestFactory.create<NestFastifyApplication>(HarnessModule, new FastifyAdapter(), { logger: false });
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  return {
    app,
    get: async (url, principal, headers = {}) => {
      const response = await fastify.inject({
        method: 'GET',
        url,
        headers: { ...headers, ...(principal === undefined ? {} : { 'x-test-principal': JSON.stringify(principal) }) },
      });
      let body: unknown = response.body;
      try {
        body = JSON.parse(response.body);
      } catch {
        // not JSON (metrics): keep the text
      }
      return { status: response.statusCode, headers: response.headers as Record<string, unknown>, body, text: response.body };
    },
    close: () => app.close(),
  };
};
