import { join } from 'node:path';

import { SERVICE_NAMES, servicePorts, type ServiceName } from '@tertial/contracts/services';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

import { ALLA_ANSVAR } from './demo.js';
import { eventually, ROOT, startServiceProcess, type RunningService } from './services.js';
import { bearer } from './tokens.js';

export interface Stack {
  readonly gatewayUrl: string;
  readonly services: Record<ServiceName, string>;
  readonly kafkaBrokers: string;
  readonly postgresUrl: string;
  readonly groupSuffix: string;
  /** The local demo provider in the gateway: `token(anvandare)` in tokens.ts signs in there. */
  readonly oidcIssuer: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: Stack;
  }
}

// Budget first: it publishes the organisation the others replicate.
const SERVICES: ServiceName[] = ['budget', ...SERVICE_NAMES.filter((name) => name !== 'budget')];
/**
 * Two test runs on one machine (two work trees) each set their own `TERTIAL_TEST_SLOT` (0–9): ports and
 * database names move with it, so neither run disturbs the other. `npm test` alone uses slot 0.
 */
export const TEST_SLOT = Number(process.env.TERTIAL_TEST_SLOT || 0);
/** A port of the tests' own, moved by the slot. */
export const testPort = (base: number): number => base + TEST_SLOT * 20;
/** A database name of the tests' own, moved by the slot. */
export const testDatabase = (name: string): string => (TEST_SLOT ? `${name}_s${TEST_SLOT}` : name);
/** The services' ports in the tests: goals 3201 … report 3204, moved by the slot. */
const TEST_PORTS = servicePorts(testPort(3200));
const GATEWAY_PORT = 8180 + TEST_SLOT;
/**
 * The gateway's URL, the one the browser tests open, and so the local provider's issuer: the services accept
 * tokens whose `iss` is exactly this, and fetch its keys on their first request (the gateway starts after them).
 */
const GATEWAY_URL = `http://127.0.0.1:${GATEWAY_PORT}`;
const OIDC_ISSUER = `${GATEWAY_URL}/oidc`;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} saknas: kör testerna med \`npm test\`, som startar Kafka och PostgreSQL`);
  return value;
}

/** Creates an empty database, dropping one left by an earlier run. */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  return `${serverUrl}/${name}`;
}

/** The PostgreSQL server `npm test` started, for a test that makes databases of its own (`freshDatabase`). */
export function postgresServer(): string {
  const url = process.env.TERTIAL_TEST_PG_URL;
  if (!url) throw new Error('TERTIAL_TEST_PG_URL saknas: kör testerna med `npm test`, som startar PostgreSQL');
  return url;
}

/**
 * Starts the whole product against the real broker and PostgreSQL that `npm test` prepared: the four
 * services as their own processes, each with a fresh database, and the gateway with the built dashboard.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kafkaBrokers = required('TERTIAL_TEST_KAFKA_BROKERS');
  const postgresUrl = required('TERTIAL_TEST_PG_URL');
  const groupSuffix = `-test-${Date.now()}`;
  const running: RunningService[] = [];
  let gateway: { close(): Promise<void> } | undefined;
  const teardown = async () => {
    await gateway?.close();
    await Promise.all(running.map((service) => service.stop('SIGTERM')));
  };
  try {
    const services = {} as Record<ServiceName, string>;
    for (const name of SERVICES) {
      const databaseUrl = await freshDatabase(postgresUrl, testDatabase(`test_${name}`));
      const service = await startServiceProcess(name, {
        port: TEST_PORTS[name],
        kafkaBrokers,
        databaseUrl,
        groupSuffix,
        oidcIssuer: OIDC_ISSUER,
      });
      running.push(service);
      services[name] = `http://127.0.0.1:${TEST_PORTS[name]}`;
    }
    const { startGateway } = (await import(join(ROOT, 'infra/gateway/server.mjs'))) as typeof import('../../infra/gateway/server.mjs');
    const started = await startGateway({
      port: GATEWAY_PORT,
      staticDir: join(ROOT, 'apps/dashboard/dist'),
      services,
      oidc: { local: true, publicUrl: GATEWAY_URL },
    });
    gateway = started;
    if (started.issuer !== OIDC_ISSUER) throw new Error(`the gateway's issuer is ${started.issuer}, the services expect ${OIDC_ISSUER}`);
    const auth = await bearer('ekonomidirektor', OIDC_ISSUER);
    // The organisation reaches forecast and report as events from budget; wait until both have all of it. The report
    // service reads every ansvar's budget at the same time, which on a busy machine can take it past two minutes.
    await eventually(
      async () => {
        const [ansvar, totaler] = await Promise.all([
          fetch(`${services.forecast}/api/forecast/ansvar`, { headers: auth }).then((r) => r.json() as Promise<unknown[]>),
          fetch(`${services.report}/api/report/prognos-totaler?ar=2026&tillfalle=augusti`, { headers: auth }).then(
            (r) => r.json() as Promise<{ stad: { antalAnsvar: number } }>,
          ),
        ]);
        return ansvar.length === ALLA_ANSVAR.length && totaler.stad.antalAnsvar === ALLA_ANSVAR.length;
      },
      Boolean,
      // Forecast and report also take every ansvar's budget from budget's events at start: on a busy two-core machine it takes minutes.
      300_000,
    );
    project.provide('stack', { gatewayUrl: started.url, services, kafkaBrokers, postgresUrl, groupSuffix, oidcIssuer: OIDC_ISSUER });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
