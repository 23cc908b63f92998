import type { IncomingMessage } from 'node:http';

import { Logger, RequestMethod, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import type { ServiceConfig } from './config/service-config.js';
import { TokenVerifier } from './auth/token-verifier.js';
import { ProblemFilter } from './http/problem.filter.js';
import { publishOpenApi } from './http/openapi.js';
import { kafkaServerStrategy } from './kafka/kafka-options.js';
import { createServiceLogger, ServiceLogger } from './logging/service-logger.js';
import { correlationContext, observeHttp } from './metrics/observe-http.js';
import { ServiceMetrics } from './metrics/service-metrics.js';

/** What every API answer carries: no sniffing, no framing, no caching of a person's data, no referrer. */
function securityHeaders(_request: unknown, response: { setHeader(name: string, value: string): void }, next: () => void): void {
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('x-frame-options', 'DENY');
  response.setHeader('referrer-policy', 'no-referrer');
  response.setHeader('cache-control', 'no-store');
  response.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  response.setHeader('cross-origin-resource-policy', 'same-origin');
  next();
}

/**
 * Refuses a request with a body and no bearer token before its body is parsed: the guard verifies tokens
 * after parsing, and nobody unauthenticated should make a service read megabytes. (Open endpoints take no body.)
 */
function bearerBeforeBody(
  request: { headers: Record<string, string | string[] | undefined> },
  response: { status(code: number): { setHeader(name: string, value: string): { type(t: string): { send(body: string): void } } } },
  next: () => void,
): void {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (hasBody && !/^Bearer\s+\S/i.test(String(request.headers.authorization ?? ''))) {
    const problem = {
      type: 'https://tertial.se/problem/401',
      title: 'Inte inloggad',
      status: 401,
      detail: 'Logga in för att använda Tertial (Authorization: Bearer <åtkomsttoken>).',
    };
    response.status(401).setHeader('WWW-Authenticate', 'Bearer').type('application/problem+json').send(JSON.stringify(problem));
    return;
  }
  next();
}

/**
 * Starts a service as a hybrid NestJS app: HTTP under `/api/<service>` and Kafka through the microservice
 * transport, sharing the app's filters. Kafka starts after the app has initialised, HTTP last, so the
 * service only answers once it can also consume.
 */
export async function startService(config: ServiceConfig, rootModule: DynamicModule, description: string): Promise<INestApplication> {
  const pino = createServiceLogger(config);
  const app = await NestFactory.create<NestExpressApplication>(rootModule, { logger: new ServiceLogger(pino) });
  // /metrics stays on the service's own port, outside the API the gateway forwards (MetricsController).
  app.setGlobalPrefix(`api/${config.service}`, { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  // Deny by default needs the guard: a service without the AuthModule does not start at all.
  try {
    app.get(TokenVerifier, { strict: false });
  } catch {
    throw new Error(`${config.service} saknar AuthModule: utan den vore varje väg öppen`);
  }
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use(observeHttp(app.get(ServiceMetrics), pino));
  app.use(securityHeaders);
  // CORS for the one configured origin only; without one, the browser reaches the API through the gateway's origin.
  if (config.auth.allowedOrigin) {
    app.enableCors({
      origin: config.auth.allowedOrigin,
      allowedHeaders: ['authorization', 'content-type', 'x-correlation-id'],
      maxAge: 600,
    });
  }
  app.useGlobalFilters(new ProblemFilter());
  // Before any body is read: a request that carries one without even a bearer token is refused unread.
  app.use(bearerBeforeBody);
  app.useBodyParser('json', { limit: '1mb' });
  // CSV bodies (the organisation) are read whole; a ledger file is streamed by its handler, never buffered.
  app.useBodyParser('text', {
    type: (request: IncomingMessage) =>
      /^text\/(csv|plain)\b/.test(request.headers['content-type'] ?? '') && !request.url?.includes('/utfall/import'),
    limit: '5mb',
  });
  app.use(correlationContext);
  app.enableShutdownHooks();
  app.connectMicroservice(kafkaServerStrategy(config), { inheritAppConfig: true });
  publishOpenApi(app, config, description);
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.port, config.host);
  new Logger('Tertial').log(
    `${config.service} lyssnar på http://${config.host}:${config.port}/api/${config.service} (databas: ${config.database.kind})`,
  );
  return app;
}
