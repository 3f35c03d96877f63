import { join } from 'node:path';
import { toPosix } from '../shared/paths.ts';
import { folderSpec, headCommit, openPlansRepo, type Commit, type PlansRepo } from './repo.ts';

/** When each plans file last changed: what the site says beside a plan ("changed on …"), and where it lives. */
export interface LastCommits {
  /** The folder's path inside the repository, such as "plans"; undefined outside a git repository. */
  repoPath: string | undefined;
  /** The newest commit that touched the folder. */
  last: Commit | undefined;
  /** The newest commit per file, keyed by the file's path inside the plans folder (accounts/acme.yaml). */
  byFile: ReadonlyMap<string, Commit>;
  /** The oldest commit per file (the one that added it, as far as the log reaches), keyed like byFile: when a change note was written. */
  addedByFile?: ReadonlyMap<string, Commit>;
  /** The short hash of HEAD; undefined outside git or before the first commit. */
  head: string | undefined;
}

const NO_COMMITS: LastCommits = { repoPath: undefined, last: undefined, byFile: new Map(), head: undefined };
const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * Reads when each plan file last changed, in one `git log` over the folder: hash and date only. Commit messages
 * and author names are never read, so no page can quote text that no reviewer of the plans saw. Tolerant by design: a folder outside
 * git, a shallow clone or a missing git binary gives no dates rather than a failed build.
 */
export function readLastCommits(plansDir: string, cwd: string = process.cwd()): LastCommits {
  const opened = openPlansRepo(plansDir, cwd);
  if (!('repo' in opened)) return NO_COMMITS;
  const { repo } = opened;
  const head = headCommit(repo);
  let log: string;
  try {
    // -z: paths raw and NUL-separated, so a name with a non-ASCII letter or a quote matches its plan.
    log = repo.git(['log', '-z', `--format=${RECORD}%H${FIELD}%ct${FIELD}%cs`, '--name-only', '--no-renames', '--', folderSpec(repo)]).toString('utf8');
  } catch {
    return { ...NO_COMMITS, repoPath: repo.folder, head };
  }
  return { repoPath: repo.folder, head, ...parseLog(log, repo.folder) };
}

/**
 * Parses `git log --name-only` output: commits newest first, each followed by the paths it touched. With -z (what
 * readLastCommits asks for) the header and each path end with NUL, and the paths start after one newline; without
 * it, lines. A header is hash, committer time, date, author and subject (the time may be left out).
 */
export function parseLog(log: string, repoPath: string): { last: Commit | undefined; byFile: Map<string, Commit>; addedByFile: Map<string, Commit> } {
  const byFile = new Map<string, Commit>();
  const addedByFile = new Map<string, Commit>();
  let last: Commit | undefined;
  const prefix = repoPath === '' ? '' : `${repoPath}/`;
  const nul = log.includes('\0');
  for (const record of log.split(nul ? /(?:^|\0)\x1e/ : RECORD).slice(1)) {
    const end = record.indexOf(nul ? '\0' : '\n');
    const header = end === -1 ? record : record.slice(0, end);
    const rest = end === -1 ? '' : record.slice(end + 1);
    const paths = (nul ? rest.replace(/^\n/, '') : rest).split(nul ? '\0' : '\n').filter((p) => p !== '');
    const fields = header.split(FIELD);
    if (!/^\d+$/.test(fields[1] ?? '')) fields.splice(1, 0, '0');
    const [hash = '', time = '0', date = '', author = '', subject = ''] = fields;
    const commit: Commit = { hash, time: Number(time), date, author, subject, changes: [] };
    last ??= commit;
    for (const path of paths) {
      if (!path.startsWith(prefix)) continue;
      const rel = path.slice(prefix.length);
      if (!byFile.has(rel)) byFile.set(rel, commit);
      // Newest first, so the last commit seen for a file is the one that added it.
      addedByFile.set(rel, commit);
    }
  }
  return { last, byFile, addedByFile };
}

/** The path of a plan file inside the repository, for "edit this plan" links. */
export function repoPathOf(commits: Pick<LastCommits, 'repoPath'>, rel: string, fallbackDir: string): string {
  return commits.repoPath === undefined ? toPosix(join(fallbackDir, rel)) : commits.repoPath === '' ? rel : `${commits.repoPath}/${rel}`;
}

/**
 * The commits of the current branch that touched the plans folder, oldest first, each with its changes.
 * --first-parent: the branch's own line of states. A merged pull request counts once, on the day it landed;
 * the commits inside it were never what the branch held, and their dates would put half-done edits on the chart.
 * --diff-merges=first-parent shows a merge's changes against that line. Only the hash and the committer time are
 * asked for: messages and author names are never read, so nothing hostile in them can reach the output.
 */
export function readCommits(repo: PlansRepo): Commit[] {
  let out: string;
  try {
    out = repo
      .git(['log', '--first-parent', '--diff-merges=first-parent', '--raw', '-M', '--no-abbrev', '--no-color', '--no-ext-diff', '--no-relative', '-z', '--reverse', '--format=%x1e%H %ct %cs', 'HEAD', '--', folderSpec(repo)])
      .toString('utf8');
  } catch {
    return []; // A repository without commits (HEAD unborn) has no history yet.
  }
  const commits: Commit[] = [];
  const tokens = out.split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^\n/, '');
    const header = /^\x1e([0-9a-f]{40,64}) (\d+) (\d{4}-\d{2}-\d{2})$/.exec(token);
    if (header) {
      commits.push({ hash: header[1]!, time: Number(header[2]), date: header[3]!, author: '', subject: '', changes: [] });
      continue;
    }
    const raw = /^:(\d{6}) (\d{6}) [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*$/.exec(token);
    const commit = commits.at(-1);
    if (!raw || !commit) continue;
    const [, , mode = '', blob = '', status = ''] = raw;
    // The paths follow their entry whatever they contain, so a file named like a header cannot start a commit.
    if (status === 'R' || status === 'C') {
      const from = tokens[++i] ?? '';
      const path = tokens[++i] ?? '';
      commit.changes.push(status === 'R' ? { status, from, path, mode, blob } : { status: 'A', path, mode, blob });
    } else commit.changes.push({ status, path: tokens[++i] ?? '', mode, blob });
  }
  return commits;
}
