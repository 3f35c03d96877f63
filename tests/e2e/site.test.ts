import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkspace } from '../../src/core/load/read-workspace.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import type { AccountEntry, Workspace } from '../../src/core/model.ts';
import { crawlRecordingViolations, exampleSite, findAccessibilityViolations, launchBrowser, ROOT, serve, waitForDiagrams, type CrawledPage } from './helpers.ts';

// The example organisation in plans/, built once with the real build command and served on loopback.
let site: { dir: string };
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let pages: CrawledPage[];
/** Every securitypolicyviolation event and every console message naming the CSP during the crawl, by page URL. */
let violations: Map<string, string[]>;
const ws: Workspace = readWorkspace(workingCopy({ plansDir: 'plans' })).workspace!;
/** The strategic plan with the most stakeholders: the page the README shows. */
const showcase: AccountEntry = [...ws.accounts].filter((a) => a.plan.strategic).sort((a, b) => b.plan.stakeholders.length - a.plan.stakeholders.length)[0]!;

beforeAll(async () => {
  // The example's dates are set around 2026-11-24: the shared build pins today so the pages stay the same as time passes.
  site = await exampleSite();
  server = await serve(site.dir);
  browser = await launchBrowser();
  // One visit of every page for this file's checks and for the Content Security Policy's (csp.test.ts has the rest).
  ({ pages, violations } = await crawlRecordingViolations(browser, server.url, server.url));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const response = await page.goto(server.url + path);
  expect(response?.status()).toBe(200);
  await waitForDiagrams(page);
  return page;
}

describe('the built example site', () => {
  it('has every account and person page, each loading with 200 and no console error', () => {
    const urls = pages.map((p) => p.url);
    for (const a of ws.accounts) expect(urls).toContain(`${server.url}accounts/${a.id}/`);
    for (const p of ws.people) expect(urls).toContain(`${server.url}people/${p.id}/`);
    for (const path of ['', 'accounts/', 'people/', 'goals/', 'findings/', 'search/', 'pipeline/']) expect(urls).toContain(server.url + path);
    expect(pages.filter((p) => p.status !== 200 || p.errors.length > 0).map((p) => ({ url: p.url, status: p.status, errors: p.errors }))).toEqual([]);
  });

  it("leads with the leader's year: landing on the goals page, the pipeline, the leaderboard and attention by money at risk", async () => {
    const goals = await open('goals/');
    const jake = goals.locator('tr', { has: goals.locator('th a', { hasText: 'FY2027 owner: Jake Morrow' }) }).first();
    expect(await jake.innerText()).toMatch(/\$2,086,475 \(95%\)\s+short/);
    const pipeline = await open('pipeline/');
    expect(await pipeline.locator('.lede').innerText()).toContain('29 open opportunities worth $11,083,700 ($6,503,940 weighted); $7,500,200 expected to close by the end of FY2027 ($5,063,810 weighted)');
    const people = await open('people/');
    expect(await people.locator('#ranking + .table-wrap tbody th').first().innerText()).toContain('Henrik Aalto');
    const home = await open('');
    expect(await home.locator('#attention ~ ol li').first().innerText()).toContain('Marrow Valley Labs bought $1,620,000');
    expect(await home.locator('a[href$="pipeline/"]').count()).toBeGreaterThan(0);
    await Promise.all([goals, pipeline, people, home].map((p) => p.close()));
  });

  it('has no broken internal link', () => {
    const broken = pages.filter((p) => p.status !== 200).map((p) => ({ url: p.url, from: pages.filter((q) => q.links.includes(p.url)).map((q) => q.url) }));
    expect(broken).toEqual([]);
  });

  it('turns every Mermaid block on every account page into an SVG', () => {
    const accountPages = pages.filter((p) => p.url.includes('/accounts/') && !p.url.endsWith('/accounts/'));
    expect(accountPages.length).toBe(ws.accounts.length);
    // The buying-decision chart is the one Mermaid diagram of a plan (the action timeline is SVG from core).
    expect(accountPages.reduce((n, p) => n + p.diagrams, 0)).toBe(ws.accounts.filter((a) => a.plan.stakeholders.length > 0).length);
    expect(accountPages.filter((p) => p.unrendered > 0).map((p) => p.url)).toEqual([]);
    // Mermaid is loaded on exactly the pages that have a diagram.
    expect(pages.filter((p) => p.loadsMermaid !== p.diagrams > 0).map((p) => p.url)).toEqual([]);
  });

  it('reports no Content Security Policy violation on any page of the site while every page loads and draws its diagrams', () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.filter((p) => p.status !== 200).map((p) => p.url)).toEqual([]);
    expect(Object.fromEntries(violations)).toEqual({});
    const accounts = pages.filter((p) => /\/accounts\/[^/]+\/$/.test(p.url));
    // One Mermaid diagram (the buying-decision chart) per plan with stakeholders; the timeline is SVG from core.
    expect(accounts.reduce((n, p) => n + p.diagrams, 0)).toBe(ws.accounts.filter((a) => a.plan.stakeholders.length > 0).length);
    expect(accounts.filter((p) => p.unrendered > 0).map((p) => p.url)).toEqual([]);
  });

  it('renders the diagrams of a strategic account page as SVGs', async () => {
    const page = await open(`accounts/${showcase.id}/`);
    const diagrams = await page.locator('figure.diagram').count();
    expect(diagrams).toBeGreaterThanOrEqual(1);
    // The action timeline is drawn at build time (core/charts/timeline-svg.ts), like the revenue chart.
    expect(await page.locator('figure.chart svg.timeline-chart').count()).toBe(showcase.plan.actions.length > 0 ? 1 : 0);
    expect(await page.locator('figure.diagram .mermaid-svg svg').count()).toBe(diagrams);
    expect(await page.locator('pre.mermaid').count()).toBe(0);
    await page.close();
  });

  it('draws every stakeholder of the account in the buying-decision chart', async () => {
    const page = await open(`accounts/${showcase.id}/`);
    const chart = (await page.locator('section:has(#stakeholders) figure.diagram svg').first().textContent()) ?? '';
    expect(showcase.plan.stakeholders.length).toBeGreaterThan(2);
    for (const s of showcase.plan.stakeholders) expect(chart).toContain(s.name);
    await page.close();
  });

  it('sorts the accounts table by a column, both ways', async () => {
    const page = await open('accounts/');
    const names = () => page.locator('#accounts tbody tr:not([hidden]) td:first-child a').allTextContents();
    const byName = ws.accounts.map((a) => a.plan.name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    await page.getByRole('button', { name: 'Account' }).click();
    expect(await names()).toEqual(byName);
    await page.getByRole('button', { name: 'Account' }).click();
    expect(await names()).toEqual([...byName].reverse());
    await page.close();
  });

  it('filters the accounts table by status and owner, and says how many are shown', async () => {
    const page = await open('accounts/');
    const shown = () => page.locator('#accounts tbody tr:not([hidden]) td:first-child a').allTextContents();
    await page.getByLabel('Status').selectOption('target');
    const targets = ws.accounts.filter((a) => a.plan.status === 'target');
    expect((await shown()).sort()).toEqual(targets.map((a) => a.plan.name).sort());
    await expect.poll(() => page.locator('#account-filters output').textContent()).toBe(`${targets.length} of ${ws.accounts.length} shown`);
    const owner = showcase.plan.owner;
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Owner').selectOption(owner);
    expect((await shown()).sort()).toEqual(ws.accounts.filter((a) => a.plan.owner === owner).map((a) => a.plan.name).sort());
    await page.close();
  });

  it('shows every plan in the accounts table and every figure on an account page without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}accounts/`);
    expect(await page.locator('#accounts tbody tr').count()).toBe(ws.accounts.length);
    expect(await page.locator('#account-filters').isVisible()).toBe(false);
    await page.goto(`${server.url}accounts/${showcase.id}/`);
    expect(await page.locator('.key-numbers dd').count()).toBe(6);
    expect(await page.locator('svg.revenue-chart').count()).toBe(1);
    expect(await page.locator('#stakeholders ~ .table-wrap tbody tr, section:has(#stakeholders) table tbody tr').count()).toBe(showcase.plan.stakeholders.length);
    await context.close();
  });

  it('prints an account page without the site navigation, keeping its charts', async () => {
    const page = await open(`accounts/${showcase.id}/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    // The buying decision prints: as the chart, or (its labels below 8 pt on paper) as the stakeholder table.
    const chart = await page.locator('section:has(#stakeholders) figure.diagram svg').first().isVisible();
    const table = await page.locator('section:has(#stakeholders) table').first().isVisible();
    expect(chart || table).toBe(true);
    await page.close();
  });

  it('finds an account in search by the name of a competitor', async () => {
    // The competitor the fewest plans name, so that the showcase is among the first results.
    const named = (name: string) => ws.accounts.filter((a) => a.plan.competitors.some((c) => c.name === name)).length;
    const competitor = [...showcase.plan.competitors].sort((a, b) => named(a.name) - named(b.name))[0]!;
    expect(named(competitor.name)).toBeLessThanOrEqual(3);
    const page = await open('search/');
    await page.locator('.pagefind-ui__search-input').fill(competitor.name);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs).toContain(`/accounts/${showcase.id}/`);
    await page.close();
  });

  it('finds an account in search by the name of one of its stakeholders', async () => {
    const stakeholder = showcase.plan.stakeholders.find((s) => ws.accounts.every((a) => a === showcase || !a.plan.stakeholders.some((t) => t.name === s.name)))!;
    const page = await open('search/');
    await page.locator('.pagefind-ui__search-input').fill(stakeholder.name);
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs).toContain(`/accounts/${showcase.id}/`);
    await page.close();
  });

  it('gives search only the text people look for: no chart, diagram or table of figures on a searchable page is indexed', async () => {
    for (const path of [`accounts/${showcase.id}/`, `people/${showcase.plan.owner}/`]) {
      const page = await open(path);
      // What Pagefind indexes: the data-pagefind-body element, less anything inside data-pagefind-ignore.
      const indexed = await page.evaluate(() =>
        [...document.querySelectorAll('[data-pagefind-body] :is(svg, table, pre.mermaid, .mermaid-svg)')]
          .filter((e) => !e.closest('[data-pagefind-ignore]'))
          .map((e) => e.closest('section')?.querySelector('h2')?.id ?? e.tagName),
      );
      // Tables of words stay searchable: people look an account up by who they know there, the competitors it
      // buys from, what it does not buy from us yet, its risks and who our executives meet.
      const words = ['stakeholders', 'wallet', 'whitespace', 'exec', 'competitors', 'risks'];
      expect(indexed.filter((id) => !words.includes(id)), path).toEqual([]);
      if (path.startsWith('accounts/')) expect(indexed, path).toEqual(expect.arrayContaining(['stakeholders', 'whitespace', 'competitors']));
      expect(await page.locator('[data-pagefind-body] h1').count(), path).toBe(1);
      await page.close();
    }
  });

  it.each(['', 'accounts/', 'goals/', 'findings/', 'people/', 'search/'])('has no serious or critical accessibility violation on /%s', async (path) => {
    const page = await open(path);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('has no serious or critical accessibility violation on a strategic account page and its owner\'s page', async () => {
    for (const path of [`accounts/${showcase.id}/`, `people/${showcase.plan.owner}/`]) {
      const page = await open(path);
      expect(await findAccessibilityViolations(page), path).toEqual([]);
      await page.close();
    }
  });

  it('saves screenshots of the home page and a strategic account page for people to look at', async () => {
    // name.png is the top of the page as the README shows it (docs/); name-full.png is the whole page.
    const dir = join(ROOT, 'screenshots');
    mkdirSync(dir, { recursive: true });
    for (const [path, name, height] of [['', 'home', 1250], [`accounts/${showcase.id}/`, 'account', 1900]] as const) {
      const page = await open(path);
      await page.setViewportSize({ width: 1280, height });
      await page.screenshot({ path: join(dir, `${name}.png`) });
      await page.screenshot({ path: join(dir, `${name}-full.png`), fullPage: true });
      await page.close();
      expect(statSync(join(dir, `${name}.png`)).size).toBeGreaterThan(20_000);
    }
    // The home page as a phone shows it (390 px wide), for the README.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await phone.goto(server.url);
    await phone.screenshot({ path: join(dir, 'home-phone.png') });
    await phone.close();
    expect(statSync(join(dir, 'home-phone.png')).size).toBeGreaterThan(20_000);
  });
});
