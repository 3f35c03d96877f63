import { lstatSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The folders the caches live in (load/cache.ts for the working copy, load/history/cache.ts for git's versions):
 * only real folders below an existing node_modules are used, never a link, and only their own files are removed.
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
