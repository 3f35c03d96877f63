import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The tool's own folder: src/core/load is three levels below it. */
const TOOL_ROOT = join(import.meta.dirname, '..', '..', '..');

/** What a cached result depends on besides the plan's bytes: the code that reads, parses and validates, and its libraries' versions. */
const INPUTS = ['src/core', 'schemas', 'package-lock.json', 'package.json'];

const memo = new Map<string, string | undefined>();

/**
 * A hash of the tool's own code and schemas (every file under src/core and schemas, by name and content) and of
 * the locked dependency versions. Any edit to them gives another fingerprint, so a cache keyed on it is never stale.
 * Undefined when the tool's sources are not beside this file (a bundle): then nothing may be cached.
 */
export function toolFingerprint(root: string = TOOL_ROOT): string | undefined {
  if (memo.has(root)) return memo.get(root);
  let fingerprint: string | undefined;
  if (existsSync(join(root, 'src', 'core')) && existsSync(join(root, 'schemas'))) {
    const hash = createHash('sha256');
    for (const input of INPUTS) addTree(hash, root, input);
    fingerprint = hash.digest('hex');
  }
  memo.set(root, fingerprint);
  return fingerprint;
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
