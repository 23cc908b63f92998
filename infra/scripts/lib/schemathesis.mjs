// schemathesis, the property-based API fuzzer the tests run against every service's OpenAPI document
// (tests/integration/api-fuzzning.test.ts), from PyPI into .tertial/tools/schemathesis with the versions pinned in
// infra/schemathesis/requirements.txt. A missing tool fails the run, never skips the test.
import { join } from 'node:path';

import { createLog, run } from './process.mjs';
import { ensurePythonVenv } from './python-venv.mjs';

const REPO_ROOT = new URL('../../..', import.meta.url).pathname;

/** The path of the `st` command (schemathesis's CLI), installed if it is missing or its pins changed. */
export async function ensureSchemathesis({ root = REPO_ROOT, log = createLog('schemathesis') } = {}) {
  const requirements = join(root, 'infra/schemathesis/requirements.txt');
  const venv = await ensurePythonVenv({ root, name: 'schemathesis', requirements, log });
  const st = join(venv, 'bin/st');
  await run(st, ['--version']);
  return st;
}
