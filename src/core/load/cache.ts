import { createHash, hash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { toolFingerprint } from './cache-key.ts';

/** What one plans file came to: its parse and, when it ran, its schema check. Keyed by the file's bytes. */
export interface CachedFile {
  key: string;
  /** Diagnostics of decoding and parsing. */
  parse: Diagnostic[];
  /** Whether the YAML gave data (else the file is invalid and `validated` is absent). */
  parsed: boolean;
  /** For .mdx plans: the frontmatter and the narrative, as parsed. */
  mdx?: { yamlText: string; body: string };
  /** The compact position index the parse recorded, or null when lookups need a `yaml` document. */
  index?: { nodes: Int32Array; values: unknown[] } | null;
  validated?: { ok: boolean; value?: unknown; diagnostics: Diagnostic[] };
}

const MAGIC = 'account-plans cache 1\n';
/** Packs of other plans folders kept beside this one; the oldest go first. */
const MAX_PACKS = 16;
/** A pack larger than this is not read: the cache is an optimisation, never a way to run out of memory. */
const MAX_PACK_BYTES = 1 << 30;

/**
 * The content cache: one pack per plans folder in node_modules/.cache/account-plans of the working directory,
 * holding, for each file, its parse and schema check keyed by a hash of the tool's fingerprint, the file's name
 * and its bytes. A pack that is unreadable, truncated, of another version, or a link is ignored, and so is an entry
 * whose key or shape does not match; a folder that is a link or cannot be written is not used. Deleting the
 * folder is always safe. Anyone who can write node_modules can change the tool itself, so an entry is checked for
 * mix-ups and damage, not for forgery.
 */
export class PlansCache {
  private readonly folder: string;
  private readonly pack: string;
  private readonly fingerprint: string;
  /** Each entry serialised on its own, so a damaged one costs only itself, and is read only when asked for. */
  private readonly old: Map<string, Buffer>;
  private readonly used = new Map<string, Buffer>();
  private changed = false;

  private constructor(folder: string, pack: string, fingerprint: string, old: Map<string, Buffer>) {
    this.folder = folder;
    this.pack = pack;
    this.fingerprint = fingerprint;
    this.old = old;
  }

  /** The cache for a plans folder, or undefined when it is off or cannot be used here. */
  static open(plansRoot: string, cwd: string, env: NodeJS.ProcessEnv = process.env, toolRoot?: string): PlansCache | undefined {
    if (env['ACCOUNT_PLANS_CACHE'] === '0') return undefined;
    const fingerprint = toolFingerprint(toolRoot);
    if (!fingerprint) return undefined;
    const modules = join(cwd, 'node_modules');
    if (!isRealFolder(modules)) return undefined;
    const parent = join(modules, '.cache');
    const folder = join(parent, 'account-plans');
    for (const dir of [parent, folder]) {
      try {
        mkdirSync(dir);
      } catch {
        // It exists (checked next) or cannot be made (then no cache).
      }
      if (!isRealFolder(dir)) return undefined;
    }
    const pack = join(folder, `${createHash('sha256').update(plansRoot).digest('hex').slice(0, 32)}.pack`);
    return new PlansCache(folder, pack, fingerprint, readPack(pack, fingerprint));
  }

  /** The file's names and a hash of its bytes; the tool's fingerprint is the pack's. */
  keyOf(display: string, rel: string, bytes: Uint8Array): string {
    return `${hash('sha256', bytes, 'base64')}\0${bytes.length}\0${rel}\0${display}`;
  }

  get(key: string): CachedFile | undefined {
    const bytes = this.old.get(key);
    if (!bytes) return undefined;
    let entry: unknown;
    try {
      entry = deserialize(bytes);
    } catch {
      return undefined;
    }
    if (!isObject(entry) || !isEntry(entry as unknown as CachedFile, key)) return undefined;
    this.used.set(key, bytes);
    return entry as unknown as CachedFile;
  }

  /** Serialised now, so what later steps do to the values never reaches the cache. */
  set(entry: CachedFile): void {
    this.used.set(entry.key, serialize(entry));
    this.changed = true;
  }

  /** Writes the pack when anything changed: only the entries of this run, so files gone from the folder drop out. */
  save(): void {
    if (!this.changed && this.used.size === this.old.size) return;
    const temp = `${this.pack}.${process.pid}.tmp`;
    try {
      // 'wx' refuses to follow or replace anything already there, a link included.
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeAll(fd, Buffer.from(`${MAGIC}${this.fingerprint}\n`, 'latin1'));
        for (const [key, bytes] of this.used) {
          const keyBytes = Buffer.from(key, 'utf8');
          const head = Buffer.alloc(8);
          head.writeUInt32LE(keyBytes.length, 0);
          head.writeUInt32LE(bytes.length, 4);
          writeAll(fd, Buffer.concat([head, keyBytes, bytes]));
        }
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.pack);
      prune(this.folder, this.pack);
    } catch {
      rmSync(temp, { force: true });
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

function isRealFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The entries of a pack by key: MAGIC, the fingerprint and a line break, then per entry two lengths, the key and the bytes. */
function readPack(pack: string, fingerprint: string): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let fd: number | undefined;
  try {
    // O_NOFOLLOW: a pack that is a link is not read.
    fd = openSync(pack, constants.O_RDONLY | constants.O_NOFOLLOW);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_PACK_BYTES) return entries;
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    const head = `${MAGIC}${fingerprint}\n`;
    if (read !== bytes.length || bytes.subarray(0, head.length).toString('latin1') !== head) return entries;
    let at = head.length;
    while (at + 8 <= bytes.length) {
      const keyLength = bytes.readUInt32LE(at);
      const length = bytes.readUInt32LE(at + 4);
      at += 8;
      if (at + keyLength + length > bytes.length) break;
      entries.set(bytes.subarray(at, at + keyLength).toString('utf8'), bytes.subarray(at + keyLength, at + keyLength + length));
      at += keyLength + length;
    }
  } catch {
    entries.clear();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return entries;
}

function prune(folder: string, keep: string): void {
  const packs = readdirSync(folder)
    .filter((name) => name.endsWith('.pack'))
    .map((name) => join(folder, name))
    .filter((path) => path !== keep)
    .map((path) => ({ path, at: statSync(path).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { path } of packs.slice(MAX_PACKS - 1)) rmSync(path, { force: true });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entry is for this key and has the shape the loader relies on; anything else is a miss. */
function isEntry(entry: CachedFile, key: string): boolean {
  if (entry.key !== key || typeof entry.parsed !== 'boolean' || !areDiagnostics(entry.parse)) return false;
  if (entry.mdx !== undefined && !(isObject(entry.mdx) && typeof entry.mdx.yamlText === 'string' && typeof entry.mdx.body === 'string')) return false;
  if (entry.index !== undefined && entry.index !== null) {
    const { nodes, values } = entry.index;
    if (!(nodes instanceof Int32Array) || !Array.isArray(values) || nodes.length !== 3 * values.length) return false;
  }
  if (!entry.parsed) return entry.validated === undefined;
  const v = entry.validated;
  return isObject(v) && typeof v.ok === 'boolean' && areDiagnostics(v.diagnostics) && (!v.ok || isObject(v.value));
}

function areDiagnostics(list: unknown): list is Diagnostic[] {
  return (
    Array.isArray(list) &&
    list.every(
      (d: unknown) =>
        isObject(d) &&
        typeof d['file'] === 'string' &&
        Number.isInteger(d['line']) &&
        Number.isInteger(d['column']) &&
        (d['severity'] === 'error' || d['severity'] === 'warning' || d['severity'] === 'info') &&
        typeof d['code'] === 'string' &&
        typeof d['message'] === 'string' &&
        (d['path'] === undefined || typeof d['path'] === 'string'),
    )
  );
}
