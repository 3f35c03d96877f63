import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readWorkspace } from '../../src/core/load/read-workspace.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import type { Workspace } from '../../src/core/model.ts';
import { findAccessibilityViolations, useBuiltSite, waitForDiagrams } from './helpers.ts';

// Paper: the example organisation printed to A4 PDFs by Chromium, as a reader's "Save as PDF" would.
const site = useBuiltSite('plans', { TODAY: '2026-11-24' });
const ws: Workspace = readWorkspace(workingCopy({ plansDir: 'plans' })).workspace!;
const strategic = ws.accounts.filter((a) => a.plan.strategic);
/** The owner with the most strategic plans: their pack is the longest. */
const owner = [...new Set(strategic.map((a) => a.plan.owner))].sort((a, b) => count(b) - count(a))[0]!;
/** A4 is 210 mm wide and print.css sets 14 mm margins: 182 mm of printable width, in CSS pixels at 96 per inch. */
const PRINTABLE_WIDTH = Math.floor((182 / 25.4) * 96);

function count(person: string): number {
  return strategic.filter((a) => a.plan.owner === person).length;
}

async function open(path: string, width = 1280): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: 900 } });
  const response = await page.goto(site.url + path);
  expect(response?.status()).toBe(200);
  await waitForDiagrams(page);
  return page;
}

/** A PDF's page count: each page is one `/Type /Page` object. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

/**
 * How many A4 pages each page path printed on, at the width `open` gives by default: the same path prints the same,
 * so a test that needs an account page's count takes the one an earlier test of this file printed, if any.
 */
const printed = new Map<string, number>();

/** Prints the page to an A4 PDF and counts its pages. */
async function printedPages(path: string): Promise<number> {
  const known = printed.get(path);
  if (known !== undefined) return known;
  const page = await open(path);
  const pdf = await page.pdf({ format: 'A4' });
  await page.close();
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pageCount(pdf);
  printed.set(path, pages);
  return pages;
}

/**
 * The page at the printable width with print styles, loaded once for both checks:
 * `overflow`: elements shown in print whose box runs past the printable width (or starts left of it);
 * `tall`: blocks print must not split (break-inside: avoid) taller than a quarter of a printed page: the most a page
 * can be left blank before one. Whole sections kept together left the first page a third blank. The one
 * exception is the buying-decision chart, capped in height and required to end on the first page.
 */
async function inPrint(path: string): Promise<{ overflow: string[]; tall: string[] }> {
  const page = await open(path, PRINTABLE_WIDTH);
  await page.emulateMedia({ media: 'print' });
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main *')].flatMap((e) => {
      const box = e.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return [];
      return box.right > width + 0.5 || box.left < -0.5 ? [`${e.tagName.toLowerCase()}.${e.className} ${Math.round(box.left)}–${Math.round(box.right)} of ${width}`] : [];
    });
  });
  const pageHeight = (269 / 25.4) * 96;
  const tall = await page.evaluate((limit) => [...document.querySelectorAll('main *')].flatMap((e) => {
    const style = getComputedStyle(e);
    if (style.breakInside !== 'avoid' || !e.checkVisibility()) return [];
    const box = e.getBoundingClientRect();
    if (e.matches('.buying-decision figure')) return box.bottom + window.scrollY > limit * 4 ? [`the buying-decision chart ends at ${Math.round(box.bottom)}px, past the first page`] : [];
    return box.height > limit ? [`${e.tagName.toLowerCase()}.${e.className} ${Math.round(box.height)}px`] : [];
  }), pageHeight / 4);
  await page.close();
  return { overflow, tall };
}

