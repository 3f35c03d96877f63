import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The tool's own folder (the one whose package.json is "account-plans"), found from this module upwards, so
 * that the cache sits in its node_modules whether the code runs from src/ (the CLI) or from a bundle (the site).
 * Undefined when it cannot be found: then nothing is cached.
 */
export function toolRoot(from: string = fileURLToPath(import.meta.url)): string | undefined {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'schemas'))) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'account-plans') return dir;
      } catch {
        // Another package.json: keep looking upwards.
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * What a cached result depends on besides the blob: the code that parses, validates and links, and the schemas.
 * A change to any of them gives another fingerprint, so an old result is never reused. Kept in one function:
 * the content cache of the working copy is meant to share it.
 */
export function codeFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const folder of ['schemas', 'src/core/load', 'src/core/diagnostics', 'src/core/shared']) {
    for (const file of filesUnder(join(root, folder))) {
      hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
