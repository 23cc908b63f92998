// schemathesis, the property-based API fuzzer the tests run against every service's OpenAPI document
// (tests/integration/api-fuzzning.test.ts), from PyPI into a virtual environment of its own in
// .tertial/tools/schemathesis: the versions pinned in infra/schemathesis/requirements.txt, installed once and
// reinstalled only when that file changes. A missing tool fails the run, never skips the test.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { aptInstall, createLog, run, which } from './process.mjs';

const REPO_ROOT = new URL('../../..', import.meta.url).pathname;

/** The path of the `st` command (schemathesis's CLI), installed if it is missing or its pins changed. */
export async function ensureSchemathesis({ root = REPO_ROOT, log = createLog('schemathesis') } = {}) {
  const requirements = join(root, 'infra/schemathesis/requirements.txt');
  const venv = join(root, '.tertial/tools/schemathesis');
  const st = join(venv, 'bin/st');
  const stamp = join(venv, 'requirements.sha256');
  const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  if (existsSync(st) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) return st;

  log('installing schemathesis from PyPI into .tertial/tools/schemathesis (a minute the first time)');
  let python = which('python3');
  if (!python) {
    await aptInstall(['python3', 'python3-venv'], { log });
    python = which('python3');
    if (!python) throw new Error('python3 was installed but is not on PATH');
  }
  rmSync(venv, { recursive: true, force: true });
  // Debian's python3 makes a venv only with python3-venv (ensurepip); install it the first time that fails.
  const made = await run(python, ['-m', 'venv', venv], { allowFailure: true });
  if (made.code !== 0) {
    await aptInstall(['python3-venv'], { log });
    rmSync(venv, { recursive: true, force: true });
    await run(python, ['-m', 'venv', venv]);
  }
  await run(join(venv, 'bin/pip'), ['install', '--quiet', '--disable-pip-version-check', '--require-virtualenv', '-r', requirements]);
  await run(st, ['--version']);
  writeFileSync(stamp, `${wanted}\n`);
  return st;
}
