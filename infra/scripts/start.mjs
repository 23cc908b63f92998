// `npm start`: builds what changed, brings up Kafka and the databases, starts the four services and the
// gateway with the dashboard, loads the demo data and prints the one URL to open. Ctrl-C stops all of it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { ensureKafka } from './lib/kafka.mjs';
import { ensureDatabase, ensurePostgres } from './lib/postgres.mjs';
import { createLog, onShutdown, run } from './lib/process.mjs';
import { loadDemoData, loadDemoUtfall } from './lib/demo-data.mjs';
import { tokenSource } from './lib/tokens.mjs';
import { ensureTopics } from './lib/topics.mjs';

const root = resolve(import.meta.dirname, '../..');
const log = createLog();
const started = performance.now();
const port = Number(process.env.TERTIAL_PORT || 8080);
// The URL people open, and so the issuer of the local demo provider: the tokens' `iss` is this exact string,
// and the services accept no other. TERTIAL_OIDC_ISSUER names the city's own provider instead.
const url = `http://localhost:${port}`;
const externalIssuer = process.env.TERTIAL_OIDC_ISSUER || undefined;
const oidcIssuer = externalIssuer ?? `${url}/oidc`;

log('building (Nx reuses what has not changed)');
await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], {
  cwd: root,
  env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
});

// The service list and ports live in the contracts package, built just now.
const { SERVICES, servicePorts, startService } = await import('./lib/stack.mjs');

const kafka = await ensureKafka({ root, log: log.child('kafka'), instance: process.env.TERTIAL_KAFKA_INSTANCE || 'kafka' });
onShutdown(kafka.stop);
const { ALL_EVENTS } = await import(join(root, 'packages/contracts/dist/events/index.js'));
await ensureTopics(
  kafka.brokers,
  ALL_EVENTS.map((event) => ({ topic: event.topic, partitions: event.partitions })),
);

// Embedded SQLite unless DATABASE_URL names a PostgreSQL server; then each service gets its own database there.
let databaseUrlFor = () => undefined;
if (process.env.TERTIAL_POSTGRES === 'local' || process.env.DATABASE_URL) {
  const postgres = await ensurePostgres({ root, log: log.child('postgres') });
  onShutdown(postgres.stop);
  for (const name of SERVICES) await ensureDatabase(postgres.url, `tertial_${name}`);
  databaseUrlFor = (name) => `${postgres.url}/tertial_${name}`;
}

const ports = servicePorts();
const services = {};
const pids = {};
// In parallel: each waits only for its own database and the broker, not for the others.
await Promise.all(
  SERVICES.map(async (name) => {
    const databaseUrl = databaseUrlFor(name);
    const service = await startService(root, name, {
      port: ports[name],
      oidcIssuer,
      env: {
        KAFKA_BROKERS: kafka.brokers.join(','),
        TERTIAL_DATA_DIR: process.env.TERTIAL_DATA_DIR ?? join(root, '.tertial/data'),
        DATABASE_URL: databaseUrl ?? '',
      },
    });
    onShutdown(service.stop);
    void service.exited.then((code) => code !== 0 && code !== null && log(`${name} stopped (exit ${code}); see .tertial/logs/${name}.log`));
    services[name] = `http://127.0.0.1:${ports[name]}`;
    pids[name] = service.pid;
    log(`${name} is up on ${services[name]}/api/${name}`);
  }),
);

const { startGateway } = await import('../gateway/server.mjs');
const gateway = await startGateway({
  port,
  host: process.env.TERTIAL_HOST || '127.0.0.1',
  staticDir: join(root, 'apps/dashboard/dist'),
  services,
  oidc: externalIssuer ? { issuer: externalIssuer } : { local: true, publicUrl: url },
});
onShutdown(() => gateway.close());
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
  demoForecasts = loadDemoData(gateway.url, { log, token }).catch((error) => log(`demo forecasts failed: ${error.message}`));
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
// What is running, for `npm run bench` and for whoever wants to look.
mkdirSync(join(root, '.tertial/run'), { recursive: true });
writeFileSync(
  join(root, `.tertial/run/start-${port}.json`),
  JSON.stringify(
    { url, oidcIssuer, seconds: Number(seconds), pids, gatewayPid: process.pid, kafkaPid: kafka.pid ?? null, brokers: kafka.brokers },
    null,
    2,
  ),
);
console.log(`\nTertial är igång på ${url}  (klar efter ${seconds} s; Ctrl-C stoppar allt)\n`);
await demoForecasts;
