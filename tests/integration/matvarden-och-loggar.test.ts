import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { EventEnvelope } from '@tertial/contracts/envelope';
import { prognosomgangAndrad } from '@tertial/contracts/events';
import { describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { testKafka } from '../support/kafka.js';
import { eventually, ROOT } from '../support/services.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const kafka = testKafka(stack.kafkaBrokers);

// A year no other test opens a round in.
const AR = 2044;

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** Prometheus's text format, the samples only (`# HELP` and `# TYPE` lines skipped). */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`ingen Prometheus-rad: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

async function scrape(service: keyof typeof stack.services): Promise<Sample[]> {
  const response = await fetch(`${stack.services[service]}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return parse(await response.text());
}

const sum = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))
    .reduce((total, s) => total + s.value, 0);

const logLines = (service: string) =>
  readFileSync(join(ROOT, '.tertial/logs', `test-${service}.log`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('what an operator sees of a running service', () => {
  it('each service answers /metrics on its own port, with its latency, outbox, consumer lag and pool', async () => {
    for (const service of ['goals', 'budget', 'forecast', 'report'] as const) {
      const samples = await scrape(service);
      const names = new Set(samples.map((s) => s.name));
      for (const name of [
        'tertial_http_request_duration_seconds_bucket',
        'tertial_outbox_backlog_messages',
        'tertial_outbox_oldest_unsent_age_seconds',
        'tertial_db_pool_connections',
        'process_resident_memory_bytes',
      ]) {
        expect(names, `${service}: ${name}`).toContain(name);
      }
      expect(samples.every((s) => s.labels.service === service)).toBe(true);
      expect(sum(samples, 'tertial_outbox_backlog_messages')).toBeGreaterThanOrEqual(0);
      expect(sum(samples, 'tertial_outbox_oldest_unsent_age_seconds')).toBeGreaterThanOrEqual(0);
      // The tests run on PostgreSQL: pg's pool, at most 10 connections per replica.
      expect(sum(samples, 'tertial_db_pool_connections', { state: 'max' })).toBe(10);
      expect(sum(samples, 'process_resident_memory_bytes')).toBeGreaterThan(20e6);
    }
  });

  it('a request is counted under its route pattern, never under its URL', async () => {
    const route = { method: 'GET', route: '/api/forecast/omgangar', status_code: '200' };
    const before = sum(await scrape('forecast'), 'tertial_http_request_duration_seconds_count', route);
    expect((await api.json('/api/forecast/omgangar')).status).toBe(200);
    expect((await api.json('/api/forecast/helarsprognoser/123456/2031/april', { som: 'ekonomidirektor' })).status).toBeLessThan(500);
    const samples = await scrape('forecast');
    expect(sum(samples, 'tertial_http_request_duration_seconds_count', route)).toBe(before + 1);
    const routes = new Set(samples.filter((s) => s.name === 'tertial_http_request_duration_seconds_count').map((s) => s.labels.route));
    expect([...routes].some((r) => r?.includes('123456'))).toBe(false);
    expect([...routes].some((r) => r?.startsWith('/api/forecast/helarsprognoser/:'))).toBe(true);
  });

  it("the gateway does not pass /metrics on: it is scraped from each service's port", async () => {
    const response = await fetch(`${stack.gatewayUrl}/metrics`);
    expect(await response.text()).not.toContain('tertial_http_request_duration_seconds');
    const proxied = await fetch(`${stack.gatewayUrl}/api/forecast/metrics`);
    expect(await proxied.text()).not.toContain('tertial_http_request_duration_seconds');
  });

  it('a request is logged as one JSON line with its correlation id, which its event carries on to the consumer', async () => {
    const correlationId = `matvarden-${Date.now()}`;
    const consumedBefore = sum(await scrape('report'), 'tertial_events_consumed_total', {
      topic: prognosomgangAndrad.topic,
      outcome: 'applied',
    });
    const oppnad = await api.json('/api/forecast/omgangar', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId },
      body: JSON.stringify({ ar: AR, tillfalle: 'april', deadline: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    expect(oppnad.status).toBe(200);
    expect(oppnad.headers.get('x-correlation-id')).toBe(correlationId);

    const line = await eventually(
      async () => logLines('forecast').find((entry) => entry.correlationId === correlationId && entry.method === 'POST'),
      (entry) => entry !== undefined,
    );
    expect(line).toMatchObject({ level: 'info', service: 'forecast', route: '/api/forecast/omgangar', status: 200 });
    expect(typeof line!.time).toBe('string');

    // The topic holds the demo's events too: only the newest is looked at.
    const carries = (value: Buffer | null) =>
      value !== null && (JSON.parse(String(value)) as EventEnvelope).correlationId === correlationId;
    const messages = await kafka.readUntil(prognosomgangAndrad.topic, (read) => carries(read.at(-1)!.value));
    expect(carries(messages.at(-1)!.value)).toBe(true);
    await eventually(
      async () => sum(await scrape('report'), 'tertial_events_consumed_total', { topic: prognosomgangAndrad.topic, outcome: 'applied' }),
      (consumed) => consumed > consumedBefore,
    );
  });

  it("every line a service writes is one JSON object, MikroORM's migrator's too", () => {
    for (const service of ['goals', 'budget', 'forecast', 'report']) {
      const lines = readFileSync(join(ROOT, '.tertial/logs', `test-${service}.log`), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '');
      const notJson = lines.filter((line) => {
        try {
          return typeof JSON.parse(line) !== 'object';
        } catch {
          return true;
        }
      });
      expect(notJson, service).toEqual([]);
      expect(
        lines.some((line) => line.includes('[migrator]') && line.includes('"context":"MikroORM"')),
        service,
      ).toBe(true);
    }
  });

  it('a message the consumer cannot apply is counted as a dead letter of its topic', async () => {
    const labels = { topic: prognosomgangAndrad.topic };
    const before = sum(await scrape('report'), 'tertial_dead_letters_total', labels);
    await kafka.produce(prognosomgangAndrad.topic, [{ key: `matvarden-${Date.now()}`, value: JSON.stringify({ inte: 'ett kuvert' }) }]);
    await eventually(
      async () => sum(await scrape('report'), 'tertial_dead_letters_total', labels),
      (count) => count === before + 1,
    );
  });

  // Last: by now the tests above have had the report service consume (and commit) prognosomgång events, which a
  // fresh stack's demo city alone may not have.
  it('the consumers report their lag per group and partition, and catch up to none', async () => {
    const lag = await eventually(
      async () => (await scrape('report')).filter((s) => s.name === 'tertial_consumer_lag_messages'),
      (samples) => samples.some((s) => s.labels.topic === prognosomgangAndrad.topic) && samples.every((s) => s.value === 0),
      60_000,
    );
    expect(new Set(lag.map((s) => s.labels.group))).toEqual(new Set([`tertial-report${stack.groupSuffix}`]));
    expect(lag.map((s) => s.labels.topic)).toContain(prognosomgangAndrad.topic);
    expect(lag.every((s) => /^\d+$/.test(s.labels.partition ?? ''))).toBe(true);
  });
});
