import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountPlan } from '../../../../schemas/index.ts';
import { toolFingerprint } from '../cache-key.ts';
import { toolRoot } from './tool-root.ts';

/** What one version of an account plan gave: its validated data, or the first error that stopped it. */
export type BlobResult = { ok: true; plan: AccountPlan } | { ok: false; line: number; column: number; message: string };

/** Results by key (the shared files' blob ids, the blob id, the path), kept in memory and on disk between runs. */
export interface BlobCache {
  get(key: string): BlobResult | undefined;
  set(key: string, result: BlobResult): void;
  /** Writes the results found in this run, if there were any. A cache that cannot be written is no failure. */
  save(): void;
}

export const CACHE_FOLDER = join('node_modules', '.cache', 'account-plans', 'history');

/**
 * A cache file per code fingerprint, in the tool's node_modules/.cache (created only where node_modules exists,
 * so a copy of the tool without it never gains files). Written to a temporary name and renamed, so a reader
 * never sees half a file. `folder` is for tests; `false` turns the disk off.
 */
export function openBlobCache(folder?: string | false): BlobCache {
  const memory = new Map<string, BlobResult>();
  const root = folder === false ? undefined : folder ?? defaultFolder();
  const file = root === undefined ? undefined : join(root, `${fingerprintOf()}.json`);
  let loaded = 0;
  if (file && existsSync(file)) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (data && typeof data === 'object') {
        for (const [key, value] of Object.entries(data)) if (isResult(value)) memory.set(key, value);
      }
      loaded = memory.size;
    } catch {
      // A damaged cache file is read as empty and rewritten.
    }
  }
  return {
    get: (key) => memory.get(key),
    set: (key, result) => void memory.set(key, result),
    save: () => {
      if (!file || !root || memory.size === loaded) return;
      try {
        mkdirSync(root, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(Object.fromEntries(memory)));
        renameSync(temporary, file);
      } catch {
        // Read-only or full disk: the next run parses again.
      }
    },
  };
}

let fingerprint: string | undefined;
function fingerprintOf(): string {
  const root = toolRoot();
  // The same fingerprint as the working copy's content cache (load/cache-key.ts): one answer to "did the tool change?".
  fingerprint ??= (root === undefined ? undefined : toolFingerprint(root)) ?? 'none';
  return fingerprint;
}

function defaultFolder(): string | undefined {
  const root = toolRoot();
  return root !== undefined && existsSync(join(root, 'node_modules')) ? join(root, CACHE_FOLDER) : undefined;
}

function isResult(value: unknown): value is BlobResult {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v['ok'] === true ? typeof v['plan'] === 'object' && v['plan'] !== null : v['ok'] === false && typeof v['message'] === 'string';
}
