import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { EXAMPLE_TODAY } from './global-setup.ts';

export { EXAMPLE_TODAY };

export const ROOT = resolve(import.meta.dirname, '../..');

/** Builds a plans folder into a fresh temporary folder with the real build command, once per suite. */
export function buildSite(plansDir: string, env: Record<string, string> = {}): { dir: string; stdout: string; stderr: string } {
  const dir = join(mkdtempSync(join(tmpdir(), 'site-e2e-')), 'dist');
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--plans', plansDir, '--out', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`The build of ${plansDir} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { dir, stdout: result.stdout, stderr: result.stderr };
}

/**
 * buildSite without holding the test file up: the build runs in the background while the file's other tests go on
 * (they wait on Chromium, it on Astro), and the promise gives what buildSite returns, or its error, when it ends.
 */
export function buildSiteInBackground(plansDir: string, env: Record<string, string> = {}): Promise<{ dir: string; stdout: string; stderr: string }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'site-e2e-')), 'dist');
  const child = spawn(process.execPath, ['scripts/build.ts', '--plans', plansDir, '--out', dir], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (status) => {
      if (status !== 0) fail(new Error(`The build of ${plansDir} failed (exit ${status}):\n${stdout}\n${stderr}`));
      else done({ dir, stdout, stderr });
    });
  });
}

/**
 * The example plans built once for the whole browser project (tests/e2e/global-setup.ts), with today pinned at
 * EXAMPLE_TODAY; waits until that build has ended. Read it, never write into it: other test files share it (take
 * `copyOfExampleSite()` to change files).
 */
export async function exampleSite(): Promise<{ dir: string; stdout: string; stderr: string }> {
  const { dir, marker } = inject('exampleSite');
  const deadline = Date.now() + 600_000;
  while (!existsSync(marker)) {
    if (Date.now() > deadline) throw new Error('The shared build of the example did not end within 10 minutes.');
    await new Promise((wake) => setTimeout(wake, 250));
  }
  const built = JSON.parse(readFileSync(marker, 'utf8')) as { status: number | null; stdout: string; stderr: string };
  if (built.status !== 0) throw new Error(`The shared build of the example failed (exit ${built.status}):\n${built.stdout}\n${built.stderr}`);
  return { dir, stdout: built.stdout, stderr: built.stderr };
}

/** A copy of the shared build of the example in a fresh temporary folder, for a test file that writes into it. */
export async function copyOfExampleSite(): Promise<{ dir: string; stdout: string; stderr: string }> {
  const shared = await exampleSite();
  const dir = join(mkdtempSync(join(tmpdir(), 'site-e2e-')), 'dist');
  cpSync(shared.dir, dir, { recursive: true });
  return { ...shared, dir };
}

