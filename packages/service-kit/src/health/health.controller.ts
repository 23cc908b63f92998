import { Controller, Get, HttpStatus, Inject, Logger, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/core';
import type { Response } from 'express';

import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';
import { KafkaProducer, withTimeout } from '../kafka/kafka-producer.js';
import { Offentlig } from '../auth/atkomst.js';

interface Check {
  status: 'up' | 'down';
  latencyMs: number;
}

async function check(probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  try {
    await probe();
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The reason goes to the log, not to the (public) answer: it may name hosts and users.
    new Logger('Hälsa').warn(`kontrollen misslyckades: ${String(error)}`);
    return { status: 'down', latencyMs: Math.round(performance.now() - started) };
  }
}

@ApiTags('drift')
@Offentlig()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(KafkaProducer) private readonly kafka: KafkaProducer,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Tjänstens hälsa: databasen och Kafka. 200 när båda svarar, annars 503.' })
  async health(@Res({ passthrough: true }) response: Response) {
    const [database, kafka] = await Promise.all([
      check(() => withTimeout(this.orm.em.getConnection().execute('select 1'), 2_000)),
      check(() => this.kafka.ping(2_000)),
    ]);
    const up = database.status === 'up' && kafka.status === 'up';
    response.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: up ? 'up' : 'down',
      service: this.config.service,
      checks: { database, kafka },
    };
  }
}
