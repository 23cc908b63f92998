// `npm run chaos`: builds, then runs the tests that kill the product's processes while it works (tests/chaos/): each
// starts its own broker and stack the way `npm start` does, on ports moved by TERTIAL_TEST_SLOT, and stops them after.
// Vitest arguments pass through, e.g. `npm run chaos -- tests/chaos/kafka-under-supervision.test.ts`.
import { resolve } from 'node:path';

import { createLog, run } from './lib/process.mjs';

const root = resolve(import.meta.dirname, '../..');
const log = createLog('chaos');
log('building (Nx reuses what has not changed)');
await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], {
  cwd: root,
  env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  stdio: 'inherit',
});
const { code } = await run('npx', ['vitest', 'run', '--config', 'vitest.chaos.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  allowFailure: true,
  env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --disable-warning=TimeoutNegativeWarning`.trim() },
});
process.exit(code);
