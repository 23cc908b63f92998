// A single-node Kafka (KRaft) for development and tests, without Docker: the broker's jars come from
// Maven Central (infra/kafka/pom.xml) and run on the machine's Java. State lives in .tertial/kafka.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import kafkajs from 'kafkajs';

import { aptInstall, createLog, endLeftover, ignoreWarning, isRunning, onShutdownStart, processIdentity, run, which } from './process.mjs';
import { supervise } from './supervisor.mjs';

const { Kafka, logLevel } = kafkajs;
// kafkajs 2.2.4 arms a timer with a negative delay after each answer; Node then uses 1 ms, as kafkajs
// meant, but Node 24 also prints a TimeoutNegativeWarning that would look like our failure.
ignoreWarning('TimeoutNegativeWarning');

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// Two minutes: a broker's JVM starting beside other stacks on a busy 2-core machine took more than one (2026-12-02).
const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 20_000;

/**
 * The local broker's JIT: C1 only (`-XX:TieredStopAtLevel=1`). On the two cores everything here shares, HotSpot's C2
 * compiler was the broker's largest thread in the forecast round's bench, compiling the paths the round made hot while
 * the services waited for the cores: 0.96–1.10 s of CPU in the round's busiest 6 s, against 0.25–0.34 s for C1 alone,
 * and the broker's CPU per submission fell from 0.80–1.43 ms to 0.44–0.66 ms (docs/performance.md). The broker here
 * moves a few thousand small events a second at most, which C1's code does well enough (the raw ceiling stayed within
 * the spread between runs).
 * KAFKA_JVM_OPTS adds options after these (`-XX:TieredStopAtLevel=4` gives C2 back).
 */
const BROKER_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1'];

/** KAFKA_JVM_OPTS: more JVM options for the local broker, separated by spaces, after the project's own. */
function extraJvmOptions() {
  return (process.env.KAFKA_JVM_OPTS ?? '').split(/\s+/).filter(Boolean);
}

/**
 * Makes sure a Kafka broker answers and returns its bootstrap servers.
 * - KAFKA_BROKERS set (comma list): that cluster is used as it is; we only wait for it.
 * - the broker another run of ours started on this instance's folder, while that run is alive and not stopping: it
 *   is reused (that run looks after it). If that run is gone or stopping, its broker is waited for until it is gone
 *   (stopped if it lingers), and a new one is started: a broker in its shutdown still answers for a few seconds.
 * - a broker we know nothing of already answers on 127.0.0.1:KAFKA_PORT: it is reused (started by hand).
 * - otherwise one is started here and supervised: if it dies it is started again (see supervisor.mjs), and
 *   `stop()` stops it for good.
 */
export async function ensureKafka({
  root = REPO_ROOT,
  log = createLog('kafka'),
  // The tests run a throwaway broker of their own: its own folder and ports, emptied before each start.
  instance = 'kafka',
  port = Number(process.env.KAFKA_PORT || 9092),
  controllerPort = Number(process.env.KAFKA_CONTROLLER_PORT || 9093),
  fresh = false,
  restartPolicy,
  // Called with `{ pid }` after the supervisor restarted the broker.
  onRestart,
} = {}) {
  const external = process.env.KAFKA_BROKERS?.split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (external?.length) {
    log(`using KAFKA_BROKERS=${external.join(',')}`);
    await waitForKafka(external, READY_TIMEOUT_MS);
    return { brokers: external, stop: async () => {}, started: false };
  }

  const brokers = [`127.0.0.1:${port}`];
  const paths = kafkaPaths(root, instance);
  const earlier = readBrokerRecord(paths);
  if (earlier && isRunning(earlier)) {
    if (!earlier.stopping && isRunning(earlier.owner)) {
      if (fresh || earlier.port !== port) {
        throw new Error(
          `the run with pid ${earlier.owner.pid} uses the broker in ${relative(root, paths.home)} (pid ${earlier.pid}); stop it first`,
        );
      }
      await waitForKafka(brokers, 15_000);
      log(`reusing the broker (pid ${earlier.pid}) that the run with pid ${earlier.owner.pid} started and looks after`);
      return { brokers, stop: async () => {}, started: false, pid: earlier.pid };
    }
    const why = earlier.stopping ? 'is still stopping' : 'outlived the run that started it';
    log(`the broker an earlier run started (pid ${earlier.pid}) ${why}: waiting until it is gone`);
    const waitedFrom = Date.now();
    await endLeftover(earlier, { graceMs: STOP_GRACE_MS });
    log(`it is gone after ${((Date.now() - waitedFrom) / 1000).toFixed(1)} s; starting a new one`);
  }

  if (await isListening(port)) {
    if (fresh) throw new Error(`a fresh broker was asked for, but something already listens on 127.0.0.1:${port}`);
    await waitForKafka(brokers, 15_000).catch((error) => {
      throw new Error(`something listens on 127.0.0.1:${port} but does not answer as Kafka (stop it, or set KAFKA_PORT): ${error.message}`);
    });
    log(`reusing the broker already running on ${brokers[0]} (not started by Tertial's scripts, so not supervised)`);
    return { brokers, stop: async () => {}, started: false };
  }

  await ensureJava(log);
  await ensureLibs(paths, log);
  if (fresh) rmSync(paths.data, { recursive: true, force: true });
  mkdirSync(paths.home, { recursive: true });
  renderServerProperties(paths, { port, controllerPort });
  await formatStorage(paths, log);
  // From the moment this run begins to stop, its record says so: a start in between must not take the broker over.
  onShutdownStart(() => markBrokerStopping(paths));
  const supervisor = await supervise({
    name: 'Kafka',
    log,
    logFile: relative(root, paths.logFile),
    policy: restartPolicy,
    start: ({ signal }) => startBroker(paths, brokers, log, { signal }),
    onStart: (broker, { restarted }) => {
      writeBrokerRecord(paths, { pid: broker.pid, port });
      if (restarted) onRestart?.(broker);
    },
  });
  return {
    brokers,
    started: true,
    /** The broker's current pid; it changes when the supervisor restarts it. */
    get pid() {
      return supervisor.current()?.pid;
    },
    supervisor,
    stop: () => {
      markBrokerStopping(paths);
      return supervisor.stop();
    },
  };
}

