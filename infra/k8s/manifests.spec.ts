import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const HERE = new URL('.', import.meta.url).pathname;
const ROOT = join(HERE, '../..');
const BASE = join(HERE, 'base');

/** A Python with kubernetes-validate (docs/deployment.md says how to make `.tertial/tools/python`). */
function python(): string | undefined {
  for (const candidate of [join(ROOT, '.tertial/tools/python/bin/python3'), 'python3']) {
    if (spawnSync(candidate, ['-c', 'import kubernetes_validate, jsonschema, yaml'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

/** kustomize on the PATH or in `.tertial/tools/`, to build the overlays. */
function kustomize(): string | undefined {
  const local = join(ROOT, '.tertial/tools/kustomize');
  if (existsSync(local)) return local;
  return spawnSync('kustomize', ['version'], { stdio: 'ignore' }).status === 0 ? 'kustomize' : undefined;
}

const PYTHON = python();
const KUSTOMIZE = kustomize();
// Loading the Kubernetes schemas takes a Python a few seconds, and far longer on a busy machine.
const SLOW = 240_000;

function validate(args: string[], input?: string): { status: number; output: string } {
  const run = spawnSync(PYTHON!, [join(HERE, 'validate.py'), ...args], { input, encoding: 'utf8' });
  return { status: run.status ?? 1, output: `${run.stdout}${run.stderr}` };
}

describe('the Kubernetes manifests in infra/k8s', () => {
  it.skipIf(!PYTHON)(
    "are valid for Kubernetes 1.37 and for Strimzi's and CloudNativePG's CRDs, with two replicas, probes and a PodDisruptionBudget each",
    () => {
      const files = readdirSync(BASE)
        .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
        .map((file) => join(BASE, file));
      const { status, output } = validate(files);
      expect(output).toMatch(/ok {3}Kafka\/tertial-kafka \(kafka\.strimzi\.io\/v1, operator CRD\)/);
      expect(output).toMatch(/ok {3}Cluster\/tertial-postgres \(postgresql\.cnpg\.io\/v1, operator CRD\)/);
      expect(output).toMatch(/ok {3}Deployment\/tertial-gateway \(apps\/v1, Kubernetes 1\.37\.0\)/);
      expect(output).toContain('0 failed');
      expect(status).toBe(0);
    },
    SLOW,
  );

  it.skipIf(!PYTHON)(
    'refuse a resource the cluster would refuse or silently prune',
    () => {
      const wrong = [
        'apiVersion: postgresql.cnpg.io/v1',
        'kind: Cluster',
        'metadata: { name: x }',
        'spec: { instancez: 2, storage: { size: 1Gi } }',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: y }',
        'spec: { replicas: 1, selector: { matchLabels: { a: b } }, template: { metadata: { labels: { a: b } }, spec: { containers: [{ name: c, image: i, portz: [] }] } } }',
      ].join('\n');
      const { status, output } = validate(['-'], wrong);
      expect(output).toContain("'instancez' was unexpected");
      expect(output).toMatch(/FAIL Deployment\/y/);
      expect(output).toContain('y: 1 replica(s), not two');
      expect(status).toBe(1);
    },
    SLOW,
  );

  for (const overlay of ['production', 'staging']) {
    it.skipIf(!PYTHON || !KUSTOMIZE)(
      `build and validate as the ${overlay} overlay`,
      () => {
        const built = execFileSync(KUSTOMIZE!, ['build', join(HERE, 'overlays', overlay)], {
          encoding: 'utf8',
          env: { ...process.env, TERTIAL_OIDC_ISSUER: 'https://login.stad.example/realms/tertial' },
        });
        expect(built).toContain('TERTIAL_OIDC_ISSUER: https://login.example.org/realms/tertial');
        const { status, output } = validate(['-'], built);
        expect(output).toContain('0 failed');
        expect(status).toBe(0);
      },
      SLOW,
    );
  }
});
