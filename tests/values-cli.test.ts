import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';
import { goals, workspaceWith } from './values/edit.ts';
import { website } from './values/links-cases.ts';
import { AT_THE_BOUNDS, REFUSED as NUMBERS } from './values/numbers-cases.ts';

const byName = (name: string) => NUMBERS.find((c) => c.name === name)!.changes;

/** Values JSON cannot carry faithfully: NaN and Infinity are not JSON, and JSON.stringify writes them as null. */
function assertPlainJson(stdout: string): unknown {
  expect(stdout).not.toMatch(/NaN|Infinity/);
  return JSON.parse(stdout);
}

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

describe('check --json on hostile values: exit 2, located, nothing written', () => {
  it.each([
    { name: 'revenue 1e308', changes: byName('revenue 1e308 (the issue\'s example)'), expected: ['plans/accounts/acme.yaml:8:35 forecast[0].revenue must be at most 1000000000000000, got 1e+308.'] },
    { name: 'fx 1e300', changes: byName('fx rate 1e300 (the issue\'s example)'), expected: ['plans/workspace.yaml:8:12 fx.EUR must be at most 1000000, got 1e+300.'] },
    {
      name: 'a javascript: website',
      changes: website('javascript:alert(document.cookie)'),
      expected: ['plans/accounts/acme.yaml:2:21 profile.website: "javascript:alert(document.cookie)" is not valid: write a web address that starts with https:// (or http://), such as https://www.example.com.'],
    },
    {
      name: 'a goal scoped by constructor',
      changes: goals('{ channel: direct }', '{ constructor: direct }'),
      expected: ['plans/goals.yaml:3:45 goals[1].scope: "constructor" is not a dimension, "owner" or "manager". Write one of: owner, manager, channel, region.'],
    },
    {
      name: 'a rule ranking by a misspelt dimension',
      changes: workspaceWith('rules:\n  top-account-without-plan: { dimension: chanel }'),
      expected: ['plans/workspace.yaml:13:42 rules.top-account-without-plan.dimension: "chanel" is not a dimension in workspace.yaml. Did you mean "channel"? Write one of: channel, region.'],
    },
  ])('$name', ({ changes, expected }) => {
    sandbox = makeSandbox();
    sandbox.write(changes);
    const before = sandbox.snapshot();
    const result = runScript('check', ['--json', '--plans', 'plans', '--today', '2026-11-01'], { cwd: sandbox.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('');
    const json = assertPlainJson(result.stdout) as { ok: boolean; currency: unknown; goals: unknown[]; diagnostics: { file: string; line: number; column: number; message: string }[] };
    expect(json.ok).toBe(false);
    expect(json.goals).toEqual([]);
    // The documented shape for invalid plans: nothing is summed, so there is no currency; no other null anywhere.
    expect(json.currency).toBeNull();
    expect(JSON.stringify({ ...json, currency: 'none' })).not.toContain('null');
    expect(json.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual(expected);
    expect(sandbox.snapshot()).toEqual(before);
  });

  it('amounts and rates at their bounds: finite totals, no null anywhere', () => {
    sandbox = makeSandbox();
    sandbox.write(AT_THE_BOUNDS);
    const before = sandbox.snapshot();
    const result = runScript('check', ['--json', '--plans', 'plans', '--today', '2026-11-01'], { cwd: sandbox.dir });
    expect(result.status).toBe(0);
    const json = assertPlainJson(result.stdout) as { goals: { goal: number; planned: number; gap: number }[] };
    expect(result.stdout).not.toContain('null');
    expect(json.goals.flatMap((g) => [g.goal, g.planned, g.gap]).every(Number.isFinite)).toBe(true);
    expect(sandbox.snapshot()).toEqual(before);
  });
});
