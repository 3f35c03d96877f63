import { describe, expect, it } from 'vitest';
import { Run } from '../src/core/engine/run.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { handOverRun, takeOverRun } from '../src/lib/site-run.ts';

// The build validates, then hands its Run to the pages in the same process (scripts/lib/astro-build.ts): the pages
// must only take it when it read their folder with their paths, else they load the plans themselves.
describe('the validated Run handed to the site', () => {
  const run = Run.of(workingCopy({ plansDir: 'tests/fixtures/minimal', cwd: process.cwd() }), { today: '2026-11-24' });

  it('is taken by pages that read the same folder from the same root, however the folder is written', () => {
    handOverRun(run, 'tests/fixtures/minimal', process.cwd());
    expect(takeOverRun('tests/fixtures/minimal', process.cwd())).toBe(run);
    expect(takeOverRun('./tests/fixtures/../fixtures/minimal/', `${process.cwd()}/`)).toBe(run);
  });

  it('is not taken for another folder, or for the same folder shown from another root', () => {
    handOverRun(run, 'tests/fixtures/minimal', process.cwd());
    expect(takeOverRun('tests/fixtures/rules-base', process.cwd())).toBeUndefined();
    expect(takeOverRun('fixtures/minimal', `${process.cwd()}/tests`)).toBeUndefined();
  });
});
