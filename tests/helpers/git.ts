import { execFileSync } from 'node:child_process';
import { afterEach } from 'vitest';
import { makeSandbox, type Sandbox } from './sandbox.ts';

/** git with a fixed test author and no signing, so a commit works on any machine and in CI. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Sandboxes whose plans folder is a git repository with one commit on `main` (the fixture as the pull request's
 * base, after `prepare` has changed it); each is removed after its test. Call once per test file, at the top level.
 */
export function baseRepos(): (fixture?: string, prepare?: (sb: Sandbox) => void) => Sandbox {
  let sandboxes: Sandbox[] = [];
  afterEach(() => {
    for (const s of sandboxes) s.remove();
    sandboxes = [];
  });
  return (fixture, prepare) => {
    const sb = makeSandbox(fixture);
    sandboxes.push(sb);
    prepare?.(sb);
    git(sb.plans, 'init', '--quiet', '--initial-branch=main');
    git(sb.plans, 'add', '-A');
    git(sb.plans, 'commit', '--quiet', '-m', 'base');
    return sb;
  };
}
