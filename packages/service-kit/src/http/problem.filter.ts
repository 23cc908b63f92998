import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Problem } from '@tertial/contracts/problem';
import type { Response } from 'express';
import { throwError, type Observable } from 'rxjs';

import { isDatabaseUnavailable } from '../database/unavailable.js';

/** Seconds a client is asked to wait before it tries again while the database is unavailable. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Every HTTP error leaves the service as application/problem+json. Errors in Kafka handlers are not HTTP
 * and are left to NestJS (the event consumer never lets a bad message reach here).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);
    const response = host.switchToHttp().getResponse<Response>();
    const problem = toProblem(exception);
    if (problem.status === 503) {
      // Not a bug: the database is away for a moment (restarted, failing over); the request's transaction is rolled back.
      this.logger.warn(`databasen svarar inte: ${exception instanceof Error ? exception.message.split('\n', 1)[0] : String(exception)}`);
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    } else if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}

export function toProblem(exception: unknown): Problem {
  // NestJS maps Express's body-parser errors to HttpExceptions and keeps the original as the cause.
  const cause = exception instanceof HttpException ? exception.cause : exception;
  if ((cause as { type?: unknown } | undefined)?.type === 'entity.parse.failed') {
    return {
      type: 'https://tertial.se/problem/400',
      title: 'Kroppen är inte giltig JSON',
      status: 400,
      detail: 'Begärans kropp kunde inte läsas som JSON.',
      errors: [{ field: '(body)', message: 'ska vara ett JSON-objekt' }],
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (typeof body === 'object' && body !== null && 'type' in body && 'title' in body) return body as Problem;
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    return {
      type: `https://tertial.se/problem/${status}`,
      title: titleFor(status),
      status,
      detail: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message,
    };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      type: 'https://tertial.se/problem/503',
      title: 'Tillfälligt otillgänglig',
      status: 503,
      detail: 'Databasen svarar inte just nu. Försök igen om en stund.',
    };
  }
  return { type: 'https://tertial.se/problem/500', title: 'Internt fel', status: 500, detail: 'Ett oväntat fel inträffade.' };
}

function titleFor(status: number): string {
  const titles: Record<number, string> = {
    400: 'Ogiltig begäran',
    401: 'Inte inloggad',
    403: 'Saknar behörighet',
    404: 'Hittades inte',
    409: 'Konflikt',
    413: 'För stor begäran',
    415: 'Formatet stöds inte',
    422: 'Kan inte behandlas',
  };
  return titles[status] ?? 'Fel';
}
