// `npm run bench`: the product's speed and memory figures, printed and written to bench-results/*.json.
// Figures, not pass/fail: the targets are printed beside them for a person to judge.
//  - startup: time from `npm start` to ready on a prepared machine (dependencies installed, builds cached,
//    the broker's jars assembled), once with an empty data folder and once reusing it;
//  - memory: each service's resident set size after start, and the broker's heap limit and RSS.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { createLog, run } from './lib/process.mjs';

const root = resolve(import.meta.dirname, '../..');
const log = createLog('bench');
const PORT = 8380;
const env = {
  TERTIAL_PORT: String(PORT),
  TERTIAL_SERVICE_PORT_BASE: '3300',
  TERTIAL_KAFKA_INSTANCE: 'kafka-bench',
  KAFKA_PORT: '19292',
  KAFKA_CONTROLLER_PORT: '19293',
  TERTIAL_DATA_DIR: join(root, '.tertial/bench/data'),
};

/** Kilobytes of resident memory of a process, from /proc. */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

function heapLimitMb(pid) {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const xmx = args.find((arg) => arg.startsWith('-Xmx'));
  return xmx ? Number(/-Xmx(\d+)m/.exec(xmx)?.[1]) : null;
}

/** Runs `npm start` until it says it is ready; measures, then stops it with Ctrl-C as a person would. */
async function measureStart(label) {
  const started = performance.now();
  // Its own process group, so that the Ctrl-C reaches npm and everything under it, as in a terminal.
  const child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((done) => child.once('exit', done));
  while (!output.includes('Tertial är igång')) {
    if (child.exitCode !== null) throw new Error(`npm start failed:\n${output}`);
    if (performance.now() - started > 300_000) throw new Error(`npm start was not ready within 300 s:\n${output}`);
    await sleep(50);
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  await sleep(3_000); // let the services settle after the demo data before reading their memory
  const state = JSON.parse(readFileSync(join(root, `.tertial/run/start-${PORT}.json`), 'utf8'));
  const memory = Object.fromEntries(Object.entries(state.pids).map(([name, pid]) => [name, rssMb(pid)]));
  const kafka = state.kafkaPid ? { heapLimitMb: heapLimitMb(state.kafkaPid), rssMb: rssMb(state.kafkaPid) } : null;
  process.kill(-child.pid, 'SIGINT');
  await exited;
  log(`${label}: ready in ${seconds} s`);
  return { label, readySeconds: seconds, serviceRssMb: memory, kafka };
}

log('preparing: dependencies and builds (not measured)');
await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], { cwd: root, env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
rmSync(env.TERTIAL_DATA_DIR, { recursive: true, force: true });

const firstStart = await measureStart('first start, empty data folder');
const secondStart = await measureStart('second start, data folder reused');

const results = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  targets: { readySeconds: 60, serviceRssMb: 200, kafkaHeapLimitMb: 512 },
  startup: [firstStart, secondStart],
};
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/startup.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log('\nTertial benchmark (targets: ready < 60 s, each service < 200 MB RSS, broker heap <= 512 MB)\n');
console.table(
  results.startup.map((run) => ({
    start: run.label,
    'ready (s)': run.readySeconds,
    ...Object.fromEntries(Object.entries(run.serviceRssMb).map(([name, mb]) => [`${name} RSS (MB)`, mb])),
    'Kafka heap limit (MB)': run.kafka?.heapLimitMb ?? 'not ours',
    'Kafka RSS (MB)': run.kafka?.rssMb ?? 'not ours',
  })),
);
console.log('written to bench-results/startup.json');
