// Starts the product's own processes: the four services and the gateway in front of them. Shared by
// `npm start` and the benchmark; the tests start theirs from tests/support with the same conventions.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The service list, their ports and the API's audience come from the built contracts package: import this
// module after the build (start.mjs does).
import { TERTIAL_API_AUDIENCE } from '@tertial/contracts/access';
import { SERVICE_NAMES, SERVICE_PORT_BASE, servicePorts as portsFrom } from '@tertial/contracts/services';

import { waitForHttp } from './process.mjs';
import { serviceV8Options } from './v8-options.mjs';

export const SERVICES = SERVICE_NAMES;

/** Service ports: goals 3101, budget 3102, forecast 3103, report 3104 unless TERTIAL_SERVICE_PORT_BASE moves them. */
export function servicePorts(base = Number(process.env.TERTIAL_SERVICE_PORT_BASE || SERVICE_PORT_BASE)) {
  return portsFrom(base);
}

/**
 * Replicas (TERTIAL_REPLIKER): the first is the service as it always was (its name, its port); replica n is
 * `<service>-<n>` on the service's port + 10 × (n − 1), e.g. forecast-2 on 3113.
 */
export function replicaName(name, replica) {
  return replica === 1 ? name : `${name}-${replica}`;
}
export function replicaPort(port, replica) {
  return port + 10 * (replica - 1);
}

/**
 * Starts one service as its own Node process with its output in .tertial/logs/<name>.log, and resolves
 * when its /health answers 200 (database and Kafka both up). `oidcIssuer` is the issuer whose access tokens
 * the service accepts (TERTIAL_OIDC_ISSUER, audience TERTIAL_API_AUDIENCE); it fetches the issuer's keys on its
 * first request, so the issuer need not be up yet. A start that fails (or that `signal` cancels) leaves no process.
 * Resolves to `{ name, url, pid, exited, ended, stop }`: `exited` resolves to the exit code, `ended` to `{ code, signal }`.
 */
export async function startService(root, name, { port, env, logName = name, oidcIssuer, signal = undefined }) {
  const logDir = join(root, '.tertial/logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${logName}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  // A bounded heap: Node otherwise grows it freely on a big machine and keeps what it grew.
  const heapMb = process.env.TERTIAL_SERVICE_HEAP_MB || '256';
  const child = spawn(
    process.execPath,
    [
      '--disable-warning=TimeoutNegativeWarning',
      `--max-old-space-size=${heapMb}`,
      '--max-semi-space-size=8',
      ...serviceV8Options(name),
      // TERTIAL_CPU_PROF_DIR: each service writes a CPU profile (.cpuprofile) there when it stops, to find where time goes.
      ...(process.env.TERTIAL_CPU_PROF_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.TERTIAL_CPU_PROF_DIR}`, `--cpu-prof-name=${name}.cpuprofile`]
        : []),
      join(root, `apps/${name}/dist/main.js`),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        ...(oidcIssuer ? { TERTIAL_OIDC_ISSUER: oidcIssuer, TERTIAL_OIDC_AUDIENCE: TERTIAL_API_AUDIENCE } : {}),
        ...env,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Out of the terminal's process group: Ctrl-C goes to the start script, which stops services in order.
      detached: true,
    },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return readyOrKilled(child, {
    name,
    url: `http://127.0.0.1:${port}/api/${name}`,
    healthUrl: `http://127.0.0.1:${port}/api/${name}/health`,
    logFile,
    signal,
  });
}

/**
 * Starts the gateway (infra/gateway/server.mjs) as its own process, so that it too can die and be restarted without
 * taking the rest along. `oidc` is `{ issuer }` for the city's provider or `{ local: true, publicUrl, signingKey }`
 * for the local demo provider; `signingKey` (a private JWK) lets a restarted gateway sign with the same key, so the
 * tokens handed out before stay valid. Resolves, once `/konfiguration.json` answers, like startService.
 */
export async function startGatewayProcess(root, { port, host, services, staticDir, oidc, signal }) {
  const logFile = join(root, '.tertial/logs/gateway.log');
  mkdirSync(join(root, '.tertial/logs'), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  const env = {
    ...process.env,
    TERTIAL_PORT: String(port),
    TERTIAL_HOST: host,
    TERTIAL_STATIC_DIR: staticDir,
    // A service's replicas as one comma-separated list, which the gateway takes in turn.
    ...Object.fromEntries(Object.entries(services).map(([name, url]) => [`${name.toUpperCase()}_URL`, [url].flat().join(',')])),
    TERTIAL_OIDC_ISSUER: oidc.local ? '' : oidc.issuer,
    TERTIAL_DEMO_LOGIN: oidc.local ? '1' : '',
    ...(oidc.local ? { TERTIAL_OIDC_PUBLIC_URL: oidc.publicUrl } : {}),
    ...(oidc.signingKey ? { TERTIAL_OIDC_SIGNING_KEY: JSON.stringify(oidc.signingKey) } : {}),
  };
  // TERTIAL_CPU_PROF_DIR: the gateway writes gateway.cpuprofile there when it stops, as the services do.
  const profile = process.env.TERTIAL_CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.TERTIAL_CPU_PROF_DIR}`, '--cpu-prof-name=gateway.cpuprofile']
    : [];
  const child = spawn(process.execPath, [...profile, join(root, 'infra/gateway/server.mjs')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${port}`;
  return readyOrKilled(child, { name: 'gateway', url, healthUrl: `${url}/konfiguration.json`, logFile, signal });
}

/**
 * Waits until the child answers on `healthUrl`; if it ends first, does not answer in time or `signal` aborts, it is killed and the start fails.
 * @param {import('node:child_process').ChildProcess} child
 * @param {{ name: string, url: string, healthUrl: string, logFile: string, signal?: AbortSignal }} options
 * @returns {Promise<{ name: string, url: string, pid: number, exited: Promise<number | null>,
 *   ended: Promise<{ code: number | null, signal: NodeJS.Signals | null }>, stop(): Promise<void> }>}
 */
async function readyOrKilled(child, { name, url, healthUrl, logFile, signal }) {
  const ended = new Promise((resolve) => child.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal })));
  const exited = ended.then(({ code }) => code);
  const stopWith = async (how) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(how);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await ended;
    clearTimeout(timer);
  };
  const gaveUp = new AbortController();
  try {
    await Promise.race([
      // 10 min: a first start loads the demo city before it answers, and with other stacks on the 2-core machine (load
      // average 25–37) the budget service's took more than 3 min (2026-12-02). A process that dies meanwhile ends the wait.
      waitForHttp(healthUrl, 600_000, { signal: signal ? AbortSignal.any([signal, gaveUp.signal]) : gaveUp.signal }),
      ended.then(({ code, signal: exitSignal }) => {
        throw new Error(`${name} stopped while starting (${exitSignal ?? `exit ${code}`}); the end of ${logFile}:\n${tail(logFile)}`);
      }),
    ]);
  } catch (error) {
    gaveUp.abort();
    await stopWith('SIGKILL');
    throw error;
  }
  return {
    name,
    url,
    pid: /** @type {number} */ (child.pid),
    exited,
    ended,
    stop: () => stopWith('SIGTERM'),
  };
}

export function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
