import { stripVTControlCharacters } from 'node:util';

import { DefaultLogger, type LogContext, type LoggerNamespace, type LoggerOptions } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';

/**
 * MikroORM's messages (the migrator's "Applied 'Kit…'", a query when debugging) through NestJS's logger, and so through
 * the service's pino logger: one JSON line each like every other line, instead of MikroORM's coloured console lines.
 * MikroORM still decides what is logged (its namespaces and `debug`); only where it goes changes.
 */
export class OrmLogger extends DefaultLogger {
  private readonly nest = new Logger('MikroORM');

  override log(namespace: LoggerNamespace | (string & {}), message: string, context?: LogContext): void {
    if (!this.isEnabled(namespace as LoggerNamespace, context)) return;
    const label = context?.label ? `(${context.label}) ` : '';
    const text = `[${namespace}] ${label}${stripVTControlCharacters(message).replace(/\s+/g, ' ').trim()}`;
    if (context?.level === 'error') this.nest.error(text);
    else if (context?.level === 'warning') this.nest.warn(text);
    else this.nest.log(text);
  }

  static override create(options: LoggerOptions): OrmLogger {
    return new OrmLogger(options);
  }
}
