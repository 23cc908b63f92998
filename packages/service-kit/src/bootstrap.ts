import { Logger, type DynamicModule, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import type { ServiceConfig } from './config/service-config.js';
import { ProblemFilter } from './http/problem.filter.js';
import { publishOpenApi } from './http/openapi.js';
import { kafkaServerOptions } from './kafka/kafka-options.js';

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

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Starts a service as a hybrid NestJS app: HTTP under `/api/<service>` and Kafka through the microservice
 * transport, sharing the app's filters. Kafka starts after the app has initialised, HTTP last, so the
 * service only answers once it can also consume.
 */
export async function startService(config: ServiceConfig, rootModule: DynamicModule, description: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
  });
  app.setGlobalPrefix(`api/${config.service}`);
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  express.set('trust proxy', 'loopback');
  app.use(securityHeaders);
  // CORS for the one configured origin only; without one, the browser reaches the API through the gateway's origin.
  if (config.auth.allowedOrigin) {
    app.enableCors({ origin: config.auth.allowedOrigin, allowedHeaders: ['authorization', 'content-type', 'x-correlation-id'], maxAge: 600 });
  }
  app.useGlobalFilters(new ProblemFilter());
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '20mb' });
  app.enableShutdownHooks();
  app.connectMicroservice(kafkaServerOptions(config), { inheritAppConfig: true });
  publishOpenApi(app, config, description);
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.port, config.host);
  new Logger('Tertial').log(`${config.service} lyssnar på http://${config.host}:${config.port}/api/${config.service} (databas: ${config.database.kind})`);
  return app;
}
