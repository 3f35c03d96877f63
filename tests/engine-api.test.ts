import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../scripts/commands/check.ts';
import { validateCommand } from '../scripts/commands/validate.ts';
import { historyCommand } from '../scripts/commands/history.ts';
import { newCommand } from '../scripts/commands/new.ts';
import { ExitError, type Output } from '../scripts/lib/cli.ts';
import { Run } from '../src/core/engine/run.ts';
import { plain } from '../src/core/report/diagnostics.ts';
import { gateLines } from '../src/core/report/gate.ts';
import { loadValid, rulesBase } from './rules-fixture.ts';
import { baseRepos } from './helpers/git.ts';
import { editPlan, makeSandbox, ROOT } from './helpers/sandbox.ts';

// Through package.json's main export, as a user's script imports the engine.
const engine = await import('account-plans');

const TODAY = '2026-11-24';

/** What a command prints on stdout, and its exit code. */
async function run(command: (argv: string[], output: Output, cwd: string) => Promise<number>, argv: string[], cwd: string): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const output: Output = { out: (l) => lines.push(l), err: () => undefined, paint: plain };
  const code = await command(argv, output, cwd);
  return { code, out: lines.join('\n') };
}

const baseRepo = baseRepos();

describe('the engine API, through the package main export', () => {
  it('check() returns exactly what check --json prints, on the example', async () => {
    const printed = JSON.parse((await run(checkCommand, ['--json', '--today', TODAY, '--no-cache'], ROOT)).out);
    expect(await engine.check({ plans: 'plans', cwd: ROOT, today: TODAY })).toEqual(printed);
    expect(printed.goals.length).toBeGreaterThan(0);
  });

  it('validate() returns exactly what validate --format json prints', async () => {
    const printed = JSON.parse((await run(validateCommand, ['--format', 'json', '--no-cache'], ROOT)).out);
    expect(await engine.validate({ plans: 'plans', cwd: ROOT })).toEqual(printed);
    expect(printed.ok).toBe(true);
  });

  it('check() with a base returns exactly what check --base --json prints', async () => {
    const sb = baseRepo();
    editPlan(sb, 'accounts/acme.yaml', 'revenue: 100 }', 'revenue: 10 }');
    const printed = JSON.parse((await run(checkCommand, ['--json', '--today', TODAY, '--base', 'main'], sb.dir)).out);
    const result = (await engine.check({ plans: 'plans', cwd: sb.dir, today: TODAY, base: 'main' })) as { base: { valid: boolean; goals: unknown[] } };
    expect(result).toEqual(printed);
    expect(result.base.valid).toBe(true);
    expect(result.base.goals.length).toBeGreaterThan(0);
  });

  it('check() over invalid plans returns the invalid shape, as check --json prints it', async () => {
    const sb = makeSandbox();
    try {
      sb.write({ 'accounts/acme.yaml': 'name: [unclosed\n' });
      const printed = JSON.parse((await run(checkCommand, ['--json', '--today', TODAY, '--no-cache'], sb.dir)).out);
      const result = (await engine.check({ plans: 'plans', cwd: sb.dir, today: TODAY })) as { ok: boolean; goals: unknown[] };
      expect(result).toEqual(printed);
      expect(result.ok).toBe(false);
      expect(result.goals).toEqual([]);
    } finally {
      sb.remove();
    }
  });

  it('refuses a date that is not real with an InputError, as --today and TODAY are refused', async () => {
    await expect(engine.check({ plans: 'plans', cwd: ROOT, today: '2026-02-30' })).rejects.toThrow(engine.InputError);
    await expect(engine.check({ plans: 'plans', cwd: ROOT, today: '2026-02-30' })).rejects.toThrow('--today must be a real date written YYYY-MM-DD');
  });

  it('one run computes each stage once and hands the same result to every caller', () => {
    const run = engine.openRun({ plans: 'plans', cwd: ROOT, today: TODAY });
    expect(run.rollup).toBe(run.rollup);
    expect(run.findings).toBe(run.findings);
    expect(run.portfolio).toBe(run.portfolio);
  });
});

describe('the base is valid by the same definition as the head', () => {
  it('a base whose narrative shows a missing image does not validate, as the head would not', async () => {
    const sb = baseRepo('tests/fixtures/minimal', (s) => {
      s.write({ 'accounts/zeta.mdx': readFileSync(join(ROOT, 'tests/fixtures/minimal/accounts/acme.yaml'), 'utf8').replace(/^/, '---\n') + '---\n\n![chart](./missing.png)\n' });
    });
    // The head fixes the narrative; the base had the broken image, which the old base loader let through.
    sb.write({ 'accounts/zeta.mdx': null });
    const r = await run(checkCommand, ['--json', '--today', TODAY, '--base', 'main'], sb.dir);
    const json = JSON.parse(r.out) as { base: { valid: boolean; errors: number; message: string } };
    expect(json.base.valid).toBe(false);
    expect(json.base.errors).toBeGreaterThan(0);
    expect(json.base.message).toContain('do not validate');
  });

  it('a base whose ledger has an error does not validate, as the head would not', async () => {
    const sb = baseRepo('tests/fixtures/minimal', (s) => s.write({ 'sales/2026.csv': 'date,account,revenue\n2026-03-01,acme,not-a-number\n' }));
    sb.write({ 'sales/2026.csv': null });
    const json = JSON.parse((await run(checkCommand, ['--json', '--today', TODAY, '--base', 'main'], sb.dir)).out) as { base: { valid: boolean } };
    expect(json.base.valid).toBe(false);
  });
});

