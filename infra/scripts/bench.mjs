// `npm run bench`: the product's speed and memory figures, printed and written to bench-results/*.json.
// Figures, not pass/fail: the targets are printed beside them for a person to judge.
//  - startup: time from `npm start` to ready on a prepared machine (dependencies installed, builds cached,
//    the broker's jars assembled), once with an empty data folder and once reusing it;
//  - memory: each service's resident set size after start, and the broker's heap limit and RSS;
//  - utfall import: a SIE 4 file of about 500,000 #TRANS rows over the demo city, uploaded to the budget
//    service of the running product: rows per second, and the budget service's peak memory.
import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

import { skrivDemoSie } from './lib/demo-sie.mjs';
import { createLog, run } from './lib/process.mjs';
import { bearer, tokenSource } from './lib/tokens.mjs';

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

/** Uploads the SIE file to the running budget service and samples its memory while it imports. */
async function measureImport(state, file) {
  const pid = state.pids.budget;
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  const started = performance.now();
  const auth = await bearer(tokenSource(state.oidcIssuer), 'ekonomidirektor');
  const response = await fetch(`${state.url}/api/budget/utfall/import?filnamn=bench.se`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...auth },
    body: Readable.toWeb(createReadStream(file, { highWaterMark: 1024 * 1024 })),
    duplex: 'half',
  });
  const resultat = await response.json();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (resultat.status !== 'importerad') throw new Error(`the import was not stored: ${JSON.stringify(resultat).slice(0, 500)}`);
  const trans = resultat.poster.trans;
  log(`utfall import: ${trans} #TRANS in ${seconds.toFixed(1)} s`);
  return {
    transRows: trans,
    utfallRows: resultat.antalUtfallsrader,
    fileMb: Math.round(statSync(file).size / 1e5) / 10,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(trans / seconds),
    budgetPeakRssMb: peak,
  };
}

async function waitForDemoForecasts({ url, oidcIssuer }, started) {
  const ar = new Date().getFullYear();
  const tillfalle = new Date().getMonth() >= 8 ? 'augusti' : 'april';
  const token = tokenSource(oidcIssuer);
  for (;;) {
    const totaler = await (
      await fetch(`${url}/api/report/prognos-totaler?ar=${ar}&tillfalle=${tillfalle}`, { headers: await bearer(token, 'ekonomidirektor') })
    ).json();
    if (totaler.stad.antalAnsvar > 0 && totaler.stad.antalLamnade === totaler.stad.antalAnsvar)
      return Math.round((performance.now() - started) / 100) / 10;
    if (performance.now() - started > 300_000) throw new Error('the demo forecasts did not all arrive within 300 s');
    await sleep(500);
  }
}

/** Runs `npm start` until it says it is ready; measures, then stops it with Ctrl-C as a person would. */
async function measureStart(label, { whileRunning } = {}) {
  const started = performance.now();
  // Its own process group, so that the Ctrl-C reaches npm and everything under it, as in a terminal.
  const child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid === undefined) throw new Error('npm start could not be run');
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
  const state = JSON.parse(readFileSync(join(root, `.tertial/run/start-${PORT}.json`), 'utf8'));
  // The demo forecasts go in after the URL is printed; memory is read once they are all in the city total.
  const demoSeconds = await waitForDemoForecasts(state, started);
  await sleep(3_000);
  const memory = Object.fromEntries(Object.entries(state.pids).map(([name, pid]) => [name, rssMb(pid)]));
  const kafka = state.kafkaPid ? { heapLimitMb: heapLimitMb(state.kafkaPid), rssMb: rssMb(state.kafkaPid) } : null;
  log(`${label}: ready in ${seconds} s, demo forecasts in the city total after ${demoSeconds} s`);
  const extra = whileRunning ? await whileRunning(state) : undefined;
  process.kill(-child.pid, 'SIGINT');
  await exited;
  return { label, readySeconds: seconds, demoForecastsSeconds: demoSeconds, serviceRssMb: memory, kafka, extra };
}

log('preparing: dependencies and builds (not measured)');
await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], {
  cwd: root,
  env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
});
rmSync(env.TERTIAL_DATA_DIR, { recursive: true, force: true });

const sieFile = await skrivDemoSie(join(root, '.tertial/bench/utfall-500k.se'), { transRader: 500_000 });
const firstStart = await measureStart('first start, empty data folder');
const secondStart = await measureStart('second start, data folder reused', { whileRunning: (state) => measureImport(state, sieFile) });
const utfallImport = secondStart.extra;
delete secondStart.extra;
delete firstStart.extra;

const results = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  targets: { readySeconds: 60, serviceRssMb: 200, kafkaHeapLimitMb: 512, importSeconds: 10, importPeakRssMb: 300 },
  startup: [firstStart, secondStart],
  utfallImport,
};
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/startup.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log('\nTertial benchmark (targets: ready < 60 s, each service < 200 MB RSS, broker heap <= 512 MB)\n');
console.table(
  results.startup.map((run) => ({
    start: run.label,
    'ready (s)': run.readySeconds,
    'demo forecasts in (s)': run.demoForecastsSeconds,
    ...Object.fromEntries(Object.entries(run.serviceRssMb).map(([name, mb]) => [`${name} RSS (MB)`, mb])),
    'Kafka heap limit (MB)': run.kafka?.heapLimitMb ?? 'not ours',
    'Kafka RSS (MB)': run.kafka?.rssMb ?? 'not ours',
  })),
);
console.log('\nUtfall import (targets: under 10 s and under 300 MB for about 500,000 #TRANS rows)\n');
console.table([utfallImport]);
console.log('written to bench-results/startup.json');
