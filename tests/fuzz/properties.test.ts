import { describe, expect, it } from 'vitest';
import { PROPERTIES } from './properties.ts';
import { runProperty, SEED } from './run.ts';

// A few hundred cases in all with a fixed seed; `npm run fuzz -- --runs N [--seed S]` runs the same properties long.
describe(`fuzzing (seed ${SEED})`, () => {
  it.each(PROPERTIES)('$name', async (p) => {
    expect((await runProperty(p)).runs).toBeGreaterThan(0);
  });
});
