import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it } from 'vitest';

import { OrmLogger } from './orm-logger.js';
import { createServiceLogger, ServiceLogger } from './service-logger.js';

describe("MikroORM's logger", () => {
  afterEach(() => Logger.overrideLogger(true));

  it("writes the migrator's lines as the service's JSON, without MikroORM's colours", () => {
    const lines: string[] = [];
    const pino = createServiceLogger(
      { service: 'report', logLevel: 'log', logFormat: 'json' },
      { write: (line: string) => lines.push(line) },
    );
    Logger.overrideLogger(new ServiceLogger(pino));

    const orm = OrmLogger.create({ writer: () => expect.fail('MikroORM wrote to its console writer') });
    orm.log('migrator', "Applied 'Kit20261201174500'", { enabled: true });
    orm.warn('discovery', '\u001b[33mnågot att se över\u001b[39m', { enabled: true });
    orm.log('query', 'select 1', {});

    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 'info', service: 'report', context: 'MikroORM', msg: "[migrator] Applied 'Kit20261201174500'" }),
      expect.objectContaining({ level: 'warn', context: 'MikroORM', msg: '[discovery] något att se över' }),
    ]);
  });
});
