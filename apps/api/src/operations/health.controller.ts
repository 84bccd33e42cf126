/**
 * `/health/live` (the process answers) and `/health/ready` (the store answers and every projection is caught up
 * within `readyMaxLag` events). Both are public: a load balancer or an orchestrator calls them without a token.
 */
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { EventStore } from '@kinerja/eventstore';
import { PROJECTION_RUNNER, PublicRoute, SERVICE_CONFIG, STORE, type ServiceConfig } from '../contracts';
import type { RunnerStatusSource } from './metrics';
import { checkReadiness, type Readiness } from './readiness';
import { problemType } from '../problems/problem';
import type { ReplyHeaders } from './http-reply';

/** The problem type of a failed readiness check (RFC 9457 `type`). */
export const NOT_READY_PROBLEM_TYPE = problemType('not-ready');

@Controller('health')
export class HealthController {
  constructor(
    @Inject(STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: RunnerStatusSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @Get('live')
  @PublicRoute()
  live(): Readonly<{ status: 'live'; uptimeSeconds: number }> {
    return { status: 'live', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @PublicRoute()
  async ready(@Res({ passthrough: true }) reply: ReplyHeaders): Promise<Readiness | (Readiness & ProblemFields)> {
    const readiness = await checkReadiness(this.store, this.runner, this.config.readyMaxLag);
    if (readiness.ready) return readiness;
    reply.status(503);
    reply.header('content-type', 'application/problem+json');
    return {
      type: NOT_READY_PROBLEM_TYPE,
      title: 'Service not ready',
      status: 503,
      detail: readiness.problems.join('; '),
      ...readiness,
    };
  }
}

type ProblemFields = Readonly<{ type: string; title: string; status: number; detail: string }>;
