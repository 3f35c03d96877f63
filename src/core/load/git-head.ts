import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The commit a build reads its plans from: the HEAD of the repository holding the plans folder, shortened.
 * Tolerant like readPlansHistory: outside git, without a git binary or before the first commit it is
 * undefined, and the site shows the date alone. Only a hexadecimal object name is accepted from git's
 * output, so nothing else reaches the page; hooks and fsmonitor programs are not run.
 */
export function readHeadCommit(plansDir: string, cwd: string = process.cwd()): string | undefined {
  let out: string;
  try {
    out = execFileSync('git', ['-c', 'core.fsmonitor=false', 'rev-parse', '--verify', '--quiet', 'HEAD'], {
      cwd: resolve(cwd, plansDir),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1024,
    });
  } catch {
    return undefined;
  }
  const hash = out.trim();
  return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(hash) ? hash.slice(0, 8) : undefined;
}
