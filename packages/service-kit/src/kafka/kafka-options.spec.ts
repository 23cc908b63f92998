import { describe, expect, it } from 'vitest';

import { loadServiceConfig } from '../config/service-config.js';
import { kafkaServerOptions, kafkaServerStrategy, TopicServerKafka } from './kafka-options.js';

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
});
