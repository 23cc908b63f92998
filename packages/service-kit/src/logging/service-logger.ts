import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';

import type { ServiceConfig } from '../config/service-config.js';
import { currentCorrelationId } from './correlation-context.js';

/** NestJS's levels as pino names them (`log` is info, `verbose` is trace). */
const PINO_LEVEL: Record<ServiceConfig['logLevel'], Level> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * The service's logger: one JSON object per line (pino), each with the service, the NestJS context and the
 * correlation id of the request or event being handled. On a terminal (`LOG_FORMAT=pretty`, the default when stdout
 * is one) a compact line instead, for a person reading along.
 */
export function createServiceLogger(
  config: Pick<ServiceConfig, 'service' | 'logLevel' | 'logFormat'>,
  destination: DestinationStream = pino.destination({ sync: false }),
): Logger {
  return pino(
    {
      level: PINO_LEVEL[config.logLevel],
      base: { service: config.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
    },
    config.logFormat === 'pretty' ? compactLines(destination) : destination,
  );
}

/** `12:03:04 INFO  [OutboxRelay] message  (correlation id)`, the rest of the object after it as JSON. */
function compactLines(destination: DestinationStream): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const { time, level, msg, context, correlationId } = entry;
      for (const key of ['time', 'level', 'msg', 'context', 'correlationId', 'service', 'pid', 'hostname']) delete entry[key];
      const extra = Object.keys(entry).length > 0 ? ` ${JSON.stringify(entry)}` : '';
      const clock = typeof time === 'string' ? time.slice(11, 19) : '';
      const where = typeof context === 'string' ? `[${context}] ` : '';
      const which = typeof correlationId === 'string' ? `  (${correlationId})` : '';
      destination.write(
        `${clock} ${String(level).toUpperCase().padEnd(5)} ${where}${typeof msg === 'string' ? msg : ''}${which}${extra}\n`,
      );
    },
  };
}

/** NestJS's logger interface over pino: Nest's own messages and every `new Logger(context)` go through it. */
export class ServiceLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes the context last, and for `error` a stack trace before it. */
  private write(level: Level, message: unknown, rest: unknown[]): void {
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' && rest[0].includes('\n    at ') ? (rest.shift() as string) : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
