import { existsSync, readFileSync } from 'node:fs';
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