describe('printing an account page', () => {
  // Every plan of the example, on paper: at most two A4 pages; the buying-decision chart only where its labels print
  // at 8 pt or more (else the same people as a table); risks, whitespace, competitors and executive relationships
  // where the plan has them; never a repository path or a commit message.
  it.each(ws.accounts.map((a) => ({ name: a.id, account: a })))('$name prints on one or two A4 pages, with its strategy and readable chart text', async ({ name, account }) => {
    const page = await open(`accounts/${name}/`);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pageCount(pdf);
    printed.set(`accounts/${name}/`, pages);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: 'print' });
    const paper = await page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('.buying-decision .diagram svg');
      const chart = svg?.checkVisibility() ? svg : undefined;
      const scale = chart ? chart.getBoundingClientRect().width / chart.viewBox.baseVal.width : 0;
      const sizes = chart ? [...chart.querySelectorAll('.nodeLabel, text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale * 0.75) : [];
      const shown = (id: string) => document.getElementById(id)?.checkVisibility() ?? false;
      return {
        chartPt: sizes.length > 0 ? Math.min(...sizes) : undefined,
        table: document.querySelector('.buying-decision table')?.checkVisibility() ?? false,
        sections: { risks: shown('risks'), whitespace: shown('whitespace'), competitors: shown('competitors'), exec: shown('exec') },
        text: document.querySelector('main')!.innerText,
      };
    });
    await page.close();
    if (paper.chartPt !== undefined) expect(paper.chartPt).toBeGreaterThanOrEqual(8);
    else if (account.plan.stakeholders.length > 0) expect(paper.table).toBe(true);
    const plan = account.plan;
    expect(paper.sections).toEqual({ risks: plan.risks.length > 0, whitespace: paper.sections.whitespace, competitors: plan.competitors.length > 0, exec: plan.exec_relationships.length > 0 });
    expect(paper.text).not.toContain(`plans/${account.rel}`);
    expect(paper.text).not.toMatch(/last updated \d{4}-\d{2}-\d{2} \(/);
  });

  it.each(strategic.map((a) => ({ name: a.id })))('$name fits the printable width, key numbers included, and fills its first page', async ({ name }) => {
    const { overflow, tall } = await inPrint(`accounts/${name}/`);
    expect(overflow).toEqual([]);
    expect(tall).toEqual([]);
  });

  it('keeps the whole plan on screen, and prints a buying-decision chart too wide for 8 pt labels as the stakeholder table, with the risks but not the SWOT', async () => {
    const page = await open(`accounts/${strategic[0]!.id}/`);
    const shown = () => page.evaluate(() => ({
      swot: document.querySelector('#swot')?.checkVisibility() ?? false,
      buyingChart: document.querySelector('section:has(#stakeholders) figure.diagram svg')?.checkVisibility() ?? false,
      stakeholderTable: document.querySelector('section:has(#stakeholders) table')?.checkVisibility() ?? false,
      timeline: document.querySelector('section:has(#actions) figure.timeline')?.checkVisibility() ?? false,
      confidence: [...document.querySelectorAll('.key-numbers dt')].some((d) => d.textContent === 'Confidence' && d.checkVisibility()),
      objectives: document.querySelector('#objectives')?.checkVisibility() ?? false,
      risks: document.querySelector('#risks')?.checkVisibility() ?? false,
    }));
    expect(await shown()).toEqual({ swot: true, buyingChart: true, stakeholderTable: true, timeline: true, confidence: true, objectives: true, risks: true });
    await page.emulateMedia({ media: 'print' });
    expect(await shown()).toEqual({ swot: false, buyingChart: false, stakeholderTable: true, timeline: false, confidence: true, objectives: true, risks: true });
    await page.close();
  });
});

describe('printing the goals page', () => {
  it('prints on one A4 page', async () => {
    expect(await printedPages('goals/')).toBe(1);
  });

  it('fits the printable width', async () => {
    expect((await inPrint('goals/')).overflow).toEqual([]);
  });
});

describe('the quarterly strategic pack', () => {
  it('is linked from the owner\'s page for the current and the next fiscal quarter', async () => {
    const page = await open(`people/${owner}/`);
    const links = await page.locator('main a[href*="/packs/"]').evaluateAll((as) => as.map((a) => [a.textContent, new URL((a as HTMLAnchorElement).href).pathname]));
    expect(links).toEqual([['FY2027-Q4', `/packs/${owner}/FY2027-Q4/`], ['FY2028-Q1', `/packs/${owner}/FY2028-Q1/`]]);
    await page.close();
  });

  it('walks through every strategic plan of the owner, each once, with ids unique on the page and no serious accessibility violation', async () => {
    const page = await open(`packs/${owner}/FY2027-Q4/`);
    const plans = await page.locator('article.pack-plan').evaluateAll((as) => as.map((a) => a.id));
    expect(plans.length).toBe(count(owner));
    expect(plans.length).toBeGreaterThan(1);
    expect(new Set(plans)).toEqual(new Set(strategic.filter((a) => a.plan.owner === owner).map((a) => `plan-${a.id}`)));
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('prints the cover on one page and each plan on the pages its account page prints on', async () => {
    const plans = strategic.filter((a) => a.plan.owner === owner);
    let handouts = 0;
    for (const a of plans) handouts += await printedPages(`accounts/${a.id}/`);
    const pages = await printedPages(`packs/${owner}/FY2027-Q4/`);
    expect(pages).toBe(1 + handouts);
    expect(pages).toBeLessThanOrEqual(1 + 2 * plans.length);
  });

  it('fits the printable width', async () => {
    expect((await inPrint(`packs/${owner}/FY2027-Q4/`)).overflow).toEqual([]);
  });
});
