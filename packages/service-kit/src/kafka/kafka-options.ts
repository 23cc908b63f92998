import { ServerKafka, type CustomStrategy, type KafkaOptions } from '@nestjs/microservices';
import { logLevel, Partitioners } from 'kafkajs';

import type { ServiceConfig } from '../config/service-config.js';

// KafkaJS 2 changed its default partitioner and warns unless one is chosen; keep the Java-compatible one.
const producer = { allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner };

const client = (config: ServiceConfig) => ({
  clientId: config.kafkaClientId,
  brokers: config.kafkaBrokers,
  logLevel: logLevel.WARN,
  retry: { initialRetryTime: 300, retries: 10 },
});

/** What a pattern must look like for `JSON.parse` to take it: anything else is used as it is. */
const KAN_VARA_JSON = /^(?:[{["\d-]|true$|false$|null$)/;

/**
 * NestJS's Kafka server, which finds a message's handler by its topic: NestJS first tries every pattern as JSON, twice
 * a message, and a topic name is no JSON, so each message threw and caught two SyntaxErrors, whose stack traces were
 * about 4 % of the report service's time in the forecast round's bench. A pattern that cannot be JSON is the route as
 * it is, as NestJS would end up making it.
 */
export class TopicServerKafka extends ServerKafka {
  protected override getRouteFromPattern(pattern: string): string {
    return typeof pattern === 'string' && !KAN_VARA_JSON.test(pattern) ? pattern : super.getRouteFromPattern(pattern);
  }
}

/**
 * The Kafka transport of every service's hybrid app. Ids are stable (no random parts) so a restarted
 * service rejoins its consumer group and resumes from its committed offsets.
 */
export function kafkaServerOptions(config: ServiceConfig): Required<KafkaOptions>['options'] {
  return {
    postfixId: '',
    client: client(config),
    consumer: {
      groupId: config.kafkaGroupId,
      sessionTimeout: 15_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
      // A fetch waits for 10 kB of events or the service's wait (50 ms in report, 500 ms elsewhere; kafkajs: 1 byte or
      // 5 s), whichever comes first, so that while a round's forecasts pour in each fetch brings a dozen events rather
      // than one, and an idle consumer asks seldom where nobody watches its events arrive.
      minBytes: 10_000,
      maxWaitTimeInMs: config.kafkaFetchMaxWaitMs,
      // As large as the broker's message.max.bytes: a closed year's event per nämnd can pass 1 MB (kafkajs's default).
      maxBytesPerPartition: 16_777_216,
      maxBytes: 33_554_432,
    },
    producer,
    subscribe: { fromBeginning: true },
    // Partitions are independent (ordering is per key), so several are worked on at once (and their events share
    // a transaction: EventConsumer). Offsets are committed once a second rather than after every batch (kafkajs's
    // default, a request to the broker per batch of often one message): a consumer that stops or dies has the last
    // second's events delivered again, which the processed-event log answers as duplicates.
    run: { autoCommit: true, autoCommitInterval: 1_000, partitionsConsumedConcurrently: 6 },
  };
}

/** `kafkaServerOptions` as the hybrid app's transport, on TopicServerKafka. */
export function kafkaServerStrategy(config: ServiceConfig): CustomStrategy {
  return { strategy: new TopicServerKafka(kafkaServerOptions(config)) };
}

/** The producer side: one producer per service, waiting for all in-sync replicas (acks=all). */
export function kafkaProducerOptions(config: ServiceConfig): Required<KafkaOptions>['options'] {
  return {
    postfixId: '-producer',
    client: client(config),
    producer,
    producerOnlyMode: true,
    send: { acks: -1 },
  };
}
