import { rmSync, type BigIntStats } from 'node:fs';
import { cacheFileFor, cacheFolderOf, cachesOff, pruneOldest, readCacheFile, replaceCacheFile } from './cache-folder.ts';
import { isObject } from '../shared/own.ts';

const MAGIC = 'account-plans stat index 2\n';
/** An index larger than this is not read (50,000 plans take about 6 MB). */
const MAX_BYTES = 256 << 20;
/** Indexes of other plans folders kept beside this one; the oldest go first. */
const MAX_FILES = 16;
/**
 * A file modified less than this long before it was read is not vouched for next time: a change made in the same
 * tick of the file system's clock as the read would leave every stat value as it was (git's "racily clean" entries).
 * Two seconds covers the coarsest clock in use (FAT's) and a clock a little behind the machine's.
 */
const RACY_NS = 2_000_000_000n;

/** A file as lstat saw it: what changes whenever its content can have changed. */
type Seen = readonly [size: string, mtimeNs: string, ctimeNs: string, ino: string, dev: string];
/** What is known of a file's bytes without reading them: their hash (cache-key.ts's contentHash), and whether a narrative may show an image. */
export interface Known {
  hash: string;
  mayShowImage: boolean;
}
/** What is known of a file seen so. */
type Row = { seen: Seen } & Known;

/**
 * The stat index: for each file of a plans folder, what lstat said of it when it was last read, and the hash of what
 * was read, like git's index. A file whose size, modification and change times (to the nanosecond), inode and device
 * are all as recorded is known by its hash without being read, so a run over unchanged plans opens none of them. A file
 * is recorded only when it was read at least RACY_NS after its last modification; any other is read every time until it
 * is. One file per plans folder in the cache folder (node_modules/.cache/account-plans), checked by its checksum; a
 * damaged, cut, foreign or linked index is no index. The index vouches for a file's hash only: whoever reads a vouched
 * file checks what it read against that hash (files.ts), so a file changed behind the index's back is an error, never
 * a wrong result.
 */
export class StatIndex {
  private readonly path: string;
  private readonly folder: string;
  private readonly old: ReadonlyMap<string, Row>;
  private readonly now = new Map<string, Row>();
  private changed = false;

  private constructor(folder: string, path: string, old: ReadonlyMap<string, Row>) {
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
  vouch(rel: string, stat: BigIntStats): Known | undefined {
    const row = this.old.get(rel);
    if (!row || !sameSeen(row.seen, seenOf(stat))) return undefined;
    this.now.set(rel, row);
    return row;
  }

  /** A file just read: `stat` is the open file's, `readAt` the clock (ns since the epoch) just before it was opened. */
  record(rel: string, stat: BigIntStats, known: Known, readAt: bigint): void {
    if (readAt - stat.mtimeNs < RACY_NS || readAt - stat.ctimeNs < RACY_NS) return;
    const seen = seenOf(stat);
    const old = this.old.get(rel);
    // A file always read (workspace.yaml) and unchanged keeps its row, and the index is not written again for it.
    if (old && old.hash === known.hash && old.mayShowImage === known.mayShowImage && sameSeen(old.seen, seen)) this.now.set(rel, old);
    else {
      this.now.set(rel, { seen, ...known });
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
    if (!this.changed && this.now.size === this.old.size) return;
    const rows: Record<string, [...Seen, string, string]> = Object.create(null) as Record<string, [...Seen, string, string]>;
    for (const [rel, { seen, hash, mayShowImage }] of this.now) rows[rel] = [...seen, hash, mayShowImage ? 'image' : ''];
    if (!replaceCacheFile(this.path, [Buffer.from(MAGIC, 'latin1'), Buffer.from(JSON.stringify(rows), 'utf8')])) return;
    try {
      pruneOldest(this.folder, '.stat', this.path, MAX_FILES);
    } catch {
      // Pruning is housekeeping: the index just written stays.
    }
  }
}

function seenOf(stat: BigIntStats): Seen {
  return [String(stat.size), String(stat.mtimeNs), String(stat.ctimeNs), String(stat.ino), String(stat.dev)];
}

function sameSeen(a: Seen, b: Seen): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4];
}

/** The rows of an index file; none when it is missing, damaged, of another version or not of the expected shape. */
function readRows(path: string): Map<string, Row> {
  const rows = new Map<string, Row>();
  const head = Buffer.from(MAGIC, 'latin1');
  const bytes = readCacheFile(path, MAX_BYTES, head);
  if (!bytes) return rows;
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8', head.length));
  } catch {
    return rows;
  }
  if (!isObject(parsed)) return rows;
  for (const rel of Object.keys(parsed)) {
    const row = parsed[rel];
    if (!Array.isArray(row) || row.length !== 7 || !row.every((v) => typeof v === 'string') || (row[6] !== '' && row[6] !== 'image')) continue;
    const [size, mtime, ctime, ino, dev, hash, image] = row as string[];
    rows.set(rel, { seen: [size!, mtime!, ctime!, ino!, dev!], hash: hash!, mayShowImage: image === 'image' });
  }
  return rows;
}