/**
 * A three-node KRaft cluster (each node controller and broker in one process, one cluster id, a static quorum) on
 * loopback ports `port`, `port + 2`, `port + 4` (controllers one above each), for the fault suite: replication factor 3
 * and min.insync.replicas 2 (infra/kafka/cluster-server.properties). Its nodes are not supervised: the suite kills one
 * for good, as a lost machine. Fresh on every call (its data folders are emptied). Returns `{ brokers, nodes, stop }`,
 * each node `{ id, address, pid, ended }`.
 */
export async function ensureKafkaCluster({
  root = REPO_ROOT,
  log = createLog('kafka-cluster'),
  instance = 'kafka-cluster',
  port,
  nodes = 3,
}) {
  await ensureJava(log);
  const shared = kafkaPaths(root, instance);
  await ensureLibs(shared, log);
  const ids = Array.from({ length: nodes }, (_, i) => i + 1);
  const portOf = (id) => port + (id - 1) * 2;
  const voters = ids.map((id) => `${id}@127.0.0.1:${portOf(id) + 1}`).join(',');
  const paths = ids.map((id) => ({
    ...kafkaPaths(root, `${instance}/node-${id}`),
    logFile: join(root, '.tertial', 'logs', `${instance}-${id}.log`),
  }));
  const { stdout } = await runStorageTool(shared, ['random-uuid']);
  const clusterId = stdout.trim().split('\n').pop().trim();
  for (const [i, node] of paths.entries()) {
    rmSync(node.data, { recursive: true, force: true });
    mkdirSync(node.home, { recursive: true });
    renderServerProperties(
      node,
      { port: portOf(ids[i]), controllerPort: portOf(ids[i]) + 1, nodeId: ids[i], voters },
      join(root, 'infra', 'kafka', 'cluster-server.properties'),
    );
    await runStorageTool(node, ['format', '-t', clusterId, '-c', node.properties, '-g']);
  }
  const brokers = ids.map((id) => `127.0.0.1:${portOf(id)}`);
  log(`starting a ${nodes}-node cluster ${clusterId} on ${brokers.join(',')}`);
  // All at once: no node is ready before a majority of the quorum is up. Three JVMs starting together on a busy 2-core
  // machine took more than a minute (2026-12-02, load average 26), so they get three.
  const started = await Promise.allSettled(paths.map((node, i) => startBroker(node, [brokers[i]], log, { readyTimeoutMs: 180_000 })));
  const running = started.filter((result) => result.status === 'fulfilled').map((result) => result.value);
  const stop = () => Promise.all(running.map((broker) => broker.stop()));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return {
    brokers,
    nodes: running.map((broker, i) => ({
      id: i + 1,
      address: `127.0.0.1:${portOf(i + 1)}`,
      pid: /** @type {number} */ (broker.pid),
      ended: broker.ended,
    })),
    stop,
  };
}

/**
 * What `.tertial/<instance>/broker.json` says about the broker a run of ours started there: its pid, port and the
 * run (owner) that looks after it, each with its start time (processIdentity), and whether that run is stopping.
 */
function readBrokerRecord(paths) {
  try {
    return JSON.parse(readFileSync(paths.record, 'utf8'));
  } catch {
    return undefined;
  }
}

