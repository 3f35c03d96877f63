// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { narrativeSafety } from './src/lib/mdx-safety.mjs';

// SITE (https://plans.example.com) and BASE (/sales/plans) host the site under a sub-path;
// every internal link goes through import.meta.env.BASE_URL (src/lib/links.ts), so both only need setting here.
const site = process.env.SITE || undefined;
const base = process.env.BASE || '/';

export default defineConfig({
  ...(site && { site }),
  base,
  trailingSlash: 'ignore',
  // Plan narratives are untrusted: no script, iframe or event handler survives (src/lib/mdx-safety.mjs).
  integrations: [mdx({ processor: satteri({ hastPlugins: [narrativeSafety] }) })],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // npm run build gives every build its own cache, so two builds of different plans folders never share content.
  ...(process.env.ASTRO_CACHE_DIR && { cacheDir: process.env.ASTRO_CACHE_DIR }),
  vite: {
    build: {
      // Mermaid's chunks are large but load only on pages with diagrams, and ELK's never (layout: 'dagre').
      chunkSizeWarningLimit: 2048,
      rolldownOptions: {
        // Every compiled MDX file carries this directive; the bundler warns about it although Astro handles it.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
