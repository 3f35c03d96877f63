import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, runScript, type Sandbox } from '../helpers/sandbox.ts';
import { otherValidFiles } from './case.ts';
import { validFiles } from './model.ts';
import { mutate, mutation } from './mutate.ts';

// The in-process properties call the command functions; these few cases run the real scripts, as CI does,
// to pin that what reaches `main` is an exit code and a message, never a stack trace.
const samples = fc.sample(
  fc.record({ files: fc.oneof(validFiles, otherValidFiles), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
  { numRuns: 3, seed: 20261124 },
).map(({ files, mutations }, i) => ({ name: `mutated workspace ${i + 1}: ${mutations.map((m) => m.kind).join(', ')}`, files: mutate(files, mutations) }));

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

describe('the real scripts over mutated workspaces', () => {
  it.each(samples)('$name', ({ files }) => {
    sandbox = makeSandbox();
    sandbox.write({ 'workspace.yaml': null, 'team.yaml': null, 'goals.yaml': null, accounts: null });
    sandbox.write(files);
    const before = sandbox.snapshot();
    for (const [script, args] of [['validate', []], ['check', ['--today', '2026-11-24']]] as const) {
      const r = runScript(script, ['--plans', 'plans', ...args], { cwd: sandbox.dir });
      expect([0, 1, 2], `${script}: ${r.stderr}`).toContain(r.status);
      expect(r.stderr).not.toMatch(/Internal error|\n\s+at /);
    }
    expect(sandbox.snapshot()).toEqual(before);
  });
});
