import { execFileSync } from 'node:child_process';

/**
 * The one place that runs git. Settings of the repository (or of the user) that would change what the commands
 * print, or would run a program, are pinned on every call: core.fsmonitor and log.showSignature (gpg) run programs,
 * diff.relative and core.quotepath change the paths, color.ui=always would put escapes in them, and pathspec
 * magic would let a folder named ":(glob)x" instruct git. The environment turns off pagers, external diff
 * programs and the optional index refresh, so no command leaves the repository other than it found it.
 */
const PINNED = [
  '-c', 'core.fsmonitor=false',
  '-c', 'log.showSignature=false',
  '-c', 'core.quotepath=off',
  '-c', 'color.ui=false',
  '-c', 'diff.relative=false',
  '-c', 'diff.autoRefreshIndex=false',
  '--no-optional-locks',
  '--literal-pathspecs',
];

/** Runs git with `args` in `dir` and returns its output; throws when git fails (its message is in `stderr`). */
export type Git = (args: readonly string[], input?: string) => Buffer;

/** A git runner for one folder: every call pinned as above. */
export function gitIn(dir: string): Git {
  const env = { ...process.env, GIT_PAGER: 'cat', GIT_EXTERNAL_DIFF: '', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
  return (args, input) => execFileSync('git', [...PINNED, ...args], { cwd: dir, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'], env });
}

/** The first line git wrote to stderr for a failed call (or the error's own message), to quote in a message. */
export function gitSaid(e: unknown): string {
  const stderr = (e as { stderr?: Buffer }).stderr?.toString('utf8').trim();
  return (stderr || (e as Error).message).split('\n')[0] ?? '';
}
