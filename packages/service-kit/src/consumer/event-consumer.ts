import { setTimeout as sleep } from 'node:timers/promises';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { KafkaContext } from '@nestjs/microservices';
import { deadLetterTopic, parseEnvelope, type EventDefinition, type EventEnvelope } from '@tertial/contracts/envelope';

import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';
import { KafkaProducer } from '../kafka/kafka-producer.js';
import { ProcessedEvent } from './processed-event.entity.js';

export type ConsumeOutcome = 'applied' | 'duplicate' | 'dead-lettered';

const MAX_ATTEMPTS = 5;

/**
 * The one way a service applies an event: validate it with the contract's schema, apply it and record its
 * id in one transaction (so a redelivery is recognised and skipped), and send what cannot be applied to the
 * topic's dead-letter topic with the reason. It never throws for a bad message, so a consumer never stops
 * on one; it throws only when even the dead-letter topic cannot be written, and then the message is retried.
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async consume<TPayload>(
    definition: EventDefinition<TPayload>,
    data: unknown,
    context: KafkaContext,
    apply: (em: EntityManager, envelope: EventEnvelope<TPayload>) => Promise<void>,
  ): Promise<ConsumeOutcome> {
    const parsed = parseEnvelope(definition, data);
    if (!parsed.ok) {
      await this.deadLetter(context, data, `ogiltigt meddelande: ${parsed.reason}`);
      return 'dead-lettered';
    }
    const { envelope } = parsed;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.applyOnce(definition, envelope, apply);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS) {
          this.logger.error(`${definition.type} ${envelope.eventId} gick inte att tillämpa: ${String(error)}`);
          await this.deadLetter(context, data, `behandlingen misslyckades ${MAX_ATTEMPTS} gånger: ${String(error)}`);
          return 'dead-lettered';
        }
        await sleep(200 * 2 ** attempt);
        await context.getHeartbeat()();
      }
    }
  }

  private async applyOnce<TPayload>(
    definition: EventDefinition<TPayload>,
    envelope: EventEnvelope<TPayload>,
    apply: (em: EntityManager, envelope: EventEnvelope<TPayload>) => Promise<void>,
  ): Promise<ConsumeOutcome> {
    try {
      return await this.orm.em.fork().transactional(async (em) => {
        if (await em.findOne(ProcessedEvent, { eventId: envelope.eventId })) return 'duplicate';
        em.create(ProcessedEvent, { eventId: envelope.eventId, topic: definition.topic, processedAt: new Date() });
        await apply(em, envelope);
        return 'applied';
      });
    } catch (error) {
      // Two deliveries of one event raced each other; the other one won and applied it.
      if (error instanceof UniqueConstraintViolationException) return 'duplicate';
      throw error;
    }
  }

  private async deadLetter(context: KafkaContext, data: unknown, reason: string): Promise<void> {
    const message = context.getMessage();
    const topic = context.getTopic();
    this.logger.warn(`${topic}[${context.getPartition()}]@${message.offset} till dead-letter: ${reason}`);
    await this.producer.publish([
      {
        topic: deadLetterTopic(topic),
        key: message.key == null ? '' : String(message.key),
        value: originalValue(data),
        headers: {
          'x-dead-letter-reason': reason,
          'x-original-topic': topic,
          'x-original-partition': String(context.getPartition()),
          'x-original-offset': String(message.offset),
          'x-dead-lettered-by': this.config.service,
          'x-dead-lettered-at': new Date().toISOString(),
        },
      },
    ]);
  }
}

/** The message value as it came, before NestJS's parser turned JSON into an object. */
function originalValue(data: unknown): string | Buffer | null {
  if (data == null) return null;
  if (Buffer.isBuffer(data) || typeof data === 'string') return data;
  return JSON.stringify(data);
}
