import { ServerKafka, type CustomStrategy, type KafkaOptions } from '@nestjs/microservices';
import { logLevel, Partitioners } from 'kafkajs';
import { ALL_EVENTS } from '@tertial/contracts/events';

import type { ServiceConfig } from '../config/service-config.js';
import { behandlaBatch } from './batch.js';
import { fixRequestQueueIdleLoop } from './request-queue-idle.js';

// KafkaJS 2 changed its default partitioner and warns unless one is chosen; keep the Java-compatible one.
const producer = { allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner };

/** How often kafkajs tries a request again (300 ms doubling, at most 30 s apart): about two minutes in all. */
const RETRY = { initialRetryTime: 300, retries: 10 };

const client = (config: ServiceConfig) => {
  fixRequestQueueIdleLoop();
  return {
    clientId: config.kafkaClientId,
    brokers: config.kafkaBrokers,
    logLevel: logLevel.WARN,
    retry: RETRY,
  };
};

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

  /**
   * As NestJS's, but each fetched batch is worked through by `behandlaBatch` (kafkajs's `eachBatch`) instead of one
   * message at a time (`eachMessage`): on a topic of several partitions its different keys' events share a transaction.
   * Every message still goes through NestJS's `handleMessage`, so handlers, context and errors are as before.
   */
  override async bindEvents(consumer: Parameters<ServerKafka['bindEvents']>[0]): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length > 0) await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
    await consumer.run({
      ...(this.options.run ?? {}),
      eachBatchAutoResolve: false,
      eachBatch: (payload) =>
        behandlaBatch(
          { ...payload, messages: payload.batch.messages },
          (message) =>
            this.handleMessage({
              topic: payload.batch.topic,
              partition: payload.batch.partition,
              message,
              heartbeat: () => payload.heartbeat(),
              pause: () => payload.pause(),
            }),
          (PARTITIONER.get(payload.batch.topic) ?? 1) > 1,
        ),
    });
  }
}

/** Each event topic's number of partitions. */
const PARTITIONER = new Map<string, number>(ALL_EVENTS.map((definition) => [definition.topic, definition.partitions]));

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
      // A fetch waits for KAFKA_FETCH_MIN_BYTES (10 kB) of events or the service's wait (50 ms in report, 500 ms
      // elsewhere; kafkajs: 1 byte or 5 s), whichever comes first, so that while a round's forecasts pour in each fetch
      // brings a dozen events rather than one, and an idle consumer asks seldom where nobody watches its events arrive.
      // (1 byte made the round's p95 worse: 450 against 272 ms in one run each.)
      minBytes: config.kafkaFetchMinBytes,
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

/**
 * The producer side: one producer per service, idempotent (the broker drops a batch the producer sends again after a
 * lost answer, so kafkajs's own retries write no event twice), which kafkajs 2.2.4 allows only with acks=all (it
 * refuses any other `acks` on each send) and retries (it refuses none). One request in flight per connection, as KIP-98
 * asks (kafkajs does not check it), so that a failed batch cannot be overtaken by the next one to the same partition.
 *
 * Its retries stay bounded, as the client's, though kafkajs warns once per producer that this "may invalidate EoS
 * guarantees": unbounded, a send to a broker that is away would never return, and the outbox relay holds its rows
 * locked while it sends. What the warning is about (sequence numbers taken back after a send that failed, though the
 * broker may have written it) is handled where it happens: `KafkaProducer.publish` replaces a producer whose send
 * failed. The outbox then sends the rows again, which the consumers recognise by their event ids.
 */
export function kafkaProducerOptions(config: ServiceConfig): Required<KafkaOptions>['options'] {
  return {
    postfixId: '-producer',
    client: client(config),
    producer: { ...producer, idempotent: true, maxInFlightRequests: 1, retry: RETRY },
    producerOnlyMode: true,
    send: { acks: -1 },
  };
}
