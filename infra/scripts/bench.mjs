// `npm run bench`: the product's speed and memory figures, printed and written to bench-results/*.json.
// Figures, not pass/fail: the targets are printed beside them for a person to judge.
//  - startup: time from `npm start` to ready on a prepared machine (dependencies installed, builds cached,
//    the broker's jars assembled), once with an empty data folder and once reusing it;
//  - memory: each service's resident set size after start, and the broker's heap limit and RSS;
//  - utfall import: a SIE 4 file of about 500,000 #TRANS rows over the demo city, uploaded to the budget
//    service of the running product: rows per second, and the budget service's peak memory;
//  - the whole-city forecast round: every ansvar's forecast saved by its chef through the API, 50 clients at a time,
//    on the demo city of a start from an empty data folder, once it has loaded;
//    submissions and lines per second, submit-to-visible p50/p95/p99, the whole round visible, and the raw Kafka
//    ceiling (kafkajs, ProducerPerformance) on the same broker;
//  - consolidated view: the ekonomidirektör's overview of the full demo city (GET /api/report/oversikt),
//    p50/p95/p99 over 200 requests through the gateway;
//  - first load: the JavaScript the dashboard transfers on first load (bytes over the wire) and the time until
//    the city page shows its figures, in Debian's Chromium, with the share of each library in that JavaScript;
//  - the exports: the demo year's delårsrapport augusti as PDF, XLSX and DOCX (time, the report service's peak memory).
//
//   npm run bench                  all of it (several minutes)
//   npm run bench -- --first-load  only the first load: one start, the browser, and bench-results/first-load.json
//   npm run bench -- --rapportexport [--rapport R --ar YEAR --version N]  only a report of the demo city exported as
//                                  PDF, XLSX and DOCX by the running report service (time, the service's peak
//                                  memory): bench-results/rapportexport.json
//   npm run bench -- --oversikt    only the ekonomidirektör's consolidated view: p50/p95 over 200 requests,
//                                  bench-results/oversikt.json
//   npm run bench -- --prognosomgang  only the whole-city forecast round and its raw Kafka ceiling:
//                                  bench-results/prognosomgang.json
//
// Ports and the broker honour the same variables as `npm start` (TERTIAL_PORT, TERTIAL_SERVICE_PORT_BASE,
// KAFKA_PORT, KAFKA_CONTROLLER_PORT, TERTIAL_KAFKA_INSTANCE), with defaults of the bench's own.
import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

import { dashboardComposition, stem } from './lib/bundle-share.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { skrivDemoSie } from './lib/demo-sie.mjs';
import { measureFirstLoad } from './lib/first-load.mjs';
import { kafkajsCeiling, producerPerformance } from './lib/kafka-ceiling.mjs';
import { ensureKafkaTools } from './lib/kafka.mjs';
import { measureRound } from './lib/prognosomgang-bench.mjs';
import { measureExports } from './lib/export-bench.mjs';
import { measureOversikt } from './lib/oversikt-bench.mjs';
import { createLog, run } from './lib/process.mjs';
import { bearer, tokenSource } from './lib/tokens.mjs';

