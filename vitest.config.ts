import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` (core, commands, fuzzing) and `browser` (builds sites and drives them in Chromium). `npm test`
// runs the unit project, then the browser project; `npm run test:unit` only the first.
// The package's own main export (`import('account-plans')` in tests/engine-api.test.ts) resolves to the TypeScript
// sources through the "source" condition of package.json's exports, not to compiled/, which may be stale.
const conditions = ['source', 'module', 'node', 'import', 'default'];

// Files run in parallel, at least two at a time even on two cores (vitest's default there is one): most tests spend
// their time waiting on a process they started (the CLI, Astro, git, npm, Chromium), so a second file uses the core
// the first one leaves idle. Every test file keeps to its own temporary folders, ports and environment, so any two
// can run at once. For a quiet, one-file-at-a-time run: `npm test -- --maxWorkers=1`.
const workers = Math.max(2, availableParallelism());

// Node's compile cache for every process the tests start (the CLI is spawned some hundreds of times): the second
// start of a script skips stripping and compiling its modules, about half its CPU time. The same cache, in the same
// place, that scripts/check.ts turns on for itself; what a process does is the same with or without it.
if (!process.env['NODE_DISABLE_COMPILE_CACHE']) process.env['NODE_COMPILE_CACHE'] ??= join(tmpdir(), 'node-compile-cache');

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
          maxWorkers: workers,
          sequence: { groupOrder: 0 },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          // Builds the example once for every file that looks at it (helpers.ts: exampleSite, useBuiltSite); the build
          // starts with the run, so it goes on while the unit project runs.
          globalSetup: ['tests/e2e/global-setup.ts'],
          maxWorkers: workers,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
