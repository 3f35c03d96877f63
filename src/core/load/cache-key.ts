import { createHash, hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The tool's own folder: src/core/load is three levels below it. */
const TOOL_ROOT = join(import.meta.dirname, '..', '..', '..');

/** What a cached result depends on besides the plan's bytes: the code that reads, parses and validates, and its libraries' versions. */
const INPUTS = ['src/core', 'schemas', 'package-lock.json', 'package.json'];

/** A command's output also depends on the commands that print it and their helpers. */
const RUN_INPUTS = [...INPUTS, 'scripts'];

const memo = new Map<string, string | undefined>();

/**
 * A hash of the tool's own code and schemas (every file under src/core and schemas, by name and content) and of
 * the locked dependency versions. Any edit to them gives another fingerprint, so a cache keyed on it is never stale.
 * Undefined when the tool's sources are not beside this file (a bundle): then nothing may be cached.
 */
export function toolFingerprint(root: string = TOOL_ROOT): string | undefined {
  return fingerprintOf(root, INPUTS);
}

/**
 * The fingerprint a command's whole output is keyed on (load/run-cache.ts): toolFingerprint's inputs and the
 * commands under scripts/, with the Node version, whose ICU data formats numbers and dates.
 */
export function commandFingerprint(root: string = TOOL_ROOT): string | undefined {
  const tool = fingerprintOf(root, RUN_INPUTS);
  return tool && `${tool}:${process.version}`;
}

function fingerprintOf(root: string, inputs: readonly string[]): string | undefined {
  const memoKey = `${inputs.join(',')}\0${root}`;
  if (memo.has(memoKey)) return memo.get(memoKey);
  let fingerprint: string | undefined;
  if (existsSync(join(root, 'src', 'core')) && existsSync(join(root, 'schemas'))) {
    const hash = createHash('sha256');
    for (const input of inputs) addTree(hash, root, input);
    fingerprint = hash.digest('hex');
  }
  memo.set(memoKey, fingerprint);
  return fingerprint;
}

const contentHashes = new WeakMap<Uint8Array, string>();

/** A hash of a file's bytes, computed once per read: the file's cache key and the run's key both use it. */
export function contentHash(bytes: Uint8Array): string {
  let h = contentHashes.get(bytes);
  if (h === undefined) contentHashes.set(bytes, (h = hash('sha256', bytes, 'base64')));
  return h;
}

function addTree(hash: ReturnType<typeof createHash>, root: string, rel: string): void {
  const path = join(root, rel);
  let names: string[] | undefined;
  try {
    names = readdirSync(path).sort();
  } catch {
    names = undefined;
  }
  if (names === undefined) {
    if (!existsSync(path)) return;
    const bytes = readFileSync(path);
    hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
    return;
  }
  for (const name of names) addTree(hash, root, `${rel}/${name}`);
}
