import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';

import { loadServiceConfig, type ServiceConfig } from '../config/service-config.js';
import { direkt, dbTid } from '../database/direkt.js';
import { openDatabase } from '../database/orm.js';
import type { KafkaProducer } from '../kafka/kafka-producer.js';
import { withCorrelationId } from '../logging/correlation-context.js';
import { createServiceLogger, ServiceLogger } from '../logging/service-logger.js';
import { ServiceMetrics } from './service-metrics.js';

const dir = mkdtempSync(join(tmpdir(), 'tertial-metrics-'));
const config: ServiceConfig = loadServiceConfig('forecast', { TERTIAL_DATA_DIR: dir, TERTIAL_OIDC_ISSUER: 'https://login.example.org' });
const kafka = {
  consumerLag: async () => [
    { topic: 'tertial.forecast.prognosomgang-andrad.v1', partition: 0, lag: 0 },
    { topic: 'tertial.forecast.prognosomgang-andrad.v1', partition: 1, lag: 7 },
  ],
} as unknown as KafkaProducer;
let orm: MikroORM;

beforeAll(async () => {
  orm = await openDatabase(config, { entities: [], migrations: [] });
});
afterAll(async () => {
  await orm.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the metrics a service exposes', () => {
  it('read the outbox, the consumer lag and the pool when scraped, and start every dead-letter count at 0', async () => {
    const metrics = new ServiceMetrics(orm, kafka, config);
    const em = orm.em.fork();
    await direkt(em)
      .insertInto('outbox_message')
      .values({
        event_id: 'e1',
        topic: 't',
        message_key: 'k',
        value: '{}',
        created_at: dbTid(em, new Date(Date.now() - 90_000)),
        sent_at: null,
      })
      .execute();
    metrics.httpDuration.observe({ method: 'GET', route: '/api/forecast/omgangar', status_code: '200' }, 0.02);
    const text = await metrics.registry.metrics();
    expect(text).toContain('tertial_outbox_backlog_messages{service="forecast"} 1');
    const age = Number(/tertial_outbox_oldest_unsent_age_seconds\{service="forecast"\} (\S+)/.exec(text)![1]);
    expect(age).toBeGreaterThanOrEqual(89);
    expect(age).toBeLessThan(120);
    expect(text).toContain(
      'tertial_consumer_lag_messages{group="tertial-forecast",topic="tertial.forecast.prognosomgang-andrad.v1",partition="1",service="forecast"} 7',
    );
    expect(text).toContain('tertial_db_pool_connections{state="max",service="forecast"} 1');
    expect(text).toContain('tertial_dead_letters_total{topic="tertial.forecast.prognosomgang-andrad.v1",service="forecast"} 0');
    expect(text).toContain(
      'tertial_http_request_duration_seconds_count{service="forecast",method="GET",route="/api/forecast/omgangar",status_code="200"} 1',
    );
  });

  it('leave a gauge whose source fails out of the scrape instead of failing it', async () => {
    const broken = { consumerLag: () => Promise.reject(new Error('broker away')) } as unknown as KafkaProducer;
    const text = await new ServiceMetrics(orm, broken, config).registry.metrics();
    expect(text).not.toMatch(/^tertial_consumer_lag_messages\{/m);
    expect(text).toContain('tertial_outbox_backlog_messages{service="forecast"}');
  });
});

describe('the log', () => {
  it('is one JSON object per line with the correlation id of the work being done', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = new ServiceLogger(createServiceLogger({ ...config, logFormat: 'json' }, sink));
    withCorrelationId('abc-123', () => logger.log('publicerade 3 händelser', 'OutboxRelay'));
    logger.warn('utan begäran');
    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({
      level: 'info',
      service: 'forecast',
      context: 'OutboxRelay',
      correlationId: 'abc-123',
      msg: 'publicerade 3 händelser',
    });
    expect(outside).toMatchObject({ level: 'warn', msg: 'utan begäran' });
    expect(outside).not.toHaveProperty('correlationId');
  });
});
