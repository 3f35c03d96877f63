import { isPlanPath, isSkippedName } from '../shared/paths.ts';
import { oneLine } from '../shared/text.ts';
import { MAX_FILE_BYTES_SETTING, sizeCapFor } from '../load/limits.ts';
import { problem, type Problem } from '../diagnostics/diagnose.ts';
import type { PlansFile } from '../load/files.ts';
import { InputError } from '../shared/input-error.ts';
import { openPlansRepo, outsideMessage, type PlansRepo } from './repo.ts';

/** A --base ref that git cannot read: the message says what to do. */
export class GitRefError extends InputError {}

/** The plans' repository with the --base ref resolved to a commit. */
export interface BaseRef {
  repo: PlansRepo;
  /** The ref as the user wrote it, made safe to show. */
  shownRef: string;
  /** The commit the change is measured from: where this branch left the ref (their merge base). */
  commit: string;
  /** The commit the ref names now: the same as `commit` unless the ref has moved on since this branch left it. */
  refCommit: string;
}

/** Finds the git repository of the plans folder and resolves `ref` in it, or says what to do. */
export function resolveBase(ref: string, plansDir: string, cwd: string): BaseRef {
  const shownRef = oneLine(ref, 200);
  const shownDir = oneLine(plansDir, 200);
  const opened = openPlansRepo(plansDir, cwd);
  if ('none' in opened) {
    const none = opened.none;
    if (none.kind === 'missing') throw new GitRefError(`--base ${shownRef}: the plans folder ${shownDir} does not exist, so git has no version of it to compare with.`);
    if (none.kind === 'not-in-git') {
      throw new GitRefError(
        `--base ${shownRef}: the plans folder ${shownDir} is not in a git repository (git said: ${oneLine(none.said, 300)}). Commit the plans to git (git init, git add, git commit in that folder or a folder above it), or leave out --base.`,
      );
    }
    throw new GitRefError(`--base ${shownRef}: ${outsideMessage(plansDir, none.top, 'earlier version of it').replace(/^The/, 'the')}`);
  }
  const { repo } = opened;
  let commit: string;
  try {
    commit = repo.git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString('utf8').trim();
  } catch {
    throw new GitRefError(
      `--base ${shownRef}: git knows no commit by that name. Pass a branch, tag or commit that exists in the repository of the plans folder (${oneLine(repo.top, 200)}), such as origin/main (in GitHub Actions, check out with fetch-depth: 0 so the base branch is there).`,
    );
  }
  return { repo, shownRef, commit: mergeBase(repo, commit), refCommit: commit };
}

/**
 * The change is what this branch did since it left the ref, as a pull request's diff shows it (git diff ref...HEAD):
 * measured from the ref's newest commit instead, whatever the ref gained since would count as this branch undoing
 * it, and the gate would blame a branch for work merged after it started. In a pull request's merge checkout the
 * two are the same commit. Without common history (or a HEAD), the ref's own commit.
 */
function mergeBase(repo: PlansRepo, commit: string): string {
  try {
    return repo.git(['merge-base', commit, 'HEAD']).toString('utf8').trim() || commit;
  } catch {
    return commit;
  }
}

/** One entry of the plans folder at a commit, with its mode and size from `ls-tree --long`. */
export interface TreeEntry {
  mode: string;
  type: string;
  size: number;
  /** The object's id: its bytes are read by it, never by path (a path is looked up entry by entry in its tree). */
  id: string;
  /** The path inside the repository. */
  name: string;
  /** The path inside the plans folder. */
  rel: string;
}

/**
 * Every entry under the plans folder at a commit, sorted by path. `--long` gives each entry's mode and size: a
 * link is never read (its "content" is a path, possibly to a secret), a submodule has no bytes, and a blob larger
 * than allowed is not loaded at all.
 */
export function listAt(repo: PlansRepo, commit: string): TreeEntry[] {
  const { folder } = repo;
  return repo
    .git(['ls-tree', '-r', '-z', '--full-tree', '--long', commit, '--', ...(folder ? [folder] : [])])
    .toString('utf8')
    .split('\0')
    .flatMap((line) => {
      const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.+)$/s.exec(line);
      if (!m) return [];
      const [, mode = '', type = '', id = '', size = '', name = ''] = m;
      const rel = folder ? name.slice(folder.length + 1) : name;
      return [{ mode, type, size: size === '-' ? 0 : Number(size), id, name, rel }];
    })
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** Whether a tree entry is an ordinary file (not a link, a submodule or a folder). */
export function isRegularEntry(e: TreeEntry): boolean {
  return e.type === 'blob' && (e.mode === '100644' || e.mode === '100755');
}

