// `npm start`: builds what changed, brings up Kafka and the databases, starts the four services and the
// gateway with the dashboard, loads the demo data and prints the one URL to open. It looks after what it started:
// a service, the gateway or the broker that dies is started again (lib/supervisor.mjs). Ctrl-C stops all of it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { ensureKafka } from './lib/kafka.mjs';
import { ensureDatabase, ensurePostgres } from './lib/postgres.mjs';
import { createLog, endLeftover, isRunning, onShutdown, onShutdownStart, processIdentity, run } from './lib/process.mjs';
import { loadDemoData, loadDemoUtfall } from './lib/demo-data.mjs';
import { loadDemoKoncern } from './lib/demo-koncern.mjs';
import { supervise } from './lib/supervisor.mjs';
import { tokenSource } from './lib/tokens.mjs';
import { ensureTopics, topicsOf } from './lib/topics.mjs';

const root = resolve(import.meta.dirname, '../..');
const log = createLog();
const started = performance.now();
const port = Number(process.env.TERTIAL_PORT || 8080);
// The URL people open, and so the issuer of the local demo provider: the tokens' `iss` is this exact string,
// and the services accept no other. TERTIAL_OIDC_ISSUER names the city's own provider instead.
const url = `http://localhost:${port}`;
const externalIssuer = process.env.TERTIAL_OIDC_ISSUER || undefined;
const oidcIssuer = externalIssuer ?? `${url}/oidc`;

const runFile = join(root, `.tertial/run/start-${port}.json`);
await endLeftovers(runFile);
let kafka;
let gatewayPid;
let readySeconds = null;
const pids = {};
// What is running, for `npm run bench`, for the next start and for whoever wants to look; written again after every restart.
function recordRun({ stopping = false } = {}) {
  mkdirSync(join(root, '.tertial/run'), { recursive: true });
  const state = {
    url,
    oidcIssuer,
    seconds: readySeconds,
    pids,
    gatewayPid: gatewayPid ?? null,
    kafkaPid: kafka?.pid ?? null,
    brokers: kafka?.brokers ?? [],
    supervisor: processIdentity(process.pid),
    processes: Object.fromEntries(
      Object.entries({ ...pids, gateway: gatewayPid }).flatMap(([name, pid]) => {
        const identity = pid && processIdentity(pid);
        return identity ? [[name, identity]] : [];
      }),
    ),
    stopping,
  };
  // Written whole and renamed into place: the supervisor rewrites it while others (the fault suite, a second
  // `npm start`) read it, and a reader must never see it half-written.
  writeFileSync(`${runFile}.${process.pid}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${runFile}.${process.pid}.tmp`, runFile);
}

log('building (Nx reuses what has not changed)');
await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], {
  cwd: root,
  env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
});

// The service list and ports live in the contracts package, built just now.
const { replicaName, replicaPort, SERVICES, servicePorts, startGatewayProcess, startService } = await import('./lib/stack.mjs');

kafka = await ensureKafka({
  root,
  log: log.child('kafka'),
  instance: process.env.TERTIAL_KAFKA_INSTANCE || 'kafka',
  onRestart: () => recordRun(),
});
onShutdown(kafka.stop);
const { ALL_EVENTS } = await import(join(root, 'packages/contracts/dist/events/index.js'));
await ensureTopics(kafka.brokers, topicsOf(ALL_EVENTS));

// TERTIAL_REPLIKER=N runs N replicas of every service behind the gateway (docs/operations.md#replicas); they share
// their service's database, so they need PostgreSQL.
const replicas = Number(process.env.TERTIAL_REPLIKER || 1);
if (!Number.isInteger(replicas) || replicas < 1)
  throw new Error(`TERTIAL_REPLIKER must be a whole number from 1, not ${process.env.TERTIAL_REPLIKER}`);
if (replicas > 1 && process.env.TERTIAL_POSTGRES !== 'local' && !process.env.DATABASE_URL) {
  throw new Error(`TERTIAL_REPLIKER=${replicas} needs PostgreSQL (TERTIAL_POSTGRES=local): replicas share their service's database`);
}

// Embedded SQLite unless DATABASE_URL names a PostgreSQL server; then each service gets its own database there.
let databaseUrlFor = () => undefined;
if (process.env.TERTIAL_POSTGRES === 'local' || process.env.DATABASE_URL) {
  const postgres = await ensurePostgres({ root, log: log.child('postgres') });
  onShutdown(postgres.stop);
  // TERTIAL_DATABASE_PREFIX: databases of a run's own on a shared server (the replica test's), `tertial_<service>` otherwise.
  const prefix = process.env.TERTIAL_DATABASE_PREFIX || 'tertial';
  for (const name of SERVICES) await ensureDatabase(postgres.url, `${prefix}_${name}`);
  databaseUrlFor = (name) => `${postgres.url}/${prefix}_${name}`;
}

