import { problem, type Problem } from '../diagnostics/diagnose.ts';
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../shared/input-error.ts';
import { invisibleInName, isBelow, isSkippedName, PLAN_EXTENSIONS, toPosix, visibleName } from '../shared/paths.ts';
import { DEFAULT_MAX_FILE_BYTES, fileSizeLimit, sizeCapFor } from './limits.ts';

/** One file of the plans folder, as bytes, before parsing. */
export interface PlansFile {
  /** Path inside the plans folder, with forward slashes: accounts/acme.yaml. */
  rel: string;
  /** Path as the user opens it, relative to the working directory: plans/accounts/acme.yaml. */
  display: string;
  bytes: Uint8Array;
  /** Why the file could not be read (a link out of the folder, a FIFO, too large …); `bytes` is then empty. */
  problem?: Problem;
}

/** The files that are parsed (in any case, so that a wrong case is reported); the others are only named in a warning, so never read. */
const PARSED = /^(?:(?:workspace|team|goals|icp|comp)\.ya?ml|accounts\/(?:.+\/)?[^/]+\.(?:ya?ml|mdx)|reviews\/[^/]+\/[^/]+\.ya?ml|changes\/[^/]+\.ya?ml)$/i;

interface Entry {
  rel: string;
  /** The real path to open, or undefined when `problem` is set. */
  path?: string;
  problem?: Problem;
}

/**
 * Reads every candidate file under a plans folder. The only part of core that touches the file system for plans.
 * The walk is our own, with lstat, so that no link is followed out of the folder; every file that cannot be read
 * becomes a PlansFile with a `problem`, so one bad entry never hides the others.
 */
export function readPlansFolder(plansDir: string, cwd: string = process.cwd(), options: { afterListing?: (rels: string[]) => void } = {}): PlansFile[] {
  const root = resolve(cwd, plansDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new PlansFolderMissing(relative(cwd, root) || '.', existsSync(root));
  }
  // The folder itself may be a link: the user chose it. Links inside it are judged against its real path.
  const realRoot = realpathSync(root);
  const display = (rel: string) => toPosix(relative(cwd, join(root, rel)));
  const entries = listFolder(realRoot).sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  // Tests change the folder here, to show that a file replaced or removed after the listing is still reported.
  options.afterListing?.(entries.map((e) => e.rel));

  const workspace = entries.find((e) => e.rel === 'workspace.yaml');
  const workspaceFile = workspace ? readEntry(workspace, display, sizeCapFor('workspace.yaml', DEFAULT_MAX_FILE_BYTES)) : undefined;
  const limit = workspaceFile && !workspaceFile.problem ? fileSizeLimit(workspaceFile.bytes) : DEFAULT_MAX_FILE_BYTES;
  return entries.map((e) => (e === workspace && workspaceFile ? workspaceFile : readEntry(e, display, sizeCapFor(e.rel, limit))));
}

function listFolder(realRoot: string): Entry[] {
  const out: Entry[] = [];
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
      const path = join(realRoot, rel);
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
        out.push(stat.isFile() ? { rel, path } : { rel, problem: notAFile(stat) });
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
function readEntry(e: Entry, display: (rel: string) => string, cap: number): PlansFile {
  const file = { rel: e.rel, display: display(e.rel), bytes: new Uint8Array(0) };
  if (e.problem || !e.path) return { ...file, problem: e.problem ?? problem('unreadable-file', { when: 'unknown' }) };
  if (!PARSED.test(e.rel)) return file;
  let fd: number | undefined;
  try {
    fd = openSync(e.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ...file, problem: notAFile(stat) };
    if (stat.size > cap) return { ...file, problem: problem('file-too-large', { of: 'plans-file', rel: e.rel, size: stat.size, cap }) };
    const bytes = new Uint8Array(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
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
