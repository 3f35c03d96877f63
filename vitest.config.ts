import { defineConfig } from 'vitest/config';

// Two projects: `unit` (core, commands, fuzzing; about a minute) and `browser` (builds sites and drives
// them in Chromium; several minutes). `npm test` runs both; `npm run test:unit` only the first.
export default defineConfig({
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
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
