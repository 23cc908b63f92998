// `npm run chaos`: builds, then runs the tests that kill the product's processes while it works (tests/chaos/): each
// starts its own broker and stack the way `npm start` does, on ports moved by TERTIAL_TEST_SLOT, and stops them after.
// Vitest arguments pass through, e.g. `npm run chaos -- tests/chaos/kafka-under-supervision.test.ts`.
// TERTIAL_CHAOS=liten is the smaller variant CI runs: only the fault suite (the forecast round under faults on one
// broker and on three), with a sixth of the city's ansvar instead of all of them.
import { resolve } from 'node:path';

import { createLog, run } from './lib/process.mjs';

const root = resolve(import.meta.dirname, '../..');
const FAULT_SUITE = ['tests/chaos/prognosomgang-under-faults.test.ts', 'tests/chaos/prognosomgang-tre-brokers.test.ts'];
const log = createLog('chaos');
log('building (Nx reuses what has not changed)');
await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], {
  cwd: root,
  env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  stdio: 'inherit',
});
const args = process.argv.slice(2);
const liten = process.env.TERTIAL_CHAOS === 'liten';
const files = liten && !args.some((arg) => arg.endsWith('.test.ts')) ? FAULT_SUITE : [];
if (liten) log(`the smaller variant (TERTIAL_CHAOS=liten)${files.length ? `: ${files.join(', ')}` : ''}`);
const startedAt = performance.now();
const { code } = await run('npx', ['vitest', 'run', '--config', 'vitest.chaos.config.ts', ...files, ...args], {
  cwd: root,
  stdio: 'inherit',
  allowFailure: true,
  env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --disable-warning=TimeoutNegativeWarning`.trim() },
});
log(`done in ${((performance.now() - startedAt) / 60_000).toFixed(1)} min`);
process.exit(code);
