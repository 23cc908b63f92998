import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { ALL_EVENTS } from '@tertial/contracts/events';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';
import { direkt, tidFranDb } from '../database/direkt.js';
import { KafkaProducer } from '../kafka/kafka-producer.js';

/** How long a scrape waits for the database or Kafka before leaving that metric out of the answer. */
const COLLECT_TIMEOUT_MS = 2_000;

/** What `pg`'s pool says about itself (MikroORM 7 hands it out as the PostgreSQL driver's native client). */
interface PgPool {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
  readonly options?: { readonly max?: number };
}

/**
 * The service's Prometheus metrics, served at `/metrics` (MetricsController). Counters and histograms are counted as
 * things happen; the outbox, the consumer lag and the pool are read when Prometheus asks, so a scrape shows the state
 * of that moment. Labels are routes, topics, groups and partitions, never a person or an id from a URL.
 */
@Injectable()
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly logger = new Logger(ServiceMetrics.name);

  /** Per route pattern (`/api/forecast/helarsprognoser/:id`), not per URL: bounded, and no ids in the labels. */
  readonly httpDuration = new Histogram({
    name: 'tertial_http_request_duration_seconds',
    help: 'Tid från att en HTTP-begäran kom till att svaret var skickat, per metod, route och status.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly eventsConsumed = new Counter({
    name: 'tertial_events_consumed_total',
    help: 'Händelser som konsumenten tagit emot, per topic och utfall (applied, duplicate, dead-lettered).',
    labelNames: ['topic', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'tertial_dead_letters_total',
    help: 'Meddelanden som denna process skickat till dead-letter, per ursprunglig topic (sedan processen startade).',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(KafkaProducer) private readonly kafka: KafkaProducer,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    this.registry.setDefaultLabels({ service: config.service });
    // Process and Node.js metrics (resident memory, heap, event loop lag, GC): what the requests and limits are sized by.
    collectDefaultMetrics({ register: this.registry });
    // Every topic's count starts at 0, so the first dead letter is an increase Prometheus sees, not a new series.
    for (const { topic } of ALL_EVENTS) this.deadLetters.inc({ topic }, 0);
    this.outboxGauges();
    this.consumerLagGauge();
    this.poolGauges();
  }

  private outboxGauges(): void {
    const read = () => this.readOutbox();
    let pending: Promise<{ backlog: number; oldestAgeSeconds: number }> | undefined;
    // Both gauges come from one query per scrape.
    const once = () => (pending ??= read().finally(() => setImmediate(() => (pending = undefined))));
    const guarded = this.guarded.bind(this);
    new Gauge({
      name: 'tertial_outbox_backlog_messages',
      help: 'Händelser i utkorgen som ännu inte publicerats till Kafka.',
      registers: [this.registry],
      async collect() {
        await guarded(this, async () => this.set((await once()).backlog));
      },
    });
    new Gauge({
      name: 'tertial_outbox_oldest_unsent_age_seconds',
      help: 'Ålder på den äldsta opublicerade händelsen i utkorgen (0 när den är tom).',
      registers: [this.registry],
      async collect() {
        await guarded(this, async () => this.set((await once()).oldestAgeSeconds));
      },
    });
  }

  private async readOutbox(): Promise<{ backlog: number; oldestAgeSeconds: number }> {
    const row = await direkt(this.orm.em.fork())
      .selectFrom('outbox_message')
      .select((eb) => [eb.fn.countAll().as('backlog'), eb.fn.min('created_at').as('oldest')])
      .where('sent_at', 'is', null)
      .executeTakeFirstOrThrow();
    const oldest = row.oldest == null ? undefined : tidFranDb(row.oldest);
    return {
      backlog: Number(row.backlog),
      oldestAgeSeconds: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0,
    };
  }

  private consumerLagGauge(): void {
    const { kafka, config } = this;
    const guarded = this.guarded.bind(this);
    new Gauge({
      name: 'tertial_consumer_lag_messages',
      help: 'Hur många händelser konsumentgruppen ligger efter, per topic och partition (slutoffset minus gruppens bekräftade).',
      labelNames: ['group', 'topic', 'partition'] as const,
      registers: [this.registry],
      async collect() {
        await guarded(
          this,
          async () => {
            const lag = await kafka.consumerLag(config.kafkaGroupId, COLLECT_TIMEOUT_MS);
            this.reset();
            for (const entry of lag)
              this.set({ group: config.kafkaGroupId, topic: entry.topic, partition: String(entry.partition) }, entry.lag);
          },
          true,
        );
      },
    });
  }

  /**
   * PostgreSQL: `pg`'s pool (at most 10 connections per replica), in use, idle and waiting. SQLite has one connection in
   * the process and no pool: it shows as one connection of at most one, and nothing can wait for another.
   */
  private poolGauges(): void {
    const { orm, config } = this;
    const guarded = this.guarded.bind(this);
    new Gauge({
      name: 'tertial_db_pool_connections',
      help: 'Databasens anslutningar per tillstånd: in_use, idle, waiting (väntande begäranden), max (poolens tak).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        await guarded(
          this,
          async () => {
            if (config.database.kind === 'sqlite') {
              this.set({ state: 'in_use' }, 0);
              this.set({ state: 'idle' }, 1);
              this.set({ state: 'waiting' }, 0);
              this.set({ state: 'max' }, 1);
              return;
            }
            const pool = (await orm.em.getConnection().getNativeClient()) as PgPool;
            this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
            this.set({ state: 'idle' }, pool.idleCount);
            this.set({ state: 'waiting' }, pool.waitingCount);
            this.set({ state: 'max' }, pool.options?.max ?? 10);
          },
          true,
        );
      },
    });
  }

  /**
   * A metric whose source does not answer in time is unknown in this scrape (NaN, or no series for a labelled one)
   * rather than failing the whole answer or claiming a zero.
   */
  private async guarded(gauge: Gauge<string>, read: () => Promise<void>, labelled = false): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`svarade inte inom ${COLLECT_TIMEOUT_MS} ms`)), COLLECT_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      gauge.reset();
      if (!labelled) gauge.set(Number.NaN);
      this.logger.warn(`mätvärdet kunde inte läsas: ${String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