/**
 * The bytes of files at a commit (entries listAt gave for it), in one `git cat-file --batch`, in the order asked
 * (undefined where git had none). Asked by object id: asked by `<commit>:<path>`, git looks each path up in its folder's
 * tree entry by entry, which for a folder of 10,000 plans took ten seconds.
 */
export function readFilesAt(repo: PlansRepo, entries: readonly TreeEntry[]): (Uint8Array | undefined)[] {
  if (entries.length === 0) return [];
  return splitBatch(repo.git(['cat-file', '--batch'], entries.map(({ id }) => `${id}\n`).join('')));
}

/**
 * The plans folder's files at a commit, with the same `display` paths as the working copy's, so messages point at
 * familiar names. A link is never followed, and a file over its size cap is never loaded.
 */
export function readPlansAt(base: BaseRef, entries: readonly TreeEntry[], display: (rel: string) => string): PlansFile[] {
  const { shownRef } = base;
  const plans = entries.filter(({ rel, type }) => type !== 'commit' && isPlanPath(rel));
  const problemOf = (e: TreeEntry): PlansFile['problem'] => {
    if (e.mode === '120000') return problem('not-a-file', { is: 'link-at-ref', ref: shownRef });
    const cap = sizeCapFor(e.rel, MAX_FILE_BYTES_SETTING);
    return e.size > cap ? problem('file-too-large', { of: 'plans-file', rel: e.rel, size: e.size, cap }) : undefined;
  };
  const wanted = plans.filter((e) => problemOf(e) === undefined);
  const blobs = readFilesAt(base.repo, wanted);
  const byName = new Map(wanted.map((e, i) => [e.name, blobs[i]]));
  return plans.flatMap((e) => {
    const problem = problemOf(e);
    if (problem) return [{ rel: e.rel, display: display(e.rel), bytes: new Uint8Array(), problem }];
    const bytes = byName.get(e.name);
    return bytes ? [{ rel: e.rel, display: display(e.rel), bytes }] : [];
  });
}

const BASE_LEDGER_BYTES = 512 * 1024 * 1024;

/** A ledger file at a commit that is not read, and why (the working copy's reader refuses the same). */
export interface RefusedFile extends Problem {
  display: string;
}

/**
 * The sales ledger's files (sales/*.csv) at a commit, as the working copy's ledger is read: a link, something other
 * than a file, or a file over `maxBytes` is refused with its reason, so that a base is never compared with half a
 * ledger.
 */
export function readLedgerAt(base: BaseRef, entries: readonly TreeEntry[], display: (rel: string) => string, maxBytes: number): { files: { display: string; bytes: Uint8Array }[]; refused: RefusedFile[] } {
  const ledger = entries.filter(({ rel }) => /^sales\/[^/]+\.csv$/i.test(rel) && !isSkippedName(rel.slice('sales/'.length)));
  const refused: RefusedFile[] = [];
  for (const e of ledger) {
    if (e.mode === '120000') refused.push({ display: display(e.rel), ...problem('ledger-link', { at: base.shownRef }) });
    else if (!isRegularEntry(e)) refused.push({ display: display(e.rel), ...problem('not-a-file', { is: 'ledger-entry-at-ref', ref: base.shownRef }) });
    else if (e.size > maxBytes) refused.push({ display: display(e.rel), ...problem('file-too-large', { of: 'ledger-file-at-ref', ref: base.shownRef, size: e.size, limit: maxBytes }) });
  }
  // The base's ledger is read whole through one git pipe: past its buffer, it is refused like a file too large.
  const total = ledger.reduce((sum, e) => sum + e.size, 0);
  if (refused.length === 0 && total > BASE_LEDGER_BYTES) {
    refused.push({ display: display(ledger[0]?.rel ?? 'sales'), ...problem('file-too-large', { of: 'ledger-at-ref', ref: base.shownRef, total, limit: BASE_LEDGER_BYTES }) });
  }
  if (refused.length > 0) return { files: [], refused };
  const blobs = readFilesAt(base.repo, ledger);
  const files = ledger.flatMap((e, i) => {
    const bytes = blobs[i];
    return bytes ? [{ display: display(e.rel), bytes }] : [];
  });
  return { files, refused };
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
  const parts = splitBatch(repo.git(['cat-file', '--batch'], `${ids.join('\n')}\n`));
  ids.forEach((id, i) => {
    const bytes = parts[i];
    if (bytes) blobs.set(id, bytes);
  });
  return blobs;
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
