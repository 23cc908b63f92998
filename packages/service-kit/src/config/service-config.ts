import { resolve } from 'node:path';

import { z } from 'zod';

import type { ServiceName } from '@tertial/contracts';

/** The HTTP port each service listens on when PORT is not set. The gateway (8080) fronts them all. */
export const DEFAULT_PORTS: Record<ServiceName, number> = { goals: 3101, budget: 3102, forecast: 3103, report: 3104 };

const envSchema = z.object({
  /** HTTP port of this service. */
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Address the HTTP server binds to; loopback unless deployed behind a gateway in a container. */
  HOST: z.string().default('127.0.0.1'),
  /** Comma-separated Kafka bootstrap servers. */
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  /** PostgreSQL URL of this service's own database; unset means an embedded SQLite file. */
  DATABASE_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
  /** Where SQLite files live when DATABASE_URL is unset. */
  TERTIAL_DATA_DIR: z.string().default('.tertial/data'),
  /** How often the outbox relay looks for unsent events, in milliseconds (it is also woken on every commit). */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(500),
  /** Consumer group suffix; tests use it to get a group of their own. */
  KAFKA_GROUP_SUFFIX: z.string().default(''),
  /** error | warn | log | debug | verbose */
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
});

export interface ServiceConfig {
  readonly service: ServiceName;
  readonly port: number;
  readonly host: string;
  readonly kafkaBrokers: string[];
  readonly kafkaClientId: string;
  readonly kafkaGroupId: string;
  readonly database: { readonly kind: 'postgresql'; readonly url: string } | { readonly kind: 'sqlite'; readonly file: string };
  readonly outboxPollMs: number;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

/** Reads and validates the service's environment once, at start; a bad variable stops the start with its name. */
export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n  ');
    throw new Error(`Ogiltig konfiguration för ${service}:\n  ${problems}`);
  }
  const vars = parsed.data;
  return {
    service,
    port: vars.PORT ?? DEFAULT_PORTS[service],
    host: vars.HOST,
    kafkaBrokers: vars.KAFKA_BROKERS.split(',').map((broker) => broker.trim()).filter(Boolean),
    kafkaClientId: `tertial-${service}`,
    kafkaGroupId: `tertial-${service}${vars.KAFKA_GROUP_SUFFIX}`,
    database: vars.DATABASE_URL
      ? { kind: 'postgresql', url: vars.DATABASE_URL }
      : { kind: 'sqlite', file: resolve(vars.TERTIAL_DATA_DIR, `${service}.sqlite`) },
    outboxPollMs: vars.OUTBOX_POLL_MS,
    logLevel: vars.LOG_LEVEL,
  };
}
