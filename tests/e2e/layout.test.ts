import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readWorkspace } from '../../src/core/load/read-workspace.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import type { Workspace } from '../../src/core/model.ts';
import { formatMoney } from '../../src/core/shared/money.ts';
import { parseCsv } from '../helpers/csv.ts';
import { findAccessibilityViolations, ROOT, useBuiltSite, waitForDiagrams } from './helpers.ts';

// The site as a sales leader reads it on a phone (390 px) and a laptop (1280 px): nothing wider than the
// screen, tables scrolling in their own box, every finding listed, and downloads that match the pages.
const TODAY = '2026-11-24';
const WIDTHS = [390, 1280] as const;
const site = useBuiltSite('plans', { TODAY });
const ws: Workspace = readWorkspace(workingCopy({ plansDir: 'plans' })).workspace!;
const showcase = [...ws.accounts].filter((a) => a.plan.strategic).sort((a, b) => b.plan.stakeholders.length - a.plan.stakeholders.length)[0]!;
const owner = showcase.plan.owner;
const PAGES = ['', 'accounts/', 'goals/', 'findings/', 'people/', `people/${owner}/`, `accounts/${showcase.id}/`, 'portfolio/', 'pipeline/', 'changes/', 'search/'];

async function open(path: string, width: number): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: 900 } });
  expect((await page.goto(site.url + path))?.status()).toBe(200);
  await waitForDiagrams(page);
  return page;
}

/** Cells whose right edge lies beyond the screen without a scrolling box around them to bring them in. */
function cutCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const cell of document.querySelectorAll<HTMLElement>('main th, main td')) {
      if (cell.closest('[hidden], details:not([open])')) continue;
      const box = cell.closest<HTMLElement>('.table-wrap');
      const scrolls = box !== null && getComputedStyle(box).overflowX !== 'visible';
      const limit = scrolls ? box.getBoundingClientRect().right + (box.scrollWidth - box.clientWidth) + 1 : width + 1;
      const right = cell.getBoundingClientRect().right;
      if (right > limit || (!scrolls && right > width + 1)) out.push(`${cell.textContent?.trim().slice(0, 40)} (${Math.round(right)} px)`);
    }
    return out;
  });
}

