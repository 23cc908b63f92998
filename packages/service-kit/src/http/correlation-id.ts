import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

import { acceptedCorrelationId, CORRELATION_HEADER, currentCorrelationId } from '../logging/correlation-context.js';

/**
 * The request's correlation id (the caller's `x-correlation-id`, or the one the service gave it on arrival, see
 * `observeHttp`): it follows the request into its events and is on every log line written while it is handled.
 */
export const CorrelationId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string =>
    currentCorrelationId() ?? acceptedCorrelationId(context.switchToHttp().getRequest<Request>().headers[CORRELATION_HEADER]),
);
