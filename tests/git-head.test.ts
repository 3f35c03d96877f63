import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readLastCommits } from '../src/core/git/log.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

let box: Sandbox | undefined;
afterEach(() => {
  box?.remove();
  box = undefined;
});

describe('the HEAD a build names', () => {
  it('gives the first eight hex digits of HEAD of the repository holding the plans', () => {
    box = makeSandbox();
    git(box.dir, 'init', '-q');
    git(box.dir, 'add', '.');
    git(box.dir, 'commit', '-qm', 'plans');
    const head = git(box.dir, 'rev-parse', 'HEAD').trim();
    expect(readLastCommits('plans', box.dir).head).toBe(head.slice(0, 8));
  });

  const cases = [
    { name: 'a folder outside any git repository gives no commit', setup: (_: Sandbox) => {} },
    { name: 'a repository without a commit gives no commit', setup: (b: Sandbox) => void git(b.dir, 'init', '-q') },
    {
      name: 'a .git file pointing nowhere gives no commit, and nothing is written',
      setup: (b: Sandbox) => writeFileSync(join(b.plans, '.git'), 'gitdir: ../../nowhere\n'),
    },
    {
      name: 'a plans folder that is not there gives no commit',
      setup: (b: Sandbox) => mkdirSync(join(b.dir, 'elsewhere')),
      plans: 'missing',
    },
  ];
  it.each(cases)('$name', ({ setup, plans }) => {
    // The sandbox lives in the system temp folder, outside this repository.
    box = makeSandbox();
    setup(box);
    const before = box.snapshot();
    expect(readLastCommits(plans ?? 'plans', box.dir).head).toBeUndefined();
    expect(box.snapshot()).toEqual(before);
  });
});
