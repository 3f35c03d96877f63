import { lstatSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { OwnDiagnostics } from '../model.ts';
import { cacheFileFor, cacheFolderOf, cachesOff, pruneOldest } from './cache-folder.ts';
import { toolFingerprint } from './cache-key.ts';
import { isObject } from '../shared/own.ts';
import { fileHash, fileSize, type PlansFile } from './files.ts';
import { PackReader, PackWriter } from './cache-pack.ts';
import type { NumberHints } from './number-hints.ts';
import { TOP_FIELD, TOP_MISSING, type TopFields } from './yaml-source.ts';
import type { FoundReference } from './references.ts';
import { REFERENCE_KINDS } from '../../../schemas/references.ts';

/** A position index as the parse recorded it (position-index.ts's toCache). */
export interface IndexData {
  nodes: Int32Array;
  values: unknown[];
}

/** What one plans file came to: its parse and, when it ran, its schema check. Keyed by the file's bytes. */
export interface CachedFile {
  key: string;
  /** Diagnostics of decoding and parsing. */
  parse: Diagnostic[];
  /** Whether the YAML gave data (else the file is invalid and `validated` is absent). */
  parsed: boolean;
  /** For .mdx plans: the frontmatter and the narrative, as parsed. */
  mdx?: { yamlText: string; body: string };
  /**
   * The compact position index the parse recorded, or null when lookups need a `yaml` document. From the cache, a
   * function that reads and decodes it when first called (undefined when it cannot): most plans never need one.
   */
  index?: IndexData | null | (() => IndexData | undefined);
  /** What the YAML text may hold that link-numbers.ts looks closer at (number-hints.ts). */
  numbers?: NumberHints;
  /** An account plan's top-level fields and where their values are (YamlSource.topFields). */
  top?: TopFields;
  /** The references of a valid account plan (references.ts's referencesIn), which linking checks against the other files. */
  refs?: readonly FoundReference[];
  /** The diagnostics of a valid account plan's own checks (link.ts ownDiagnostics). */
  own?: OwnDiagnostics;
  validated?: { ok: boolean; value?: unknown; diagnostics: Diagnostic[] };
}

/** Packs of other plans folders kept beside this one; the oldest go first. */
const MAX_PACKS = 16;

/**
 * The content cache: one pack per plans folder in node_modules/.cache/account-plans of the working directory,
 * holding, for each file, its parse and schema check keyed by a hash of the tool's fingerprint, the file's name
 * and its bytes. A pack that is unreadable, truncated, of another version, or a link is ignored, and so is an entry
 * whose key or shape does not match; a folder that is a link or cannot be written is not used. Deleting the
 * folder is always safe. Anyone who can write node_modules can change the tool itself, so an entry is checked for
 * mix-ups and damage, not for forgery. Entries are read from the old pack when asked for, and new ones written
 * to the new pack at once (cache-pack.ts), so a run never holds the whole pack in memory.
 */
export class PlansCache {
  private readonly folder: string;
  private readonly pack: string;
  private readonly fingerprint: string;
  private readonly old: PackReader | undefined;
  /** Keys of the old pack's entries this run used: `save` keeps them when it writes a new pack or a new table. */
  private readonly used = new Set<string>();
  /** Keys already in the new pack, or waiting to be appended. */
  private readonly written = new Set<string>();
  /**
   * New entries held to be appended to the old pack at `save` (a few, as after an edit); once they pass
   * APPEND_MAX_BYTES, or when there is no old pack, they go to a new pack instead, written as they come.
   */
  private added: { key: string; bytes: Uint8Array }[] = [];
  private addedBytes = 0;
  /** The new pack, opened when one is needed; null once writing failed or the cache was saved. */
  private out: PackWriter | null | undefined;

  private constructor(folder: string, pack: string, fingerprint: string, old: PackReader | undefined) {
    this.folder = folder;
    this.pack = pack;
    this.fingerprint = fingerprint;
    this.old = old;
  }

  /** The cache for a plans folder, or undefined when it is off or cannot be used here. */
  static open(plansRoot: string, cwd: string, env: NodeJS.ProcessEnv = process.env, toolRoot?: string): PlansCache | undefined {
    if (cachesOff(env)) return undefined;
    const fingerprint = toolFingerprint(toolRoot);
    const folder = fingerprint && cacheFolderOf(cwd);
    if (!fingerprint || !folder) return undefined;
    const pack = cacheFileFor(folder, plansRoot, '.pack');
    return new PlansCache(folder, pack, fingerprint, PackReader.open(pack, fingerprint));
  }

  /** Where a cache of results derived from this folder's plans lives beside the pack (engine/plan-cache.ts). */
  beside(ending: string): { path: string; folder: string; fingerprint: string } {
    return { path: this.pack.replace(/\.pack$/, ending), folder: this.folder, fingerprint: this.fingerprint };
  }

  /** The file's names and a hash of its bytes (known without reading them when the stat index vouched for them); the tool's fingerprint is the pack's. */
  keyOf(f: Pick<PlansFile, 'display' | 'rel' | 'bytes' | 'hash' | 'size'>): string {
    return fileKey(f);
  }

  /**
   * The entry for `key`, or undefined. Its position index is an entry of its own (indexKey), not read now: `index` is
   * then a function that reads it from the pack when a message first points into the file (after the run has saved,
   * from the pack on disk: an index that is no longer where the table said is undefined, and is built from the text).
   */
  get(key: string): CachedFile | undefined {
    const old = this.old;
    const bytes = old?.read(key);
    const entry = bytes && decodeEntry(bytes);
    if (!entry || !isObject(entry) || !isEntry(entry as unknown as Stored, key)) return undefined;
    // In the pack, `index` says only whether the file has one (an entry of its own): it leaves here as its reader.
    const { index, ...found } = entry as unknown as Stored;
    if (index === null) {
      this.used.add(key);
      return { ...found, index: null };
    }
    const at = indexKey(key);
    if (!old!.slots.has(at)) return undefined;
    this.used.add(at);
    this.used.add(key);
    return {
      ...found,
      index: () => {
        const held = old!.read(at);
        return held && decodeIndex(held);
      },
    };
  }

  /** Keeps the entry of a file this run used without reading it (a file another run loaded): `save` does not drop it. */
  touch(key: string): void {
    const slots = this.old?.slots;
    if (!slots?.has(key) || this.written.has(key)) return;
    this.used.add(key);
    if (slots.has(indexKey(key))) this.used.add(indexKey(key));
  }

  /** Encoded now, so what later steps do to the values never reaches the cache, and written (or set aside) now. */
  set(entry: CachedFile & { index?: IndexData | null }): void {
    this.used.delete(entry.key);
    this.used.delete(indexKey(entry.key));
    const bytes = encodeEntry(entry);
    if (!bytes) return;
    this.append(entry.key, bytes.main);
    if (bytes.index) this.append(indexKey(entry.key), bytes.index);
  }

  /**
   * Puts the new entries in place when anything changed, keeping only the entries of this run, so files gone from
   * the folder drop out: appended to the old pack with a new table when that leaves it mostly used, else a new pack.
   */
  save(): void {
    const old = this.old;
    const changed = this.out !== undefined || this.added.length > 0 || this.used.size !== (old?.slots.size ?? 0);
    if (changed && this.out === undefined && old && this.worthAppending(old)) {
      const keep = [...this.used].filter((key) => !this.written.has(key));
      if (old.append(keep, this.added)) {
        // The unfinished packs a killed run left behind go on either path, or a cache that only appends keeps them.
        try {
          prune(this.folder, this.pack);
        } catch {
          // Pruning is housekeeping: a folder that cannot be listed leaves the run's result as it is.
        }
        this.finishSaving();
        return;
      }
    }
    if (changed) {
      this.spill();
      for (const key of this.used) {
        const bytes = this.written.has(key) ? undefined : old?.read(key);
        if (bytes) this.append(key, bytes);
      }
      const out = this.out;
      if (out) {
        try {
          out.finish();
          renameSync(out.temp, this.pack);
          prune(this.folder, this.pack);
        } catch {
          out.abandon();
        }
      }
    }
    this.finishSaving();
  }

  private finishSaving(): void {
    this.out = null;
    this.added = [];
    this.old?.close();
  }

  /** Whether the pack, with what this run adds, would still be at least half entries this run uses. */
  private worthAppending(old: PackReader): boolean {
    let live = this.addedBytes;
    for (const key of this.used) {
      const slot = old.slots.get(key);
      if (slot && !this.written.has(key)) live += slot.length + 64 + key.length;
    }
    for (const { key } of this.added) live += 64 + key.length;
    return old.size + this.addedBytes <= 2 * live + 4096;
  }

  private append(key: string, bytes: Uint8Array): void {
    if (this.out === null || this.written.has(key)) return;
    if (this.out === undefined && this.old && this.addedBytes + bytes.length <= APPEND_MAX_BYTES) {
      this.added.push({ key, bytes });
      this.addedBytes += bytes.length;
      this.written.add(key);
      return;
    }
    this.spill();
    this.write(key, bytes);
  }

  /** Opens the new pack and writes into it what was set aside to be appended. */
  private spill(): void {
    if (this.out !== undefined) return;
    const added = this.added;
    this.added = [];
    this.addedBytes = 0;
    for (const { key, bytes } of added) {
      this.written.delete(key);
      this.write(key, bytes);
    }
    if (this.out === undefined) this.open();
  }

  private open(): void {
    try {
      this.out ??= new PackWriter(`${this.pack}.${process.pid}.tmp`, this.fingerprint);
    } catch {
      this.out = null;
    }
  }

  private write(key: string, bytes: Uint8Array): void {
    this.open();
    if (!this.out || this.written.has(key)) return;
    try {
      this.out.add(key, bytes);
      this.written.add(key);
    } catch {
      // A full disk, a folder that changed: no new pack this run; the old one stays.
      this.out.abandon();
      this.out = null;
    }
  }
}

/** What a loaded file is a function of: its bytes (by hash and length) and its names. */
export function fileKey(f: Pick<PlansFile, 'display' | 'rel' | 'bytes' | 'hash' | 'size'>): string {
  return `${fileHash(f)}\0${fileSize(f)}\0${f.rel}\0${f.display}`;
}

/** New entries up to this many bytes are appended to the old pack at the end of a run rather than written to a new one. */
const APPEND_MAX_BYTES = 8 << 20;

/** A new pack still unfinished after this long was left by a run that was killed while writing it. */
const STALE_TEMP_MS = 60 * 60 * 1000;

function prune(folder: string, keep: string): void {
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.tmp')) continue;
    const path = join(folder, name);
    if (Date.now() - lstatSync(path).mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
  }
  pruneOldest(folder, '.pack', keep, MAX_PACKS);
}

/** The key of a file's position index, an entry of its own beside the file's entry. */
function indexKey(key: string): string {
  return `${key}\0index`;
}

/*
 * An entry's bytes are its JSON (everything but the position index: `index` says whether there is one). The index is
 * an entry of its own (indexKey): the length of its values' JSON, that JSON, and its node numbers as they are in
 * memory. It is more than half of what a plan keeps, and a run after one edit reads it for the few plans a message
 * points into, not for every plan. JSON is written and read three to four times faster than v8.serialize for these
 * trees of plain values, and a plan's value, once through YAML and the schema, is such a tree.
 */
function encodeEntry(entry: CachedFile & { index?: IndexData | null }): { main: Uint8Array; index?: Uint8Array } | undefined {
  // A value JSON would not give back exactly (an undefined, -0, a number it writes as null) is not cached.
  if (entry.validated?.value !== undefined && !isJsonExact(entry.validated.value)) return undefined;
  const { index, ...rest } = entry;
  const main = Buffer.from(JSON.stringify({ ...rest, index: index ? true : (index ?? null) }), 'utf8');
  if (!index) return { main };
  const values = Buffer.from(JSON.stringify(index.values), 'utf8');
  const nodes = new Uint8Array(index.nodes.buffer, index.nodes.byteOffset, index.nodes.byteLength);
  const bytes = Buffer.allocUnsafe(4 + values.length + nodes.length);
  bytes.writeUInt32LE(values.length, 0);
  values.copy(bytes, 4);
  bytes.set(nodes, 4 + values.length);
  return { main, index: bytes };
}

function decodeEntry(bytes: Buffer): unknown {
  try {
    const entry = JSON.parse(bytes.toString('utf8')) as unknown;
    return isObject(entry) && (entry['index'] === null || entry['index'] === true) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** A position index from its entry's bytes: the values' JSON, then the nodes; undefined when they do not make one. */
function decodeIndex(bytes: Buffer): IndexData | undefined {
  try {
    if (bytes.length < 4) return undefined;
    const valuesLength = bytes.readUInt32LE(0);
    const rest = bytes.length - 4 - valuesLength;
    if (rest < 0 || rest % 4 !== 0) return undefined;
    const values: unknown = JSON.parse(bytes.toString('utf8', 4, 4 + valuesLength));
    // Int32Array needs an aligned offset: the nodes are copied into memory of their own.
    const nodes = new Int32Array(rest / 4);
    new Uint8Array(nodes.buffer).set(bytes.subarray(4 + valuesLength));
    return Array.isArray(values) && nodes.length === 3 * values.length ? { nodes, values } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether JSON.parse(JSON.stringify(value)) gives back the same tree. Iterative: a deep value cannot exhaust the stack.
 * `undefinedFields: 'dropped'` accepts an object's field that is undefined, for a reader to whom a missing field and an
 * undefined one are the same (the per-plan findings cache).
 */
export function isJsonExact(value: unknown, undefinedFields: 'refused' | 'dropped' = 'refused'): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    switch (typeof v) {
      case 'string':
      case 'boolean':
        break;
      case 'number':
        if (!Number.isFinite(v) || Object.is(v, -0)) return false;
        break;
      case 'object':
        if (v === null) break;
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            if (v[i] === undefined) return false;
            stack.push(v[i]);
          }
        } else {
          const proto = Object.getPrototypeOf(v) as unknown;
          if (proto !== Object.prototype && proto !== null) return false;
          for (const key in v) {
            const item = (v as Record<string, unknown>)[key];
            // JSON drops the key of an undefined value, and `key in value` would then differ.
            if (item === undefined) {
              if (undefinedFields === 'refused') return false;
              continue;
            }
            stack.push(item);
          }
        }
        break;
      default:
        return false;
    }
  }
  return true;
}


/** An entry as the pack holds it: its index is `true` (an entry of its own, indexKey) or null. */
type Stored = Omit<CachedFile, 'index'> & { index: true | null };

/** The entry is for this key and has the shape the loader relies on; anything else is a miss. */
function isEntry(entry: Stored, key: string): boolean {
  if (entry.key !== key || typeof entry.parsed !== 'boolean' || !areDiagnostics(entry.parse)) return false;
  if (entry.mdx !== undefined && !(isObject(entry.mdx) && typeof entry.mdx.yamlText === 'string' && typeof entry.mdx.body === 'string')) return false;
  if (entry.index !== null && entry.index !== true) return false;
  const n = entry.numbers;
  if (n !== undefined && !(isObject(n) && typeof n.notPlain === 'boolean' && typeof n.threeDecimals === 'boolean')) return false;
  if (entry.top !== undefined && !isTopFields(entry.top)) return false;
  const refs: unknown = entry.refs;
  if (refs !== undefined && !(Array.isArray(refs) && refs.every(isFoundReference))) return false;
  const own: unknown = entry.own;
  if (own !== undefined && !(Array.isArray(own) && own.every(areDiagnostics))) return false;
  if (!entry.parsed) return entry.validated === undefined;
  const v = entry.validated;
  return isObject(v) && typeof v.ok === 'boolean' && areDiagnostics(v.diagnostics) && (!v.ok || isObject(v.value));
}

function isTopFields(top: unknown): boolean {
  if (!Array.isArray(top) || top.length < TOP_MISSING || (top.length - TOP_MISSING) % TOP_FIELD !== 0) return false;
  // A line or a column: a whole number from 1.
  const isAt = (n: unknown) => Number.isInteger(n) && (n as number) >= 1;
  for (let i = 0; i < top.length; i++) {
    const field = i >= TOP_MISSING && (i - TOP_MISSING) % TOP_FIELD === 0;
    if (field ? typeof top[i] !== 'string' : !isAt(top[i])) return false;
  }
  return true;
}

const REFERENCE_KIND_SET: ReadonlySet<string> = new Set(REFERENCE_KINDS);

function isFoundReference(r: unknown): boolean {
  return (
    isObject(r) &&
    REFERENCE_KIND_SET.has(r['kind'] as string) &&
    (r['what'] === undefined || typeof r['what'] === 'string') &&
    'value' in r &&
    Array.isArray(r['path']) &&
    r['path'].every((s: unknown) => typeof s === 'string' || Number.isInteger(s))
  );
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
