import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The folders the caches live in (load/cache.ts for the working copy, load/run-cache.ts for whole outputs,
 * load/history/cache.ts for git's versions), and the reading and writing of their files: only real folders below an
 * existing node_modules are used, never a link, only their own files are removed, and a file that is a link is not read.
 */

/** Whether the caches are off for this run (ACCOUNT_PLANS_CACHE=0). */
export function cachesOff(env: NodeJS.ProcessEnv): boolean {
  return env['ACCOUNT_PLANS_CACHE'] === '0';
}

/**
 * The folder the working copy's caches live in (the pack, the findings, the run records, the stat index):
 * node_modules/.cache/account-plans of `cwd`, made when missing; undefined when it cannot be used (makeCacheFolders).
 */
export function cacheFolderOf(cwd: string): string | undefined {
  const folder = join(cwd, 'node_modules', '.cache', 'account-plans');
  return makeCacheFolders(folder) ? folder : undefined;
}

/** The file in `folder` that caches something of `of` (a plans folder, a command over one): named by a hash of it. */
export function cacheFileFor(folder: string, of: string, ending: string): string {
  return join(folder, `${createHash('sha256').update(of).digest('hex').slice(0, 32)}${ending}`);
}

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

/**
 * Every cache file carries a checksum of its content, so a byte changed on disk (a bad sector, a half-synced
 * copy, a hand edit) is a miss, never output. CRC-32 (zlib's, as zip and PNG use it): it detects damage, not
 * forgery, since anyone who can write node_modules can change the tool itself, and damage is what a CRC is made
 * for (every burst of up to 32 bits, and all but one in four billion of the rest). It costs a quarter of SHA-1 on
 * the 10,000 entries of a pack (13 against 48-62 ms here), which each run after an edit checks.
 */
export const CHECKSUM_BYTES = 4;

export function checksum(bytes: Uint8Array): Buffer {
  const sum = Buffer.allocUnsafe(CHECKSUM_BYTES);
  sum.writeUInt32LE(crc32(bytes), 0);
  return sum;
}

/** The checksum of bytes that come in parts, as `checksum` gives it for them joined. */
export class Checksum {
  private value = 0;

  update(bytes: Uint8Array): this {
    this.value = crc32(bytes, this.value);
    return this;
  }

  digest(): Buffer {
    const sum = Buffer.allocUnsafe(CHECKSUM_BYTES);
    sum.writeUInt32LE(this.value, 0);
    return sum;
  }
}

/**
 * Opens a cache file for reading only when `lstat` says it is a regular file of at most `maxBytes`, so a FIFO, a
 * device or a link is never opened (opening a FIFO waits for a writer forever); the open file is checked again
 * (O_NOFOLLOW, O_NONBLOCK, the same inode), in case the path was swapped in between. Undefined otherwise. Never throws.
 */
export function openCacheFile(path: string, maxBytes: number): { fd: number; size: number } | undefined {
  let fd: number | undefined;
  try {
    const before = lstatSync(path);
    if (!before.isFile() || before.size > maxBytes) return undefined;
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size <= maxBytes && stat.ino === before.ino && stat.dev === before.dev) return { fd, size: stat.size };
  } catch {
    // Missing, unreadable, or swapped for a link: a miss.
  }
  if (fd !== undefined) closeQuietly(fd);
  return undefined;
}

/**
 * A cache file's content, or undefined when it is missing, a link or anything but a regular file, larger than
 * `maxBytes`, cut short while read, or its checksum (its last CHECKSUM_BYTES, see replaceCacheFile) does not match. Never throws.
 * With `start`, a file that does not begin with those bytes is a miss found by reading only them (a record of another
 * run's key is not read whole, nor hashed).
 */
export function readCacheFile(path: string, maxBytes: number, start?: Uint8Array): Buffer | undefined {
  const file = openCacheFile(path, maxBytes);
  if (!file) return undefined;
  try {
    if (file.size < CHECKSUM_BYTES + (start?.length ?? 0)) return undefined;
    if (start && !readExactly(file.fd, 0, start.length)?.equals(start)) return undefined;
    const bytes = readExactly(file.fd, 0, file.size);
    if (!bytes) return undefined;
    const content = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
    return checksum(content).equals(bytes.subarray(content.length)) ? content : undefined;
  } catch {
    return undefined;
  } finally {
    closeQuietly(file.fd);
  }
}

/** The window a cache file is read through when it is not read whole (openCheckedCacheFile). */
export const WINDOW_BYTES = 1 << 20;

/** A cache file whose checksum was found right, open for reading what it holds: `size` bytes, the checksum left out. */
export interface CheckedCacheFile {
  fd: number;
  size: number;
}