const root = resolve(import.meta.dirname, '../..');
const log = createLog('bench');
const onlyFirstLoad = process.argv.includes('--first-load');
const onlyRound = process.argv.includes('--prognosomgang');
const onlyExports = process.argv.includes('--rapportexport');
const onlyOversikt = process.argv.includes('--oversikt');
const PORT = Number(process.env.TERTIAL_PORT || 8380);
const env = {
  TERTIAL_PORT: String(PORT),
  TERTIAL_SERVICE_PORT_BASE: process.env.TERTIAL_SERVICE_PORT_BASE || '3300',
  TERTIAL_KAFKA_INSTANCE: process.env.TERTIAL_KAFKA_INSTANCE || 'kafka-bench',
  KAFKA_PORT: process.env.KAFKA_PORT || '19292',
  KAFKA_CONTROLLER_PORT: process.env.KAFKA_CONTROLLER_PORT || '19293',
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

/** One forecast line per kontogrupp a chef fills in: the size of a helårsprognos event on the wire. */
const KONTOGRUPPER_PER_PROGNOS = 6;

/** A forecast event as the outbox writes it (envelope and payload), for the raw ceiling's messages. */
function prognosMeddelande() {
  const kontogrupper = ['intakter', 'personalkostnader', 'lokalkostnader', 'kop-av-verksamhet', 'ovriga-kostnader', 'kapitalkostnader'];
  return JSON.stringify({
    id: '0b0e8f2e-6d0c-4b5e-9a51-2b9d8a1f3c11',
    type: 'forecast.helarsprognos-andrad',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    producer: 'forecast',
    correlationId: 'bench',
    payload: {
      prognosId: '6f1c2a1e-8a0b-4d7e-9c4b-0f6c1e2d3a4b',
      ansvar: '16101',
      ar: 2026,
      tillfalle: 'augusti',
      version: 1,
      andring: 1,
      status: 'klarmarkerad',
      rader: kontogrupper.map((kontogrupp, index) => ({ kontogrupp, beloppOre: 1_234_567_89 + index })),
      kommentar: null,
      beslutskommentar: null,
      andradAv: { id: 'mirela.lindberg', namn: 'Mirela Lindberg' },
      andradAt: new Date().toISOString(),
    },
  });
}

/**
 * The raw ceiling of the whole-city round on the running product's broker: kafkajs producing and consuming
 * `count` forecast-sized messages with no service in between, and Kafka's own ProducerPerformance.
 */
async function measureCeiling(count) {
  const brokers = [`127.0.0.1:${env.KAFKA_PORT}`];
  const payload = prognosMeddelande();
  const kafkajs = await kafkajsCeiling({ brokers, count, payload });
  log(`raw ceiling, kafkajs: ${count} messages produced and consumed in ${kafkajs.seconds.toFixed(2)} s (${kafkajs.messagesPerSecond}/s)`);
  const libs = await ensureKafkaTools({ root, log });
  const java = await producerPerformance({ libs, brokers, records: count, recordBytes: Buffer.byteLength(payload) });
  log(`raw ceiling, ProducerPerformance: ${java.records} records, ${java.recordsPerSecond}/s, p95 ${java.p95Ms} ms`);
  return {
    messages: count,
    messageBytes: Buffer.byteLength(payload),
    kafkajs: { ...kafkajs, linesPerSecond: kafkajs.messagesPerSecond * KONTOGRUPPER_PER_PROGNOS },
    producerPerformance: { ...java, linesPerSecond: Math.round(java.recordsPerSecond * KONTOGRUPPER_PER_PROGNOS) },
  };
}

function printCeiling(ceiling) {
  console.log(`\nRaw ceiling on the same broker: ${ceiling.messages} messages of ${ceiling.messageBytes} bytes (a forecast event)\n`);
  console.table([
    {
      client: 'kafkajs, produce and consume',
      'messages/s': ceiling.kafkajs.messagesPerSecond,
      'forecast lines/s': ceiling.kafkajs.linesPerSecond,
      'time (s)': Math.round(ceiling.kafkajs.seconds * 100) / 100,
    },
    {
      client: 'ProducerPerformance (Java), produce',
      'messages/s': ceiling.producerPerformance.recordsPerSecond,
      'forecast lines/s': ceiling.producerPerformance.linesPerSecond,
      'p95 (ms)': ceiling.producerPerformance.p95Ms,
    },
  ]);
}

/** The year and tillfälle the demo forecasts are for (lib/demo-data.mjs). */
const DEMO_AR = new Date().getFullYear();
const DEMO_TILLFALLE = new Date().getMonth() >= 8 ? 'augusti' : 'april';

async function waitForDemoForecasts({ url, oidcIssuer }, started, output) {
  const [ar, tillfalle] = [DEMO_AR, DEMO_TILLFALLE];
  const token = tokenSource(oidcIssuer);
  // The demo leaves some ansvar midway (not started, utkast: see demo-data.mjs), so "all arrived" is: npm start has
  // saved every demo forecast, and the city's count of submitted ones no longer moves.
  let forra = -1;
  let stilla = 0;
  for (;;) {
    const response = await fetch(`${url}/api/report/prognos-totaler?ar=${ar}&tillfalle=${tillfalle}`, {
      headers: await bearer(token, 'ekonomidirektor'),
    });
    // The report service may still be catching up with the events of the start: not an answer yet.
    const totaler = response.ok ? await response.json() : undefined;
    const sparade = /demo data: helårsprognoser for .* saved/.test(output()) || /already there/.test(output());
    const lamnade = totaler?.stad.antalLamnade ?? -1;
    stilla = sparade && lamnade > 0 && lamnade === forra ? stilla + 1 : 0;
    forra = lamnade;
    // Unchanged for two seconds after the last save: the time is that of the first of those readings.
    if (stilla >= 4) return Math.round((performance.now() - started - 2_000) / 100) / 10;
    // npm start gave up on them: say why now rather than after 300 s.
    const failed = /demo forecasts failed: .*/.exec(output());
    if (failed) throw new Error(`npm start could not load the demo forecasts (${failed[0]})`);
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
  // Stopped whatever happens, so a start that fails or is slow, or a failed measurement, leaves no broker or service
  // behind on the bench's ports for the next run to find.
  try {
    while (!output.includes('Tertial är igång')) {
      if (child.exitCode !== null) throw new Error(`npm start failed:\n${output}`);
      if (performance.now() - started > 300_000) throw new Error(`npm start was not ready within 300 s:\n${output}`);
      await sleep(50);
    }
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const state = JSON.parse(readFileSync(join(root, `.tertial/run/start-${PORT}.json`), 'utf8'));
    // The demo forecasts go in after the URL is printed; memory is read once they are all in the city total.
    const demoSeconds = await waitForDemoForecasts(state, started, () => output);
    await sleep(3_000);
    const memory = Object.fromEntries(Object.entries(state.pids).map(([name, pid]) => [name, rssMb(pid)]));
    const kafka = state.kafkaPid ? { heapLimitMb: heapLimitMb(state.kafkaPid), rssMb: rssMb(state.kafkaPid) } : null;
    log(`${label}: ready in ${seconds} s, demo forecasts in the city total after ${demoSeconds} s`);
    const extra = whileRunning ? await whileRunning(state) : undefined;
    return { label, readySeconds: seconds, demoForecastsSeconds: demoSeconds, serviceRssMb: memory, kafka, extra };
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGINT');
    await exited;
  }
}

/**
 * The dashboard's first load in the browser, on the running product, and what its JavaScript is made of (a
 * second build of the dashboard with source maps, matched to the files loaded by their names without hash).
 */
async function measureDashboard(state) {
  const executablePath = await ensureChromium({ log: log.child('chromium') });
  // How busy the machine was (1, 5, 15 minute load averages): on a shared machine the times move with it, the bytes do not.
  const loadAverage = (await import('node:os')).loadavg().map((load) => Math.round(load * 10) / 10);
  const firstLoad = await measureFirstLoad({ url: state.url, executablePath, ar: DEMO_AR, tillfalle: DEMO_TILLFALLE });
  const composition = await dashboardComposition(root, join(root, '.tertial/bench/dashboard-sourcemaps'));
  const libraries = {};
  for (const file of firstLoad.javascript.files) {
    const built = composition[stem(file.url)];
    if (!built) continue;
    for (const [group, bytes] of Object.entries(built.groups)) {
      const share = libraries[group] ?? (libraries[group] = { minifiedBytes: 0, transferredBytes: 0 });
      share.minifiedBytes += bytes;
      // Bytes on the wire in proportion to the group's share of the file (compression is roughly even across it).
      share.transferredBytes += Math.round((file.transferredBytes * bytes) / built.bytes);
    }
  }
  log(
    `first load: ${kB(firstLoad.javascript.totalBytes)} kB of JavaScript transferred (${kB(firstLoad.scrolledToChart.totalBytes)} kB more when scrolled to the chart), city page figures after ${firstLoad.cityPageMs.cold} ms`,
  );
  return { ...firstLoad, libraries, loadAverage };
}

const kB = (bytes) => Math.round(bytes / 100) / 10;

function printFirstLoad(firstLoad) {
  console.log('\nDashboard first load (target: under 250 kB of JavaScript transferred)\n');
  console.table(
    firstLoad.javascript.files.map((file) => ({
      file: file.url,
      encoding: file.contentEncoding,
      'transferred (kB)': kB(file.transferredBytes),
      'unpacked (kB)': kB(file.decodedBytes),
    })),
  );
  console.table([
    {
      'JavaScript transferred (kB)': kB(firstLoad.javascript.totalBytes),
      'unpacked (kB)': kB(firstLoad.javascript.totalDecodedBytes),
      'city page figures, empty cache (ms)': firstLoad.cityPageMs.cold,
      'empty cache, 10 Mbit/s 40 ms (ms)': firstLoad.cityPageMs.coldThrottled,
      'warm cache (ms)': firstLoad.cityPageMs.warm,
      'load average (1 min)': firstLoad.loadAverage[0],
      'scrolled to the chart: + (kB)': kB(firstLoad.scrolledToChart.totalBytes),
    },
  ]);
  console.log('What the JavaScript of the first load is made of');
  console.table(
    Object.entries(firstLoad.libraries).map(([group, share]) => ({
      part: group,
      'minified (kB)': kB(share.minifiedBytes),
      'transferred, estimated (kB)': kB(share.transferredBytes),
    })),
  );
}

log('preparing: dependencies and builds (not measured)');
await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], {
  cwd: root,
  env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
});
mkdirSync(join(root, 'bench-results'), { recursive: true });
const machine = { cpus: (await import('node:os')).cpus().length, node: process.version };

