import { rmSync, type Stats } from 'node:fs';
import { cacheFileFor, cacheFolderOf, cachesOff, pruneOldest, readCacheFile, replaceCacheFile } from './cache-folder.ts';

const MAGIC = 'account-plans stat index 5\n';
/** An index larger than this is not read (50,000 plans take about 6 MB). */
const MAX_BYTES = 256 << 20;
/** Indexes of other plans folders kept beside this one; the oldest go first. */
const MAX_FILES = 16;
/**
 * A file modified less than this long before it was read is not vouched for next time: a change made in the same
 * tick of the file system's clock as the read would leave every stat value as it was (git's "racily clean" entries).
 * Two seconds covers the coarsest clock in use (FAT's) and a clock a little behind the machine's.
 */
const RACY_MS = 2000;

/**
 * A file as lstat saw it: what changes whenever its content can have changed. The times are lstat's milliseconds, a
 * double exact to a quarter of a microsecond today: a write moves the change time to the clock of the write, which
 * is at least RACY_MS after the one recorded, so the nanoseconds (a BigInt lstat, a fifth slower over 10,000 files)
 * would tell nothing more.
 */
type Seen = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number, dev: number];
/** What is known of a file's bytes without reading them: their hash (cache-key.ts's contentHash), and whether a narrative may show an image. */
export interface Known {
  hash: string;
  mayShowImage: boolean;
}
/** What is known of a file seen so. */
type Row = { seen: Seen } & Known;
/**
 * The rows of an index as its file holds them: one flat list, eight a row (the path, the five numbers of Seen, the
 * hash, "image" or ""), so reading 10,000 rows makes one list and no object per row, and a file is compared with its
 * row number by number, never through a string. ROW is a row's length.
 */
type Rows = { list: readonly (string | number)[]; at: ReadonlyMap<string, number> };
const ROW = 8;

/**
 * The stat index: for each file of a plans folder, what lstat said of it when it was last read, and the hash of what
 * was read, like git's index. A file whose size, modification and change times, inode and device
 * are all as recorded is known by its hash without being read, so a run over unchanged plans opens none of them. A file
 * is recorded only when it was read at least RACY_MS after its last modification and change; any other is read every
 * time until it is. One file per plans folder in the cache folder (node_modules/.cache/account-plans), checked by its checksum; a
 * damaged, cut, foreign or linked index is no index. The index vouches for a file's hash only: whoever reads a vouched
 * file checks what it read against that hash (files.ts), so a file changed behind the index's back is an error, never
 * a wrong result.
 */
export class StatIndex {
  private readonly path: string;
  private readonly folder: string;
  private readonly old: Rows;
  /** This run's rows: where an unchanged one starts in the old list, or a row recorded now. */
  private readonly now = new Map<string, number | Row>();
  private changed = false;

  private constructor(folder: string, path: string, old: Rows) {
    this.folder = folder;
    this.path = path;
    this.old = old;
  }

  /** The index of a plans folder (its real path), or undefined when the caches are off or cannot be used here. */
  static open(realRoot: string, cwd: string, env: NodeJS.ProcessEnv = process.env): StatIndex | undefined {
    const folder = cachesOff(env) ? undefined : cacheFolderOf(cwd);
    if (!folder) return undefined;
    const path = cacheFileFor(folder, realRoot, '.stat');
    return new StatIndex(folder, path, readRows(path));
  }

  /** What is known of the file at `rel` when the index vouches for it as lstat now sees it, else undefined. */
  vouch(rel: string, stat: Stats): Known | undefined {
    const at = this.old.at.get(rel);
    if (at === undefined || !sameSeen(this.old.list, at, stat)) return undefined;
    this.now.set(rel, at);
    return knownAt(this.old.list, at);
  }

  /** A file just read: `stat` is the open file's, `readAt` the clock (ms since the epoch) just before it was opened. */
  record(rel: string, stat: Stats, known: Known, readAt: number): void {
    if (readAt - stat.mtimeMs < RACY_MS || readAt - stat.ctimeMs < RACY_MS) return;
    const at = this.old.at.get(rel);
    const old = at === undefined ? undefined : knownAt(this.old.list, at);
    // A file always read (workspace.yaml) and unchanged keeps its row, and the index is not written again for it.
    if (old && old.hash === known.hash && old.mayShowImage === known.mayShowImage && sameSeen(this.old.list, at!, stat)) this.now.set(rel, at!);
    else {
      this.now.set(rel, { seen: seenOf(stat), ...known });
      this.changed = true;
    }
  }

  /**
   * Removes the index: a file it vouched for did not have the bytes it said (a file system that keeps a file's stat
   * values through a write, or a copied cache folder), so none of its rows is trusted again; the next run reads every
   * file and records them anew. Never throws.
   */
  discard(): void {
    try {
      rmSync(this.path, { force: true });
    } catch {
      // A folder that cannot be written cannot have held an index either.
    }
  }

  /** Writes the index when a file was recorded or one is gone. Never throws: an index that cannot be written is none. */
  save(): void {
    if (!this.changed && this.now.size === this.old.at.size) return;
    const list: (string | number)[] = [];
    for (const [rel, row] of this.now) {
      if (typeof row === 'number') for (let i = 0; i < ROW; i++) list.push(this.old.list[row + i]!);
      else list.push(rel, ...row.seen, row.hash, row.mayShowImage ? 'image' : '');
    }
    if (!replaceCacheFile(this.path, [Buffer.from(MAGIC, 'latin1'), Buffer.from(JSON.stringify(list), 'utf8')])) return;
    try {
      pruneOldest(this.folder, '.stat', this.path, MAX_FILES);
    } catch {
      // Pruning is housekeeping: the index just written stays.
    }
  }
}

function seenOf(stat: Stats): Seen {
  return [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, stat.dev];
}

/** Whether the row at `at` of `list` saw the file as lstat now sees it. */
function sameSeen(list: Rows['list'], at: number, stat: Stats): boolean {
  return list[at + 1] === stat.size && list[at + 2] === stat.mtimeMs && list[at + 3] === stat.ctimeMs && list[at + 4] === stat.ino && list[at + 5] === stat.dev;
}

function knownAt(list: Rows['list'], at: number): Known {
  return { hash: list[at + 6] as string, mayShowImage: list[at + 7] === 'image' };
}

/** The rows of an index file; none when it is missing, damaged, of another version or not of the expected shape. */
function readRows(path: string): Rows {
  const none: Rows = { list: [], at: new Map() };
  const head = Buffer.from(MAGIC, 'latin1');
  const bytes = readCacheFile(path, MAX_BYTES, head);
  if (!bytes) return none;
  let list: unknown;
  try {
    list = JSON.parse(bytes.toString('utf8', head.length));
  } catch {
    return none;
  }
  if (!Array.isArray(list) || list.length % ROW !== 0) return none;
  const at = new Map<string, number>();
  // A row not of its shape is left out (its file is read); the others still count.
  rows: for (let i = 0; i < list.length; i += ROW) {
    if (typeof list[i] !== 'string' || typeof list[i + 6] !== 'string') continue;
    for (let k = 1; k <= 5; k++) if (typeof list[i + k] !== 'number') continue rows;
    if (list[i + 7] === '' || list[i + 7] === 'image') at.set(list[i] as string, i);
  }
  return { list: list as Rows['list'], at };
}
