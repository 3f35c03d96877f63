import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { toPosix } from '../shared/paths.ts';

/** One commit that touched the plans. */
export interface Commit {
  hash: string;
  /** Committer date, YYYY-MM-DD. */
  date: string;
  author: string;
  subject: string;
}

export interface PlansHistory {
  /** The folder's path inside the repository, such as "plans"; undefined outside a git repository. */
  repoPath: string | undefined;
  /** The newest commit that touched the folder. */
  last: Commit | undefined;
  /** The newest commit per file, keyed by the file's path inside the plans folder (accounts/acme.yaml). */
  byFile: ReadonlyMap<string, Commit>;
}

const NO_HISTORY: PlansHistory = { repoPath: undefined, last: undefined, byFile: new Map() };
const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * Reads when each plan file last changed, in one `git log` over the folder. Tolerant by design: a
 * folder outside git, a shallow clone or a missing git binary gives no dates rather than a failed build.
 */
export function readPlansHistory(plansDir: string, cwd: string = process.cwd()): PlansHistory {
  const dir = resolve(cwd, plansDir);
  // --show-prefix names the folder as git does, even where the working tree sits behind a symlink.
  const prefix = runGit(dir, ['rev-parse', '--show-prefix']);
  if (prefix === undefined) return NO_HISTORY;
  const repoPath = prefix.replace(/\n$/, '').replace(/\/$/, '');
  // -z: paths raw and NUL-separated. Without it git quotes a path with a non-ASCII letter or a quote
  // ("accounts/\303\244.mdx"), which then matches no plan and shows "not committed yet".
  const log = runGit(dir, ['-c', 'core.quotepath=off', 'log', '-z', `--format=${RECORD}%H${FIELD}%cs${FIELD}%an${FIELD}%s`, '--name-only', '--no-renames', '--', '.']);
  if (log === undefined) return { ...NO_HISTORY, repoPath };
  return { repoPath, ...parseLog(log, repoPath) };
}

/**
 * Parses `git log --name-only` output: commits newest first, each followed by the paths it touched.
 * With -z (what readPlansHistory asks for) the header and each path end with NUL, and the paths
 * start after one newline; without it, lines.
 */
export function parseLog(log: string, repoPath: string): { last: Commit | undefined; byFile: Map<string, Commit> } {
  const byFile = new Map<string, Commit>();
  let last: Commit | undefined;
  const prefix = repoPath === '' ? '' : `${repoPath}/`;
  const nul = log.includes('\0');
  for (const record of log.split(nul ? /(?:^|\0)\x1e/ : RECORD).slice(1)) {
    const end = record.indexOf(nul ? '\0' : '\n');
    const header = end === -1 ? record : record.slice(0, end);
    const rest = end === -1 ? '' : record.slice(end + 1);
    const paths = (nul ? rest.replace(/^\n/, '') : rest).split(nul ? '\0' : '\n').filter((p) => p !== '');
    const [hash = '', date = '', author = '', subject = ''] = header.split(FIELD);
    const commit = { hash, date, author, subject };
    last ??= commit;
    for (const path of paths) {
      if (!path.startsWith(prefix)) continue;
      const rel = path.slice(prefix.length);
      if (!byFile.has(rel)) byFile.set(rel, commit);
    }
  }
  return { last, byFile };
}

/** The path of a plan file inside the repository, for "edit this plan" links. */
export function repoPathOf(history: PlansHistory, rel: string, fallbackDir: string): string {
  return history.repoPath === undefined ? toPosix(join(fallbackDir, rel)) : history.repoPath === '' ? rel : `${history.repoPath}/${rel}`;
}

function runGit(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

