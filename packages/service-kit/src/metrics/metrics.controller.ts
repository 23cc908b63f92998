import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import { Offentlig } from '../auth/atkomst.js';
import { ServiceMetrics } from './service-metrics.js';

/**
 * `GET /metrics` on the service's own port, outside `/api/<service>`, so the gateway (which forwards only `/api/...`)
 * never exposes it. Open like `/health`: Prometheus scrapes it inside the cluster, and it holds no personal data
 * (counts and durations per route, topic and partition).
 */
@ApiExcludeController()
@Offentlig()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(ServiceMetrics) private readonly metrics: ServiceMetrics) {}

  @Get()
  @Header('cache-control', 'no-store')
  // Prometheus's text exposition format (prom-client's `register.contentType`); Express would call a string text/html.
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