function writeBrokerRecord(paths, { pid, port }) {
  const record = { ...processIdentity(pid), pid, port, owner: processIdentity(process.pid), stopping: false };
  writeFileSync(paths.record, `${JSON.stringify(record, null, 2)}\n`);
}

function markBrokerStopping(paths) {
  const record = readBrokerRecord(paths);
  if (record?.owner?.pid !== process.pid || record.stopping) return;
  writeFileSync(paths.record, `${JSON.stringify({ ...record, stopping: true }, null, 2)}\n`);
}

/**
 * Kafka's own command-line tools (`org.apache.kafka.tools.ProducerPerformance` …) for the bench: assembled from
 * Maven Central into .tertial/kafka-tools/libs on first use (and when infra/kafka/tools/pom.xml changes). Returns the
 * folder for `java -cp <libs>/*`.
 */
export async function ensureKafkaTools({ root = REPO_ROOT, log = createLog('kafka') } = {}) {
  const home = join(root, '.tertial', 'kafka-tools');
  const paths = {
    root,
    pom: join(root, 'infra', 'kafka', 'tools', 'pom.xml'),
    libs: join(home, 'libs'),
    libsStamp: join(home, 'libs.stamp'),
  };
  await ensureJava(log);
  await ensureLibs(paths, log, "Kafka's tools");
  return paths.libs;
}

