import type { DiagnosticCode } from '../diagnostics/codes.ts';
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../shared/input-error.ts';
import { invisibleInName, isBelow, isSkippedName, PLAN_EXTENSIONS, toPosix, visibleName } from '../shared/paths.ts';
import { excerpt } from '../shared/suggest.ts';
import { DEFAULT_MAX_FILE_BYTES, fileSizeLimit, sizeCapFor, tooLargeMessage } from './limits.ts';

/** One file of the plans folder, as bytes, before parsing. */
export interface PlansFile {
  /** Path inside the plans folder, with forward slashes: accounts/acme.yaml. */
  rel: string;
  /** Path as the user opens it, relative to the working directory: plans/accounts/acme.yaml. */
  display: string;
  bytes: Uint8Array;
  /** Why the file could not be read (a link out of the folder, a FIFO, too large …); `bytes` is then empty. */
  problem?: { code: DiagnosticCode; message: string };
}

/** The files that are parsed (in any case, so that a wrong case is reported); the others are only named in a warning, so never read. */
const PARSED = /^(?:(?:workspace|team|goals|icp|comp)\.ya?ml|accounts\/(?:.+\/)?[^/]+\.(?:ya?ml|mdx)|reviews\/[^/]+\/[^/]+\.ya?ml)$/i;

interface Entry {
  rel: string;
  /** The real path to open, or undefined when `problem` is set. */
  path?: string;
  problem?: { code: DiagnosticCode; message: string };
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
      out.push({ rel: relDir, problem: { code: 'unreadable-folder', message: `The folder cannot be read (${reason(e)}), so its plans are not checked. Make it readable, or remove it.` } });
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
        if (PLAN_EXTENSIONS.test(name)) out.push({ rel, problem: { code: 'not-a-file', message: 'This is a folder, but its name says it is a plans file. Rename the folder, or put the plan in a file of that name.' } });
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
export function invisibleNameProblem(name: string, hidden: string, folder: boolean): { code: DiagnosticCode; message: string } {
  const meant = visibleName(name);
  const what = folder ? 'folder' : 'file';
  const rename = meant === '' ? `Rename the ${what}.` : `Rename the ${what} to ${excerpt(meant)}.`;
  return { code: 'invisible-name', message: `The ${what} name ${excerpt(name)} ${hidden}, which nobody sees in a listing, so ${folder ? 'its plans are' : 'it is'} not read. ${rename}` };
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
    if (code === 'ELOOP') return { rel, problem: { code: 'link-loop', message: 'This symbolic link points, through other links, back to itself, so it has no content. Replace it with the file itself.' } };
    return { rel, problem: { code: 'link-dangling', message: 'This symbolic link points to a file that does not exist. Replace it with the file itself, or remove it.' } };
  }
  const inside = target === realRoot || isBelow(realRoot, target);
  let stat: Stats;
  try {
    stat = statSync(target);
  } catch (e) {
    return named ? { rel, problem: vanished(e) } : undefined;
  }
  if (!inside && (named || stat.isDirectory())) {
    return { rel, problem: { code: 'link-outside', message: 'This symbolic link points outside the plans folder, and plans are read only from inside it. Copy the file into the plans folder instead of linking to it.' } };
  }
  // Hidden files (.env, .git/config) are never read by the walk; a link must not reach them either.
  if (named && inside && relative(realRoot, target).split(sep).some(isSkippedName)) {
    return { rel, problem: { code: 'link-hidden', message: 'This symbolic link points to a hidden file or folder (a name starting with ".", or node_modules), which plans are never read from. Copy the plan to a visible file instead of linking to it.' } };
  }
  if (stat.isDirectory()) {
    return { rel, problem: { code: 'link-to-folder', message: 'This symbolic link points to a folder, and links to folders are not followed (their plans would be read twice). Remove the link; the folder is read where it is.' } };
  }
  if (!named) return undefined;
  return stat.isFile() ? { rel, path: target } : { rel, problem: notAFile(stat) };
}

/** Opens without following a link and without blocking on a FIFO, checks the size on the open file, then reads. */
function readEntry(e: Entry, display: (rel: string) => string, cap: number): PlansFile {
  const file = { rel: e.rel, display: display(e.rel), bytes: new Uint8Array(0) };
  if (e.problem || !e.path) return { ...file, problem: e.problem ?? { code: 'unreadable-file', message: 'The file cannot be read.' } };
  if (!PARSED.test(e.rel)) return file;
  let fd: number | undefined;
  try {
    fd = openSync(e.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ...file, problem: notAFile(stat) };
    if (stat.size > cap) return { ...file, problem: { code: 'file-too-large', message: tooLargeMessage(e.rel, stat.size, cap) } };
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
    if (code === 'ELOOP') return { ...file, problem: { code: 'file-changed', message: 'This file was replaced by a symbolic link while the plans were being read. Replace the link with the file itself, then run the check again.' } };
    if (code === 'EISDIR') return { ...file, problem: { code: 'not-a-file', message: 'This is a folder, but its name says it is a plans file. Rename the folder, or put the plan in a file of that name.' } };
    return { ...file, problem: { code: 'unreadable-file', message: `The file cannot be read (${reason(err)}). Make it readable by the user who runs the check, then run it again.` } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function notAFile(stat: Stats): { code: DiagnosticCode; message: string } {
  const what = stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isDirectory() ? 'a folder' : 'not a regular file';
  return { code: 'not-a-file', message: `This is ${what}, not a file, so it is not read. Plans files are ordinary text files: replace it with one, or remove it.` };
}

function vanished(e: unknown): { code: DiagnosticCode; message: string } {
  const code = (e as NodeJS.ErrnoException).code;
  if (code !== 'ENOENT') return { code: 'unreadable-file', message: `The file cannot be read (${reason(e)}). Make it readable, then run the check again.` };
  return { code: 'file-vanished', message: 'The file disappeared while the plans were being read (was it moved or deleted meanwhile?). Run the check again.' };
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
