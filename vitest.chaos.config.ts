import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * `npm run chaos`: the tests that kill the product's processes (services, gateway, Kafka broker) and check that it
 * comes back with nothing lost. Each starts what it needs itself, with the code `npm start` uses, on ports of its own
 * (moved by TERTIAL_TEST_SLOT), so they run apart from `npm test` and its stack. They take minutes.
 */
export default defineConfig({
  resolve: { conditions: ['source', ...defaultServerConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  test: {
    name: 'chaos',
    include: ['tests/chaos/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
