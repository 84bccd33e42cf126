/** `/metrics`: the Prometheus exposition of the service's registry (public, like the health checks). */
import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { PublicRoute } from '../contracts';
import type { ReplyHeaders } from './http-reply';
import { SERVICE_METRICS } from './operations.tokens';
import type { ServiceMetrics } from './metrics';

@Controller('metrics')
export class MetricsController {
  constructor(@Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics) {}

  @Get()
  @PublicRoute()
  @Header('cache-control', 'no-store')
  async scrape(@Res({ passthrough: true }) reply: ReplyHeaders): Promise<string> {
    reply.header('content-type', this.metrics.contentType);
    return this.metrics.render();
  }
}
