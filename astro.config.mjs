// @ts-check
import { defineConfig } from 'astro/config';

// SITE (https://plans.example.com) and BASE (/sales/plans) host the site under a sub-path;
// every internal link goes through import.meta.env.BASE_URL (src/lib/links.ts), so both only need setting here.
const site = process.env.SITE || undefined;
const base = process.env.BASE || '/';

export default defineConfig({
  ...(site && { site }),
  base,
  trailingSlash: 'ignore',
  // No integration compiles plan files: narratives are rendered to sanitised HTML in core
  // (src/core/narrative-render.ts, src/lib/narratives.ts), so nothing in a plans folder runs here.
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // npm run build gives every build its own cache, so two builds of different plans folders never share content.
  ...(process.env.ASTRO_CACHE_DIR && { cacheDir: process.env.ASTRO_CACHE_DIR }),
  vite: {
    build: {
      // Mermaid's chunks are large but load only on pages with diagrams, and ELK's never (layout: 'dagre').
      chunkSizeWarningLimit: 2048,
    },
  },
});
