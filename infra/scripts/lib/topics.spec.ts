import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ALL_EVENTS } from '@tertial/contracts/events';
import { describe, expect, it } from 'vitest';

import { replicationFactorFrom, topicSpecs, topicsOf } from './topics.mjs';

const ROOT = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const setting = (specs: ReturnType<typeof topicSpecs>, topic: string, name: string) =>
  specs.find((spec) => spec.topic === topic)?.configEntries.find((entry) => entry.name === name)?.value;

describe('the topics', () => {
  it('take their replication factor from TERTIAL_TOPIC_REPLICATION_FACTOR, 1 when it is not set', () => {
    expect(replicationFactorFrom({})).toBe(1);
    expect(replicationFactorFrom({ TERTIAL_TOPIC_REPLICATION_FACTOR: '3' })).toBe(3);
    for (const wrong of ['0', 'tre', '2.5', '']) {
      expect(() => replicationFactorFrom({ TERTIAL_TOPIC_REPLICATION_FACTOR: wrong })).toThrow(/TERTIAL_TOPIC_REPLICATION_FACTOR/);
    }
    const specs = topicSpecs(topicsOf(ALL_EVENTS), replicationFactorFrom({ TERTIAL_TOPIC_REPLICATION_FACTOR: '3' }));
    expect(specs).toHaveLength(ALL_EVENTS.length * 2);
    expect(specs.every((spec) => spec.replicationFactor === 3)).toBe(true);
  });

  it('are made with three replicas on the production cluster and one where there is one broker', () => {
    // The topics job (infra/k8s/base/kafka.yaml, compose.yaml) runs create-topics.mjs, which reads the variable.
    expect(read('infra/k8s/base/kafka.yaml')).toContain("command: ['node', 'infra/scripts/create-topics.mjs']");
    expect(read('infra/compose/compose.yaml')).toContain("command: ['node', 'infra/scripts/create-topics.mjs']");
    expect(read('infra/scripts/create-topics.mjs')).toContain('replicationFactorFrom(process.env)');
    expect(read('infra/k8s/base/kustomization.yaml')).toMatch(/^\s+- TERTIAL_TOPIC_REPLICATION_FACTOR=3$/m);
    expect(read('infra/k8s/overlays/staging/kustomization.yaml')).toMatch(/literals: \[TERTIAL_TOPIC_REPLICATION_FACTOR=1\]/);
    expect(read('infra/compose/compose.yaml')).toMatch(/TERTIAL_TOPIC_REPLICATION_FACTOR: '1'/);
  });

  it("keep what each event's contract says: every event for good, or each key's latest; dead letters 90 days", () => {
    const specs = topicSpecs(topicsOf(ALL_EVENTS));
    for (const event of ALL_EVENTS) {
      expect(setting(specs, event.topic, 'cleanup.policy'), event.topic).toBe(event.retention === 'latest-per-key' ? 'compact' : 'delete');
      expect(setting(specs, event.topic, 'retention.ms'), event.topic).toBe('-1');
      expect(setting(specs, `${event.topic}.dlt`, 'retention.ms')).toBe(String(90 * 86_400_000));
      expect(specs.find((spec) => spec.topic === event.topic)?.numPartitions).toBe(event.partitions);
    }
  });
});

/** The rows of the first Markdown table after `heading` in `doc`, as arrays of cells. */
function tableAfter(doc: string, heading: string): string[][] {
  const from = doc.indexOf(heading);
  expect(from, heading).toBeGreaterThanOrEqual(0);
  const lines = doc.slice(from).split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** The exported names of the events whose topics the report service consumes (its @EventPattern handlers). */
function consumedByReport(): Set<string> {
  const names = new Set<string>();
  const sources = execFileSync('grep', ['-rhoE', String.raw`@EventPattern<string>\([a-zA-Z]+\.topic`, join(ROOT, 'apps/report/src')], {
    encoding: 'utf8',
  });
  for (const match of sources.matchAll(/\((\w+)\.topic/g)) names.add(match[1]!);
  // The organisation replica (service-kit) is the report service's too: it lists OrganisationNodeReplicaSchema.
  names.add('organisationsnodUppdaterad');
  return names;
}

describe('the topics as the docs list them', () => {
  it("events.md gives every topic's retention as its contract chooses it", () => {
    const rows = tableAfter(read('docs/events.md'), '## Retention');
    const byTopic = new Map(rows.map(([topic, retention]) => [topic!.replaceAll('`', ''), retention!]));
    for (const event of ALL_EVENTS) expect(byTopic.get(event.topic), event.topic).toContain(`(\`${event.retention}\`)`);
    expect(rows).toHaveLength(ALL_EVENTS.length + 1);
    expect(byTopic.get('every ….dlt')).toBe('90 days');
  });

  it('operations.md gives every topic its partitions', () => {
    const rows = tableAfter(read('docs/operations.md'), '### Partitions for N replicas');
    expect(rows.map(([topic, partitions]) => [topic!.replaceAll('`', ''), Number(partitions)])).toEqual(
      ALL_EVENTS.map((event) => [event.topic, event.partitions]),
    );
  });

  it('never compacts a topic the report service is rebuilt from', async () => {
    const contracts = (await import('@tertial/contracts/events')) as unknown as Record<string, { topic?: string; retention?: string }>;
    const consumed = consumedByReport();
    expect(consumed.size).toBeGreaterThanOrEqual(15);
    for (const name of consumed) expect(contracts[name]?.retention, name).toBe('every-event');
  });
});
