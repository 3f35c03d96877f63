import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The folders the caches live in (load/cache.ts for the working copy, load/run-cache.ts for whole outputs,
 * load/history/cache.ts for git's versions), and the reading and writing of their files: only real folders below an
 * existing node_modules are used, never a link, only their own files are removed, and a file that is a link is not read.
 */

/** Whether a path is a folder itself, not a link to one. */
export function isRealFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Makes the folders of `folder` below its last node_modules (or its last segment, when there is none), one real
 * folder at a time: false when one of them is a link or cannot be made, so nothing is written through a link.
 */
export function makeCacheFolders(folder: string): boolean {
  const parts = folder.split(/[\\/]/);
  const modules = parts.lastIndexOf('node_modules');
  const start = modules >= 0 ? modules + 1 : parts.length - 1;
  for (let i = start; i <= parts.length; i++) {
    const dir = parts.slice(0, i).join('/') || '/';
    if (i > start) {
      try {
        mkdirSync(dir);
      } catch {
        // It exists (checked next) or cannot be made (then no cache).
      }
    }
    if (!isRealFolder(dir)) return false;
  }
  return true;
}

/** Keeps the newest `max` files of the folder whose names end in `ending`, `keep` (the one in use) among them. */
export function pruneOldest(folder: string, ending: string, keep: string, max: number): void {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(ending))
    .map((name) => join(folder, name))
    .filter((path) => path !== keep)
    .map((path) => ({ path, at: statSync(path).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { path } of files.slice(max - 1)) rmSync(path, { force: true });
}

/** A cache file's bytes, or undefined when it is missing, a link, not a regular file, larger than `maxBytes` or cut short while read. Never throws. */
export function readCacheFile(path: string, maxBytes: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    // O_NOFOLLOW: a cache file that is a link is not read.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    const stat = fstatSync(fd);
    return stat.isFile() && stat.size <= maxBytes ? readExactly(fd, 0, stat.size) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** `length` bytes from `position`, or undefined when the file ends first. Throws on a read error. */
export function readExactly(fd: number, position: number, length: number): Buffer | undefined {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, bytes, read, length - read, position + read);
    if (n === 0) return undefined;
    read += n;
  }
  return bytes;
}

/** Writes all of `bytes`, however many calls it takes. Throws on a write error. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
}
