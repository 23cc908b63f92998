import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import type { Admin, Kafka } from 'kafkajs';

import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';
import { consumerLagOf, type ConsumerLag } from './consumer-lag.js';
import { recordingPartitioner, sendAcknowledged, type OutgoingMessage, type PartitionsGiven } from './acknowledged-send.js';
import { kafkaProducerOptions } from './kafka-options.js';

export type { OutgoingMessage } from './acknowledged-send.js';

export type { ConsumerLag } from './consumer-lag.js';

/** One kafkajs producer (NestJS's ClientKafka in producer-only mode) and the publishes still running on it. */
interface ProducerGeneration {
  readonly client: ClientKafka;
  admin: Admin | undefined;
  inFlight: number;
  retired: boolean;
}

/**
 * The service's one Kafka producer, idempotent and sending with acks=all. After a publish fails, the producer is
 * replaced by a new one (a new producer id) before anything else is sent: see `publish`.
 */
@Injectable()
export class KafkaProducer implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaProducer.name);
  private readonly given: PartitionsGiven = new WeakMap();
  private current: ProducerGeneration;
  private generations = 1;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {
    this.current = this.newGeneration();
  }

  private newGeneration(): ProducerGeneration {
    const options = kafkaProducerOptions(this.config);
    const client = new ClientKafka({ ...options, producer: { ...options.producer, createPartitioner: recordingPartitioner(this.given) } });
    return { client, admin: undefined, inFlight: 0, retired: false };
  }

  /**
   * Publishes `messages` and resolves only once the broker's answer acknowledges every one of them
   * (`sendAcknowledged`: kafkajs's sendBatch alone can resolve with part of a batch never sent, when a leader dies).
   *
   * When it fails, the idempotent producer's sequence numbers can no longer be trusted: kafkajs takes a failed
   * request's numbers back, though the broker may have written the batch, so the next batch to that partition would
   * reuse them. With other messages (the outbox's next round, or rows another replica sent meanwhile) the broker takes
   * it for the written batch's duplicate and drops it without an error, or refuses every later batch as out of order.
   * So the producer is replaced: a new producer id starts every partition's numbers afresh, and a message sent again
   * by it is a second record that the consumers drop by its event id.
   */
  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const generation = this.current;
    generation.inFlight += 1;
    try {
      // A producer that cannot connect has sent nothing, and ClientKafka tries afresh next time: nothing to replace.
      const producer = await generation.client.connect();
      await sendAcknowledged((topicMessages) => producer.sendBatch({ acks: -1, topicMessages }), messages, this.given, {
        onShortfall: (info) => this.logger.warn(info),
      }).catch((error: unknown) => {
        this.replace(generation, error);
        throw error;
      });
    } finally {
      generation.inFlight -= 1;
      if (generation.retired && generation.inFlight === 0) void this.close(generation);
    }
  }

  /** Retires `generation` (unless already replaced) for a new producer; it is closed once its last publish ends. */
  private replace(generation: ProducerGeneration, error: unknown): void {
    if (generation !== this.current) return;
    generation.retired = true;
    this.current = this.newGeneration();
    this.generations += 1;
    this.logger.warn(`Kafka-producenten byts mot en ny (nr ${this.generations}) efter ett misslyckat sändningsförsök: ${String(error)}`);
  }

  private async close(generation: ProducerGeneration): Promise<void> {
    await generation.admin?.disconnect().catch(() => undefined);
    await generation.client.close().catch(() => undefined);
  }

  /** Asks the cluster for its metadata: the health check's view of Kafka. */
  async ping(timeoutMs: number): Promise<void> {
    await withTimeout(
      (async () => {
        const admin = await this.connectedAdmin();
        await admin.describeCluster();
      })(),
      timeoutMs,
    );
  }

  /** How far `groupId` is behind per topic and partition (`consumerLagOf`: committed and assigned partitions). */
  async consumerLag(groupId: string, timeoutMs: number): Promise<ConsumerLag[]> {
    return withTimeout((async () => consumerLagOf(await this.connectedAdmin(), groupId))(), timeoutMs);
  }

  private async connectedAdmin(): Promise<Admin> {
    const generation = this.current;
    await generation.client.connect();
    generation.admin ??= generation.client.unwrap<Kafka>().admin();
    await generation.admin.connect();
    return generation.admin;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close(this.current);
  }
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`svarade inte inom ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
