import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Mermaid reaches the browser as its own prebuilt ES module (mermaid/dist/mermaid.esm.min.mjs and its chunks),
 * copied beside the site, instead of being bundled by Vite on every build: the bundling cost seconds and hundreds
 * of MB per build for a file that only changes with Mermaid's version. The version is in the path, so a browser
 * never mixes an old entry with new chunks. Mermaid is found where Node resolves it from this package (hoisted into
 * a user's node_modules, or this repository's own).
 */
const DIST = join(dirname(createRequire(fileURLToPath(import.meta.url)).resolve('mermaid/package.json')), 'dist');
const VERSION = (JSON.parse(readFileSync(join(DIST, '..', 'package.json'), 'utf8')) as { version: string }).version;
const ENTRY = 'mermaid.esm.min.mjs';
const CHUNKS = 'chunks/mermaid.esm.min';
/** Only Mermaid's own module files are copied or served: no source maps, nothing named from a request. */
const MODULE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.mjs$/;

/** The entry module's path below the site's base, given to the page that loads it (src/components/Mermaid.astro) as __MERMAID_ENTRY__. */
const MERMAID_ENTRY = `_mermaid/${VERSION}/${ENTRY}`;

/** The files to publish, as [path below the site, path on disk]. */
function files(): [string, string][] {
  const chunks = readdirSync(join(DIST, CHUNKS)).filter((name) => MODULE.test(name));
  return [[ENTRY, join(DIST, ENTRY)], ...chunks.map((name): [string, string] => [`${CHUNKS}/${name}`, join(DIST, CHUNKS, name)])];
}

export function mermaidAsset(): AstroIntegration {
  return {
    name: 'account-plans:mermaid',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { __MERMAID_ENTRY__: JSON.stringify(MERMAID_ENTRY) } } });
      },
      // After the build, copy the module into the output (about 100 files, 5 MB; a copy, no bundling).
      'astro:build:done': ({ dir }) => {
        const out = join(fileURLToPath(dir), '_mermaid', VERSION);
        for (const [rel, from] of files()) {
          mkdirSync(join(out, rel, '..'), { recursive: true });
          copyFileSync(from, join(out, rel));
        }
      },
      // `astro dev` serves the same paths from node_modules.
      'astro:server:setup': ({ server }) => {
        const base = (server.config.base || '/').replace(/\/?$/, '/');
        const prefix = `${base}_mermaid/${VERSION}/`;
        const known = new Map(files());
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0] ?? '';
          const file = path.startsWith(prefix) ? known.get(path.slice(prefix.length)) : undefined;
          if (!file || !existsSync(file)) return next();
          res.setHeader('content-type', 'text/javascript');
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}
