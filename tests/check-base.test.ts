import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../scripts/commands/check.ts';
import { ExitError } from '../scripts/lib/cli.ts';
import { resolveBase } from '../src/core/git/ref.ts';
import { atCommit, workingCopy } from '../src/core/load/sources.ts';
import { Run } from '../src/core/engine/run.ts';
import { compareWithBase } from '../src/core/engine/base.ts';

const readPlansAtRef = (ref: string, plansDir: string, cwd: string) => atCommit(resolveBase(ref, plansDir, cwd), plansDir, cwd).files;
import { readPlansFolder } from '../src/core/load/files.ts';
import { plain } from '../src/core/report/diagnostics.ts';
import { InputError } from '../src/core/shared/input-error.ts';

const TODAY = ['--today', '2026-11-01'];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

async function run(cwd: string, argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const code = await checkCommand(argv, { out: (l) => out.push(l), err: () => {}, paint: plain }, cwd, env);
  return { code, out, text: out.join('\n') };
}

/*
 * A repository with tests/fixtures/rollup-met under plans/ (goal €500,000; acme 400,000 + globex 150,000 = 550,000),
 * then a second commit: acme's forecast drops to 300,000 and a new plan initech adds 20,000,
 * so planned goes 550,000 → 470,000 (−80,000: acme −100,000, initech +20,000) and the goal is missed.
 */
let repo: string;
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'check-base-'));
  git(repo, 'init', '--quiet', '--initial-branch=main');
  cpSync('tests/fixtures/rollup-met', join(repo, 'plans'), { recursive: true });
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'plans');
  const acme = join(repo, 'plans/accounts/acme.yaml');
  writeFileSync(acme, readFileSync(acme, 'utf8').replace('revenue: 400000', 'revenue: 300000'));
  writeFileSync(join(repo, 'plans/accounts/initech.yaml'), 'name: Initech\nstatus: target\nstrategy: acquire\nowner: ann\nforecast:\n  - { period: FY2027, revenue: 20000 }\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'lower acme, add initech');
});

