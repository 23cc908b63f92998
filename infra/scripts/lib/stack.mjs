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

export const SERVICES = SERVICE_NAMES;

/** Service ports: goals 3101, budget 3102, forecast 3103, report 3104 unless TERTIAL_SERVICE_PORT_BASE moves them. */
export function servicePorts(base = Number(process.env.TERTIAL_SERVICE_PORT_BASE || SERVICE_PORT_BASE)) {
  return portsFrom(base);
}

/**
 * Starts one service as its own Node process with its output in .tertial/logs/<name>.log, and resolves
 * when its /health answers 200 (database and Kafka both up). `oidcIssuer` is the issuer whose access tokens
 * the service accepts (TERTIAL_OIDC_ISSUER, audience TERTIAL_API_AUDIENCE); it fetches the issuer's keys on its
 * first request, so the issuer need not be up yet.
 */
export async function startService(root, name, { port, env, logName = name, oidcIssuer }) {
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
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}/api/${name}`;
  await Promise.race([
    waitForHttp(`${url}/health`, 90_000),
    exited.then((code) => {
      throw new Error(`${name} stopped while starting (exit ${code}); the end of ${logFile}:\n${tail(logFile)}`);
    }),
  ]);
  return {
    name,
    url,
    pid: child.pid,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
