// ESLint for the whole workspace. Each project's `lint` target runs it on the project's own files; the root
// project `workspace` (project.json) runs it on infra/, tests/ and the root's config files. The rules are type-aware:
// typescript-eslint's project service gives every file the program of its nearest tsconfig.json (the root
// tsconfig.json covers the code outside the projects).
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    '**/dist/',
    '.tertial/',
    '.nx/',
    '**/coverage/',
    'bench-results/',
    'test-results/',
    'apps/dashboard/src/routeTree.gen.ts',
  ]),

  {
    files: ['**/*.{ts,tsx,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // A package's bench scripts sit outside its tsconfig.json (which covers src/ only).
        projectService: { allowDefaultProject: ['packages/*/bench/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An async callback is how this code satisfies Promise-returning APIs that it does not always need to await in
      // (em.transactional, kafkajs's eachMessage, oidc-provider's adapter, async iterables as stream sources).
      '@typescript-eslint/require-await': 'off',
    },
  },

  // Plain JavaScript (the infra scripts, the gateway) has no annotations: every parameter is `any`, so the no-unsafe
  // family would flag every use of one. The other type-aware rules (floating promises, misused promises…) still apply.
  {
    files: ['**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // Vitest's asymmetric matchers (expect.stringMatching, expect.any, expect.objectContaining) are typed `any` by design,
  // and each one placed in an expected object is an "unsafe assignment". The rest of the no-unsafe family still applies.
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },

  // The contracts' specs compare with Node's own behaviour (Buffer), so they have a tsconfig of their own with Node's
  // types (packages/contracts/tsconfig.spec.json); the package's tsconfig.json, which the browser bundle follows, leaves them out.
  {
    files: ['packages/contracts/src/**/*.spec.ts'],
    languageOptions: {
      parserOptions: { projectService: false, project: './packages/contracts/tsconfig.spec.json', tsconfigRootDir: import.meta.dirname },
    },
  },

  // MikroORM's migration generator writes these files (escaping `$` in template strings); they are not edited by hand.
  {
    files: ['apps/*/src/migrations/Migration*.ts'],
    rules: { 'no-useless-escape': 'off' },
  },

  // Everything but the dashboard's own code runs on Node.js.
  {
    files: ['**/*.{ts,mjs}'],
    ignores: ['apps/dashboard/src/**'],
    languageOptions: { globals: globals.node },
  },

  // The dashboard: React in the browser.
  {
    files: ['apps/dashboard/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      // A wide table scrolls inside a labelled role="region" that takes focus, so the keyboard can scroll it (axe's
      // scrollable-region-focusable); the preset allows that only for tabpanel.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
    },
  },
]);
