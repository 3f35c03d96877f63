import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';

let sandboxes: Sandbox[] = [];
afterEach(() => {
  for (const s of sandboxes) s.remove();
  sandboxes = [];
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Makes `dir` a repository with a local author, committing everything in it. */
function commitAll(dir: string, message: string, init = false): void {
  if (init) {
    git(dir, 'init', '--quiet', '--initial-branch=main');
    git(dir, 'config', 'user.email', 'test@example.com');
    git(dir, 'config', 'user.name', 'Test');
    git(dir, 'config', 'commit.gpgsign', 'false');
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', message);
}

/** Lowers acme's first forecast from 100 to 50: the change every case below must see. */
function lowerAcme(plans: string): void {
  const file = join(plans, 'accounts/acme.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('{ period: FY2027-Q1, revenue: 100 }', '{ period: FY2027-Q1, revenue: 50 }'));
}

const CHANGE = '\nFY2027-Q1 owner: Ann Lee    $100    $110    $55    −$55  met → missed  acme: FY2027-Q1 −$55\n';

describe('check --base reads git in the repository of the plans folder', () => {
  it.each([
    {
      name: 'a plans folder that is its own repository, inside the repository the command runs from',
      setup: (sb: Sandbox) => {
        commitAll(sb.plans, 'plans', true);
        commitAll(sb.dir, 'outer', true);
        return { cwd: sb.dir, plans: 'plans', file: 'plans/accounts/acme.yaml' };
      },
    },
    {
      name: 'a plans folder that is its own repository, run from outside any repository',
      setup: (sb: Sandbox) => {
        commitAll(sb.plans, 'plans', true);
        return { cwd: sb.dir, plans: 'plans', file: 'plans/accounts/acme.yaml' };
      },
    },
    {
      name: 'a plans folder nested in a repository, run from a folder outside it',
      setup: (sb: Sandbox) => {
        commitAll(sb.dir, 'all', true);
        return { cwd: sb.bystander, plans: '../plans', file: '../plans/accounts/acme.yaml' };
      },
    },
    {
      name: 'a plans folder that is its own repository, run from inside it',
      setup: (sb: Sandbox) => {
        commitAll(sb.plans, 'plans', true);
        return { cwd: sb.plans, plans: '.', file: 'accounts/acme.yaml' };
      },
    },
  ])('$name', ({ setup }) => {
    const sb = makeSandbox();
    sandboxes.push(sb);
    const { cwd, plans } = setup(sb);
    lowerAcme(sb.plans);
    const repo = git(sb.plans, 'rev-parse', '--show-toplevel').trim();
    commitAll(repo, 'lower acme');
    const before = sb.snapshot();
    const r = runScript('check', ['--plans', plans, '--base', 'HEAD~1', '--today', '2026-11-24'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Change against HEAD~1');
    expect(r.stdout).toContain(CHANGE);
    expect(sb.snapshot()).toEqual(before);
  });

  it.each([
    { name: 'outside any repository', outer: false },
    { name: 'outside any repository, run from inside another repository', outer: true },
  ])('a plans folder $name is exit 2 with what to do', ({ outer }) => {
    const sb = makeSandbox();
    sandboxes.push(sb);
    if (outer) {
      mkdirSync(join(sb.dir, 'work'));
      writeFileSync(join(sb.dir, 'work/readme.txt'), 'x\n');
      commitAll(join(sb.dir, 'work'), 'work', true);
    }
    const cwd = outer ? join(sb.dir, 'work') : sb.dir;
    const plans = outer ? '../plans' : 'plans';
    const before = sb.snapshot();
    const r = runScript('check', ['--plans', plans, '--base', 'origin/main', '--today', '2026-11-24'], { cwd });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `--base origin/main: the plans folder ${plans} is not in a git repository (git said: fatal: not a git repository (or any of the parent directories): .git). Commit the plans to git (git init, git add, git commit in that folder or a folder above it), or leave out --base.\n`,
    );
    expect(sb.snapshot()).toEqual(before);
  });

  it('a ref the plans folder’s repository does not know is exit 2, naming that repository', () => {
    const sb = makeSandbox();
    sandboxes.push(sb);
    commitAll(sb.plans, 'plans', true);
    const r = runScript('check', ['--plans', 'plans', '--base', 'no-such-branch', '--today', '2026-11-24'], { cwd: sb.dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `--base no-such-branch: git knows no commit by that name. Pass a branch, tag or commit that exists in the repository of the plans folder (${sb.plans}), such as origin/main (in GitHub Actions, check out with fetch-depth: 0 so the base branch is there).\n`,
    );
  });

  it.each([
    { name: 'a link to a secret outside the folder', add: (sb: Sandbox) => symlinkSync(join(sb.bystander, 'secret.yaml'), join(sb.plans, 'accounts/leak.yaml')) },
    { name: 'a link to a secret, named as a shared file', add: (sb: Sandbox) => symlinkSync(join(sb.bystander, 'secret.yaml'), join(sb.plans, 'icp.yaml')) },
    { name: 'a plan far over any size limit', add: (sb: Sandbox) => writeFileSync(join(sb.plans, 'accounts/huge.yaml'), `name: ${'x'.repeat(70 * 1024 * 1024)}\n`) },
  ])('at the base, $name is never read or printed, and the comparison says the base does not validate', ({ add }) => {
    const sb = makeSandbox();
    sandboxes.push(sb);
    writeFileSync(join(sb.bystander, 'secret.yaml'), 'password: hunter2-secret\n');
    add(sb);
    commitAll(sb.plans, 'plans with a hostile entry', true);
    // The working copy drops the entry, so only the base holds it.
    git(sb.plans, 'rm', '--quiet', '-r', '--cached', '.');
    for (const f of ['accounts/leak.yaml', 'icp.yaml', 'accounts/huge.yaml']) sb.write({ [f]: null });
    commitAll(sb.plans, 'remove it');
    const before = sb.snapshot();
    const r = runScript('check', ['--plans', 'plans', '--base', 'HEAD~1', '--today', '2026-11-24', '--json'], { cwd: sb.dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('hunter2');
    expect(r.stdout).not.toContain('xxxxxxxxxx');
    const json = JSON.parse(r.stdout) as { base: { valid: boolean; message: string } };
    expect(json.base.valid).toBe(false);
    expect(json.base.message).toMatch(/^The plans at HEAD~1 do not validate \(1 error\)/);
    expect(sb.snapshot()).toEqual(before);
  });
});
