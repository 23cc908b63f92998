import { resolve } from 'node:path';

import { z } from 'zod';

import { TERTIAL_API_AUDIENCE } from '@tertial/contracts/access';
import { servicePorts, type ServiceName } from '@tertial/contracts/services';

/** The HTTP port each service listens on when PORT is not set (goals 3101 … report 3104). The gateway (8080) fronts them all. */
export const DEFAULT_PORTS: Record<ServiceName, number> = servicePorts();

/**
 * KAFKA_FETCH_MAX_WAIT_MS when unset. The report service's roll-up and totals are what people watch change live, so its
 * consumer waits at most 50 ms; the others keep replicas and follow-ups nobody watches being made, and an idle consumer
 * asking twenty times a second cost each of them (and the broker) about 5 % of a core in the forecast round's bench.
 */
export const FETCH_MAX_WAIT_MS: Record<ServiceName, number> = { goals: 500, budget: 500, forecast: 500, report: 50 };

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
  /**
   * How long the outbox relay waits after a commit wakes it before it reads the outbox, in milliseconds, so that the
   * commits of those milliseconds go to the broker in one request; 0 reads at once.
   */
  OUTBOX_LINGER_MS: z.coerce.number().int().min(0).max(1_000).default(10),
  /** Consumer group suffix; tests use it to get a group of their own. */
  KAFKA_GROUP_SUFFIX: z.string().default(''),
  /**
   * How long the broker holds a consumer's fetch while fewer than KAFKA_FETCH_MIN_BYTES of events are waiting, in
   * milliseconds: the most an event waits for its consumer when traffic is thin, and how often an idle consumer asks
   * (see FETCH_MAX_WAIT_MS).
   */
  KAFKA_FETCH_MAX_WAIT_MS: z.coerce.number().int().min(1).max(5_000).optional(),
  /** How many bytes of events a consumer's fetch waits for (up to KAFKA_FETCH_MAX_WAIT_MS) before the broker answers. */
  KAFKA_FETCH_MIN_BYTES: z.coerce.number().int().min(1).max(1_048_576).default(10_000),
  /** The identity provider's issuer URL, exactly as its tokens' `iss` says; its discovery document gives the keys. */
  TERTIAL_OIDC_ISSUER: z.url({ error: 'ska vara utgivarens URL, t.ex. https://login.microsoftonline.com/<tenant>/v2.0' }),
  /** The audience Tertial's access tokens are issued for. */
  TERTIAL_OIDC_AUDIENCE: z.string().min(1).default(TERTIAL_API_AUDIENCE),
  /** The access token's JOSE `typ` header (RFC 9068 `at+jwt`; Entra ID v2 writes `JWT`); empty: not checked. */
  TERTIAL_OIDC_TOKEN_TYP: z.string().default('at+jwt'),
  /** Claim names in the access token: roles, organisation node kods, display name. */
  TERTIAL_OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  TERTIAL_OIDC_ORG_CLAIM: z.string().min(1).default('tertial_org'),
  TERTIAL_OIDC_NAME_CLAIM: z.string().min(1).default('name'),
  /** The one browser origin allowed to call the API cross-origin (CORS); unset: same origin only, through the gateway. */
  TERTIAL_ALLOWED_ORIGIN: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
  /**
   * `ja`: this instance rebuilds its database from the event log (`npx tertial rebuild`): it reads every topic from the
   * beginning into an empty database, and writes no dead letters (the running instance wrote them already).
   */
  TERTIAL_REBUILD: z.enum(['ja', 'nej']).default('nej'),
  /** With TERTIAL_REBUILD: only the events that occurred up to this moment are applied; the later ones are passed over. */
  TERTIAL_REBUILD_TILL: z.preprocess((value) => (value === '' ? undefined : value), z.iso.datetime({ offset: true }).optional()),
  /** error | warn | log | debug | verbose */
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  /** json (one object per line, for a log collector) | pretty (a compact line per entry); unset: pretty on a terminal, json otherwise. */
  LOG_FORMAT: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['json', 'pretty']).optional()),
});

export interface ServiceConfig {
  readonly service: ServiceName;
  readonly port: number;
  readonly host: string;
  readonly kafkaBrokers: string[];
  readonly kafkaClientId: string;
  readonly kafkaGroupId: string;
  /** KAFKA_FETCH_MAX_WAIT_MS, or the service's default (FETCH_MAX_WAIT_MS). */
  readonly kafkaFetchMaxWaitMs: number;
  /** KAFKA_FETCH_MIN_BYTES. */
  readonly kafkaFetchMinBytes: number;
  readonly database: { readonly kind: 'postgresql'; readonly url: string } | { readonly kind: 'sqlite'; readonly file: string };
  readonly outboxPollMs: number;
  readonly outboxLingerMs: number;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Set when this instance rebuilds its database from the event log; `till` is the moment it rebuilds as of (null: now). */
  readonly rebuild: { readonly till: Date | null } | null;
  readonly logFormat: 'json' | 'pretty';
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    readonly tokenTyp: string | undefined;
    readonly claims: { readonly roller: string; readonly organisation: string; readonly namn: string };
    readonly allowedOrigin: string | undefined;
  };
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
    kafkaBrokers: vars.KAFKA_BROKERS.split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
    kafkaClientId: `tertial-${service}`,
    kafkaGroupId: `tertial-${service}${vars.KAFKA_GROUP_SUFFIX}`,
    kafkaFetchMaxWaitMs: vars.KAFKA_FETCH_MAX_WAIT_MS ?? FETCH_MAX_WAIT_MS[service],
    kafkaFetchMinBytes: vars.KAFKA_FETCH_MIN_BYTES,
    database: vars.DATABASE_URL
      ? { kind: 'postgresql', url: vars.DATABASE_URL }
      : { kind: 'sqlite', file: resolve(vars.TERTIAL_DATA_DIR, `${service}.sqlite`) },
    outboxPollMs: vars.OUTBOX_POLL_MS,
    outboxLingerMs: vars.OUTBOX_LINGER_MS,
    logLevel: vars.LOG_LEVEL,
    rebuild: vars.TERTIAL_REBUILD === 'ja' ? { till: vars.TERTIAL_REBUILD_TILL ? new Date(vars.TERTIAL_REBUILD_TILL) : null } : null,
    logFormat: vars.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    auth: {
      issuer: vars.TERTIAL_OIDC_ISSUER,
      audience: vars.TERTIAL_OIDC_AUDIENCE,
      tokenTyp: vars.TERTIAL_OIDC_TOKEN_TYP || undefined,
      claims: { roller: vars.TERTIAL_OIDC_ROLES_CLAIM, organisation: vars.TERTIAL_OIDC_ORG_CLAIM, namn: vars.TERTIAL_OIDC_NAME_CLAIM },
      allowedOrigin: vars.TERTIAL_ALLOWED_ORIGIN,
    },
  };
}
