import { defineConfig } from 'vitest/config';

// Two projects: `unit` (core, commands, fuzzing; about a minute) and `browser` (builds sites and drives
// them in Chromium; several minutes). `npm test` runs both; `npm run test:unit` only the first.
// The package's own main export (`import('account-plans')` in tests/engine-api.test.ts) resolves to the TypeScript
// sources through the "source" condition of package.json's exports, not to compiled/, which may be stale.
const conditions = ['source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          // Builds the example once for every file that looks at it (helpers.ts: exampleSite, useBuiltSite).
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
