import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { AccountPlan } from '../../../../schemas/index.ts';
import { isRealFolder, makeCacheFolders, pruneOldest, readCacheFile, replaceCacheFile } from '../cache-folder.ts';
import { toolFingerprint } from '../cache-key.ts';
import { toolRoot, toolRootFor } from './tool-root.ts';

/** What one version of an account plan gave: its validated data, or the first error that stopped it. */
export type BlobResult = { ok: true; plan: AccountPlan } | { ok: false; line: number; column: number; message: string };

/** Results by key (the shared files' blob ids, the blob id, the path), kept in memory and on disk between runs. */
export interface BlobCache {
  get(key: string): BlobResult | undefined;
  set(key: string, result: BlobResult): void;
  /** Writes the results used or found in this run, if anything changed. A cache that cannot be written is no failure. */
  save(): void;
  /** How many results this run took from the disk. */
  readonly hits: number;
}

export const CACHE_FOLDER = join('node_modules', '.cache', 'account-plans', 'history');
const FORMAT = 'account-plans history cache 3';
/** Files of other repositories (or tool versions) kept beside this one; the oldest go first. */
const MAX_FILES = 16;
/** A file larger than this is not read: the cache is an optimisation, never a way to run out of memory. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface BlobCacheOptions {
  /**
   * The folder; false for none; default node_modules/.cache/account-plans/history of the repository the command runs
   * in (`cwd`), beside the other caches, else of the tool.
   */
  folder?: string | false | undefined;
  /** Where the command runs: the default folder is under its node_modules, and the tool is found from it when the code cannot find itself (the site's bundle). */
  cwd?: string | undefined;
  /** Whose history: the repository and the plans folder in it. One file each, so a file holds only what its runs use. */
  scope: string;
  /** The tool's fingerprint; tests pass another to stand for an edited tool. */
  fingerprint?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

/**
 * One JSON file per plans folder and version of the tool (load/cache-key.ts: its code, schemas and locked
 * dependencies), named by a hash of both, holding each result under its key. The key carries everything a plan's
 * result depends on, so an entry is never stale: the blob ids of the shared files it is validated against, its own
 * blob id and its path (its id and format). Results that depend on other plans (a parent, a circle of parents, two
 * plans with one id) are never stored. Only the results a run used are written back, so nothing grows without end.
 * Off with ACCOUNT_PLANS_CACHE=0. As the content cache does: a file or folder that is a link is not used, a damaged
 * or foreign file is read as empty, and a file is written under a new name and renamed, never through a link.
 */
export function openBlobCache(options: BlobCacheOptions): BlobCache {
  const memory = new Map<string, BlobResult>();
  const used = new Set<string>();
  const env = options.env ?? process.env;
  const folder = options.folder === false || env['ACCOUNT_PLANS_CACHE'] === '0' ? undefined : options.folder ?? defaultFolder(options.cwd);
  const fingerprint = options.fingerprint ?? fingerprintOf(options.cwd);
  const file = folder === undefined || fingerprint === undefined ? undefined : join(folder, `${sha(`${fingerprint}\0${options.scope}`)}.json`);
  // A folder that is a link is not used (nor created through): the cache is read only from real folders.
  const stored = file === undefined || !isRealFolder(folder!) ? new Map<string, BlobResult>() : readEntries(file, fingerprint!, options.scope);
  let hits = 0;
  let changed = false;
  return {
    get: (key) => {
      const value = memory.get(key) ?? stored.get(key);
      if (value !== undefined && !memory.has(key)) {
        hits++;
        memory.set(key, value);
      }
      if (value !== undefined) used.add(key);
      return value;
    },
    set: (key, result) => {
      memory.set(key, result);
      used.add(key);
      changed = true;
    },
    get hits() {
      return hits;
    },
    save: () => {
      if (!file || !folder || (!changed && used.size === stored.size)) return;
      if (!makeCacheFolders(folder)) return;
      const entries = Object.fromEntries([...used].map((key) => [key, memory.get(key)]));
      // Read-only or full disk: nothing is written, and the next run validates again.
      if (!replaceCacheFile(file, [Buffer.from(JSON.stringify({ format: FORMAT, fingerprint, scope: options.scope, entries }))])) return;
      try {
        pruneOldest(folder, '.json', file, MAX_FILES);
      } catch {
        // Pruning is housekeeping: the file just written stays.
      }
    },
  };
}

function readEntries(file: string, fingerprint: string, scope: string): Map<string, BlobResult> {
  const entries = new Map<string, BlobResult>();
  const bytes = readCacheFile(file, MAX_FILE_BYTES);
  if (!bytes) return entries;
  try {
    const data = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    // Another version's file, or another folder's that happened to get this name, is a miss as a whole.
    if (data?.['format'] !== FORMAT || data['fingerprint'] !== fingerprint || data['scope'] !== scope) return entries;
    const stored = data['entries'];
    if (stored && typeof stored === 'object') for (const [key, value] of Object.entries(stored)) if (isResult(value)) entries.set(key, value);
  } catch {
    // Damaged: read as empty and rewritten.
    entries.clear();
  }
  return entries;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

const fingerprints = new Map<string, string | undefined>();
function fingerprintOf(cwd: string | undefined): string | undefined {
  // The same fingerprint as the working copy's content cache (load/cache-key.ts): one answer to "did the tool change?".
  // The tool is found from this module (the command line), else from where the command runs (the site's bundle).
  const root = toolRoot() ?? (cwd === undefined ? undefined : toolRootFor(cwd));
  if (root === undefined) return undefined;
  if (!fingerprints.has(root)) fingerprints.set(root, toolFingerprint(root));
  return fingerprints.get(root);
}

/** Under the repository the command runs in, where validate's and check's caches are; else under the tool's folder. */
function defaultFolder(cwd: string | undefined): string | undefined {
  if (cwd !== undefined && isRealFolder(join(cwd, 'node_modules'))) return join(cwd, CACHE_FOLDER);
  const root = toolRoot();
  return root !== undefined && isRealFolder(join(root, 'node_modules')) ? join(root, CACHE_FOLDER) : undefined;
}

function isResult(value: unknown): value is BlobResult {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  if (v['ok'] === true) return typeof v['plan'] === 'object' && v['plan'] !== null && !Array.isArray(v['plan']);
  return v['ok'] === false && typeof v['message'] === 'string' && Number.isInteger(v['line']) && Number.isInteger(v['column']);
}