/** Resolves once `describeCluster` succeeds against `brokers`; polls, so it returns as soon as it can. */
export async function waitForKafka(brokers, timeoutMs = READY_TIMEOUT_MS, { signal } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    // A fresh quiet client per attempt: kafkajs would otherwise log (and retry) every refused connection.
    const admin = new Kafka({
      clientId: 'tertial-infra-probe',
      brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      requestTimeout: 5_000,
      retry: { retries: 0 },
    }).admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length > 0) return cluster;
      last = 'no brokers in the cluster yet';
    } catch (error) {
      last = error.message;
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await sleep(250, undefined, { signal }).catch(() => signal?.throwIfAborted());
  }
  throw new Error(`Kafka at ${brokers.join(',')} did not answer within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

function kafkaPaths(root, instance) {
  const home = join(root, '.tertial', instance);
  const shared = join(root, '.tertial', 'kafka');
  return {
    root,
    pom: join(root, 'infra', 'kafka', 'pom.xml'),
    template: join(root, 'infra', 'kafka', 'server.properties'),
    log4j: join(root, 'infra', 'kafka', 'log4j2.properties'),
    home,
    // Every instance runs the same jars.
    libs: join(shared, 'libs'),
    libsStamp: join(shared, 'libs.stamp'),
    properties: join(home, 'server.properties'),
    record: join(home, 'broker.json'),
    data: join(home, 'data'),
    logFile: join(root, '.tertial', 'logs', `${instance}.log`),
  };
}

/** True when something accepts TCP connections on 127.0.0.1:port: a cheap test before asking Kafka itself. */
function isListening(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    const answer = (listening) => {
      socket.destroy();
      done(listening);
    };
    socket.setTimeout(1_000);
    socket.once('connect', () => answer(true));
    socket.once('timeout', () => answer(false));
    socket.once('error', () => answer(false));
  });
}

/** The broker needs Java 17+ (Debian 12's default) and Maven to assemble its jars; both come from Debian when missing. */
export async function ensureJava(log) {
  const missing = [];
  if (!which('java')) missing.push('default-jre-headless');
  if (!which('mvn')) missing.push('maven');
  if (missing.length > 0) await aptInstall(missing, { log });
}

/** Copies the broker's jars into .tertial/kafka/libs, again only when pom.xml changed since the last time. */
export async function ensureLibs(paths, log, what = 'the Kafka broker') {
  const pomHash = createHash('sha256').update(readFileSync(paths.pom)).digest('hex');
  const stamp = existsSync(paths.libsStamp) ? readFileSync(paths.libsStamp, 'utf8').trim() : '';
  if (stamp === pomHash && existsSync(paths.libs)) return;

  log(`assembling ${what} from Maven Central into ${relative(paths.root, paths.libs)}`);
  const startedAt = Date.now();
  // Into a fresh folder, swapped in whole: an interrupted assembly never leaves a half set of jars behind.
  const staging = `${paths.libs}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(paths.libs), { recursive: true });
  await run('mvn', ['-q', '-B', '-f', paths.pom, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`, '-DincludeScope=runtime']);
  rmSync(paths.libs, { recursive: true, force: true });
  renameSync(staging, paths.libs);
  writeFileSync(paths.libsStamp, `${pomHash}\n`);
  log(`assembled in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

/** Fills the ${...} placeholders of infra/kafka/server.properties; rendered on every start, it is cheap. */
function renderServerProperties(paths, { port, controllerPort, nodeId, voters }, template = paths.template) {
  const values = { KAFKA_PORT: port, KAFKA_CONTROLLER_PORT: controllerPort, KAFKA_DATA_DIR: paths.data, NODE_ID: nodeId, VOTERS: voters };
  const rendered = readFileSync(template, 'utf8').replace(/\$\{(\w+)\}/g, (placeholder, name) => {
    if (values[name] === undefined) throw new Error(`${template}: unknown placeholder ${placeholder}`);
    return String(values[name]);
  });
  writeFileSync(paths.properties, rendered);
}

/** Formats the KRaft storage once; meta.properties is what format writes, so its presence means done. */
async function formatStorage(paths, log) {
  if (existsSync(join(paths.data, 'meta.properties'))) return;
  log(`formatting storage in ${relative(paths.root, paths.data)}`);
  const { stdout } = await runStorageTool(paths, ['random-uuid']);
  const clusterId = stdout.trim().split('\n').pop().trim();
  await runStorageTool(paths, ['format', '-t', clusterId, '-c', paths.properties, '--standalone', '-g']);
}

function runStorageTool(paths, args) {
  return run('java', [`-Dlog4j2.configurationFile=${paths.log4j}`, '-cp', join(paths.libs, '*'), 'kafka.tools.StorageTool', ...args]);
}

/**
 * Starts the broker with its output appended to .tertial/logs/kafka.log and waits until it serves (or `signal` is
 * aborted). Resolves to `{ pid, ended, stop }`, `ended` resolving to `{ code, signal }` when the process is gone.
 */
async function startBroker(paths, brokers, log, { signal: cancelled, readyTimeoutMs = READY_TIMEOUT_MS } = {}) {
  mkdirSync(dirname(paths.logFile), { recursive: true });
  const logFd = openSync(paths.logFile, 'a');
  writeSync(logFd, `\n==== ${new Date().toISOString()} starting Kafka on ${brokers[0]} ====\n`);
  const logOffset = statSync(paths.logFile).size;
  const heapMb = Number(process.env.KAFKA_HEAP_MB || 512);
  const startedAt = Date.now();
  const child = spawn(
    'java',
    [
      `-Xms256m`,
      `-Xmx${heapMb}m`,
      ...BROKER_JVM_OPTIONS,
      ...extraJvmOptions(),
      `-Dlog4j2.configurationFile=${paths.log4j}`,
      '-cp',
      join(paths.libs, '*'),
      'kafka.Kafka',
      paths.properties,
    ],
    // Its own process group: a Ctrl-C reaches only our script, which stops the services before the broker, so
    // their consumers leave their groups cleanly and the next start need not wait out their sessions.
    { cwd: paths.home, stdio: ['ignore', logFd, logFd], detached: true },
  );
  closeSync(logFd);
  log(`started Kafka (pid ${child.pid}), log in ${relative(paths.root, paths.logFile)}`);

  const exited = new Promise((done) => {
    child.once('exit', (code, signal) => done({ code, signal }));
    child.once('error', (error) => done({ code: error.code, signal: null })); // java could not be run at all
  });
  const abortOnExit = new AbortController();
  void exited.then(() => abortOnExit.abort());
  try {
    await waitForKafka(brokers, readyTimeoutMs, {
      signal: cancelled ? AbortSignal.any([abortOnExit.signal, cancelled]) : abortOnExit.signal,
    });
  } catch (error) {
    const tail = logTail(paths.logFile, logOffset);
    if (abortOnExit.signal.aborted && !cancelled?.aborted) {
      const { code, signal } = await exited;
      throw new Error(`Kafka exited (${signal ?? `code ${code}`}) before it was ready. ${paths.logFile}:\n${tail}`);
    }
    await stopChild(child, exited);
    throw new Error(`${error.message}. ${paths.logFile}:\n${tail}`);
  }
  log(`Kafka ready on ${brokers[0]} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

  let stopping;
  return { pid: child.pid, ended: exited, stop: () => (stopping ??= stopChild(child, exited).then(() => log('Kafka stopped'))) };
}

/** SIGTERM lets the broker shut down cleanly (it flushes and closes its logs); SIGKILL if it hangs. */
async function stopChild(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** The last lines this run wrote to the log, for error messages; Java stack frames are left out. */
function logTail(file, fromOffset, lines = 30) {
  try {
    const text = readFileSync(file).subarray(fromOffset).toString('utf8');
    const messages = text
      .trimEnd()
      .split('\n')
      .filter((line) => !/^\s+(at |\.\.\. \d+ more)/.test(line));
    return messages.slice(-lines).join('\n') || '(the log is empty)';
  } catch {
    return '(no log)';
  }
}
