import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findAccessibilityViolations, useBuiltSite } from './helpers.ts';

// The example organisation with its October and November reviews, built once on the example's date.
const site = useBuiltSite('plans', { TODAY: '2026-11-24' });

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const response = await page.goto(site.url + path);
  expect(response?.status()).toBe(200);
  return { page, errors };
}

describe('the review pages and This week', () => {
  it('opens a review from the person\'s trend table, with the carried actions and their slips', async () => {
    const { page, errors } = await open('people/carmen-ortiz/');
    await page.locator('section:has(#review-trend) table a', { hasText: '2026-11' }).click();
    await page.waitForURL(`${site.url}reviews/2026-11/carmen-ortiz/`);
    expect(await page.locator('h1').textContent()).toBe('Carmen Ortiz: review of 2026-11');
    expect(await page.locator('.key-numbers dd').allTextContents()).toEqual(['4', '2', '1', '0']);
    expect(await page.locator('li', { hasText: 'Review the Bayou plan' }).textContent()).toContain('slipped 2 times');
    await page.getByRole('link', { name: '← 2026-10' }).click();
    await page.waitForURL(`${site.url}reviews/2026-10/carmen-ortiz/`);
    expect(await page.locator('.key-numbers dd').allTextContents()).toEqual(['2', '1', '1', '0']);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows each account against target by quarter, and the plan action a review action serves, linked', async () => {
    const { page, errors } = await open('reviews/2026-11/priya-raman/');
    const halberd = page.locator('tr', { has: page.getByRole('link', { name: 'Halberd Specialty Chemicals' }) });
    expect(await halberd.locator('td').nth(2).textContent()).toBe('FY2027-Q4: on-track (expected $940,000 of $940,000); FY2028-Q1: on-track (expected $900,000)');
    const action = page.locator('li', { hasText: 'Calibration proposal to Tom Kowalski — ' });
    expect(await action.textContent()).toContain('serves calibration-proposal');
    await action.getByRole('link', { name: 'Halberd Specialty Chemicals' }).click();
    await page.waitForURL(`${site.url}accounts/halberd-chemicals/`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists this week\'s and overdue actions by person, each linking to where it was written', async () => {
    const { page, errors } = await open('week/');
    expect(await page.locator('main h2, h2').allTextContents()).toEqual(['Jake Morrow', 'Carmen Ortiz']);
    const jake = page.locator('section', { has: page.locator('h2', { hasText: 'Jake Morrow' }) });
    // The plan's action, which Jake's November review follows (it serves its id): listed once, with both links.
    const first = jake.locator('li').first();
    expect(await first.textContent()).toContain('Submit the sole-source justification to Brian Tollefson');
    expect(await first.textContent()).toContain('10 days overdue');
    expect(await first.getByRole('link', { name: 'review 2026-11' }).count()).toBe(1);
    expect(await jake.locator('li', { hasText: 'Submit the Columbia Basin sole-source justification' }).count()).toBe(0);
    await jake.getByRole('link', { name: 'Columbia Basin Water Authority' }).click();
    await page.waitForURL(`${site.url}accounts/columbia-basin-water/`);
    expect(await page.locator('#in-reviews ~ .table-wrap tbody tr').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is one click from every page: the main navigation links This week, marked current on it', async () => {
    const { page } = await open('goals/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'This week' }).click();
    await page.waitForURL(`${site.url}week/`);
    expect(await page.getByRole('navigation', { name: 'Main' }).locator('a[aria-current="page"]').allTextContents()).toEqual(['This week']);
    await page.close();
  });

  it('This week passes the accessibility check', async () => {
    const { page } = await open('week/');
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
