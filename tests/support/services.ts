import { setTimeout as sleep } from 'node:timers/promises';

import type { ServiceName } from '@tertial/contracts/services';

import { startService } from '../../infra/scripts/lib/stack.mjs';

export const ROOT = new URL('../..', import.meta.url).pathname;

export interface RunningService {
  readonly name: ServiceName;
  readonly url: string;
  readonly pid: number;
  /** Stops the process; SIGKILL simulates a crash, SIGTERM a clean shutdown. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServiceOptions {
  readonly port: number;
  readonly kafkaBrokers: string;
  readonly databaseUrl: string;
  readonly groupSuffix: string;
  readonly logName?: string;
  /** The issuer whose access tokens the service accepts (the local provider in the tests' gateway). */
  readonly oidcIssuer: string;
}

/** Starts a built service as its own process, the way `npm start` does, and waits until /health is up. */
export async function startServiceProcess(name: ServiceName, options: ServiceOptions): Promise<RunningService> {
  const service = await startService(ROOT, name, {
    port: options.port,
    logName: options.logName ?? `test-${name}`,
    oidcIssuer: options.oidcIssuer,
    env: {
      KAFKA_BROKERS: options.kafkaBrokers,
      DATABASE_URL: options.databaseUrl,
      KAFKA_GROUP_SUFFIX: options.groupSuffix,
      OUTBOX_POLL_MS: '200',
    },
  });
  return {
    name,
    url: service.url,
    pid: service.pid,
    async stop(signal = 'SIGTERM') {
      if (signal === 'SIGTERM') return service.stop();
      process.kill(service.pid, signal);
      await service.exited;
    },
  };
}

/** Polls until `probe` returns a value that `accept` likes; the last value is in the error when it never does. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await sleep(150);
  }
  throw new Error(`villkoret uppfylldes inte inom ${timeoutMs} ms; senast: ${JSON.stringify(last) ?? String(lastError)}`);
}
