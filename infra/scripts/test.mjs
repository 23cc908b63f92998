// `npm test`: builds, type-checks and lints the workspace, brings up what the tests need (a throwaway Kafka broker,
// PostgreSQL, Debian's Chromium) and runs every unit, integration and browser test with Vitest.
import { join, resolve } from 'node:path';

import { ensureChromium } from './lib/chromium.mjs';
import { ensureLibreoffice, ensureVerapdf } from './lib/dokumentverktyg.mjs';
import { ensureKafka } from './lib/kafka.mjs';
import { ensurePostgres } from './lib/postgres.mjs';
import { createLog, onShutdown, run, shutdown } from './lib/process.mjs';
import { ensureKubernetesValidate, ensureKustomize, ensurePromtool } from './lib/manifest-tools.mjs';
import { ensureSchemathesis } from './lib/schemathesis.mjs';
import { ensureTopics, topicsOf } from './lib/topics.mjs';

const root = resolve(import.meta.dirname, '../..');
const log = createLog('test');
const nx = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const vitestArgs = process.argv.slice(2);
// A second run on the same machine (another work tree) sets TERTIAL_TEST_SLOT: its broker, ports and
// databases move with it (tests/support/global-setup.ts). Slot 0 is the default.
const slot = Number(process.env.TERTIAL_TEST_SLOT || 0);
const kafkaPort = Number(process.env.TERTIAL_TEST_KAFKA_PORT || 19192 + slot * 2);

// TERTIAL_SKIP_LINT=1 leaves out ESLint and Prettier, for a local run while lint errors are being worked on;
// CI and `npm test` as documented always lint.
const skipLint = process.env.TERTIAL_SKIP_LINT === '1';
const targets = skipLint ? ['build', 'typecheck'] : ['build', 'typecheck', 'lint'];
log(`building, type-checking${skipLint ? ' (lint skipped: TERTIAL_SKIP_LINT=1)' : ' and linting'} (Nx reuses what has not changed)`);
await run('npx', ['nx', 'run-many', '-t', ...targets, '--output-style=static'], { cwd: root, env: nx, stdio: 'inherit' });

// A broker of the tests' own, emptied on every run, so no earlier run's events leak into the assertions.
const [kafka, postgres, chromium, verapdf, soffice, schemathesis, k8sPython, kustomize, promtool] = await Promise.all([
  ensureKafka({
    root,
    log: log.child('kafka'),
    instance: slot ? `kafka-test-${slot}` : 'kafka-test',
    port: kafkaPort,
    controllerPort: kafkaPort + 1,
    fresh: !process.env.KAFKA_BROKERS,
  }),
  ensurePostgres({ root, log: log.child('postgres') }),
  ensureChromium({ log: log.child('chromium') }),
  // The exported reports are checked with the real tools: veraPDF for PDF/A, LibreOffice for opening each file.
  ensureVerapdf({ root, log: log.child('verapdf') }),
  ensureLibreoffice({ log: log.child('libreoffice') }),
  // Every service's API is fuzzed from its OpenAPI document (tests/integration/api-fuzzning.test.ts).
  ensureSchemathesis({ root, log: log.child('schemathesis') }),
  // The Kubernetes manifests and the alert rules are checked with the real tools (infra/k8s, infra/prometheus).
  ensureKubernetesValidate({ root, log: log.child('kubernetes-validate') }),
  ensureKustomize({ root, log: log.child('kustomize') }),
  ensurePromtool({ root, log: log.child('promtool') }),
]);
onShutdown(postgres.stop);
onShutdown(kafka.stop);
const { ALL_EVENTS } = await import(join(root, 'packages/contracts/dist/events/index.js'));
await ensureTopics(kafka.brokers, topicsOf(ALL_EVENTS));

const { code } = await run('npx', ['vitest', 'run', ...vitestArgs], {
  cwd: root,
  stdio: 'inherit',
  allowFailure: true,
  env: {
    TERTIAL_TEST_KAFKA_BROKERS: kafka.brokers.join(','),
    TERTIAL_TEST_PG_URL: postgres.url,
    CHROMIUM_PATH: chromium,
    TERTIAL_VERAPDF_LIBS: verapdf,
    TERTIAL_SOFFICE: soffice,
    TERTIAL_SCHEMATHESIS: schemathesis,
    TERTIAL_K8S_PYTHON: k8sPython,
    TERTIAL_KUSTOMIZE: kustomize,
    TERTIAL_PROMTOOL: promtool,
    // The specs that need one of these tools fail without it, rather than skip, when `npm test` runs them.
    TERTIAL_TEST_RUN: '1',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --disable-warning=TimeoutNegativeWarning`.trim(),
  },
});
await shutdown();
process.exit(code);