describe.each(WIDTHS)('the built example site at %i px', (width) => {
  it.each(PAGES)('fits /%s in the screen, its tables scrolling inside their own box', async (path) => {
    const page = await open(path, width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await cutCells(page)).toEqual([]);
    await page.close();
  });

  it.each(['', 'goals/', 'findings/', `accounts/${showcase.id}/`])('has no serious or critical accessibility violation on /%s', async (path) => {
    const page = await open(path, width);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('the main navigation', () => {
  it.each(WIDTHS)('links Pipeline and keeps every entry inside a %i px screen', async (width) => {
    const page = await open('pipeline/', width);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.locator('a[aria-current="page"]').allTextContents()).toEqual(['Pipeline']);
    expect(await nav.getByRole('link', { name: 'Pipeline' }).getAttribute('href')).toMatch(/\/pipeline\/$/);
    const outside = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const header = document.querySelector<HTMLElement>('.site-header')!;
      return [
        ...(header.scrollWidth > header.clientWidth ? [`header ${header.scrollWidth} px`] : []),
        ...[...header.querySelectorAll<HTMLElement>('nav a, .theme-toggle, .brand')]
          .filter((a) => a.getBoundingClientRect().left < 0 || a.getBoundingClientRect().right > width + 1)
          .map((a) => `${a.textContent?.trim()} (${Math.round(a.getBoundingClientRect().right)} px)`),
      ];
    });
    expect(outside).toEqual([]);
    await page.close();
  });
});

describe('the words and links a sales leader reads', () => {
  it('shows the as-of date and the build commit on the home page and in every footer', async () => {
    const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim().slice(0, 8);
    const sentence = `As of ${TODAY}, built from commit ${head}.`;
    const page = await open('', 1280);
    expect(await page.locator('main .lede .as-of').textContent()).toBe(sentence);
    for (const path of ['', 'goals/', `accounts/${showcase.id}/`]) {
      await page.goto(site.url + path);
      expect(await page.locator('.site-footer .as-of').textContent()).toBe(sentence);
    }
    await page.close();
  });

  it('says covered or short for the goals, never met or missed', async () => {
    const page = await open('goals/', 1280);
    const words = new Set(await page.locator('main .badge').allTextContents());
    expect([...words].filter((w) => /\b(met|missed)\b/.test(w))).toEqual([]);
    expect(words.has('covered') || words.has('short')).toBe(true);
    await page.close();
  });

  it('links the attention list to a findings page listing as many findings as check --json', async () => {
    const check = spawnSync(process.execPath, ['scripts/check.ts', '--plans', 'plans', '--json', '--today', TODAY], { cwd: ROOT, encoding: 'utf8' });
    const findings = (JSON.parse(check.stdout) as { findings: unknown[] }).findings;
    const page = await open('', 1280);
    await page.getByRole('link', { name: /^Every finding/ }).click();
    await page.waitForURL(/findings\/$/);
    expect(await page.locator('#findings tbody tr').count()).toBe(findings.length);
    await page.close();
  });

  it('filters the findings by rule, severity and owner from the keyboard, and by a link naming the rule', async () => {
    const page = await open('findings/', 1280);
    const shown = () => page.locator('#findings tbody tr:not([hidden])').count();
    const rule = (await page.locator('#findings tbody tr').first().getAttribute('data-rule'))!;
    const withRule = await page.locator(`#findings tbody tr[data-rule="${rule}"]`).count();
    await page.getByLabel('Rule').focus();
    await page.keyboard.press('ArrowDown');
    const picked = await page.getByLabel('Rule').inputValue();
    expect(await shown()).toBe(await page.locator(`#findings tbody tr[data-rule="${picked}"]`).count());
    await page.getByLabel('Rule').selectOption('');
    await page.getByLabel('Severity').selectOption('warning');
    expect(await shown()).toBe(await page.locator('#findings tbody tr[data-severity="warning"]').count());
    await page.getByLabel('Severity').selectOption('');
    await page.locator('#finding-filters select[name=owner]').selectOption(owner);
    expect(await shown()).toBe(await page.locator(`#findings tbody tr[data-owner="${owner}"]`).count());
    await page.goto(`${site.url}findings/?rule=${encodeURIComponent(rule)}`);
    await expect.poll(shown).toBe(withRule);
    await page.close();
  });

  it('switches the theme from the keyboard', async () => {
    const page = await open('', 1280);
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme']);
    await page.locator('.theme-toggle').focus();
    await page.keyboard.press('Enter');
    const first = await theme();
    await page.keyboard.press('Space');
    expect([first, await theme()].sort()).toEqual(['dark', 'light']);
    await page.close();
  });
});

describe('the CSV downloads', () => {
  const download = async (page: Page, name: RegExp) => {
    const href = (await page.getByRole('link', { name }).getAttribute('href'))!;
    const response = await page.request.get(new URL(href, page.url()).href);
    expect(response.status()).toBe(200);
    return parseCsv(await response.text());
  };
  const usd = (cell: string | undefined) => (cell === '' || cell === undefined ? '—' : formatMoney(Number(cell), 'USD'));

  it('gives the accounts table with the figures the page shows', async () => {
    const page = await open('accounts/', 1280);
    const [header, ...rows] = await download(page, /Download the accounts as CSV/);
    const columns = await page.locator('#accounts thead th').allTextContents();
    const sold = columns.findIndex((c) => c.startsWith('Sold'));
    const planned = columns.findIndex((c) => c.startsWith('Planned'));
    const onPage = await page.locator('#accounts tbody tr').evaluateAll((trs, [s, p]) => trs.map((tr) => [tr.querySelector('a')!.getAttribute('href'), (tr as HTMLTableRowElement).cells[s!]!.textContent, (tr as HTMLTableRowElement).cells[p!]!.textContent]), [sold, planned]);
    expect(rows).toHaveLength(ws.accounts.length);
    const soldCol = header!.findIndex((h) => h.startsWith('sold'));
    const plannedCol = header!.findIndex((h) => h.startsWith('planned'));
    expect(rows.map((r) => [`/accounts/${r[0]}/`, usd(r[soldCol]), usd(r[plannedCol])])).toEqual(onPage);
    await page.close();
  });

  it('gives the goals with the figures of the goals table', async () => {
    const page = await open('goals/', 1280);
    const [header, ...rows] = await download(page, /Download the goals as CSV/);
    // The annual and the quarterly table, in page order; the accounts-in-scope tables below are not goals.
    // Columns are found by their headings, so that a column added to either (Booked, say) moves none of them.
    const columns = await page.locator('[role=region] table.data').first().locator('thead th').allTextContents();
    const onPage = await page.locator('[role=region] table.data tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim())));
    const at = (name: string) => columns.indexOf(name);
    const csvAt = (name: string) => header!.findIndex((h) => h.startsWith(name));
    expect([at('Target'), at('Planned'), at('Plans'), csvAt('target'), csvAt('planned'), csvAt('plans')].every((i) => i > 0)).toBe(true);
    const fromCsv = rows.map((r) => [r[0], usd(r[csvAt('target')]), usd(r[csvAt('planned')]), r[csvAt('plans')]]);
    expect(fromCsv).toEqual(onPage.map((c) => [c[0], c[at('Target')], c[at('Planned')], c[at('Plans')]]));
    expect(fromCsv.length).toBeGreaterThan(10);
    await page.close();
  });

  it("gives a person's book with the figures of their page", async () => {
    const page = await open(`people/${owner}/`, 1280);
    const [, ...rows] = await download(page, /book as CSV/);
    const onPage = await page.locator('section:has(#book) tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('a')!.textContent, (tr as HTMLTableRowElement).cells[4]!.textContent]));
    expect(rows.map((r) => [r[1], usd(r[6])])).toEqual(onPage);
    await page.close();
  });

  it('writes each download as a file of the built site', () => {
    expect(readFileSync(join(site.dir, 'accounts.csv'), 'utf8').split('\r\n')[0]).toMatch(/^"id","account",/);
    expect(readFileSync(join(site.dir, 'people', `${owner}.csv`), 'utf8')).toContain(`"${showcase.plan.name.replaceAll('"', '""')}"`);
  });
});
