import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

import { acceptedCorrelationId, CORRELATION_HEADER, withCorrelationId } from '../logging/correlation-context.js';
import type { ServiceMetrics } from './service-metrics.js';

/** Probes and scrapes come every few seconds: their lines only at debug. */
const QUIET = /\/(health|metrics)$/;

/**
 * First in the chain: gives the request its correlation id (the caller's, or a new one, answered in `x-correlation-id`),
 * and when the answer is sent, observes its duration under its route pattern and writes one log line for it.
 */
export function observeHttp(metrics: ServiceMetrics, logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const correlationId = acceptedCorrelationId(request.headers[CORRELATION_HEADER]);
    request.headers[CORRELATION_HEADER] = correlationId;
    response.setHeader(CORRELATION_HEADER, correlationId);
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(request);
      metrics.httpDuration.observe({ method: request.method, route, status_code: String(response.statusCode) }, seconds);
      const path = request.originalUrl.split('?')[0]!;
      logger[QUIET.test(path) ? 'debug' : 'info'](
        { correlationId, method: request.method, route, status: response.statusCode, durationMs: Math.round(seconds * 1000) },
        `${request.method} ${path} ${response.statusCode}`,
      );
    });
    withCorrelationId(correlationId, next);
  };
}

/**
 * Runs the rest of the request (after its body is read: a body parser resumes in the socket's context) with its
 * correlation id as the current one, so that every log line written while it is handled carries it.
 */
export function correlationContext(request: Request, _response: Response, next: NextFunction): void {
  withCorrelationId(acceptedCorrelationId(request.headers[CORRELATION_HEADER]), next);
}

/** The matched route's pattern; a request no route took is `unmatched` (scanners must not grow the label set). */
function routeOf(request: Request): string {
  const matched = request.route as { path?: unknown } | undefined;
  const pattern = matched?.path;
  return typeof pattern === 'string' ? `${request.baseUrl}${pattern}` : 'unmatched';
}
