import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkspace } from '../../src/core/read.ts';
import { buildSite, crawl, launchBrowser, serve, type CrawledPage } from './helpers.ts';

// A workspace whose text tries to break out of HTML, MDX and Mermaid, built under a sub-path
// (BASE=/team/plans/) so the same crawl also proves every internal link honours BASE.
const BASE = '/team/plans/';
const ws = readWorkspace({ plansDir: 'tests/fixtures/site-hostile' }).workspace!;
const evil = ws.accountById.get('evil')!;

let site: { dir: string };
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let pages: CrawledPage[];
const dialogs: string[] = [];
const facts: { h1: string; chart: string; scripts: string[]; narrative: string; handlers: number } = { h1: '', chart: '', scripts: [], narrative: '', handlers: 0 };

beforeAll(async () => {
  site = buildSite('tests/fixtures/site-hostile', { BASE, SITE: 'https://plans.example.com' });
  server = await serve(site.dir, BASE);
  browser = await launchBrowser();
  const context = await browser.newContext();
  context.on('page', (p) => p.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss())));
  browser.newPage = async () => context.newPage();
  pages = await crawl(browser, server.url, server.url, async (page, url) => {
    if (!url.endsWith('/accounts/evil/')) return;
    facts.h1 = (await page.locator('h1').textContent()) ?? '';
    facts.chart = (await page.locator('section:has(#stakeholders) figure.diagram svg').first().textContent()) ?? '';
    facts.scripts = await page.$$eval('script', (s) => s.map((x) => x.textContent ?? '').filter((t) => t.includes('alert')));
    facts.narrative = (await page.locator('#narrative').locator('..').textContent()) ?? '';
    facts.handlers = await page.$$eval('[onerror], [onclick], [onload]', (els) => els.length);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(join(site.dir, '..'), { recursive: true, force: true });
});

describe('a plan whose text is hostile', () => {
  it('opens no dialog on any page: nothing from the plans runs', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(dialogs).toEqual([]);
    expect(facts.scripts).toEqual([]);
    expect(facts.handlers).toBe(0);
  });

  it('shows HTML in plan text as text', () => {
    expect(facts.h1).toBe(evil.plan.name);
    expect(evil.plan.name).toContain('<script>');
  });

  it('shows Mermaid syntax in a stakeholder\'s name as text inside the chart, with every stakeholder drawn', () => {
    for (const s of evil.plan.stakeholders) expect(facts.chart).toContain(s.name.replace(/\s+/g, ' '));
    expect(facts.chart).toContain('"]; click A call alert(1)');
  });

  it('removes script and event-handler elements from the MDX narrative, saying so', () => {
    expect(facts.narrative).toContain('[a <script> element was removed from this narrative: plans may not run code]');
    expect(facts.narrative).toContain('[a <img> element was removed from this narrative: plans may not run code]');
    expect(facts.narrative).toContain("<script>alert('code')</script>");
  });

  it('serves every page under the BASE sub-path with no broken link and no console error', () => {
    expect(pages.every((p) => p.url.startsWith(server.url))).toBe(true);
    expect(pages.filter((p) => p.status !== 200 || p.errors.length > 0).map((p) => ({ url: p.url, status: p.status, errors: p.errors }))).toEqual([]);
    expect(pages.map((p) => p.url)).toContain(`${server.url}accounts/evil/`);
  });
});
