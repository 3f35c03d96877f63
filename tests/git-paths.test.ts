import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLog, readLastCommits, repoPathOf } from '../src/core/git/log.ts';

// Git quotes a path holding a non-ASCII letter, a quote or a backslash unless told not to; such a plan
// then matched no file and showed "not committed yet". These names are read raw (git log -z).
const NAMES = ['accounts/région/north.mdx', 'accounts/a #b?c%d e/odd.yaml', 'accounts/q"uote/x.yaml', 'accounts/back\\slash/y.yaml', 'accounts/日本/z.yaml'];
let repo: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'git-paths-'));
  for (const rel of NAMES) {
    mkdirSync(join(repo, 'my plans', rel, '..'), { recursive: true });
    writeFileSync(join(repo, 'my plans', rel), 'name: x\n');
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Jane Doe', '-c', 'user.email=j@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'Plans with odd names');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('plan files named with any character', () => {
  it.each(NAMES)('%s has its last commit', (rel) => {
    const history = readLastCommits('my plans', repo);
    expect(history.repoPath).toBe('my plans');
    expect(history.byFile.get(rel)?.hash).toMatch(/^[0-9a-f]{40}$/);
    // The message is never read: nothing a committer wrote reaches a page.
    expect(history.byFile.get(rel)?.subject).toBe('');
    expect(repoPathOf(history, rel, 'ignored')).toBe(`my plans/${rel}`);
  });

  it('reads -z output: NUL after the header and after each path, the paths after one newline', () => {
    const log = '\x1eaaa\x1f2026-11-02\x1fJane\x1fTwo\0\nplans/accounts/ü.yaml\0plans/accounts/new\nline.yaml\0\x1ebbb\x1f2026-10-01\x1fOmar\x1fOne\0\nplans/accounts/ü.yaml\0';
    const { last, byFile } = parseLog(log, 'plans');
    expect(last?.hash).toBe('aaa');
    expect([...byFile].map(([k, v]) => [k, v.hash])).toEqual([['accounts/ü.yaml', 'aaa'], ['accounts/new\nline.yaml', 'aaa']]);
  });
});
