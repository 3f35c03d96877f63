import { realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { toPosix } from '../shared/paths.ts';
import { oneLine } from '../shared/text.ts';
import { gitIn, gitSaid, type Git } from './run.ts';

/** The git repository that holds a plans folder. */
export interface PlansRepo {
  /** Runs git at the repository's top folder (run.ts pins its settings). */
  git: Git;
  /** The repository's top folder, as git gives it: what caches are keyed by. Never shown anywhere. */
  top: string;
  /** The plans folder's path inside the repository, with forward slashes ('' at the top). */
  folder: string;
}

/** One commit. */
export interface Commit {
  hash: string;
  /** Committer time, seconds since 1970: when the commit landed on the branch. */
  time: number;
  /** The committer's date as git writes it (%cs), YYYY-MM-DD. */
  date: string;
  /** Author and subject: never read from git (always empty); kept for parseLog's callers that give them. */
  author: string;
  subject: string;
  /** The files it changed, where they were asked for (the history walk), else empty. */
  changes: Change[];
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

/** Why a plans folder has no repository: each caller words it for its own command. */
export type NoRepo =
  | { kind: 'missing' }
  | { kind: 'not-in-git'; said: string }
  | { kind: 'outside'; top: string };

/**
 * Finds the repository of a plans folder: the repository, or why there is none (the folder does not exist or is
 * not a folder, it is in no repository or git is missing, or it lies outside the repository git found).
 */
export function openPlansRepo(plansDir: string, cwd: string): { repo: PlansRepo } | { none: NoRepo } {
  let real: string;
  try {
    real = realpathSync(resolve(cwd, plansDir));
    if (!statSync(real).isDirectory()) return { none: { kind: 'missing' } };
  } catch {
    return { none: { kind: 'missing' } };
  }
  let top: string;
  try {
    top = gitIn(real)(['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (e) {
    return { none: { kind: 'not-in-git', said: gitSaid(e) } };
  }
  // Both sides real paths: a working tree behind a symbolic link still names the folder as git does.
  const folder = toPosix(relative(realpathSync(top), real));
  if (folder.startsWith('..')) return { none: { kind: 'outside', top } };
  return { repo: { git: gitIn(top), top, folder } };
}

/** "The plans folder x is outside the git repository at /repo, so git has no history of it.": for --base and history alike. */
export function outsideMessage(plansDir: string, top: string, what: string): string {
  return `The plans folder ${oneLine(plansDir, 200)} is outside the git repository at ${oneLine(top, 200)}, so git has no ${what}.`;
}

/** The short hash of HEAD, or undefined before the first commit. Only a hexadecimal object name is taken from git. */
export function headCommit(repo: PlansRepo): string | undefined {
  let hash: string;
  try {
    hash = repo.git(['rev-parse', '--verify', '--quiet', 'HEAD']).toString('utf8').trim();
  } catch {
    return undefined;
  }
  return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(hash) ? hash.slice(0, 8) : undefined;
}

/** Whether the clone is shallow: its oldest commits are missing. */
export function isShallow(repo: PlansRepo): boolean {
  return repo.git(['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true';
}

/** The pathspec of the plans folder, for commands run at the top ('.' when the folder is the top). */
export function folderSpec(repo: PlansRepo): string {
  return repo.folder === '' ? '.' : repo.folder;
}

/** A path inside the repository → the path inside the plans folder, or undefined when it is outside. */
export function relInFolder(repo: PlansRepo, path: string): string | undefined {
  if (repo.folder === '') return path;
  return path.startsWith(`${repo.folder}/`) ? path.slice(repo.folder.length + 1) : undefined;
}
