// The tools that check the deployment without a cluster (infra/k8s/manifests.spec.ts, infra/prometheus/alerts.spec.ts),
// installed into .tertial/tools once and again only when their pins change:
// - kubernetes-validate from PyPI (the Kubernetes API's schemas), pinned in infra/k8s/requirements.txt;
// - kustomize, built from the Go module proxy at KUSTOMIZE_VERSION (Debian has no kustomize, and its kubectl, 1.20,
//   embeds a kustomize too old for the overlays' patches);
// - promtool, taken out of Debian's `prometheus` package (apt-get download, not installed: no server, no units).
// `npm test` passes their paths to Vitest, and those specs fail rather than skip when one is missing.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { aptDownload, aptInstall, createLog, run, which } from './process.mjs';
import { ensurePythonVenv } from './python-venv.mjs';

const REPO_ROOT = new URL('../../..', import.meta.url).pathname;
export const KUSTOMIZE_VERSION = 'v5.8.1';

/** A python3 with kubernetes-validate, jsonschema and PyYAML (infra/k8s/validate.py's imports). */
export async function ensureKubernetesValidate({ root = REPO_ROOT, log = createLog('kubernetes-validate') } = {}) {
  const venv = await ensurePythonVenv({ root, name: 'kubernetes-validate', requirements: join(root, 'infra/k8s/requirements.txt'), log });
  const python = join(venv, 'bin/python3');
  await run(python, ['-c', 'import kubernetes_validate, jsonschema, yaml']);
  return python;
}

/** The kustomize binary, `go install`ed from the module proxy into .tertial/tools/kustomize-<version>/ (minutes the first time). */
export async function ensureKustomize({ root = REPO_ROOT, log = createLog('kustomize') } = {}) {
  const dir = join(root, '.tertial/tools', `kustomize-${KUSTOMIZE_VERSION}`);
  const kustomize = join(dir, 'kustomize');
  if (existsSync(kustomize)) return kustomize;

  let go = which('go') ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go) {
    await aptInstall(['golang-go'], { log });
    go = which('go');
    if (!go) throw new Error('golang-go was installed but `go` is not on PATH');
  }
  log(`building kustomize ${KUSTOMIZE_VERSION} from the Go module proxy into ${dir} (a few minutes the first time)`);
  // GOTOOLCHAIN=auto lets an older go fetch the toolchain kustomize's go.mod asks for, from the same proxy.
  await run(go, ['install', `sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION}`], {
    env: { GOBIN: dir, GOTOOLCHAIN: 'auto', GOFLAGS: '-buildvcs=false' },
  });
  await run(kustomize, ['version']);
  return kustomize;
}

/** promtool from Debian's `prometheus` package, unpacked into .tertial/tools/promtool-debian/. */
export async function ensurePromtool({ root = REPO_ROOT, log = createLog('promtool') } = {}) {
  const dir = join(root, '.tertial/tools/promtool-debian');
  const promtool = join(dir, 'promtool');
  if (existsSync(promtool)) return promtool;

  const scratch = mkdtempSync(join(tmpdir(), 'tertial-promtool-'));
  try {
    // apt's sandbox user cannot write to a root-only temporary directory; it warns and downloads as root.
    const deb = await aptDownload('prometheus', scratch, { log });
    await run('dpkg-deb', ['-x', deb, join(scratch, 'unpacked')]);
    mkdirSync(dir, { recursive: true });
    // Copied under a temporary name and renamed, so an interrupted copy is never taken for the tool.
    copyFileSync(join(scratch, 'unpacked/usr/bin/promtool'), `${promtool}.partial`);
    renameSync(`${promtool}.partial`, promtool);
    await run(promtool, ['--version']);
    return promtool;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