/**
 * Opens a cache file as readCacheFile does and checks its checksum without holding it whole: the file is read once
 * through one reused window of WINDOW_BYTES, and `look` is shown each window (its bytes, where they start, and the
 * size of what the file holds), so a caller can check what it needs before using any of it. A file read whole costs
 * its size in fresh memory, which a short-lived process pays page by page (a replayed record of 23 MB: 120 ms whole,
 * 15 ms through a window). Undefined, with nothing left open, for every miss readCacheFile has, or when `look` says
 * no. The caller closes the file (closeQuietly). Never throws.
 */
export function openCheckedCacheFile(path: string, maxBytes: number, start: Uint8Array, look: (window: Buffer, at: number, size: number) => boolean): CheckedCacheFile | undefined {
  const file = openCacheFile(path, maxBytes);
  if (!file) return undefined;
  try {
    const size = file.size - CHECKSUM_BYTES;
    if (size < start.length || !readExactly(file.fd, 0, start.length)?.equals(start)) throw new Error('another file');
    const window = Buffer.allocUnsafe(Math.min(WINDOW_BYTES, Math.max(size, 1)));
    const sum = new Checksum();
    for (let at = 0; at < size; ) {
      const n = readUpTo(file.fd, window, Math.min(window.length, size - at), at);
      if (n === 0) throw new Error('cut short');
      const bytes = window.subarray(0, n);
      sum.update(bytes);
      if (!look(bytes, at, size)) throw new Error('refused');
      at += n;
    }
    if (!sum.digest().equals(readExactly(file.fd, size, CHECKSUM_BYTES) ?? Buffer.alloc(0))) throw new Error('damaged');
    return { fd: file.fd, size };
  } catch {
    closeQuietly(file.fd);
    return undefined;
  }
}

/**
 * Puts a whole cache file in place: `chunks` written one after another to a temporary file beside `path` ('wx': never
 * through a link or over a file already there), their checksum after them (as readCacheFile reads it), then renamed
 * over `path`, so a reader sees the old file or the new one, never half of one. The chunks are taken as they come, so
 * a large file is never joined into one buffer, and each is written before the next is asked for (a generator may
 * hand the same buffer again). False, with nothing left behind, when it cannot be written. Never throws.
 */
export function replaceCacheFile(path: string, chunks: Iterable<Uint8Array>): boolean {
  const temp = `${path}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    const sum = new Checksum();
    for (const chunk of chunks) {
      sum.update(chunk);
      writeAll(fd, chunk);
    }
    writeAll(fd, sum.digest());
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
    return true;
  } catch {
    if (fd !== undefined) closeQuietly(fd);
    rmSync(temp, { force: true });
    return false;
  }
}

/**
 * A file read through one reused window of WINDOW_BYTES, for reads that go mostly forward (a pack's entries, the
 * findings cache's lines, in about the order they were written): one system call for many reads, and a run over a file
 * of 60 MB touches one megabyte of fresh memory, not sixty (a short-lived process pays for fresh memory page by page).
 */
export class FileWindow {
  private readonly fd: number;
  /** Bytes past this are not read into the window (the file's size when it was opened). */
  private readonly end: number;
  private window: Buffer | undefined;
  private from = 0;
  private held = 0;

  constructor(fd: number, end = Number.MAX_SAFE_INTEGER) {
    this.fd = fd;
    this.end = end;
  }

  /**
   * `length` bytes from `offset`: a view of the window, valid until the next read, so a caller decodes or copies it
   * first. A read longer than the window makes the window that long, and every read after it fills that much (a
   * replayed report's lines of a megabyte and more then come with the header of the next in one read). Undefined when the file ends first. Throws on a
   * read error.
   */
  bytesAt(offset: number, length: number): Buffer | undefined {
    const from = this.from;
    if (this.window && offset >= from && offset + length <= from + this.held) return this.window.subarray(offset - from, offset - from + length);
    const size = Math.max(this.window?.length ?? WINDOW_BYTES, length);
    if (!this.window || this.window.length < size) this.window = Buffer.allocUnsafe(size);
    this.held = readUpTo(this.fd, this.window, Math.max(0, Math.min(size, this.end - offset)), offset);
    this.from = offset;
    return this.held < length ? undefined : this.window.subarray(0, length);
  }
}

/** `length` bytes from `position`, or undefined when the file ends first. Throws on a read error. */
export function readExactly(fd: number, position: number, length: number): Buffer | undefined {
  const bytes = Buffer.allocUnsafe(length);
  return readUpTo(fd, bytes, length, position) === length ? bytes : undefined;
}

/** Reads up to `length` bytes at `position` into the start of `into`, and says how many: fewer only where the file ends. Throws on a read error. */
export function readUpTo(fd: number, into: Uint8Array, length: number, position: number): number {
  let read = 0;
  while (read < length) {
    const n = readSync(fd, into, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return read;
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
