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

/**
 * The folder whose code the caches' fingerprint covers (load/cache-key.ts), as the command line finds it, for code
 * that cannot find it from its own module (the site's bundle runs from node_modules/.cache): this tool's folder when
 * `cwd` is in it (the tool's own repository), else the installed package under `cwd`, whose command runs from its
 * compiled/ folder. Undefined when neither is there: then nothing is cached.
 */
export function toolRootFor(cwd: string): string | undefined {
  const own = toolRoot(join(cwd, 'package.json'));
  if (own !== undefined) return own;
  const installed = toolRoot(join(cwd, 'node_modules', 'account-plans', 'package.json'));
  if (installed === undefined || installed !== join(cwd, 'node_modules', 'account-plans')) return undefined;
  const compiled = join(installed, 'compiled');
  return existsSync(join(compiled, 'src', 'core')) && existsSync(join(compiled, 'schemas')) ? compiled : installed;
}
