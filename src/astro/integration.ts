import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { packageRoot } from '../../scripts/lib/package.ts';
import { mermaidAsset } from './mermaid-asset.ts';
import { searchIndex } from './search-index.ts';

export interface AccountPlansOptions {
  /** The plans folder, relative to the Astro project's root (default: the PLANS_DIR environment variable, else ./plans). */
  plans?: string;
}

/** What the site's pages read at build time (src/lib/workspace.ts), set by the integration as __ACCOUNT_PLANS__. */
export interface SiteSettings {
  /** The plans folder, relative to `cwd`. */
  plansDir: string;
  /** The repository root: the Astro project's root. */
  cwd: string;
}

/** The site's pages: every .astro page and .ts endpoint under src/routes, injected rather than routed by Astro. */
const ROUTES = join(packageRoot(), 'src', 'routes');

/**
 * The account-plans site as an Astro integration, Starlight-style: it injects every page (home, accounts, people,
 * goals, findings, reviews, search, the CSV downloads), so a repository made by `account-plans init` needs no pages of
 * its own, and an Astro site of its own can add the integration beside its pages (a page of the same pattern as one
 * of these is an error Astro reports). It also sets what those pages need site-wide:
 *  - a content security policy (every page of the site gets it, the user's own pages too: their inline scripts need
 *    Astro's hash, and remote images, fonts or scripts are blocked unless the user widens the directives);
 *  - `build.format: 'directory'`, which the pages' links assume;
 *  - Mermaid's prebuilt module copied beside the site;
 *  - the search index (Pagefind) of the account and person pages, made while the other pages render (search-index.ts).
 */
export function accountPlans(options: AccountPlansOptions = {}): AstroIntegration {
  return {
    name: 'account-plans',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const plans = process.env['PLANS_DIR'] || options.plans || 'plans';
        const settings: SiteSettings = { plansDir: relative(root, resolve(root, plans)) || '.', cwd: root };
        for (const route of siteRoutes()) injectRoute(route);
        updateConfig({
          // Astro runs the hooks of an integration added here too (as Starlight adds its own).
          integrations: [mermaidAsset(), searchIndex()],
          // Two pages at a time: Astro awaits each page's folder and file write (and the CSP digests of its inline
          // scripts and styles) before it renders the next, which leaves this process idle for about a fifth of the
          // pages' time; with a second page under way, that wait is spent rendering. Every page is the same bytes.
          // A site's own setting above one is kept.
          build: { format: 'directory', concurrency: config.build.concurrency > 1 ? config.build.concurrency : PAGES_AT_ONCE },
          // Astro renders no Markdown here, and Shiki's inline styles would not suit the CSP below (Astro warns).
          markdown: { syntaxHighlight: false },
          // Every bundled script as a file of its own (inlineAsset); a site's own setting is kept.
          vite: { define: { __ACCOUNT_PLANS__: JSON.stringify(settings) }, ...(config.vite?.build?.assetsInlineLimit === undefined && { build: { assetsInlineLimit: inlineAsset } }) },
          security: { csp: CSP },
        });
      },
    },
  };
}

/**
 * Defence in depth for plan text that slipped past the narrative sanitiser: every page carries a CSP <meta> whose
 * script-src is 'self' plus the hashes of the scripts Astro bundles (src/layouts/Base.astro adds the one inline
 * script), so an injected <script> or on* attribute does not run. src/routes/search.astro adds what Pagefind needs,
 * on that page only. A <meta> policy cannot say frame-ancestors: the host sends that as a header.
 * tests/e2e/csp.test.ts pins the policy and proves it bites.
 */
const CSP: Exclude<NonNullable<NonNullable<AstroConfig['security']>['csp']>, boolean> = {
  algorithm: 'SHA-256',
  directives: ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "img-src 'self'", "connect-src 'self'"],
  // Styles cannot run script. 'unsafe-inline' is needed for the <style> Mermaid puts into each SVG and for the
  // style="" attributes of the bars and legends; with it, Astro emits no style hashes (they would void it).
  styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
};

/**
 * Vite's build.assetsInlineLimit: a bundled script is always served as its own file under _astro/, never inlined into
 * each page that uses it. A browser fetches it once for the whole site, every page is smaller by its bytes (Mermaid's
 * loader alone is 2.3 KB on each of 2,000 account pages), and the CSP lists no hash for it ('self' allows it). A
 * stylesheet or another asset keeps Vite's own rule (inlined under 4 KB).
 */
export function inlineAsset(file: string, content: Buffer): boolean {
  return !file.endsWith('.js') && content.length < 4096;
}

/** How many pages Astro renders at once (build.concurrency); more measured no faster on two cores. */
export const PAGES_AT_ONCE = 2;

/** Each page file as an injected route: accounts/[id].astro is /accounts/[id], index.astro is /, goals.csv.ts is /goals.csv. */
export function siteRoutes(folder: string = ROUTES): { pattern: string; entrypoint: string }[] {
  const routes: { pattern: string; entrypoint: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(astro|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const rel = relative(folder, path).split('\\').join('/').replace(/\.(astro|ts)$/, '');
        const pattern = `/${rel.replace(/(^|\/)index$/, '')}`.replace(/\/$/, '') || '/';
        routes.push({ pattern, entrypoint: path });
      }
    }
  };
  walk(folder);
  return routes;
}
