import { Global, Module, type DynamicModule } from '@nestjs/common';

import { ServiceConfigModule } from './config/config.module.js';
import type { ServiceConfig } from './config/service-config.js';
import { EventConsumer } from './consumer/event-consumer.js';
import { DatabaseModule } from './database/database.module.js';
import type { ServiceDatabase } from './database/orm.js';
import { AndringsloggController } from './andringslogg/andringslogg.controller.js';
import { Andringsnotiser } from './andringsnotiser/andringsnotiser.js';
import { HealthController } from './health/health.controller.js';
import { KafkaProducer } from './kafka/kafka-producer.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { ServiceMetrics } from './metrics/service-metrics.js';
import { OutboxRelay } from './outbox/outbox-relay.js';

/**
 * What every Tertial service has: config, its database, the outbox relay, the event consumer, change notices between
 * its replicas, /health and /metrics.
 */
@Global()
@Module({})
export class KitModule {
  static forRoot(config: ServiceConfig, database: ServiceDatabase): DynamicModule {
    return {
      module: KitModule,
      imports: [ServiceConfigModule.forRoot(config), DatabaseModule.forRoot(database)],
      controllers: [HealthController, MetricsController, AndringsloggController],
      providers: [KafkaProducer, OutboxRelay, EventConsumer, ServiceMetrics, Andringsnotiser],
      exports: [ServiceConfigModule, DatabaseModule, KafkaProducer, OutboxRelay, EventConsumer, ServiceMetrics, Andringsnotiser],
    };
  }
}
