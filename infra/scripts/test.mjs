// `npm test`: builds and type-checks the workspace, brings up what the tests need (a throwaway Kafka broker,
// PostgreSQL, Debian's Chromium) and runs every unit, integration and browser test with Vitest.
import { join, resolve } from 'node:path';

import { ensureChromium } from './lib/chromium.mjs';
import { ensureKafka } from './lib/kafka.mjs';
import { ensurePostgres } from './lib/postgres.mjs';
import { createLog, onShutdown, run, shutdown } from './lib/process.mjs';
import { ensureTopics } from './lib/topics.mjs';

const root = resolve(import.meta.dirname, '../..');
const log = createLog('test');
const nx = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const vitestArgs = process.argv.slice(2);

log('building and type-checking (Nx reuses what has not changed)');
await run('npx', ['nx', 'run-many', '-t', 'build', 'typecheck', '--output-style=static'], { cwd: root, env: nx, stdio: 'inherit' });

// A broker of the tests' own, emptied on every run, so no earlier run's events leak into the assertions.
const [kafka, postgres, chromium] = await Promise.all([
  ensureKafka({
    root,
    log: log.child('kafka'),
    instance: 'kafka-test',
    port: Number(process.env.TERTIAL_TEST_KAFKA_PORT || 19192),
    controllerPort: Number(process.env.TERTIAL_TEST_KAFKA_PORT || 19192) + 1,
    fresh: !process.env.KAFKA_BROKERS,
  }),
  ensurePostgres({ root, log: log.child('postgres') }),
  ensureChromium({ log: log.child('chromium') }),
]);
onShutdown(postgres.stop);
onShutdown(kafka.stop);
const { ALL_EVENTS } = await import(join(root, 'packages/contracts/dist/index.js'));
await ensureTopics(
  kafka.brokers,
  ALL_EVENTS.map((event) => ({ topic: event.topic, partitions: event.partitions })),
);

const { code } = await run('npx', ['vitest', 'run', ...vitestArgs], {
  cwd: root,
  stdio: 'inherit',
  allowFailure: true,
  env: {
    TERTIAL_TEST_KAFKA_BROKERS: kafka.brokers.join(','),
    TERTIAL_TEST_PG_URL: postgres.url,
    CHROMIUM_PATH: chromium,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --disable-warning=TimeoutNegativeWarning`.trim(),
  },
});
await shutdown();
process.exit(code);
