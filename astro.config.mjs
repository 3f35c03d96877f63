// @ts-check
import { defineConfig } from 'astro/config';
import { mermaidAsset } from './src/lib/mermaid-asset.mjs';

// SITE (https://plans.example.com) and BASE (/sales/plans) host the site under a sub-path;
// every internal link goes through import.meta.env.BASE_URL (src/lib/links.ts), so both only need setting here.
const site = process.env.SITE || undefined;
const base = process.env.BASE || '/';

export default defineConfig({
  ...(site && { site }),
  base,
  trailingSlash: 'ignore',
  // No integration compiles plan files: narratives are rendered to sanitised HTML in core
  // (src/core/load/narrative/render.ts, src/lib/narratives.ts), so nothing in a plans folder runs here.
  build: { format: 'directory' },
  // Mermaid is published as its prebuilt module rather than bundled on every build (src/lib/mermaid-asset.mjs).
  integrations: [mermaidAsset()],
  // Astro renders no Markdown here, and Shiki's inline styles would not suit the CSP below (Astro warns).
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // Defence in depth for plan text that slipped past the narrative sanitiser: every page carries a CSP <meta>
  // whose script-src is 'self' plus the hashes of the scripts Astro bundles (see src/layouts/Base.astro for the
  // one inline script), so an injected <script> or on* attribute does not run. src/pages/search.astro adds what
  // Pagefind needs, on that page only. A <meta> policy cannot say frame-ancestors: the host sends that as a
  // header (README). tests/e2e/csp.test.ts pins the policy and proves it bites.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self'",
        "connect-src 'self'",
      ],
      // Styles cannot run script. 'unsafe-inline' is needed for the <style> Mermaid puts into each SVG and for
      // the style="" attributes of the bars and legends; with it, Astro emits no style hashes (they would void it).
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  // npm run build gives every build its own cache, so two builds of different plans folders never share content.
  ...(process.env.ASTRO_CACHE_DIR && { cacheDir: process.env.ASTRO_CACHE_DIR }),
});
