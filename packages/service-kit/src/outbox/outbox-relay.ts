import { setTimeout as sleep } from 'node:timers/promises';

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';

import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';
import { KafkaProducer } from '../kafka/kafka-producer.js';
import { dbTid, direkt, type KitTabeller } from '../database/direkt.js';

const BATCH_SIZE = 200;

/**
 * Publishes outbox rows with acks=all and marks them sent. A crash after publishing and before marking
 * publishes the row again on restart: consumers drop the duplicate by its event id.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private linger: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private stopped = false;

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.config.outboxPollMs);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.linger);
    // A round stuck on an unreachable broker is abandoned: its rows stay unsent and go out after the restart.
    await Promise.race([this.running, sleep(2_000)]);
  }

  /**
   * Asks for a publishing round, e.g. right after a commit that wrote outbox rows. It starts `outboxLingerMs` later, so
   * that the commits of those milliseconds go to the broker in the same request: while a round's forecasts poured in,
   * a request for every one or two events was much of the broker's work, and of the consumers' fetches.
   */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    if (this.config.outboxLingerMs === 0) return this.publishNow();
    this.linger ??= setTimeout(() => {
      this.linger = undefined;
      this.publishNow();
    }, this.config.outboxLingerMs);
  }

  private publishNow(): void {
    if (this.stopped || this.running) return;
    this.running = this.publishAll()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn(`utkorgen kunde inte publicera: ${String(error)}`))
      .finally(() => {
        this.running = undefined;
        if (this.rerun) {
          this.rerun = false;
          this.wake();
        }
      });
  }

  /** Publishes until the outbox is empty. Returns how many events went out. */
  async publishAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < BATCH_SIZE || this.stopped) return total;
    }
  }

  private async publishBatch(): Promise<number> {
    return this.config.database.kind === 'postgresql' ? this.publishLocked() : this.publishUnlocked();
  }

  /**
   * PostgreSQL: rows are locked while they are published (SKIP LOCKED), so several replicas of a service
   * can share one outbox without publishing a row twice; the pool keeps other work going meanwhile.
   */
  private publishLocked(): Promise<number> {
    return this.orm.em.fork().transactional(async (em) => {
      const rows = await unsent(em).forUpdate().skipLocked().execute();
      if (rows.length === 0) return 0;
      await this.producer.publish(rows.map(toMessage));
      await markSent(em, rows);
      return rows.length;
    });
  }

  /**
   * SQLite has one connection and one process: holding a transaction open while Kafka acknowledges would
   * stall every request, so rows are read, published and then marked, each step short. This relay is the
   * only one, so nothing else can publish the same rows in between.
   */
  private async publishUnlocked(): Promise<number> {
    const em = this.orm.em.fork();
    const rows = await unsent(em).execute();
    if (rows.length === 0) return 0;
    await this.producer.publish(rows.map(toMessage));
    await markSent(em, rows);
    return rows.length;
  }
}

/**
 * The oldest unsent rows, in plain SQL with bound parameters (see `direkt`): the relay asks after nearly every commit
 * while a round's forecasts pour in.
 */
function unsent(em: EntityManager) {
  return direkt(em)
    .selectFrom('outbox_message')
    .select(['seq', 'topic', 'message_key', 'value'])
    .where('sent_at', 'is', null)
    .orderBy('seq', 'asc')
    .limit(BATCH_SIZE);
}

type UnsentRow = Pick<KitTabeller['outbox_message'], 'seq' | 'topic' | 'message_key' | 'value'>;

async function markSent(em: EntityManager, rows: readonly UnsentRow[]): Promise<void> {
  await direkt(em)
    .updateTable('outbox_message')
    .set({ sent_at: dbTid(em, new Date()) })
    .where(
      'seq',
      'in',
      rows.map((row) => row.seq!),
    )
    .execute();
}

function toMessage(row: UnsentRow) {
  return { topic: row.topic, key: row.message_key, value: row.value };
}
