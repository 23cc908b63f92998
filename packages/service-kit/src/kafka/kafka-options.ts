import { Transport, type KafkaOptions } from '@nestjs/microservices';
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

/**
 * The Kafka transport of every service's hybrid app. Ids are stable (no random parts) so a restarted
 * service rejoins its consumer group and resumes from its committed offsets.
 */
export function kafkaServerOptions(config: ServiceConfig): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: client(config),
      consumer: {
        groupId: config.kafkaGroupId,
        sessionTimeout: 15_000,
        heartbeatInterval: 3_000,
        allowAutoTopicCreation: false,
        // A fetch waits for 10 kB of events or 50 ms, whichever comes first (kafkajs: 1 byte or 5 s), so that while a
        // round's forecasts pour in each fetch brings a dozen events rather than one, at the cost of at most 50 ms.
        minBytes: 10_000,
        maxWaitTimeInMs: 50,
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
    },
  };
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
