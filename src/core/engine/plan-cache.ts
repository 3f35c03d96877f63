import { createHash } from 'node:crypto';
import type { AccountEntry } from '../model.ts';
import { closeQuietly, FileWindow, openCheckedCacheFile, pruneOldest, replaceCacheFile } from '../load/cache-folder.ts';
import { isJsonExact } from '../load/cache.ts';
import { isObject } from '../shared/own.ts';
import { fileHash, fileSize, type PlansFile } from '../load/files.ts';
import type { PlanContext } from '../rules/context.ts';
import type { PlanFindings, PlanStore } from '../rules/index.ts';

const MAGIC = 'account-plans plan findings 2\n';
/** A file larger than this is not read (50,000 plans keep about 60 MB). */
const MAX_BYTES = 1 << 30;
/** Files of other plans folders kept beside this one; the oldest go first. */
const MAX_FILES = 16;
/** Lines are written in chunks of about this size. */
const WRITE_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const TAB = 0x09;

/** Where the cache lives, as the per-file parse cache of the same plans folder gives it (load/cache.ts). */
export interface PlanCacheSite {
  /** The file, beside the plans folder's parse pack. */
  path: string;
  folder: string;
  /** The tool's fingerprint: the rules are code under src/core, which it covers. */
  fingerprint: string;
}

/**
 * The per-plan findings cache: the findings of the `plan` rules (rules/context.ts) for each plan, with their subjects,
 * so a run after a few edits checks only the plans that changed. One file per plans folder, beside its parse pack:
 * a header with a key over everything a PlanContext holds (the tool's fingerprint, today, workspace.yaml's settings,
 * team.yaml's people), then one line per plan, `<plan key>\t<JSON>`, the plan key a hash of its file's names and text.
 * Any change to the header's inputs makes every line a miss; a file that is damaged (its checksum), cut short, of
 * another version or a link is not read, and a line that does not parse or does not fit its plan is a miss. The whole
 * file is written again when a line changed, through a temporary file, so a run cut short leaves the old one; the
 * unchanged lines are copied as they were read, never decoded and encoded again. The file is never held whole: its
 * checksum is checked and its lines found through one reused window, and a line is read again through it when its
 * plan asks for it and when it is copied (the plans ask in the order their lines were written).
 */
export class PlanCache implements PlanStore {
  private readonly site: PlanCacheSite;
  private readonly head: Buffer;
  /** The old file, open, once its checksum was found right; undefined when there is none (or after save). */
  private fd: number | undefined;
  /** The old file's whole lines, by plan key: where each starts, where its JSON starts, and where its line break is. */
  private readonly old: Map<string, OldLine>;
  /** Each file the plans were read from, by path inside the folder. */
  private readonly files: Map<string, PlansFile>;
  /** This run's lines, in the order the plans were asked for: an old line where it is in the old file, a new one encoded. */
  private readonly lines: (Buffer | OldLine)[] = [];
  private changed = false;

  private constructor(site: PlanCacheSite, head: Buffer, old: Map<string, OldLine>, fd: number | undefined, files: readonly PlansFile[]) {
    this.site = site;
    this.files = new Map(files.map((f) => [f.rel, f]));
    this.head = head;
    this.old = old;
    this.fd = fd;
  }

  /** The cache for a run with this context over these files; never throws (an unreadable file is an empty cache). */
  static open(site: PlanCacheSite, ctx: PlanContext, files: readonly PlansFile[]): PlanCache {
    const key = createHash('sha256').update(JSON.stringify([site.fingerprint, ctx.today, ctx.settings, [...ctx.personById]])).digest('hex');
    const head = Buffer.from(`${MAGIC}${key}\n`, 'utf8');
    const lines = new LineFinder(head.length);
    const file = openCheckedCacheFile(site.path, MAX_BYTES, head, (window, at) => (lines.look(window, at), true));
    return new PlanCache(site, head, file ? lines.found : new Map(), file?.fd, files);
  }

  get(a: AccountEntry): PlanFindings | undefined {
    const key = this.planKey(a);
    const old = key === undefined ? undefined : this.old.get(key);
    if (old === undefined) return undefined;
    let found: unknown;
    try {
      const json = this.bytesAt(old.json, old.end - old.json);
      found = json && JSON.parse(json.toString('utf8'));
    } catch {
      return undefined;
    }
    if (!fitsPlan(found, a)) return undefined;
    this.old.delete(key!);
    this.lines.push(old);
    return found;
  }

  set(a: AccountEntry, found: PlanFindings): void {
    this.changed = true;
    // A value JSON would not give back as it was (-0, a number it writes as null) is not kept: the plan is checked again next time.
    const key = this.planKey(a);
    if (key !== undefined && isJsonExact(found, 'dropped')) this.lines.push(Buffer.from(`${key}\t${JSON.stringify(found)}\n`, 'utf8'));
  }

  /**
   * What a plan is made of, as the parse cache keys it (load/cache.ts): a hash of its file's bytes (computed once, when
   * the file was read), its path inside the folder and as shown. The plan, its narrative and every position in it
   * come from these alone. In JSON, so no name can break a line.
   */
  private planKey(a: AccountEntry): string | undefined {
    const f = this.files.get(a.rel);
    return f && JSON.stringify([fileHash(f), fileSize(f), a.rel, a.file]);
  }

