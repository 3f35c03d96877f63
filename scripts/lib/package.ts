import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's own folder (the one whose package.json is named "account-plans"), found from this module upwards,
 * so that the same code finds its templates and schemas when it runs from scripts/ (this repository, Node strips
 * the types) and from compiled/scripts/ (an installed copy).
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'account-plans') return dir;
      } catch {
        // Another package.json: keep looking upwards.
      }
    }
    if (dirname(dir) === dir) throw new Error(`account-plans cannot find its own package.json above ${from}`);
  }
}

/** The package's version, from its package.json. */
export function packageVersion(root: string = packageRoot()): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