const ports = servicePorts();
const services = {};
onShutdownStart(() => recordRun({ stopping: true }));
const logsOf = (name) => `.tertial/logs/${name}.log`;
// In parallel: each waits only for its own database and the broker, not for the others. A service's replicas start one
// after the other: the first runs the migrations and loads the demo data, the next find them done.
await Promise.all(
  SERVICES.map(async (name) => {
    const databaseUrl = databaseUrlFor(name);
    const urls = [];
    for (let replica = 1; replica <= replicas; replica += 1) {
      const id = replicaName(name, replica);
      const port = replicaPort(ports[name], replica);
      const supervisor = await supervise({
        name: id,
        log,
        logFile: logsOf(id),
        start: ({ signal }) =>
          startService(root, name, {
            port,
            oidcIssuer,
            signal,
            logName: id,
            env: {
              KAFKA_BROKERS: kafka.brokers.join(','),
              TERTIAL_DATA_DIR: process.env.TERTIAL_DATA_DIR ?? join(root, '.tertial/data'),
              DATABASE_URL: databaseUrl ?? '',
            },
          }),
        onStart: (service, { restarted }) => {
          pids[id] = service.pid;
          if (restarted) recordRun();
        },
      });
      onShutdown(() => supervisor.stop());
      urls.push(`http://127.0.0.1:${port}`);
      log(`${id} is up on ${urls.at(-1)}/api/${name}`);
    }
    services[name] = urls.length > 1 ? urls : urls[0];
  }),
);

// The gateway in a process of its own, supervised like the services. The local provider's signing and cookie keys are
// made once per run, so a restarted gateway accepts the tokens and sessions the last one handed out.
const { skapaSigneringsnyckel } = await import(join(root, 'packages/identity/dist/index.js'));
const oidc = externalIssuer ? { issuer: externalIssuer } : { local: true, publicUrl: url, signingKey: await skapaSigneringsnyckel() };
process.env.TERTIAL_OIDC_COOKIE_KEYS ||= randomBytes(32).toString('base64url');
const gatewaySupervisor = await supervise({
  name: 'gateway',
  log,
  logFile: logsOf('gateway'),
  start: ({ signal }) =>
    startGatewayProcess(root, {
      port,
      host: process.env.TERTIAL_HOST || '127.0.0.1',
      staticDir: join(root, 'apps/dashboard/dist'),
      services,
      oidc,
      signal,
    }),
  onStart: (gateway, { restarted }) => {
    gatewayPid = gateway.pid;
    if (restarted) recordRun();
  },
});
onShutdown(() => gatewaySupervisor.stop());
const gateway = { url: gatewaySupervisor.current().url };
log(externalIssuer ? `sign-in at ${externalIssuer}` : `sign-in at the local demo provider ${oidcIssuer}`);

// The organisation, budget and investments are in place once budget answers; the ledger and a forecast
// for every ansvar go in through the product's own API, signed in as demo users of the local provider, and
// the dashboard shows them arriving live. With the city's own provider there are no demo users to be.
let demoForecasts;
if (externalIssuer) {
  log('demo data: not loaded (TERTIAL_OIDC_ISSUER names an external provider, and the demo users live only in the local one)');
} else {
  const token = tokenSource(oidcIssuer);
  await loadDemoUtfall(gateway.url, { log, token });
  // The companies are a handful of calls: a failure is reported and the next start loads what is missing.
  await loadDemoKoncern(gateway.url, { log, token }).catch((error) =>
    log(`demo koncern failed: ${error.message} (the next npm start loads what is missing)`),
  );
  // Loads what is missing, so a load that failed midway (a service restarted under it) is simply run again.
  demoForecasts = (async () => {
    for (let forsok = 1; ; forsok += 1) {
      try {
        return await loadDemoData(gateway.url, { log, token });
      } catch (error) {
        if (forsok === 3) return log(`demo forecasts failed: ${error.message} (the next npm start loads the ones missing)`);
        log(`demo forecasts stopped midway (${error.message.split('\n', 1)[0]}); loading the rest in 5 s`);
        await new Promise((resolve) => setTimeout(resolve, 5_000));
      }
    }
  })();
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
readySeconds = Number(seconds);
recordRun();
console.log(`\nTertial är igång på ${url}  (klar efter ${seconds} s; Ctrl-C stoppar allt)\n`);
await demoForecasts;

/**
 * An earlier `npm start` on this port may still be stopping (its processes outlive it by a few seconds after a second
 * Ctrl-C), or have been killed and left its services behind: wait for them to be gone (stopping what lingers), so this
 * start neither finds their ports taken nor talks to something about to vanish. One still running is an error.
 */
async function endLeftovers(file) {
  let earlier;
  try {
    earlier = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  if (!earlier.processes) return;
  if (isRunning(earlier.supervisor) && !earlier.stopping) {
    throw new Error(`npm start already runs on port ${port} (pid ${earlier.supervisor.pid}); stop it first, or set TERTIAL_PORT`);
  }
  const left = Object.entries(earlier.processes).filter(([, identity]) => isRunning(identity));
  if (left.length === 0) return;
  log(
    `the earlier start on port ${port} left ${left.map(([name, { pid }]) => `${name} (pid ${pid})`).join(', ')}: waiting until they are gone`,
  );
  await Promise.all(left.map(([, identity]) => endLeftover(identity, { graceMs: 15_000 })));
}
