import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { PlansFile } from './files.ts';
import { isPlanPath, isSkippedName, toPosix } from '../shared/paths.ts';
import { MAX_FILE_BYTES_SETTING, sizeCapFor, tooLargeMessage } from './limits.ts';
import { oneLine } from '../shared/text.ts';

/** A --base ref that git cannot read: the message says what to do. */
export class GitRefError extends Error {}

/**
 * Reads the plans folder as it was at a git ref, without touching the working tree:
 * one `git ls-tree` for the names and one `git cat-file --batch` for every file's bytes.
 * Git runs in the repository that holds the plans folder, which may be a repository of its own
 * inside (or outside) the one the command runs from. Files get the same `display` paths as the
 * working copy, so messages point at familiar names.
 */
export function readPlansAtRef(ref: string, plansDir: string, cwd: string = process.cwd()): PlansFile[] {
  return readPlansAt(openPlansRepo(ref, plansDir, cwd), plansDir, cwd);
}

/** The repository that holds the plans folder, with the --base ref resolved to a commit. */
export interface PlansRepo {
  git: (args: string[], input?: string) => Buffer;
  /** The ref as the user wrote it, made safe to show. */
  shownRef: string;
  /** The commit the change is measured from: where this branch left the ref (their merge base). */
  commit: string;
  /** The commit the ref names now: the same as `commit` unless the ref has moved on since this branch left it. */
  refCommit: string;
  /** The plans folder, relative to the repository's top, in git's slashes ("" at the top). */
  folder: string;
}

