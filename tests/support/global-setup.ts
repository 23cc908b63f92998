import { join } from 'node:path';

import type { ServiceName } from '@tertial/contracts';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

import { ALLA_ANSVAR } from './demo.js';
import { eventually, ROOT, startServiceProcess, type RunningService } from './services.js';

export interface Stack {
  readonly gatewayUrl: string;
  readonly services: Record<ServiceName, string>;
  readonly kafkaBrokers: string;
  readonly postgresUrl: string;
  readonly groupSuffix: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: Stack;
  }
}

const SERVICES: ServiceName[] = ['budget', 'goals', 'forecast', 'report'];
const TEST_PORTS: Record<ServiceName, number> = { goals: 3201, budget: 3202, forecast: 3203, report: 3204 };
const GATEWAY_PORT = 8180;

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
      const databaseUrl = await freshDatabase(postgresUrl, `test_${name}`);
      const service = await startServiceProcess(name, { port: TEST_PORTS[name], kafkaBrokers, databaseUrl, groupSuffix });
      running.push(service);
      services[name] = `http://127.0.0.1:${TEST_PORTS[name]}`;
    }
    const { startGateway } = (await import(join(ROOT, 'infra/gateway/server.mjs'))) as typeof import('../../infra/gateway/server.mjs');
    const started = await startGateway({ port: GATEWAY_PORT, staticDir: join(ROOT, 'apps/dashboard/dist'), services });
    gateway = started;
    // The organisation reaches forecast and report as events from budget; wait until both have all of it.
    await eventually(
      async () => {
        const [ansvar, totaler] = await Promise.all([
          fetch(`${services.forecast}/api/forecast/ansvar`).then((r) => r.json() as Promise<unknown[]>),
          fetch(`${services.report}/api/report/prognos-totaler?ar=2026&tillfalle=augusti`).then((r) => r.json() as Promise<{ stad: { antalAnsvar: number } }>),
        ]);
        return ansvar.length === ALLA_ANSVAR.length && totaler.stad.antalAnsvar === ALLA_ANSVAR.length;
      },
      Boolean,
      120_000,
    );
    project.provide('stack', { gatewayUrl: started.url, services, kafkaBrokers, postgresUrl, groupSuffix });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
