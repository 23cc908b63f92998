import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import type { Admin, Kafka, Producer } from 'kafkajs';

import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';
import { consumerLagOf, type ConsumerLag } from './consumer-lag.js';
import { recordingPartitioner, sendAcknowledged, type OutgoingMessage, type PartitionsGiven } from './acknowledged-send.js';
import { kafkaProducerOptions } from './kafka-options.js';

export type { OutgoingMessage } from './acknowledged-send.js';

export type { ConsumerLag } from './consumer-lag.js';

/** The service's one Kafka producer (NestJS's ClientKafka in producer-only mode), sending with acks=all. */
@Injectable()
export class KafkaProducer implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaProducer.name);
  private readonly client: ClientKafka;
  private readonly given: PartitionsGiven = new WeakMap();
  private admin: Admin | undefined;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    const options = kafkaProducerOptions(config);
    this.client = new ClientKafka({ ...options, producer: { ...options.producer, createPartitioner: recordingPartitioner(this.given) } });
  }

  private producer(): Promise<Producer> {
    return this.client.connect();
  }

  /**
   * Publishes `messages` with acks=all and resolves only once the broker's answer acknowledges every one of them
   * (`sendAcknowledged`: kafkajs's sendBatch alone can resolve with part of a batch never sent, when a leader dies).
   */
  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.producer();
    await sendAcknowledged((topicMessages) => producer.sendBatch({ acks: -1, topicMessages }), messages, this.given, {
      onShortfall: (info) => this.logger.warn(info),
    });
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
    await this.producer();
    this.admin ??= this.client.unwrap<Kafka>().admin();
    await this.admin.connect();
    return this.admin;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    await this.client.close();
  }
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`svarade inte inom ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