/** Finds the git repository of the plans folder and resolves `ref` in it, or says what to do. */
export function openPlansRepo(ref: string, plansDir: string, cwd: string): PlansRepo {
  const shownRef = oneLine(ref, 200);
  let plansReal: string;
  try {
    plansReal = realpathSync(resolve(cwd, plansDir));
  } catch {
    throw new GitRefError(`--base ${shownRef}: the plans folder ${oneLine(plansDir, 200)} does not exist, so git has no version of it to compare with.`);
  }
  // core.fsmonitor names a program to run; none of these commands needs it.
  const git = (args: string[], input?: string): Buffer =>
    execFileSync('git', ['-c', 'core.fsmonitor=false', '-C', plansReal, ...args], { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (e) {
    throw new GitRefError(
      `--base ${shownRef}: the plans folder ${oneLine(plansDir, 200)} is not in a git repository (git said: ${oneLine(firstLine(e), 300)}). Commit the plans to git (git init, git add, git commit in that folder or a folder above it), or leave out --base.`,
    );
  }
  let commit: string;
  try {
    commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString('utf8').trim();
  } catch {
    throw new GitRefError(
      `--base ${shownRef}: git knows no commit by that name. Pass a branch, tag or commit that exists in the repository of the plans folder (${oneLine(top, 200)}), such as origin/main (in GitHub Actions, check out with fetch-depth: 0 so the base branch is there).`,
    );
  }
  const folder = toPosix(relative(realpathSync(top), plansReal));
  if (folder.startsWith('..')) {
    throw new GitRefError(`--base ${shownRef}: the plans folder ${oneLine(plansDir, 200)} is outside the git repository at ${oneLine(top, 200)}, so git has no earlier version of it.`);
  }
  return { git, shownRef, commit: mergeBase(git, commit), refCommit: commit, folder };
}

/**
 * The change is what this branch did since it left the ref, as a pull request's diff shows it (git diff ref...HEAD):
 * measured from the ref's newest commit instead, whatever the ref gained since would count as this branch undoing
 * it, and the gate would blame a branch for work merged after it started. In a pull request's merge checkout the
 * two are the same commit. Without common history (or a HEAD), the ref's own commit.
 */
function mergeBase(git: PlansRepo['git'], commit: string): string {
  try {
    return git(['merge-base', commit, 'HEAD']).toString('utf8').trim() || commit;
  } catch {
    return commit;
  }
}

/** The plans folder's files at the repository's resolved commit. */
export function readPlansAt(repo: PlansRepo, plansDir: string, cwd: string): PlansFile[] {
  const { git, shownRef, commit } = repo;
  const entries = listAt(repo).filter(({ rel, type }) => type !== 'commit' && isPlanPath(rel));
  if (entries.length === 0) return [];
  const display = (rel: string) => toPosix(relative(cwd, join(resolve(cwd, plansDir), rel)));
  const problemOf = (e: (typeof entries)[number]): PlansFile['problem'] => {
    if (e.mode === '120000') return { code: 'not-a-file', message: `At ${shownRef} this is a symbolic link, and links are never followed; the comparison leaves it out.` };
    const cap = sizeCapFor(e.rel, MAX_FILE_BYTES_SETTING);
    return e.size > cap ? { code: 'file-too-large', message: tooLargeMessage(e.rel, e.size, cap) } : undefined;
  };
  const wanted = entries.filter((e) => problemOf(e) === undefined);
  const blobs = wanted.length === 0 ? [] : splitBatch(git(['cat-file', '--batch'], wanted.map(({ name }) => `${commit}:${name}\n`).join('')));
  const byName = new Map(wanted.map((e, i) => [e.name, blobs[i]]));
  return entries.flatMap((e) => {
    const problem = problemOf(e);
    if (problem) return [{ rel: e.rel, display: display(e.rel), bytes: new Uint8Array(), problem }];
    const bytes = byName.get(e.name);
    return bytes ? [{ rel: e.rel, display: display(e.rel), bytes }] : [];
  });
}

/** One entry of the plans folder at a commit, with its mode and size from `ls-tree --long`. */
interface TreeEntry {
  mode: string;
  type: string;
  size: number;
  name: string;
  rel: string;
}

/**
 * Every entry under the plans folder at the repository's commit, sorted by path. `--long` gives each entry's
 * mode and size: a link is never read (its "content" is a path, possibly to a secret), a submodule has no
 * bytes, and a blob larger than allowed is not loaded at all.
 */
function listAt({ git, commit, folder }: PlansRepo): TreeEntry[] {
  // --literal-pathspecs: a folder named like pathspec magic (":(glob)x") is a name, not an instruction to git.
  return git(['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', '--long', commit, '--', ...(folder ? [folder] : [])])
    .toString('utf8')
    .split('\0')
    .flatMap((line) => {
      const m = /^(\d+) (\w+) [0-9a-f]+ +(-|\d+)\t(.+)$/s.exec(line);
      if (!m) return [];
      const [, mode = '', type = '', size = '', name = ''] = m;
      const rel = folder ? name.slice(folder.length + 1) : name;
      return [{ mode, type, size: size === '-' ? 0 : Number(size), name, rel }];
    })
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

const BASE_LEDGER_BYTES = 512 * 1024 * 1024;

/**
 * The sales ledger's files (sales/*.csv) at the repository's commit, as the working copy's ledger is read:
 * or undefined when one of them is a link, not a regular file or over `maxBytes`, so that a base is never
 * compared with half a ledger.
 */
export function readLedgerFilesAt(repo: PlansRepo, plansDir: string, cwd: string, maxBytes: number): { display: string; bytes: Uint8Array }[] | undefined {
  const entries = listAt(repo).filter(({ rel }) => /^sales\/[^/]+\.csv$/i.test(rel) && !isSkippedName(rel.slice('sales/'.length)));
  if (entries.some((e) => e.type !== 'blob' || (e.mode !== '100644' && e.mode !== '100755') || e.size > maxBytes)) return undefined;
  // The base's ledger is read whole through one git pipe: past its buffer, the base goes without a ledger.
  if (entries.reduce((sum, e) => sum + e.size, 0) > BASE_LEDGER_BYTES) return undefined;
  if (entries.length === 0) return [];
  const blobs = splitBatch(repo.git(['cat-file', '--batch'], entries.map(({ name }) => `${repo.commit}:${name}\n`).join('')));
  const files: { display: string; bytes: Uint8Array }[] = [];
  for (const [i, e] of entries.entries()) {
    const bytes = blobs[i];
    if (!bytes) return undefined;
    files.push({ display: toPosix(relative(cwd, join(resolve(cwd, plansDir), e.rel))), bytes });
  }
  return files;
}

/** `git cat-file --batch` output: for each object a header "<oid> <type> <size>\n", the bytes, then "\n". */
function splitBatch(out: Buffer): (Uint8Array | undefined)[] {
  const blobs: (Uint8Array | undefined)[] = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    if (header[1] !== 'blob' || header[2] === undefined) {
      blobs.push(undefined);
      at = eol + 1;
      continue;
    }
    const size = Number(header[2]);
    blobs.push(out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return blobs;
}

function firstLine(e: unknown): string {
  const stderr = (e as { stderr?: Buffer }).stderr?.toString('utf8').trim();
  return (stderr || (e as Error).message).split('\n')[0] ?? '';
}
