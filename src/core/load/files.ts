import { problem, type Problem } from '../diagnostics/diagnose.ts';
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../shared/input-error.ts';
import { invisibleInName, isBelow, isSkippedName, PLAN_EXTENSIONS, toPosix, visibleName } from '../shared/paths.ts';
import { DEFAULT_MAX_FILE_BYTES, fileSizeLimit, sizeCapFor } from './limits.ts';
import { contentHash } from './cache-key.ts';
import { StatIndex } from './stat-index.ts';
import { readUpTo } from './cache-folder.ts';
import { isNarrative, mayShowImage } from './narrative/image-hint.ts';

/** One file of the plans folder, as bytes, before parsing. */
export interface PlansFile {
  /** Path inside the plans folder, with forward slashes: accounts/acme.yaml. */
  rel: string;
  /** Path as the user opens it, relative to the working directory: plans/accounts/acme.yaml. */
  display: string;
  readonly bytes: Uint8Array;
  /** Why the file could not be read (a link out of the folder, a FIFO, too large …); `bytes` is then empty. */
  problem?: Problem;
  /**
   * The hash of the file's bytes (cache-key.ts's contentHash) and their length, when the stat index vouched for them
   * (stat-index.ts): `bytes` is then read on first use only, and checked against both.
   */
  hash?: string;
  size?: number;
  /** For a narrative the stat index vouched for: whether its bytes may show an image (narrative/image-hint.ts). */
  mayShowImage?: boolean;
}

/** A hash of the file's bytes, without reading them when the stat index vouched for it. */
export function fileHash(f: PlansFile): string {
  return f.hash ?? contentHash(f.bytes);
}

/** The file's length in bytes, without reading it when the stat index vouched for it. */
export function fileSize(f: PlansFile): number {
  return f.size ?? f.bytes.length;
}

/** The files that are parsed (in any case, so that a wrong case is reported); the others are only named in a warning, so never read. */
const PARSED = /^(?:(?:workspace|team|goals|icp|comp)\.ya?ml|accounts\/(?:.+\/)?[^/]+\.(?:ya?ml|mdx)|reviews\/[^/]+\/[^/]+\.ya?ml|changes\/[^/]+\.ya?ml)$/i;

interface Entry {
  rel: string;
  /** The real path to open, or undefined when `problem` is set. */
  path?: string;
  problem?: Problem;
  /** What lstat said of a regular file found by the walk (not through a link): what the stat index compares. */
  stat?: Stats;
}

/**
 * Reads every candidate file under a plans folder. The only part of core that touches the file system for plans.
 * The walk is our own, with lstat, so that no link is followed out of the folder; every file that cannot be read
 * becomes a PlansFile with a `problem`, so one bad entry never hides the others. With `index`, the stat index of the
 * cache folder (stat-index.ts) gives the hash of each file unchanged since it was last read, and that file is read
 * only when its bytes are asked for (workspace.yaml, whose size limit applies to every file, is always read).
 */
export function readPlansFolder(
  plansDir: string,
  cwd: string = process.cwd(),
  options: { afterListing?: (rels: string[]) => void; index?: boolean; env?: NodeJS.ProcessEnv } = {},
): PlansFile[] {
  const root = resolve(cwd, plansDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new PlansFolderMissing(relative(cwd, root) || '.', existsSync(root));
  }
  // The folder itself may be a link: the user chose it. Links inside it are judged against its real path.
  const realRoot = realpathSync(root);
  // relative() once for the folder, not once per file: rel is a clean path below it, so the two give the same.
  const prefix = toPosix(relative(cwd, root));
  const display = (rel: string) => (prefix === '' ? rel : `${prefix}/${rel}`);
  const entries = listFolder(realRoot).sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  // Tests change the folder here, to show that a file replaced or removed after the listing is still reported.
  options.afterListing?.(entries.map((e) => e.rel));

  const index = options.index ? StatIndex.open(realRoot, cwd, options.env) : undefined;
  const workspace = entries.find((e) => e.rel === 'workspace.yaml');
  const workspaceFile = workspace ? readEntry(workspace, display, sizeCapFor('workspace.yaml', DEFAULT_MAX_FILE_BYTES), index) : undefined;
  const limit = workspaceFile && !workspaceFile.problem ? fileSizeLimit(workspaceFile.bytes) : DEFAULT_MAX_FILE_BYTES;
  const files = entries.map((e) => {
    if (e === workspace && workspaceFile) return workspaceFile;
    const cap = sizeCapFor(e.rel, limit);
    const row = e.path && e.stat && e.stat.size <= cap && PARSED.test(e.rel) ? index?.vouch(e.rel, e.stat) : undefined;
    return row ? new VouchedFile({ rel: e.rel, path: e.path! }, display(e.rel), row, e.stat!.size, cap, index!) : readEntry(e, display, cap, index);
  });
  index?.save();
  return files;
}

