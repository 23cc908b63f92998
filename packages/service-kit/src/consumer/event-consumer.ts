import { setTimeout as sleep } from 'node:timers/promises';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { DriverException, MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { KafkaContext } from '@nestjs/microservices';
import { deadLetterTopic, parseEnvelope, type EventDefinition, type EventEnvelope } from '@tertial/contracts/envelope';

import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';
import { KafkaProducer } from '../kafka/kafka-producer.js';
import { dbTid, sqlDirekt } from '../database/direkt.js';
import { isDatabaseUnavailable } from '../database/unavailable.js';
import { withCorrelationId } from '../logging/correlation-context.js';
import { ServiceMetrics } from '../metrics/service-metrics.js';

/** `passed-over`: a rebuild as of an earlier moment met an event that occurred after it. */
export type ConsumeOutcome = 'applied' | 'duplicate' | 'dead-lettered' | 'passed-over';

const MAX_ATTEMPTS = 5;
/** The longest pause between two attempts while the database is unavailable. */
const MAX_UNAVAILABLE_PAUSE_MS = 5_000;

/** An event waiting for the next shared transaction, and the consumer waiting for its outcome. */
interface Vantande {
  readonly topic: string;
  readonly envelope: EventEnvelope<unknown>;
  readonly apply: (em: EntityManager, envelope: EventEnvelope<unknown>) => Promise<void>;
  readonly svara: (outcome: ConsumeOutcome) => void;
  readonly misslyckas: (error: unknown) => void;
}

/**
 * The one way a service applies an event: validate it with the contract's schema, apply it and record its
 * id in one transaction (so a redelivery is recognised and skipped), and send what cannot be applied to the
 * topic's dead-letter topic with the reason. It never throws for a bad message, so a consumer never stops
 * on one; it throws only when even the dead-letter topic cannot be written, and then the message is retried.
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);
  /** Events that arrived (from other partitions) while a transaction was running: the next one applies them all. */
  private samlade: Vantande[] = [];
  private skriver = false;

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
  ) {}

  async consume<TPayload>(
    definition: EventDefinition<TPayload>,
    data: unknown,
    context: KafkaContext,
    apply: (em: EntityManager, envelope: EventEnvelope<TPayload>) => Promise<void>,
  ): Promise<ConsumeOutcome> {
    const parsed = parseEnvelope(definition, data);
    let outcome: ConsumeOutcome;
    if (parsed.ok) {
      // The request's correlation id, carried in the envelope, is on every log line written while its event is applied.
      outcome = await withCorrelationId(parsed.envelope.correlationId, () =>
        this.applyEnvelope(definition, parsed.envelope, data, context, apply),
      );
    } else {
      await this.deadLetter(context, data, `ogiltigt meddelande: ${parsed.reason}`);
      outcome = 'dead-lettered';
    }
    this.metrics.eventsConsumed.inc({ topic: definition.topic, outcome });
    return outcome;
  }

  private async applyEnvelope<TPayload>(
    definition: EventDefinition<TPayload>,
    envelope: EventEnvelope<TPayload>,
    data: unknown,
    context: KafkaContext,
    apply: (em: EntityManager, envelope: EventEnvelope<TPayload>) => Promise<void>,
  ): Promise<ConsumeOutcome> {
    const till = this.config.rebuild?.till;
    if (till && new Date(envelope.occurredAt) > till) return 'passed-over';
    try {
      // First together with the events that arrive at the same time: one transaction (and one commit) for all of them.
      return await this.tillsammans(definition, envelope, apply);
    } catch (error) {
      // One of them failed, and so the shared transaction: each is applied on its own, as below, and only the one
      // that fails again is retried and dead-lettered.
      this.logger.debug(`en gemensam transaktion misslyckades (${String(error)}); händelserna tillämpas var för sig`);
    }
    for (let attempt = 1, unavailable = 0; ; attempt += 1) {
      try {
        return await this.applyOnce(definition, envelope, apply);
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          // Not the event's fault: it waits, however long the database is away, and is never dead-lettered for it.
          if (unavailable === 0) this.logger.warn(`databasen svarar inte; ${definition.type} ${envelope.eventId} väntar: ${String(error)}`);
          unavailable += 1;
          attempt -= 1;
          await sleep(Math.min(200 * 2 ** unavailable, MAX_UNAVAILABLE_PAUSE_MS));
          await context.getHeartbeat()();
          continue;
        }
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

  private tillsammans<TPayload>(
    definition: EventDefinition<TPayload>,
    envelope: EventEnvelope<TPayload>,
    apply: (em: EntityManager, envelope: EventEnvelope<TPayload>) => Promise<void>,
  ): Promise<ConsumeOutcome> {
    return new Promise<ConsumeOutcome>((svara, misslyckas) => {
      this.samlade.push({
        topic: definition.topic,
        envelope,
        apply: apply as Vantande['apply'],
        svara,
        misslyckas,
      });
      // After the current turn, so that events handed over at the same moment share the transaction.
      if (!this.skriver) {
        this.skriver = true;
        setImmediate(() => void this.skrivSamlade());
      }
    });
  }

  /** Applies every gathered event in one transaction, each recorded as processed beside its effect, in arrival order. */
  private async skrivSamlade(): Promise<void> {
    while (this.samlade.length > 0) {
      const samling = this.samlade;
      this.samlade = [];
      try {
        const utfall = await this.orm.em.fork().transactional(async (em) => {
          const svar: ConsumeOutcome[] = [];
          for (const { topic, envelope, apply } of samling) {
            if (await redanBehandlad(em, envelope.eventId)) {
              svar.push('duplicate');
              continue;
            }
            await markeraBehandlad(em, envelope.eventId, topic);
            await apply(em, envelope);
            svar.push('applied');
          }
          return svar;
        });
        samling.forEach((vantande, index) => vantande.svara(utfall[index]!));
      } catch (error) {
        for (const vantande of samling) vantande.misslyckas(error);
      }
    }
    this.skriver = false;
  }

  private async applyOnce<TPayload>(
    definition: EventDefinition<TPayload>,
    envelope: EventEnvelope<TPayload>,
    apply: (em: EntityManager, envelope: EventEnvelope<TPayload>) => Promise<void>,
  ): Promise<ConsumeOutcome> {
    try {
      return await this.orm.em.fork().transactional(async (em) => {
        if (await redanBehandlad(em, envelope.eventId)) return 'duplicate';
        await markeraBehandlad(em, envelope.eventId, definition.topic);
        await apply(em, envelope);
        return 'applied';
      });
    } catch (error) {
      // Two deliveries of one event raced each other; the other one won and applied it. (The processed-event row is
      // written in plain SQL, whose error MikroORM names as for its own.)
      const fel = error instanceof Error && !(error instanceof DriverException) ? this.orm.em.getDriver().convertException(error) : error;
      if (fel instanceof UniqueConstraintViolationException) return 'duplicate';
      throw error;
    }
  }

  private async deadLetter(context: KafkaContext, data: unknown, reason: string): Promise<void> {
    const message = context.getMessage();
    const topic = context.getTopic();
    if (this.config.rebuild) {
      // The running instance set this message aside when it first came; a rebuild reads it again and says so only.
      this.logger.warn(`${topic}[${context.getPartition()}]@${message.offset} gick inte att tillämpa vid återuppbyggnaden: ${reason}`);
      return;
    }
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
    this.metrics.deadLetters.inc({ topic });
  }
}

/** The message value as it came, before NestJS's parser turned JSON into an object. */
function originalValue(data: unknown): string | Buffer | null {
  if (data == null) return null;
  if (Buffer.isBuffer(data) || typeof data === 'string') return data;
  return JSON.stringify(data);
}

/**
 * Whether the event was applied before: its processed-event row, read in plain SQL with a bound parameter (see
 * `direkt`), because every event of every consumer asks.
 */
async function redanBehandlad(em: EntityManager, eventId: string): Promise<boolean> {
  const { rader } = await sqlDirekt(em, 'select "event_id" from "processed_event" where "event_id" = ?', [eventId]);
  return rader.length > 0;
}

/** The event's processed-event row, in the transaction that applies it: a second delivery finds it, or collides with it. */
async function markeraBehandlad(em: EntityManager, eventId: string, topic: string): Promise<void> {
  await sqlDirekt(em, 'insert into "processed_event" ("event_id", "topic", "processed_at") values (?, ?, ?)', [
    eventId,
    topic,
    dbTid(em, new Date()),
  ]);
}
