import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

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