/**
 * A file the stat index vouched for: its hash and size known, its bytes read when first asked for and checked against
 * them. A file that changed since the walk saw it (a write that kept every stat value, or one after the walk) is an
 * error that stops the run: the run was keyed on what the index said.
 */
class VouchedFile implements PlansFile {
  readonly rel: string;
  readonly display: string;
  readonly hash: string;
  readonly size: number;
  readonly mayShowImage: boolean;
  readonly #entry: Entry;
  readonly #cap: number;
  readonly #index: StatIndex;
  #bytes: Uint8Array | undefined;

  constructor(entry: Entry, display: string, known: { hash: string; mayShowImage: boolean }, size: number, cap: number, index: StatIndex) {
    this.rel = entry.rel;
    this.display = display;
    this.hash = known.hash;
    this.mayShowImage = known.mayShowImage;
    this.size = size;
    this.#entry = entry;
    this.#cap = cap;
    this.#index = index;
  }

  get bytes(): Uint8Array {
    if (this.#bytes === undefined) {
      const read = readEntry(this.#entry, () => this.display, this.#cap, undefined);
      if (read.problem || read.bytes.length !== this.size || contentHash(read.bytes) !== this.hash) {
        // Changed since the walk, or the index was wrong about it: either way the next run reads every file afresh.
        this.#index.discard();
        throw new PlansFileChanged(this.display);
      }
      this.#bytes = read.bytes;
    }
    return this.#bytes;
  }
}

/** A plans file that changed while a run was reading the folder. */
export class PlansFileChanged extends InputError {
  constructor(display: string) {
    super(`${display} changed while the plans were being read. Run the command again once the files are saved.`);
  }
}

function listFolder(realRoot: string): Entry[] {
  const out: Entry[] = [];
  // The real root is a clean absolute path and each name one segment, so a path is joined without normalising it.
  const base = realRoot.endsWith(sep) ? realRoot : `${realRoot}${sep}`;
  const walk = (relDir: string) => {
    let names: string[];
    try {
      names = readdirSync(join(realRoot, relDir));
    } catch (e) {
      out.push({ rel: relDir, problem: problem('unreadable-folder', { reason: reason(e) }) });
      return;
    }
    for (const name of names) {
      if (isSkippedName(name)) continue;
      const rel = relDir === '' ? name : `${relDir}/${name}`;
      const path = base + (sep === '/' ? rel : rel.replaceAll('/', sep));
      // A plans file or folder whose name hides something is an error at it, never silently left out.
      const hidden = invisibleInName(name);
      if (hidden && (PLAN_EXTENSIONS.test(visibleName(name)) || isFolder(path))) {
        out.push({ rel, problem: invisibleNameProblem(name, hidden, isFolder(path)) });
        continue;
      }
      let stat: Stats;
      try {
        stat = lstatSync(path);
      } catch (e) {
        if (PLAN_EXTENSIONS.test(name)) out.push({ rel, problem: vanished(e) });
        continue;
      }
      if (stat.isSymbolicLink()) {
        const entry = judgeLink(realRoot, rel, path);
        if (entry) out.push(entry);
      } else if (stat.isDirectory()) {
        if (PLAN_EXTENSIONS.test(name)) out.push({ rel, problem: problem('not-a-file', { is: 'folder-named-like-a-file' }) });
        else walk(rel);
      } else if (PLAN_EXTENSIONS.test(name)) {
        out.push(stat.isFile() ? { rel, path, stat } : { rel, problem: notAFile(stat) });
      }
    }
  };
  walk('');
  return out;
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Why a name a person cannot read as it is is refused, and what to rename it to. */
export function invisibleNameProblem(name: string, hidden: string, folder: boolean): Problem {
  return problem('invisible-name', { name, hidden, folder, meant: visibleName(name) });
}

/** A link is followed only to a file inside the plans folder; anything else is an error at the link. */
function judgeLink(realRoot: string, rel: string, path: string): Entry | undefined {
  const named = PLAN_EXTENSIONS.test(rel);
  let target: string;
  try {
    target = realpathSync(path);
  } catch (e) {
    if (!named) return undefined;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { rel, problem: problem('link-loop') };
    return { rel, problem: problem('link-dangling') };
  }
  const inside = target === realRoot || isBelow(realRoot, target);
  let stat: Stats;
  try {
    stat = statSync(target);
  } catch (e) {
    return named ? { rel, problem: vanished(e) } : undefined;
  }
  if (!inside && (named || stat.isDirectory())) {
    return { rel, problem: problem('link-outside') };
  }
  // Hidden files (.env, .git/config) are never read by the walk; a link must not reach them either.
  if (named && inside && relative(realRoot, target).split(sep).some(isSkippedName)) {
    return { rel, problem: problem('link-hidden') };
  }
  if (stat.isDirectory()) {
    return { rel, problem: problem('link-to-folder') };
  }
  if (!named) return undefined;
  return stat.isFile() ? { rel, path: target } : { rel, problem: notAFile(stat) };
}

/** Opens without following a link and without blocking on a FIFO, checks the size on the open file, then reads. */
function readEntry(e: Entry, display: (rel: string) => string, cap: number, index: StatIndex | undefined): PlansFile {
  const file = { rel: e.rel, display: display(e.rel), bytes: new Uint8Array(0) };
  if (e.problem || !e.path) return { ...file, problem: e.problem ?? problem('unreadable-file', { when: 'unknown' }) };
  if (!PARSED.test(e.rel)) return file;
  let fd: number | undefined;
  try {
    // The clock before opening: a file modified at about this time is read again next run (stat-index.ts).
    const readAt = Date.now();
    fd = openSync(e.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ...file, problem: notAFile(stat) };
    const size = stat.size;
    if (size > cap) return { ...file, problem: problem('file-too-large', { of: 'plans-file', rel: e.rel, size, cap }) };
    const bytes = new Uint8Array(size);
    const at = readUpTo(fd, bytes, size, 0);
    // Only a file read whole as fstat saw it, and found by the walk itself (not through a link), is recorded.
    if (index && e.stat && at === size) index.record(e.rel, stat, { hash: contentHash(bytes), mayShowImage: isNarrative(e.rel) && mayShowImage(bytes) }, readAt);
    return { ...file, bytes: at === bytes.length ? bytes : bytes.subarray(0, at) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ...file, problem: vanished(err) };
    if (code === 'ELOOP') return { ...file, problem: problem('file-changed') };
    if (code === 'EISDIR') return { ...file, problem: problem('not-a-file', { is: 'folder-named-like-a-file' }) };
    return { ...file, problem: problem('unreadable-file', { when: 'opening', reason: reason(err) }) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function notAFile(stat: Stats): Problem {
  const what = stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isDirectory() ? 'a folder' : 'not a regular file';
  return problem('not-a-file', { is: 'special', what });
}

function vanished(e: unknown): Problem {
  const code = (e as NodeJS.ErrnoException).code;
  if (code !== 'ENOENT') return problem('unreadable-file', { when: 'listing', reason: reason(e) });
  return problem('file-vanished');
}

/** The error code only: an OS message may carry a full path, which is not ours to print. */
function reason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? 'unknown error';
}

export class PlansFolderMissing extends InputError {
  readonly folder: string;
  constructor(folder: string, isFile = false) {
    super(`The plans folder "${folder}" ${isFile ? 'is a file, not a folder' : 'does not exist'}. Run from the repository root, or pass --plans with the folder that holds workspace.yaml.`);
    this.folder = folder;
  }
}

/** How the plans folder is shown in messages, with a trailing slash: "plans/", or "" for the working directory. */
export function displayRoot(plansDir: string, cwd: string = process.cwd()): string {
  const rel = toPosix(relative(cwd, resolve(cwd, plansDir)));
  return rel === '' ? '' : `${rel}/`;
}
