import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { ServiceName } from '@tertial/contracts';

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
}

/** Starts a built service (`apps/<name>/dist/main.js`) as its own process and waits until /health is up. */
export async function startServiceProcess(name: ServiceName, options: ServiceOptions): Promise<RunningService> {
  const logDir = join(ROOT, '.tertial/logs');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${options.logName ?? `test-${name}`}.log`), { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, `apps/${name}/dist/main.js`)], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port),
      KAFKA_BROKERS: options.kafkaBrokers,
      DATABASE_URL: options.databaseUrl,
      KAFKA_GROUP_SUFFIX: options.groupSuffix,
      OUTBOX_POLL_MS: '200',
      LOG_LEVEL: 'log',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}/api/${name}`;
  await Promise.race([
    waitForHealthy(url),
    exited.then(() => {
      throw new Error(`${name} avslutades under starten; se .tertial/logs/${options.logName ?? `test-${name}`}.log`);
    }),
  ]);
  return {
    name,
    url,
    pid: child.pid ?? -1,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

export async function waitForHealthy(serviceUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'inget svar';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${serviceUrl}/health`);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await sleep(250);
  }
  throw new Error(`${serviceUrl} blev inte frisk inom ${timeoutMs} ms: ${last}`);
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
