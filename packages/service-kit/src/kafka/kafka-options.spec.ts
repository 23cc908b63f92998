import { Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';

import { loadServiceConfig } from '../config/service-config.js';
import { kafkaProducerOptions, kafkaServerOptions, kafkaServerStrategy, TopicServerKafka } from './kafka-options.js';

const ISSUER = { TERTIAL_OIDC_ISSUER: 'https://login.example.se/tertial' };

describe('the Kafka transport', () => {
  it('finds an event handler by its topic, and a JSON pattern as NestJS does', () => {
    const server = kafkaServerStrategy(loadServiceConfig('report', ISSUER)).strategy as TopicServerKafka;
    const handelse = Object.assign(async () => undefined, {});
    const begaran = Object.assign(async () => undefined, {});
    server.addHandler('tertial.forecast.helarsprognos-andrad.v1', handelse, true);
    server.addHandler({ cmd: 'summa', ar: 2026 }, begaran);
    expect(server.getHandlerByPattern('tertial.forecast.helarsprognos-andrad.v1')).toBe(handelse);
    expect(server.getHandlerByPattern('{"ar":2026,"cmd":"summa"}')).toBe(begaran);
    expect(server.getHandlerByPattern('tertial.okand.v1')).toBeNull();
  });

  it('lets the report service wait 50 ms for events and the others 500 ms, unless told otherwise', () => {
    const vantan = (service: 'goals' | 'budget' | 'forecast' | 'report', env = {}) =>
      kafkaServerOptions(loadServiceConfig(service, { ...ISSUER, ...env })).consumer?.maxWaitTimeInMs;
    expect(vantan('report')).toBe(50);
    expect(vantan('forecast')).toBe(500);
    expect(vantan('budget')).toBe(500);
    expect(vantan('goals')).toBe(500);
    expect(vantan('budget', { KAFKA_FETCH_MAX_WAIT_MS: '100' })).toBe(100);
    expect(() => loadServiceConfig('report', { ...ISSUER, KAFKA_FETCH_MAX_WAIT_MS: '0' })).toThrow(/KAFKA_FETCH_MAX_WAIT_MS/);
  });

  it("makes every service's producer idempotent, with acks=all, one request in flight and bounded retries", () => {
    for (const service of ['goals', 'budget', 'forecast', 'report'] as const) {
      const options = kafkaProducerOptions(loadServiceConfig(service, ISSUER));
      expect(options.producer).toMatchObject({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      expect(options.send).toEqual({ acks: -1 });
      // kafkajs refuses an idempotent producer without retries; unbounded ones would hold the outbox's rows for ever.
      expect(options.producer?.retry?.retries).toBeGreaterThanOrEqual(1);
      expect(options.producer?.retry?.retries).toBeLessThan(Number.MAX_SAFE_INTEGER);
    }
  });

  it('gives kafkajs producer options it accepts as an idempotent producer', () => {
    const options = kafkaProducerOptions(loadServiceConfig('forecast', ISSUER));
    const kafka = new Kafka({ ...options.client, brokers: ['127.0.0.1:1'], logLevel: 0 });
    expect(kafka.producer(options.producer).isIdempotent()).toBe(true);
  });
});