describe('check --base', () => {
  it('reads the plans folder as it was at the ref, byte for byte, with the working copy’s paths', () => {
    const before = readPlansAtRef('HEAD~1', 'plans', repo);
    expect(before.map((f) => [f.rel, f.display])).toEqual([
      ['accounts/acme.yaml', 'plans/accounts/acme.yaml'],
      ['accounts/globex.yaml', 'plans/accounts/globex.yaml'],
      ['goals.yaml', 'plans/goals.yaml'],
      ['team.yaml', 'plans/team.yaml'],
      ['workspace.yaml', 'plans/workspace.yaml'],
    ]);
    expect(Buffer.from(before[0]!.bytes).toString('utf8')).toContain('revenue: 400000');
    const now = readPlansFolder('plans', repo);
    expect(Buffer.from(readPlansAtRef('HEAD', 'plans', repo)[0]!.bytes)).toEqual(Buffer.from(now[0]!.bytes));
  });

  it('reads files at the ref by object id: a name with a line break, a colon or a leading space is read as it is', () => {
    const odd = mkdtempSync(join(tmpdir(), 'check-base-odd-'));
    git(odd, 'init', '--quiet', '--initial-branch=main');
    cpSync('tests/fixtures/rollup-met', join(odd, 'plans'), { recursive: true });
    const names = ['accounts/new\nline.yaml', 'accounts/a:b.yaml', 'accounts/ lead.yaml', 'accounts/HEAD:x.yaml'];
    for (const [i, name] of names.entries()) writeFileSync(join(odd, 'plans', name), `name: Odd ${i}\n`);
    git(odd, 'add', '.');
    git(odd, 'commit', '--quiet', '-m', 'odd names');
    const byRel = new Map(readPlansAtRef('HEAD', 'plans', odd).map((f) => [f.rel, Buffer.from(f.bytes).toString('utf8')]));
    for (const [i, name] of names.entries()) expect(byRel.get(name), JSON.stringify(name)).toBe(`name: Odd ${i}\n`);
    expect(byRel.get('accounts/acme.yaml')).toBe(readFileSync(join(odd, 'plans/accounts/acme.yaml'), 'utf8'));
  });

  it('shows before, after and change per goal, and the plans that moved it', async () => {
    const r = await run(repo, [...TODAY, '--base', 'HEAD~1']);
    expect(r.code).toBe(1);
    const at = r.out.indexOf('Change against HEAD~1');
    expect(r.out.slice(at, at + 4)).toEqual([
      'Change against HEAD~1',
      'Goal              Target    Before     After    Change  Status        Moved most',
      '──────────────  ────────  ────────  ────────  ────────  ────────────  ────────────────────────────────────────────────',
      'FY2027 company  €500,000  €550,000  €470,000  −€80,000  met → missed  acme: FY2027 −€100,000; initech: FY2027 +€20,000',
    ]);
  });

  it('puts the change in JSON and in the step summary', async () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'check-base-summary-')), 'summary.md');
    const r = await run(repo, [...TODAY, '--base', 'HEAD~1', '--json'], { GITHUB_STEP_SUMMARY: summary });
    expect(JSON.parse(r.text).base).toEqual({
      ref: 'HEAD~1',
      commit: git(repo, 'rev-parse', 'HEAD~1').trim(),
      valid: true,
      errors: 0,
      goals: [
        {
          period: 'FY2027',
          scope: {},
          label: 'FY2027 company',
          before: 550000,
          after: 470000,
          change: -80000,
          metBefore: true,
          metAfter: false,
          targetBefore: 500000,
          targetAfter: 500000,
          shortBefore: 0,
          shortAfter: 30000,
          movers: [
            { account: 'acme', before: 400000, after: 300000, change: -100000 },
            { account: 'initech', before: 0, after: 20000, change: 20000 },
          ],
          lowered: ['acme'],
        },
      ],
      renames: [],
      touched: ['plans/accounts/acme.yaml', 'plans/accounts/initech.yaml'],
      handovers: [],
      notes: [],
      notesFolder: 'plans/changes/',
    });
    expect(readFileSync(summary, 'utf8')).toContain('| FY2027 company | €500,000 | €550,000 | €470,000 | −€80,000 | met → missed | acme: FY2027 −€100,000<br>initech: FY2027 +€20,000 |');
  });

  it('the base shares the head\'s loaded plan where the file is the same, and loads its own where the change touched it', () => {
    const head = Run.of(workingCopy({ plansDir: 'plans', cwd: repo }), { today: '2026-11-01' });
    const { run: base } = compareWithBase('HEAD~1', 'plans', repo, head);
    const plan = (run: Run, id: string) => run.valid.accountById.get(id)?.plan;
    // globex is the same at HEAD~1 and now: one object, loaded once.
    expect(plan(base!, 'globex')).toBe(plan(head, 'globex'));
    // acme changed: the base has its own, as it was.
    expect(plan(base!, 'acme')).not.toBe(plan(head, 'acme'));
    expect(plan(base!, 'acme')?.forecast[0]?.revenue).toBe(400000);
    expect(plan(head, 'acme')?.forecast[0]?.revenue).toBe(300000);
    expect(plan(base!, 'initech')).toBeUndefined();
  });

  it('a bad ref is a clear error with exit 2', async () => {
    let error: unknown;
    try {
      await run(repo, [...TODAY, '--base', 'no-such-branch']);
    } catch (e) {
      error = e;
    }
    // Bad input from the engine: the command line's one handler prints it and exits 2 (spawned below).
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^--base no-such-branch: git knows no commit by that name\. Pass a branch, tag or commit/);
  });

  it('plans that were invalid at the base are reported, and the head figures still shown', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'check-base-broken-'));
    git(broken, 'init', '--quiet');
    cpSync('tests/fixtures/rollup-double', join(broken, 'plans'), { recursive: true });
    git(broken, 'add', '.');
    git(broken, 'commit', '--quiet', '-m', 'double counted');
    cpSync('tests/fixtures/rollup-met', join(broken, 'plans'), { recursive: true });
    const r = await run(broken, [...TODAY, '--base', 'HEAD']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('FY2027 company  €500,000  €550,000  +€50,000      110%     met');
    expect(r.out).toContain('The plans at HEAD do not validate (1 error), so there is nothing to compare with; the figures above are this branch\'s, which do validate.');
  });
});