  /**
   * Writes the file when a plan was checked or one left, a megabyte at a time with its checksum kept as it goes, so the
   * lines are never joined into one string; then closes the old file. Never throws: a cache that cannot be written is no cache.
   */
  save(): void {
    try {
      if (!this.changed && this.old.size === 0) return;
      if (replaceCacheFile(this.site.path, this.chunks())) {
        try {
          pruneOldest(this.site.folder, '.findings', this.site.path, MAX_FILES);
        } catch {
          // Pruning is housekeeping: the file just written stays.
        }
      }
    } finally {
      if (this.fd !== undefined) closeQuietly(this.fd);
      this.fd = undefined;
    }
  }

  /**
   * The head and the lines, gathered into one buffer of WRITE_BYTES used again for each chunk (replaceCacheFile writes
   * a chunk before it asks for the next), so writing 12 MB of lines touches one megabyte of fresh memory, not twelve.
   * An old line is read again from the old file; one that cannot be is left out (its plan is checked next time).
   */
  private *chunks(): Generator<Buffer> {
    const stage = Buffer.allocUnsafe(WRITE_BYTES);
    let size = 0;
    for (const item of [this.head, ...this.lines]) {
      const line = Buffer.isBuffer(item) ? item : this.bytesAt(item.at, item.end + 1 - item.at);
      if (!line) continue;
      if (size + line.length > WRITE_BYTES && size > 0) {
        yield stage.subarray(0, size);
        size = 0;
      }
      if (line.length >= WRITE_BYTES) yield line;
      else {
        stage.set(line, size);
        size += line.length;
      }
    }
    yield stage.subarray(0, size);
  }

  /** The old file's lines read again through one reused window (FileWindow). */
  private window: FileWindow | undefined;

  /** `length` bytes of the old file from `offset`, a view valid until the next read; undefined once it is closed or where it cannot be read. */
  private bytesAt(offset: number, length: number): Buffer | undefined {
    if (this.fd === undefined) return undefined;
    try {
      return (this.window ??= new FileWindow(this.fd)).bytesAt(offset, length);
    } catch {
      return undefined;
    }
  }
}

/** Where a whole line of the old file is: its start, the start of its JSON (after the tab), and its line break. */
interface OldLine {
  at: number;
  json: number;
  end: number;
}

/**
 * The lines of a findings file found window by window as its checksum is checked (openCheckedCacheFile): each line's
 * plan key and where its parts are. A line with no tab before its line break, or the last one if it has no line
 * break (cut short), is not found, so its plan is a miss.
 */
export class LineFinder {
  readonly found = new Map<string, OldLine>();
  /** Where the current line starts, and where its JSON starts once its tab was seen (-1 before; -2 for an empty key). */
  private lineAt: number;
  private jsonAt = -1;
  /** The bytes of the current line's key seen in earlier windows (a key cut by a window's end), each a copy. */
  private keyParts: Buffer[] = [];
  /** The current line's key, once its tab was seen. */
  private key = '';
  private readonly headLength: number;

  constructor(headLength: number) {
    this.headLength = headLength;
    this.lineAt = headLength;
  }

  look(window: Buffer, at: number): void {
    let i = Math.max(0, this.headLength - at);
    while (i < window.length) {
      if (this.jsonAt === -1) {
        const tab = window.indexOf(TAB, i);
        const newline = window.indexOf(NEWLINE, i);
        if (newline !== -1 && (tab === -1 || newline < tab)) {
          // A line without a tab: no plan's.
          this.startLine(at + newline + 1);
          i = newline + 1;
          continue;
        }
        if (tab === -1) {
          this.keyParts.push(Buffer.from(window.subarray(i)));
          return;
        }
        if (this.keyParts.length === 0) this.key = window.toString('utf8', i, tab);
        else this.key = Buffer.concat([...this.keyParts, window.subarray(i, tab)]).toString('utf8');
        this.jsonAt = at + tab > this.lineAt ? at + tab + 1 : -2;
        i = tab + 1;
      }
      const newline = window.indexOf(NEWLINE, i);
      if (newline === -1) return;
      if (this.jsonAt >= 0) this.found.set(this.key, { at: this.lineAt, json: this.jsonAt, end: at + newline });
      this.startLine(at + newline + 1);
      i = newline + 1;
    }
  }

  private startLine(at: number): void {
    this.lineAt = at;
    this.jsonAt = -1;
    this.keyParts = [];
  }
}

/** Whether a line's value is a PlanFindings about this plan: every finding at its file and account, with a subject. */
function fitsPlan(value: unknown, a: AccountEntry): value is PlanFindings {
  if (!isObject(value)) return false;
  for (const list of Object.values(value)) {
    if (!Array.isArray(list)) return false;
    for (const pair of list) {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[1] !== 'string') return false;
      const d: unknown = pair[0];
      if (!isObject(d) || d['file'] !== a.file || d['account'] !== a.id) return false;
      if (typeof d['line'] !== 'number' || typeof d['column'] !== 'number' || typeof d['message'] !== 'string' || typeof d['messageId'] !== 'string' || !isObject(d['data'])) return false;
      if (!optional(d['path'], 'string') || !optional(d['person'], 'string')) return false;
    }
  }
  return true;
}

function optional(value: unknown, type: 'string'): boolean {
  return value === undefined || typeof value === type;
}