/** `--flag value` from the command line, or undefined. */
const flagga = (namn) => {
  const i = process.argv.indexOf(namn);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

/**
 * A report of the demo city as PDF, XLSX and DOCX, exported by the running product: time and the report service's
 * peak memory of each (targets: under 5 s and 300 MB). The report is `--rapport`/`--ar`/`--version`, by default the
 * demo year's delårsrapport augusti, which the bench fixes on its own stack (`export-bench.mjs`).
 */
async function benchExports(state) {
  const pid = state.pids.report ?? Object.entries(state.pids).find(([namn]) => namn.startsWith('report'))?.[1];
  const measured = await measureExports({
    url: state.url,
    token: tokenSource(state.oidcIssuer),
    pid,
    ar: Number(flagga('--ar') ?? DEMO_AR),
    rapport: flagga('--rapport'),
    version: flagga('--version') ? Number(flagga('--version')) : undefined,
    log,
  });
  const exports = {
    measuredAt: new Date().toISOString(),
    machine,
    loadAverage: (await import('node:os')).loadavg().map((load) => Math.round(load * 10) / 10),
    serviceHeapLimitMb: Number(process.env.TERTIAL_SERVICE_HEAP_MB || 256),
    targets: { seconds: 5, peakRssMb: 300 },
    ...measured,
  };
  writeFileSync(join(root, 'bench-results/rapportexport.json'), `${JSON.stringify(exports, null, 2)}\n`);
  return exports;
}

function printExports(exports) {
  console.log(
    `\n${exports.rapport} ${exports.ar} version ${exports.version} (${exports.status}) exported by the report service (targets: each under 5 s and 300 MB)\n`,
  );
  console.table(
    exports.results.map((r) => ({
      format: r.format,
      run: r.run,
      'export (s)': (r.ms / 1000).toFixed(2),
      'report service peak RSS (MB)': r.peakRssMb,
      'sampled peak (MB)': r.sampledPeakRssMb,
      'RSS before (MB)': r.rssBeforeMb,
      'file (kB)': Math.round(r.bytes / 1024),
    })),
  );
  console.log(`same bytes on each run of a format: ${exports.sameBytesEachRun}`);
  console.log('written to bench-results/rapportexport.json');
}

if (onlyExports) {
  const started = await measureStart('start for the report exports', { whileRunning: benchExports });
  printExports(started.extra);
  process.exit(0);
}

/** The consolidated view, measured on the running product; written to bench-results/oversikt.json and printed. */
async function benchOversikt(state) {
  const oversikt = {
    measuredAt: new Date().toISOString(),
    machine,
    loadAverage: (await import('node:os')).loadavg().map((load) => Math.round(load * 10) / 10),
    targets: { p95Ms: 50 },
    ...(await measureOversikt({ url: state.url, token: tokenSource(state.oidcIssuer), ar: DEMO_AR, tillfalle: DEMO_TILLFALLE })),
  };
  writeFileSync(join(root, 'bench-results/oversikt.json'), `${JSON.stringify(oversikt, null, 2)}\n`);
  return oversikt;
}

function printOversikt(oversikt) {
  console.log(`\nThe consolidated view of the full demo city, ${oversikt.tillfalle} ${oversikt.ar} (target: p95 under 50 ms)\n`);
  console.table([
    {
      requests: oversikt.requests,
      'p50 (ms)': oversikt.p50Ms,
      'p95 (ms)': oversikt.p95Ms,
      'p99 (ms)': oversikt.p99Ms,
      'max (ms)': oversikt.maxMs,
      'answer (kB)': oversikt.responseKb,
    },
  ]);
  console.log('written to bench-results/oversikt.json');
}

if (onlyOversikt) {
  const started = await measureStart('start for the consolidated view', { whileRunning: benchOversikt });
  printOversikt(started.extra);
  process.exit(0);
}

if (onlyFirstLoad) {
  const started = await measureStart('start for the first load', { whileRunning: measureDashboard });
  const firstLoad = { measuredAt: new Date().toISOString(), machine, targets: { javascriptTransferredKb: 250 }, ...started.extra };
  writeFileSync(join(root, 'bench-results/first-load.json'), `${JSON.stringify(firstLoad, null, 2)}\n`);
  printFirstLoad(firstLoad);
  console.log('written to bench-results/first-load.json');
  process.exit(0);
}

/**
 * The whole-city round through the services (a year whose October round is new, so every forecast is a first
 * version), then the raw ceiling on the same broker with as many messages: bench-results/prognosomgang.json.
 */
async function benchRound(state) {
  const pipeline = await roundThroughServices(state);
  const ceiling = await measureCeiling(pipeline.acknowledged);
  const round = {
    measuredAt: new Date().toISOString(),
    machine,
    loadAverage: (await import('node:os')).loadavg(),
    targets: { wholeRoundVisibleSeconds: 10, submitToVisibleP95Ms: 250 },
    // Where the round starts from: the stack started on an empty data folder, the demo city loaded through it.
    start: 'empty data folder, after the demo city loaded',
    pipeline,
    ceiling,
    pipelineToKafkajsLines: Math.round((pipeline.linesPerSecond / ceiling.kafkajs.linesPerSecond) * 100) / 100,
  };
  writeFileSync(join(root, 'bench-results/prognosomgang.json'), `${JSON.stringify(round, null, 2)}\n`);
  return round;
}

/** The round through the services alone (the next year's October round): measureRound on the running product. */
function roundThroughServices(state) {
  return measureRound({
    url: state.url,
    token: tokenSource(state.oidcIssuer),
    log,
    forstaAr: DEMO_AR,
    tillfalle: 'oktober',
    processer: { ...state.pids, gateway: state.gatewayPid, kafka: state.kafkaPid },
  });
}

function printRound(round) {
  console.log(
    '\nWhole-city forecast round through the API (targets: whole round visible < 10 s, p95 submit-to-visible < 250 ms; submit-to-visible counts from sending the save)\n',
  );
  const rader = [
    { start: 'after the demo city loaded', pipeline: round.pipeline },
    ...(round.afterRestart ? [{ start: 'just after a restart', pipeline: round.afterRestart }] : []),
  ];
  console.table(
    rader.map(({ start, pipeline }) => ({
      start,
      submissions: pipeline.acknowledged,
      refused: pipeline.refused,
      'submissions/s': pipeline.submissionsPerSecond,
      'lines/s': pipeline.linesPerSecond,
      'p50 (ms)': pipeline.submitToVisibleMs.p50,
      'p95 (ms)': pipeline.submitToVisibleMs.p95,
      'p99 (ms)': pipeline.submitToVisibleMs.p99,
      'p95 from the answer (ms)': pipeline.ackToVisibleMs.p95,
      'whole round visible (s)': pipeline.wholeRoundVisibleSeconds,
    })),
  );
  printCeiling(round.ceiling);
  console.log('CPU used during the round (ms per submission, each process):');
  console.table(rader.map(({ start, pipeline }) => ({ start, ...pipeline.cpuMsPerSubmission })));
  for (const { start, pipeline } of rader) {
    console.log(
      `${start}: all processes together ${pipeline.cpuMsPerSubmissionTotal} ms per submission, ${pipeline.coresBusy} of ${machine.cpus} cores busy`,
    );
  }
  console.log(`load average (1, 5, 15 min) at the end of the round: ${round.pipeline.loadAverage.join(', ')}`);
  console.log(`pipeline lines/s ÷ raw kafkajs lines/s: ${round.pipelineToKafkajsLines}`);
  console.log('written to bench-results/prognosomgang.json');
}

if (onlyRound) {
  // From an empty data folder, as in the full run: the round on the demo city that a fresh start loads, through
  // services that have just loaded it, and not on the years of rounds earlier runs left behind.
  rmSync(env.TERTIAL_DATA_DIR, { recursive: true, force: true });
  const started = await measureStart('start for the forecast round, empty data folder', { whileRunning: benchRound });
  printRound(started.extra);
  process.exit(0);
}

rmSync(env.TERTIAL_DATA_DIR, { recursive: true, force: true });

const sieFile = await skrivDemoSie(join(root, '.tertial/bench/utfall-500k.se'), { transRader: 500_000 });
const firstStart = await measureStart('first start, empty data folder', {
  // The round after the first load, on the demo city the start has just loaded through the services (as
  // `--prognosomgang` does), and before the import, whose 2,964 utfall events would still be going through them.
  whileRunning: async (state) => ({ firstLoad: await measureDashboard(state), round: await benchRound(state) }),
});
const secondStart = await measureStart('second start, data folder reused', {
  whileRunning: async (state) => ({
    // The same round once more (the next year's) on services that have only just started: their code not yet
    // compiled by the JIT for it. Printed beside the first; before the import, for the same reason.
    afterRestart: await roundThroughServices(state),
    utfallImport: await measureImport(state, sieFile),
    oversikt: await benchOversikt(state),
    exports: await benchExports(state),
  }),
});
const { afterRestart, utfallImport, oversikt, exports } = secondStart.extra;
const round = { ...firstStart.extra.round, afterRestart };
writeFileSync(join(root, 'bench-results/prognosomgang.json'), `${JSON.stringify(round, null, 2)}\n`);
const firstLoad = {
  measuredAt: new Date().toISOString(),
  machine,
  targets: { javascriptTransferredKb: 250 },
  ...firstStart.extra.firstLoad,
};
delete secondStart.extra;
delete firstStart.extra;

const results = {
  measuredAt: new Date().toISOString(),
  machine,
  targets: { readySeconds: 60, serviceRssMb: 200, kafkaHeapLimitMb: 512, importSeconds: 10, importPeakRssMb: 300 },
  startup: [firstStart, secondStart],
  utfallImport,
};
writeFileSync(join(root, 'bench-results/startup.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(root, 'bench-results/first-load.json'), `${JSON.stringify(firstLoad, null, 2)}\n`);

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
printFirstLoad(firstLoad);
console.log('written to bench-results/startup.json and bench-results/first-load.json');
printRound(round);
printOversikt(oversikt);
printExports(exports);
