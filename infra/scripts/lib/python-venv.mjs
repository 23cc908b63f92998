// A Python tool from PyPI in a virtual environment of its own under .tertial/tools/<name>: the versions pinned in a
// requirements file, installed once and reinstalled only when that file changes (a hash of it is kept beside).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { aptInstall, createLog, run, which } from './process.mjs';

/** The venv's directory, (re)made from `requirements` if it is missing or its pins changed. */
export async function ensurePythonVenv({ root, name, requirements, log = createLog(name) }) {
  const venv = join(root, '.tertial/tools', name);
  const stamp = join(venv, 'requirements.sha256');
  const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  if (existsSync(join(venv, 'bin/python3')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) return venv;

  log(`installing ${name} from PyPI into .tertial/tools/${name} (a minute the first time)`);
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
  writeFileSync(stamp, `${wanted}\n`);
  return venv;
}
