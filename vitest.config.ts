import { defaultServerConditions } from 'vite';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Vitest's order (slowest and failed first), except that the API fuzzing runs last: it writes random valid data into
 * the demo city as every role that may, which no later test should meet.
 */
class FuzzingLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (file: TestSpecification) => (file.moduleId.endsWith('/api-fuzzning.test.ts') ? 1 : 0);
    return [...sorted].sort((a, b) => last(a) - last(b));
  }
}

/**
 * Two projects: `unit` (domain functions, plain data, no services) and `integration` (the real product:
 * services as processes against a real Kafka broker and PostgreSQL, the dashboard in Debian's Chromium).
 * `npm test` prepares what `integration` needs and runs both.
 */
export default defineConfig({
  // Workspace packages resolve to their TypeScript source, as in the editor.
  resolve: { conditions: ['source', ...defaultServerConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  test: {
    sequence: { sequencer: FuzzingLast },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['apps/*/src/**/*.spec.ts', 'packages/*/src/**/*.spec.ts', 'infra/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
