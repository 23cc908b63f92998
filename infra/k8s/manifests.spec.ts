import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const HERE = new URL('.', import.meta.url).pathname;
const BASE = join(HERE, 'base');

/**
 * The tools, as `npm test` installs them (infra/scripts/lib/manifest-tools.mjs) and passes them: TERTIAL_K8S_PYTHON, a
 * python3 with kubernetes-validate, and TERTIAL_KUSTOMIZE. Under `npm test` (TERTIAL_TEST_RUN=1) a missing one fails
 * the tests; a plain `npx vitest` without them skips these tests and says how to get them.
 */
const PYTHON = process.env.TERTIAL_K8S_PYTHON || undefined;
const KUSTOMIZE = process.env.TERTIAL_KUSTOMIZE || undefined;
const REQUIRED = process.env.TERTIAL_TEST_RUN === '1';
const HOW = 'run `npm test`, which installs them into .tertial/tools and sets TERTIAL_K8S_PYTHON and TERTIAL_KUSTOMIZE';
if (!REQUIRED && (!PYTHON || !KUSTOMIZE))
  console.warn(`infra/k8s/manifests.spec.ts: skipped without kubernetes-validate or kustomize: ${HOW}`);
const withTools = (needsKustomize: boolean) => !REQUIRED && (!PYTHON || (needsKustomize && !KUSTOMIZE));

describe('the tools that check the manifests', () => {
  it.runIf(REQUIRED)('are there under npm test', () => {
    expect(PYTHON, HOW).toBeTruthy();
    expect(KUSTOMIZE, HOW).toBeTruthy();
  });
});

// Loading the Kubernetes schemas takes a Python a few seconds, and far longer on a busy machine.
const SLOW = 240_000;

function validate(args: string[], input?: string): { status: number; output: string } {
  const run = spawnSync(PYTHON!, [join(HERE, 'validate.py'), ...args], { input, encoding: 'utf8' });
  return { status: run.status ?? 1, output: `${run.stdout}${run.stderr}` };
}

describe('the Kubernetes manifests in infra/k8s', () => {
  it.skipIf(withTools(false))(
    "are valid for Kubernetes 1.37 and for Strimzi's and CloudNativePG's CRDs, with two replicas of every service, probes and a PodDisruptionBudget each",
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
      for (const tjanst of ['goals', 'budget', 'forecast', 'report', 'gateway']) {
        const text = readFileSync(join(BASE, `${tjanst}.yaml`), 'utf8');
        expect(text, tjanst).toMatch(/^kind: Deployment\n[\s\S]*?^spec:\n {2}replicas: 2$/m);
        expect(text, tjanst).toMatch(/^kind: PodDisruptionBudget\n[\s\S]*?^spec:\n {2}minAvailable: 1$/m);
      }
    },
    SLOW,
  );

  it.skipIf(withTools(false))(
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
    it.skipIf(withTools(true))(
      `build and validate as the ${overlay} overlay`,
      () => {
        const built = execFileSync(KUSTOMIZE!, ['build', join(HERE, 'overlays', overlay)], {
          encoding: 'utf8',
          env: { ...process.env, TERTIAL_OIDC_ISSUER: 'https://login.stad.example/realms/tertial' },
        });
        expect(built).toContain('TERTIAL_OIDC_ISSUER: https://login.example.org/realms/tertial');
        // Topics with a replica on every broker; the large messages' limits survive the overlay's patches.
        expect(built).toContain(`TERTIAL_TOPIC_REPLICATION_FACTOR: "${overlay === 'staging' ? 1 : 3}"`);
        expect(built).toContain('message.max.bytes: 16777216');
        expect(built).toContain('replica.fetch.max.bytes: 16777216');
        expect(built).toMatch(/path: \/health\n\s+port: http/);
        const { status, output } = validate(['-'], built);
        expect(output).toContain('0 failed');
        expect(status).toBe(0);
      },
      SLOW,
    );
  }
});
