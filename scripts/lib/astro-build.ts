/*
 * Builds the site with Astro's own build(), in a process of its own (scripts/commands/build.ts starts it).
 * Argument: JSON { root, outDir, cacheDir }. A repository with an astro.config.* of its own is built with it (it adds
 * accountPlans() to its integrations); one without, such as a repository made by `account-plans init`, gets the
 * package's integration and the settings this repository's own astro.config.mjs has.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'astro';
import { accountPlans } from '../../src/astro/integration.ts';

const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'];

const { root, outDir, cacheDir } = JSON.parse(process.argv[2] ?? '{}') as { root: string; outDir: string; cacheDir: string };
const own = CONFIG_FILES.some((name) => existsSync(join(root, name)));
const site = process.env['SITE'] || undefined;
try {
  await build({
    root,
    outDir,
    cacheDir,
    ...(own
      ? {}
      : {
          configFile: false,
          ...(site && { site }),
          base: process.env['BASE'] || '/',
          trailingSlash: 'ignore',
          devToolbar: { enabled: false },
          integrations: [accountPlans()],
        }),
  });
} catch (e) {
  // Astro has logged what went wrong; a stack trace would only quote file paths (and maybe plan text) once more.
  console.error(`The site build stopped: ${e instanceof Error ? e.message : String(e)}`);
  if (process.env['DEBUG']) console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
}
