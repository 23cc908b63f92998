import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const HERE = new URL('.', import.meta.url).pathname;
const ROOT = join(HERE, '../..');
const RULES = readFileSync(join(HERE, 'alerts.yml'), 'utf8');

/**
 * promtool as `npm test` installs it (Debian's, infra/scripts/lib/manifest-tools.mjs) and passes it in TERTIAL_PROMTOOL.
 * Under `npm test` (TERTIAL_TEST_RUN=1) a missing one fails; a plain `npx vitest` without it skips and says so.
 */
const PROMTOOL = process.env.TERTIAL_PROMTOOL || undefined;
const REQUIRED = process.env.TERTIAL_TEST_RUN === '1';
const HOW = 'run `npm test`, which installs promtool into .tertial/tools and sets TERTIAL_PROMTOOL';
if (!REQUIRED && !PROMTOOL) console.warn(`infra/prometheus/alerts.spec.ts: promtool's tests skipped: ${HOW}`);
const SKIP = !REQUIRED && !PROMTOOL;

/** The `tertial_…` metrics the kit defines (its `name: '…'` declarations), with a histogram's series suffixes. */
function definedMetrics(): Set<string> {
  const source = readFileSync(join(ROOT, 'packages/service-kit/src/metrics/service-metrics.ts'), 'utf8');
  const names = new Set<string>();
  for (const match of source.matchAll(/new (\w+)\(\{\s*name: '(tertial_\w+)'/g)) {
    const [, kind, name] = match as unknown as [string, string, string];
    names.add(name);
    if (kind === 'Histogram') for (const suffix of ['_bucket', '_count', '_sum']) names.add(`${name}${suffix}`);
  }
  return names;
}

describe('the alert rules in infra/prometheus', () => {
  it('name only metrics the services expose', () => {
    const defined = definedMetrics();
    expect(defined).toContain('tertial_outbox_oldest_unsent_age_seconds');
    const used = new Set([...RULES.matchAll(/\b(tertial_[a-z_]+)\b/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThanOrEqual(5);
    for (const name of used) expect(defined, name).toContain(name);
  });

  it('name the conditions an operator must act on: lag growing, outbox stuck, any dead letter', () => {
    const alerts = [...RULES.matchAll(/- alert: (\w+)/g)].map((m) => m[1]);
    expect(alerts).toEqual(expect.arrayContaining(['TertialConsumerLagGrowing', 'TertialOutboxStuck', 'TertialDeadLetter']));
  });

  it.skipIf(SKIP)('pass promtool check rules', () => {
    expect(PROMTOOL, HOW).toBeTruthy();
    const out = execFileSync(PROMTOOL!, ['check', 'rules', join(HERE, 'alerts.yml')], { encoding: 'utf8' });
    expect(out).toMatch(/SUCCESS: \d+ rules found/);
  });

  it.skipIf(SKIP)('fire, and stay quiet, as promtool test rules expects (alerts.test.yml)', () => {
    expect(PROMTOOL, HOW).toBeTruthy();
    const out = execFileSync(PROMTOOL!, ['test', 'rules', join(HERE, 'alerts.test.yml')], { encoding: 'utf8', cwd: HERE });
    expect(out).toContain('SUCCESS');
  });
});
