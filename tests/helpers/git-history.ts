import { execFileSync } from 'node:child_process';
import { plain } from '../../src/core/report/diagnostics.ts';
import type { Output } from '../../scripts/lib/cli.ts';

/** Git in `cwd` with a fixed author, and the commit dated `date` (10:00 UTC) for author and committer alike. */
export function git(cwd: string, args: string[], date = '2026-01-01', extraEnv: Record<string, string> = {}): string {
  const stamp = `${date}T10:00:00+0000`;
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com', ...extraEnv },
  });
}

/** Starts a repository in `dir`. */
export function initRepo(dir: string): void {
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
}

/** Commits everything in `dir` on `date`. */
export function commitAll(dir: string, date: string, message = `plans on ${date}`, env: Record<string, string> = {}): void {
  git(dir, ['add', '-A'], date);
  git(dir, ['commit', '--quiet', '--allow-empty', '-m', message], date, env);
}

/** An Output that keeps what a command prints. */
export function captured(): { output: Output; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { out: (l) => out.push(l), err: (l) => err.push(l), paint: plain }, out, err };
}
