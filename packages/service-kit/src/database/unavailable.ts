import { ConnectionException } from '@mikro-orm/core';

/**
 * Error codes that mean the database cannot be reached or is going away, not that the statement was wrong: the
 * socket's (Node), and PostgreSQL's classes 08 (connection exception) and 57P (the server shutting down or starting).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
]);
/** What node-postgres and its pool say, without a code, when the connection is lost or cannot be had. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Client has encountered a connection error|connection (is )?(closed|ended)|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to/i;

/**
 * Whether `error` (or an error it was caused by) says the database is unavailable for the moment: a request then
 * answers 503 (nothing was stored: the transaction never committed) and an event is retried until it is back, never
 * dead-lettered for it.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    if (current instanceof ConnectionException) return true;
    if (typeof current !== 'object') return false;
    const { code, sqlState, message } = current as { code?: unknown; sqlState?: unknown; message?: unknown };
    if (UNAVAILABLE_CODES.has(String(code)) || UNAVAILABLE_CODES.has(String(sqlState))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}
