import { ConnectionException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';

import { isDatabaseUnavailable } from './unavailable.js';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5446'), { code: 'ECONNREFUSED' })],
    ['the server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['the server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a lost connection as the cause of another error', new Error('transaction failed', { cause: new Error('Connection terminated') })],
    ["MikroORM's connection exception", new ConnectionException(new Error('unable to open database file'))],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new UniqueConstraintViolationException(Object.assign(new Error('duplicate key'), { code: '23505' }))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'kod')")],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
