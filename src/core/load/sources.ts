import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { isRegularEntry, listAt, readFilesAt, readLedgerAt, readPlansAt, type BaseRef, type TreeEntry } from '../git/ref.ts';
import type { LoadResult, Workspace } from '../model.ts';
import { toPosix } from '../shared/paths.ts';
import { PlansCache } from './cache.ts';
import { displayRoot, readPlansFolder, type PlansFile } from './files.ts';
import { MAX_IMAGE_BYTES, type ImageFolder } from './narrative/image-file.ts';
import { checkNarrativeImages } from './narrative/images.ts';
import { checkSiteLogo } from './site-logo.ts';
import { placed } from '../diagnostics/diagnose.ts';
import { buildLedger } from './sales/ledger.ts';
import { ledgerFileLimit, readLedger } from './sales/read.ts';

/**
 * Where a run reads the plans from: the working copy, or the plans folder as it was at a commit. Both give files
 * with the same display paths, check narrative images and read the ledger, so that a workspace is valid by one
 * definition wherever it was read (read-workspace.ts applies it).
 */
export interface PlansSource {
  /** The plans folder's files, read once. */
  files: readonly PlansFile[];
  /** How messages name the plans folder ("plans/"). */
  root: string;
  /** How messages name a file of the plans folder by its path inside it (accounts/acme.yaml → plans/accounts/acme.yaml). */
  display(rel: string): string;
  /** The per-file parse cache, when the source has one. */
  cache: PlansCache | undefined;
  /** Errors for the images the narratives show that are missing, outside the folder or not raster images. */
  checkImages(files: readonly PlansFile[]): Diagnostic[];
  /** The sales ledger, summed against a linked workspace up to `today` (every row without it); none when the folder has no sales/*.csv. */
  readLedger(ws: Workspace, today?: string): Pick<LoadResult, 'diagnostics'> & { ledger: Workspace['ledger'] };
}

export interface WorkingCopyOptions {
  plansDir: string;
  /** The folder plansDir is relative to (default: the process's). */
  cwd?: string | undefined;
  /** With the per-file parse cache and the stat index in node_modules/.cache/account-plans (off with ACCOUNT_PLANS_CACHE=0). */
  cache?: boolean | undefined;
  /**
   * Whether the stat index may leave unchanged files unread until their bytes are needed (default: with `cache`). A
   * long-lived reader whose files change under it (`astro dev`) reads every file at once instead, so its run is one
   * snapshot of the folder, never stopped by a file that changed since.
   */
  index?: boolean | undefined;
  /** The files, when the caller already read them (a run cache keys on exactly what is checked). */
  files?: readonly PlansFile[] | undefined;
  /** The folder whose tool version the cache is keyed by (default: this tool's). */
  toolRoot?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
}

/** The plans folder on disk. */
export function workingCopy(options: WorkingCopyOptions): PlansSource {
  const { plansDir } = options;
  const cwd = options.cwd ?? process.cwd();
  const files = options.files ?? readPlansFolder(plansDir, cwd, { index: options.index ?? options.cache === true, env: options.env ?? process.env });
  const folder = resolve(cwd, plansDir);
  return {
    files,
    root: displayRoot(plansDir, cwd),
    display: displayIn(plansDir, cwd),
    cache: options.cache ? PlansCache.open(folder, cwd, options.env ?? process.env, options.toolRoot) : undefined,
    checkImages: (files) => [...checkNarrativeImages(files, folder), ...checkSiteLogo(files, folder)],
    readLedger: (ws, today) => readLedger(plansDir, cwd, ws, today),
  };
}

/**
 * The plans folder at a commit (a --base): read with git plumbing, never checked out. Links are never followed
 * at a commit: a plan, an image or a ledger file that is a link there is reported as the working copy reports one.
 * With `cache`, the working copy's parse cache is used too: an entry is keyed on a file's bytes and names, so every
 * plan a change did not touch is a hit, and the base of a pull request costs what its changed files cost.
 */
export function atCommit(base: BaseRef, plansDir: string, cwd: string, options: { cache?: boolean; env?: NodeJS.ProcessEnv } = {}): PlansSource {
  const entries = listAt(base.repo, base.commit);
  const display = displayIn(plansDir, cwd);
  return {
    files: readPlansAt(base, entries, display),
    root: displayRoot(plansDir, cwd),
    display,
    cache: options.cache ? PlansCache.open(resolve(cwd, plansDir), cwd, options.env ?? process.env) : undefined,
    checkImages: (files) => {
      const folder = treeFolder(base, entries);
      return [...checkNarrativeImages(files, folder), ...checkSiteLogo(files, folder)];
    },
    readLedger: (ws, today) => {
      const read = readLedgerAt(base, entries, display, ledgerFileLimit(ws.settings));
      if (read.refused.length > 0) {
        return { ledger: undefined, diagnostics: read.refused.map((r) => placed(r.display, { line: 1, column: 1 }, r)) };
      }
      if (read.files.length === 0) return { ledger: undefined, diagnostics: [] };
      return buildLedger(read.files.map((f) => ({ display: f.display, chunks: [f.bytes] })), ws, today);
    },
  };
}

/** The files of a commit as narrative images are looked up in them. */
function treeFolder(base: BaseRef, entries: readonly TreeEntry[]): ImageFolder {
  const byRel = new Map(entries.map((e) => [e.rel, e]));
  const folders = new Set(entries.flatMap((e) => e.rel.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  return {
    open(rel) {
      const e = byRel.get(rel);
      if (!e) return folders.has(rel) ? { kind: 'other' } : { kind: 'missing' };
      if (!isRegularEntry(e)) return { kind: 'other' };
      return {
        kind: 'file',
        size: e.size,
        read: () => (e.size > MAX_IMAGE_BYTES ? new Uint8Array() : (readFilesAt(base.repo, [e])[0] ?? new Uint8Array())),
      };
    },
  };
}

/** A file of the plans folder as messages name it, relative to where the command runs: the working copy's and a commit's alike. */
function displayIn(plansDir: string, cwd: string): (rel: string) => string {
  return (rel) => toPosix(relative(cwd, join(resolve(cwd, plansDir), rel)));
}
