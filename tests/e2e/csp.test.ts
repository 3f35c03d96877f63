import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkspace } from '../../src/core/load/read-workspace.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import type { Workspace } from '../../src/core/model.ts';
import { copyOfExampleSite, launchBrowser, RECORD_VIOLATIONS, recordedViolations, serve, waitForDiagrams } from './helpers.ts';

// The Content Security Policy of the built example site: present on every page, strict for scripts, silent
// while the site works (diagrams, search, theme), and biting when plan text smuggles script into a page.
let site: { dir: string };
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let context: BrowserContext;
const ws: Workspace = readWorkspace(workingCopy({ plansDir: 'plans' })).workspace!;
const showcase = [...ws.accounts].filter((a) => a.plan.strategic).sort((a, b) => b.plan.stakeholders.length - a.plan.stakeholders.length)[0]!;

const recorded = recordedViolations;
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

beforeAll(async () => {
  // A copy of the shared build: the probes below write pages into it.
  site = await copyOfExampleSite();
  server = await serve(site.dir);
  browser = await launchBrowser();
  context = await browser.newContext();
  await context.addInitScript(RECORD_VIOLATIONS);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(join(site.dir, '..'), { recursive: true, force: true });
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

/** The page's CSP meta, as a map from directive to its sources, and where in the file it starts. */
function policyOf(html: string): { at: number; count: number; directives: Map<string, string[]> } {
  const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)];
  const directives = new Map<string, string[]>();
  for (const part of (metas[0]?.[1] ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return { at: metas[0]?.index ?? -1, count: metas.length, directives };
}

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  expect((await page.goto(server.url + path))?.status()).toBe(200);
  await waitForDiagrams(page);
  return page;
}

describe('the Content Security Policy of the built site', () => {
  it('is on every built page, before any script or style, and allows script only from the site and by hash', () => {
    const files = htmlFiles(site.dir);
    expect(files.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const file of files) {
      const name = relative(site.dir, file);
      const html = readFileSync(file, 'utf8');
      const { at, count, directives } = policyOf(html);
      if (count !== 1) problems.push(`${name}: ${count} CSP meta elements`);
      const first = html.search(/<script|<style|<link rel="stylesheet"/);
      if (first !== -1 && first < at) problems.push(`${name}: a script or style comes before the CSP meta`);
      const search = name === join('search', 'index.html');
      const wasm = search ? ["'wasm-unsafe-eval'"] : [];
      const script = directives.get('script-src') ?? [];
      const unexpected = script.filter((s) => s !== "'self'" && !wasm.includes(s) && !/^'sha256-[A-Za-z0-9+/]+=*'$/.test(s));
      if (!script.includes("'self'") || unexpected.length > 0) problems.push(`${name}: script-src ${script.join(' ')}`);
      const expected: [string, string][] = [['default-src', "'self'"], ['object-src', "'none'"], ['base-uri', "'self'"], ['form-action', "'self'"], ['img-src', search ? "'self' data:" : "'self'"], ['connect-src', "'self'"], ['style-src', "'self' 'unsafe-inline'"]];
      for (const [d, sources] of expected) if ((directives.get(d) ?? []).join(' ') !== sources) problems.push(`${name}: ${d} ${directives.get(d)?.join(' ')}`);
      // Every inline script the page carries is allowed by its hash, so the policy and the page agree.
      for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
        const hash = `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`;
        if (!script.includes(hash)) problems.push(`${name}: inline script without its hash: ${m[1]!.slice(0, 60)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  // That no page reports a violation while every page loads and draws its diagrams is checked in site.test.ts,
  // in its visit of every page of the example (helpers.ts: crawlRecordingViolations).

  it('lets Mermaid turn every diagram of a strategic account page into an SVG', async () => {
    const page = await open(`accounts/${showcase.id}/`);
    const diagrams = await page.locator('figure.diagram').count();
    // The buying-decision chart; the action timeline is SVG drawn at build time (core/charts/timeline-svg.ts).
    expect(diagrams).toBeGreaterThanOrEqual(1);
    expect(await page.locator('figure.diagram .mermaid-svg svg').count()).toBe(diagrams);
    expect(await recorded(page)).toEqual([]);
    await page.close();
  });

  it('lets Pagefind search and show results', async () => {
    const page = await open('search/');
    await page.locator('.pagefind-ui__search-input').fill(showcase.plan.name);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs).toContain(`/accounts/${showcase.id}/`);
    expect(await page.locator('#search input').getAttribute('aria-label')).toBe('Search the plans');
    expect(await recorded(page)).toEqual([]);
    await page.close();
  });

  it('lets Pagefind search on the page itself when its web worker cannot start', async () => {
    // Pagefind runs its WebAssembly in a worker, which the page's <meta> policy does not govern; when the
    // worker fails (blocked, or served with the wrong type), it falls back to the page: 'wasm-unsafe-eval'.
    const page = await context.newPage();
    await page.route('**/pagefind-worker.js', (route) => route.abort());
    await page.goto(`${server.url}search/`);
    await page.locator('.pagefind-ui__search-input').fill(showcase.plan.name);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    expect(await recorded(page)).toEqual([]);
    await page.close();
  });

  it('lets the theme toggle switch the theme, and the inline script restore it on the next page', async () => {
    const page = await open('');
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme'] ?? null);
    expect(await theme()).toBe(null);
    await page.locator('.theme-toggle').click();
    expect(await theme()).toBe('dark');
    await page.goto(`${server.url}goals/`);
    expect(await theme()).toBe('dark');
    await page.locator('.theme-toggle').click();
    expect(await theme()).toBe('light');
    expect(await recorded(page)).toEqual([]);
    await page.close();
  });
});

// Plan text that got past the sanitiser, written into a copy of a built account page (as if the sanitiser had
// let it through), or added by script at run time. Each probe also runs on the same copy without the CSP meta,
// where it must set window.__pwned: so these tests fail if the policy is removed, not only if it is weakened.
interface Probe {
  name: string;
  /** Put into the page's <main>. */
  html?: string;
  /** Done on the loaded page. */
  act?: (page: Page) => Promise<unknown>;
}
const probes: Probe[] = [
  { name: 'an inline script element', html: `<script>window.__pwned = 'inline script'</script>` },
  { name: 'an onerror attribute on an image', html: `<img src="missing.png" alt="" onerror="window.__pwned = 'onerror'">` },
  { name: 'an onload attribute on an inline SVG', html: `<svg onload="window.__pwned = 'svg onload'"></svg>` },
  { name: 'a javascript: link that is clicked', html: `<a id="probe" href="javascript:void(window.__pwned='javascript url')">details</a>`, act: (p) => p.locator('#probe').click() },
  {
    name: 'markup with an onerror attribute added to the page at run time',
    act: (p) => p.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', `<img src="missing.png" alt="" onerror="window.__pwned = 'late onerror'">`)),
  },
  {
    name: 'a script element added to the page at run time',
    act: (p) => p.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = `window.__pwned = 'dynamic script'`;
      document.body.append(s);
    }),
  },
];

describe('the Content Security Policy refuses script smuggled into a page', () => {
  const slug = (name: string) => name.replace(/[^a-z]+/g, '-');
  beforeAll(() => {
    const original = readFileSync(join(site.dir, 'accounts', showcase.id, 'index.html'), 'utf8');
    expect(policyOf(original).count).toBe(1);
    const unguarded = original.replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '');
    for (const probe of probes) {
      for (const [folder, html] of [[slug(probe.name), original], [`${slug(probe.name)}-unguarded`, unguarded]] as const) {
        mkdirSync(join(site.dir, 'probe', folder), { recursive: true });
        writeFileSync(join(site.dir, 'probe', folder, 'index.html'), html.replace('</main>', `${probe.html ?? ''}</main>`));
      }
    }
  });

  async function run(probe: Probe, folder: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.url}probe/${folder}/`, { waitUntil: 'load' });
    await probe.act?.(page);
    return page;
  }

  it.each(probes)('$name does not run', async (probe) => {
    const page = await run(probe, slug(probe.name));
    // The browser reports the refusal; only then is "nothing ran" an answer rather than "not yet".
    await expect.poll(() => recorded(page), { timeout: 10_000 }).not.toEqual([]);
    expect((await recorded(page)).every((v) => v.startsWith('script-src'))).toBe(true);
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });

  it.each(probes)('$name runs once the CSP meta is taken out (the probe itself works)', async (probe) => {
    const page = await run(probe, `${slug(probe.name)}-unguarded`);
    await expect.poll(() => pwned(page), { timeout: 10_000 }).toBeDefined();
    expect(await recorded(page)).toEqual([]);
    await page.close();
  });
});
