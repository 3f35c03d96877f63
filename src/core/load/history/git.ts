import { execFileSync } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { toPosix } from '../../shared/paths.ts';
import { oneLine } from '../../shared/text.ts';

/** A plans folder that cannot have a history at all (not a folder, outside the repository): bad input, exit 2. */
export class HistoryInputError extends Error {}

/** The repository that holds a plans folder, and the folder's path inside it ('' at the top). */
export interface PlansRepo {
  git: (args: string[], input?: string) => Buffer;
  folder: string;
  /** The repository's top folder, as git gives it: what the cache's file is for. Never shown anywhere. */
  top: string;
  /** Set when the clone is shallow: its oldest commits are missing, so no history is read. */
  shallow: boolean;
}

/** One file change of a commit, as `git log --raw` gives it: paths inside the repository, blob ids in full. */
export interface Change {
  status: string;
  /** For a rename (R), the path it had before. */
  from?: string;
  path: string;
  mode: string;
  blob: string;
}

export interface Commit {
  hash: string;
  /** Committer time, seconds since 1970: when the commit landed on the branch. */
  time: number;
  changes: Change[];
}

/*
 * Settings of the repository (or of the user) that would change what these commands print or run a program:
 * core.fsmonitor and log.showSignature (gpg) run programs, diff.relative and core.quotepath change the paths,
 * color.ui=always would put escapes in them. Each is pinned, as git-ref.ts does for fsmonitor.
 */
const PINNED = ['-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false', '-c', 'core.quotepath=off', '-c', 'color.ui=false', '-c', 'diff.relative=false', '--literal-pathspecs'];

/**
 * Finds the repository of a plans folder. Undefined when the folder is in no repository (or git is missing):
 * then there is no history, which is not an error. A folder that does not exist is bad input.
 */
export function openPlansRepo(plansDir: string, cwd: string): PlansRepo | undefined {
  const dir = resolve(cwd, plansDir);
  let real: string;
  try {
    real = realpathSync(dir);
    if (!statSync(real).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new HistoryInputError(`The plans folder ${oneLine(plansDir, 200)} does not exist or is not a folder. Pass --plans with the folder that holds workspace.yaml.`);
  }
  const git = (args: string[], input?: string): Buffer =>
    execFileSync('git', [...PINNED, ...args], { cwd: real, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_PAGER: 'cat', GIT_EXTERNAL_DIFF: '', GIT_OPTIONAL_LOCKS: '0' } });
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch {
    return undefined;
  }
  const folder = toPosix(relative(realpathSync(top), real));
  if (folder.startsWith('..')) {
    throw new HistoryInputError(`The plans folder ${oneLine(plansDir, 200)} is outside the git repository at ${oneLine(top, 200)}, so git has no history of it.`);
  }
  const shallow = git(['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true';
  const inTop = (args: string[], input?: string) => git(['-C', top, ...args], input);
  return { git: inTop, folder, top, shallow };
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
      .git(['log', '--first-parent', '--diff-merges=first-parent', '--raw', '-M', '--no-abbrev', '--no-color', '--no-ext-diff', '--no-relative', '-z', '--reverse', '--format=%x1e%H %ct', 'HEAD', '--', repo.folder === '' ? '.' : repo.folder])
      .toString('utf8');
  } catch {
    return []; // A repository without commits (HEAD unborn) has no history yet.
  }
  const commits: Commit[] = [];
  const tokens = out.split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^\n/, '');
    const header = /^\x1e([0-9a-f]{40,64}) (\d+)$/.exec(token);
    if (header) {
      commits.push({ hash: header[1]!, time: Number(header[2]), changes: [] });
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

/** Sizes of blobs by id, from `git cat-file --batch-check`, so that nothing too large is ever loaded. */
export function blobSizes(repo: PlansRepo, ids: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  if (ids.length === 0) return sizes;
  const out = repo.git(['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], `${ids.join('\n')}\n`).toString('utf8');
  for (const line of out.split('\n')) {
    const m = /^([0-9a-f]+) blob (\d+)$/.exec(line);
    if (m) sizes.set(m[1]!, Number(m[2]));
  }
  return sizes;
}

/** The bytes of blobs by id, in one `git cat-file --batch`. */
export function readBlobs(repo: PlansRepo, ids: readonly string[]): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  if (ids.length === 0) return blobs;
  const out = repo.git(['cat-file', '--batch'], `${ids.join('\n')}\n`);
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const [id = '', type, size] = out.subarray(at, eol).toString('utf8').split(' ');
    if (type !== 'blob' || size === undefined) {
      at = eol + 1;
      continue;
    }
    blobs.set(id, out.subarray(eol + 1, eol + 1 + Number(size)));
    at = eol + 1 + Number(size) + 1;
  }
  return blobs;
}