describe('one door', () => {
  const sources = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|mjs|astro)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name).slice(ROOT.length + 1));
  const code = [...sources('src'), ...sources('scripts')];
  const callers = (call: RegExp, own: string) => code.filter((f) => !f.startsWith(own) && call.test(readFileSync(join(ROOT, f), 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '')));

  it.each([
    { stage: 'rollUp', call: /\brollUp\(/, own: 'src/core/rollup/' },
    { stage: 'runRules', call: /\brunRules\(/, own: 'src/core/rules/' },
    { stage: 'computeRevenue', call: /\bcomputeRevenue\(/, own: 'src/core/portfolio/' },
    { stage: 'assignTiers', call: /\bassignTiers\(/, own: 'src/core/portfolio/' },
  ])('$stage is called from the engine alone outside its own folder', ({ call, own }) => {
    expect(callers(call, own)).toEqual(['src/core/engine/run.ts']);
  });

  it('git is spawned from one file, which pins its settings', () => {
    const spawning = code.filter((f) => /\b(execFileSync|execFile|spawnSync|spawn|exec)\(\s*['"]git['"]/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(spawning).toEqual(['src/core/git/run.ts']);
    const runner = readFileSync(join(ROOT, 'src/core/git/run.ts'), 'utf8');
    for (const setting of ['core.fsmonitor=false', 'log.showSignature=false', 'core.quotepath=off', 'color.ui=false', 'diff.relative=false', '--literal-pathspecs']) {
      expect(runner).toContain(setting);
    }
  });

  it('core writes no npm command of its own: hints come from the invocation', () => {
    const core = sources('src/core').filter((f) => f !== 'src/core/shared/invocation.ts');
    const baked = core.filter((f) => /`[^`]*npm run [a-z]|'[^']*npm run [a-z]|"[^"]*npm run [a-z]/.test(readFileSync(join(ROOT, f), 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '')));
    expect(baked).toEqual([]);
  });
});


describe('today and the invocation, read the same way by every entry point', () => {
  // A command that refuses throws (new, history) or rejects (check, async): either is awaited here.
  const refuse = async (command: () => unknown) => {
    try {
      await command();
    } catch (e) {
      return e as ExitError;
    }
    throw new Error('the command did not refuse');
  };
  const silent: Output = { out: () => undefined, err: () => undefined, paint: plain };

  it.each([
    { name: 'check', call: (env: NodeJS.ProcessEnv) => checkCommand(['--json'], silent, ROOT, env) },
    { name: 'new', call: (env: NodeJS.ProcessEnv) => newCommand(['plan', 'x', '--name', 'X', '--owner', 'nobody'], silent, ROOT, env) },
    { name: 'history', call: (env: NodeJS.ProcessEnv) => historyCommand(['--json'], silent, ROOT, { cache: false, env }) },
  ])('$name refuses a TODAY that is not a real date, with the one message and exit 2', async ({ call }) => {
    const e = await refuse(() => call({ TODAY: '2026-13-01' }));
    expect(e).toBeInstanceOf(ExitError);
    expect(e.code).toBe(2);
    expect(e.message.split('\n')[0]).toBe('TODAY must be a real date written YYYY-MM-DD, such as 2026-10-15, not "2026-13-01".');
  });

  it('--today wins over TODAY, and a bad --today is named as --today', async () => {
    const e = await refuse(() => checkCommand(['--json', '--today', 'soon'], silent, ROOT, { TODAY: '2026-11-24' }));
    expect(e.message.split('\n')[0]).toBe('--today must be a real date written YYYY-MM-DD, such as 2026-10-15, not "soon".');
  });

  it('names commands in hints the way the user runs the tool: in rule messages and in the gate', () => {
    const ws = loadValid(rulesBase());
    const today = '2026-11-10'; // Ann Lee and Bo Kim have no review for October
    const byNpx = Run.ofWorkspace(ws, { today, how: engine.NPX }).findings.find((f) => f.rule === 'review-missing' && f.person === 'bo-kim')!;
    const byScripts = Run.ofWorkspace(ws, { today }).findings.find((f) => f.rule === 'review-missing' && f.person === 'bo-kim')!;
    expect(byNpx.message).toContain('"npx account-plans new review --person bo-kim --month 2026-10" starts it');
    expect(byScripts.message).toContain('"npm run new -- review --person bo-kim --month 2026-10" starts it');
    const before = Array.from({ length: 7 }, (_, i) => ({ kind: 'finding-error-before' as const, fails: false, text: `old error ${i}` }));
    const lines = gateLines({ passed: true, mode: 'change', reasons: before } as unknown as Parameters<typeof gateLines>[0], engine.NPX);
    expect(lines.at(-1)?.text).toBe('2 more rule errors were there before this change (npx account-plans check --json lists each)');
  });
});
