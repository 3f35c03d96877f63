import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromRepositoryRoot } from '../scripts/lib/repository-root.ts';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';

/*
 * GitHub attaches an annotation to a pull request's file only when file= is the path from the repository root.
 * These run the real commands from folders other than the root and read what they print.
 */
let box: Sandbox | undefined;
afterEach(() => box?.remove());

/** A sandbox that is a git repository. */
function repository(): Sandbox {
  box = makeSandbox();
  spawnSync('git', ['init', '-q'], { cwd: box.dir });
  return box;
}

describe('paths are relative to the repository root', () => {
  it('an annotation names plans/accounts/x.yaml when validate runs in plans/accounts', () => {
    const sb = repository();
    sb.write({ 'accounts/broken.yaml': 'name: Broken\nstatus: current\nstrategy: grow\nowner: ann-lee\nunknown_key: 1\n' });
    const r = runScript('validate', ['--plans', '..', '--format', 'github'], { cwd: join(sb.plans, 'accounts') });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^::error file=plans\/accounts\/broken\.yaml,line=\d+/m);
    expect(r.stdout).not.toContain('file=../');
  });

  it('check in GitHub Actions annotates plans/… from any working folder, by GITHUB_WORKSPACE', () => {
    const sb = repository();
    sb.write({ 'accounts/broken.yaml': 'name: Broken\nstatus: current\nstrategy: grow\nowner: ann-lee\nunknown_key: 1\n' });
    const elsewhere = join(sb.dir, 'bystander');
    const r = runScript('check', ['--plans', sb.plans, '--today', '2026-11-24'], { cwd: elsewhere, env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: sb.dir } });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^::error file=plans\/accounts\/broken\.yaml,line=\d+/m);
    expect(r.stdout).toMatch(/^plans\/accounts\/broken\.yaml:\d+:\d+ error/m);
  });

  it.each([
    { name: 'GITHUB_WORKSPACE holds the plans: paths from it', env: { GITHUB_WORKSPACE: '/repo' }, cwd: '/repo/tools', plans: '../plans', expected: { plansDir: 'plans', cwd: '/repo' } },
    { name: 'GITHUB_WORKSPACE that does not hold the plans is not used', env: { GITHUB_WORKSPACE: '/other' }, cwd: '/nowhere/x', plans: 'plans', expected: { plansDir: 'plans', cwd: '/nowhere/x' } },
    { name: 'a relative GITHUB_WORKSPACE is not used', env: { GITHUB_WORKSPACE: 'repo' }, cwd: '/nowhere/x', plans: 'plans', expected: { plansDir: 'plans', cwd: '/nowhere/x' } },
  ])('$name', ({ env, cwd, plans, expected }) => {
    expect(fromRepositoryRoot(plans, cwd, env)).toEqual(expected);
  });

  it('the git top level when there is no GITHUB_WORKSPACE', () => {
    const sb = repository();
    mkdirSync(join(sb.dir, 'tools'));
    writeFileSync(join(sb.dir, 'tools', 'keep'), '');
    expect(fromRepositoryRoot('../plans', join(sb.dir, 'tools'), {})).toEqual({ plansDir: 'plans', cwd: sb.dir });
  });
});
