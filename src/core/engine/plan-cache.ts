import { createHash } from 'node:crypto';
import type { AccountEntry } from '../model.ts';
import { pruneOldest, readCacheFile, replaceCacheFile } from '../load/cache-folder.ts';
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
 * unchanged lines are copied as they were read, never decoded and encoded again.
 */
export class PlanCache implements PlanStore {
  private readonly site: PlanCacheSite;
  private readonly head: Buffer;
  /** The old file's lines, by plan key: the whole line, and its JSON. Views of the file's bytes, never copies. */
  private readonly old: Map<string, { line: Buffer; json: Buffer }>;
  /** Each file the plans were read from, by path inside the folder. */
  private readonly files: Map<string, PlansFile>;
  /** This run's lines, in the order the plans were asked for: an old line as it was read, a new one encoded. */
  private readonly lines: Buffer[] = [];
  private changed = false;

  private constructor(site: PlanCacheSite, head: Buffer, old: Map<string, { line: Buffer; json: Buffer }>, files: readonly PlansFile[]) {
    this.site = site;
    this.files = new Map(files.map((f) => [f.rel, f]));
    this.head = head;
    this.old = old;
  }

  /** The cache for a run with this context over these files; never throws (an unreadable file is an empty cache). */
  static open(site: PlanCacheSite, ctx: PlanContext, files: readonly PlansFile[]): PlanCache {
    const key = createHash('sha256').update(JSON.stringify([site.fingerprint, ctx.today, ctx.settings, [...ctx.personById]])).digest('hex');
    const head = Buffer.from(`${MAGIC}${key}\n`, 'utf8');
    const old = new Map<string, { line: Buffer; json: Buffer }>();
    const bytes = readCacheFile(site.path, MAX_BYTES, head);
    for (let at = head.length; bytes && at < bytes.length; ) {
      let end = bytes.indexOf(NEWLINE, at);
      if (end === -1) end = bytes.length;
      const tab = bytes.indexOf(TAB, at);
      if (tab > at && tab < end) old.set(bytes.toString('utf8', at, tab), { line: bytes.subarray(at, end + 1), json: bytes.subarray(tab + 1, end) });
      at = end + 1;
    }
    return new PlanCache(site, head, old, files);
  }

  get(a: AccountEntry): PlanFindings | undefined {
    const key = this.planKey(a);
    const old = key === undefined ? undefined : this.old.get(key);
    if (old === undefined) return undefined;
    let found: unknown;
    try {
      found = JSON.parse(old.json.toString('utf8'));
    } catch {
      return undefined;
    }
    // A line cut short by the end of the file has no line break: it parsed, but is rewritten whole.
    if (!fitsPlan(found, a) || old.line[old.line.length - 1] !== NEWLINE) return undefined;
    this.old.delete(key!);
    this.lines.push(old.line);
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
   * lines are never joined into one string. Never throws: a cache that cannot be written is no cache.
   */
  save(): void {
    if (!this.changed && this.old.size === 0) return;
    if (replaceCacheFile(this.site.path, this.chunks())) {
      try {
        pruneOldest(this.site.folder, '.findings', this.site.path, MAX_FILES);
      } catch {
        // Pruning is housekeeping: the file just written stays.
      }
    }
  }

  /**
   * The head and the lines, gathered into one buffer of WRITE_BYTES used again for each chunk (replaceCacheFile writes
   * a chunk before it asks for the next), so writing 12 MB of lines touches one megabyte of fresh memory, not twelve.
   */
  private *chunks(): Generator<Buffer> {
    const stage = Buffer.allocUnsafe(WRITE_BYTES);
    let size = 0;
    for (const line of [this.head, ...this.lines]) {
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