/** A built site as a test file uses it: its folder, the URL it is served at, and a Chromium to open it in. */
export interface BuiltSite {
  readonly dir: string;
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Builds a plans folder with the real build command, serves it on 127.0.0.1 and starts Chromium, once for the
 * test file that calls it (beforeAll); closes all three and removes the build after the file (afterAll).
 */
export function useBuiltSite(plansDir: string, env: Record<string, string> = {}): BuiltSite {
  let site: { dir: string } | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  // The example with today pinned at EXAMPLE_TODAY and nothing else set is the shared build: read, not removed.
  const shared = plansDir === 'plans' && Object.keys(env).length === 1 && env.TODAY === EXAMPLE_TODAY;
  beforeAll(async () => {
    site = shared ? await exampleSite() : buildSite(plansDir, env);
    server = await serve(site.dir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site && !shared) rmSync(join(site.dir, '..'), { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error(`The site of ${plansDir} is built in beforeAll: use it inside a test or a hook.`);
    return value;
  };
  return {
    get dir() { return ready(site).dir; },
    get url() { return ready(server).url; },
    get browser() { return ready(browser); },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
};

/** A static file server on 127.0.0.1 and a random port, serving `dir` under `base` ("/" or "/sub/"). */
export async function serve(dir: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return notFound(res, dir);
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) return notFound(res, dir);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return notFound(res, dir);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((done) => server.close(() => done())) };
}

function notFound(res: import('node:http').ServerResponse, dir: string): void {
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  const page = join(dir, '404.html');
  if (existsSync(page)) createReadStream(page).pipe(res);
  else res.end('not found');
}

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface CrawledPage {
  url: string;
  status: number;
  /** Console errors and uncaught exceptions on the page. */
  errors: string[];
  /** Internal pages this one links to. */
  links: string[];
  /** Diagrams on the page, and how many of them are still Mermaid text rather than an SVG. */
  diagrams: number;
  unrendered: number;
  /** Whether the page loaded any of Mermaid's JavaScript. */
  loadsMermaid: boolean;
}

/**
 * Visits every page reachable from `start` inside `root`, waiting for diagrams to render on each.
 * Given a browser context instead of a browser, it crawls in that context (with its init scripts and routes).
 * Returns every page visited, with its status, errors and links, and the links that did not load.
 */
export async function crawl(browser: Pick<Browser, 'newPage'> | BrowserContext, start: string, root: string, onPage?: (page: import('playwright-core').Page, url: string) => Promise<void>): Promise<CrawledPage[]> {
  const page = await browser.newPage();
  let errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const seen = new Set([start]);
  const queue = [start];
  const pages: CrawledPage[] = [];
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    errors = [];
    const response = await page.goto(url, { waitUntil: 'load' });
    const status = response?.status() ?? 0;
    if (status === 200) await waitForDiagrams(page);
    const links = status !== 200 || !(response?.headers()['content-type'] ?? '').includes('text/html')
      ? []
      // A download link (the CSV files) is not a page to visit: the browser would save it instead; layout.test.ts fetches them.
      : await page.$$eval('a[href]:not([download])', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const internal = [...new Set(links.map((l) => l.replace(/#.*$/, '')).filter((l) => l.startsWith(root)))];
    for (const l of internal) {
      if (!seen.has(l)) {
        seen.add(l);
        queue.push(l);
      }
    }
    if (status === 200 && onPage) await onPage(page, url);
    const diagrams = await page.locator('figure.diagram').count();
    const unrendered = await page.locator('pre.mermaid').count();
    const loadsMermaid = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /mermaid/i.test(e.name)));
    pages.push({ url, status, errors: [...errors], links: internal, diagrams, unrendered, loadsMermaid });
  }
  await page.close();
  return pages;
}

// Runs before any script of the page, through the DevTools protocol, which the page's CSP does not govern.
export const RECORD_VIOLATIONS = `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' ' + e.sample));`;
/** The page's securitypolicyviolation events so far, in a context with RECORD_VIOLATIONS as an init script. */
export const recordedViolations = (page: import('playwright-core').Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/**
 * `crawl` in a context of its own that records, by page URL, every securitypolicyviolation event and every console
 * message naming the Content Security Policy: one visit of every page serves the checks of both.
 */
export async function crawlRecordingViolations(browser: Browser, start: string, root: string): Promise<{ pages: CrawledPage[]; violations: Map<string, string[]> }> {
  const context = await browser.newContext();
  await context.addInitScript(RECORD_VIOLATIONS);
  const violations = new Map<string, string[]>();
  const note = (url: string, found: string[]) => found.length > 0 && violations.set(url, [...(violations.get(url) ?? []), ...found]);
  context.on('console', (m) => note(m.page()?.url() ?? '?', /Content Security Policy/i.test(m.text()) ? [m.text()] : []));
  const pages = await crawl(context, start, root, async (page, url) => void note(url, await recordedViolations(page)));
  await context.close();
  return { pages, violations };
}

/** Mermaid replaces each pre.mermaid with its SVG; a block still there after 20 s failed to render. */
export async function waitForDiagrams(page: import('playwright-core').Page): Promise<void> {
  if ((await page.locator('pre.mermaid').count()) === 0) return;
  await page.waitForFunction(() => document.querySelectorAll('pre.mermaid').length === 0, undefined, { timeout: 20_000 }).catch(() => {});
}

/** Runs axe-core on the page and returns its serious and critical violations. */
export async function findAccessibilityViolations(page: import('playwright-core').Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol, not added as a <script>: the site's CSP would refuse an inline one.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
