import { Logger, type DynamicModule, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import type { ServiceConfig } from './config/service-config.js';
import { ProblemFilter } from './http/problem.filter.js';
import { publishOpenApi } from './http/openapi.js';
import { kafkaServerOptions } from './kafka/kafka-options.js';

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
