import { rollUp } from '../src/core/rollup/rollup.ts';
import { describe, expect, it } from 'vitest';
import { readPlansFolder } from '../src/core/load/files.ts';
import { buildWhitespace, computeRevenue, findPareto, rankIcp, sortAttention } from '../src/core/portfolio/portfolio.ts';
import { assignTiers, summarizeTiers } from '../src/core/portfolio/tiers.ts';
import { renderIcpQuadrant } from '../src/core/charts/icp-quadrant.ts';
import type { Finding } from '../src/core/rules/finding.ts';
import { loadValid } from './rules-fixture.ts';

/** Six accounts; fiscal years are calendar years, so on TODAY last year is FY2025 and this year FY2026. EUR is worth 2 USD. */
const TODAY = '2026-03-10';
const files = readPlansFolder('tests/fixtures/rules-portfolio');
const ws = loadValid(files);
const revenue = computeRevenue(ws, TODAY, rollUp(ws));

const withSettings = (extra: string) =>
  loadValid(files.map((f) => (f.rel === 'workspace.yaml' ? { ...f, bytes: new TextEncoder().encode(`${new TextDecoder().decode(f.bytes)}${extra}\n`) } : f)));

describe('portfolio revenue', () => {
  it('takes last fiscal year from the history and this year from the forecast, in the workspace currency', () => {
    expect(revenue.lastYear).toBe('FY2025');
    expect(revenue.currentYear).toBe('FY2026');
    // a2: 400 EUR last year and 300 EUR planned, at 2 USD per EUR; a3: two quarters of 100.
    expect(revenue.byAccount.get('a2')).toEqual({ account: 'a2', lastYear: 800, planned: 600 });
    expect(revenue.byAccount.get('a3')).toEqual({ account: 'a3', lastYear: 200, planned: 200 });
    expect(revenue.byAccount.get('a6')).toEqual({ account: 'a6', lastYear: 0, planned: 50 });
  });

  it('weights the plan by confidence when the workspace counts weighted', () => {
    const weightedWs = withSettings('count: weighted');
    const weighted = computeRevenue(weightedWs, TODAY, rollUp(weightedWs));
    expect(weighted.byAccount.get('a3')!.planned).toBe(100);
  });
});

describe('A–D categories', () => {
  it('ranks the five accounts with sales last year 20/30/30/20%; an account without sales is D', () => {
    // Ranked a2 800, a1 500, a3 200, a4 100, a5 50: A takes ⌈5×0.2⌉ = 1, A+B ⌈2.5⌉ = 3, A+B+C ⌈4⌉ = 4.
    const tiers = assignTiers(ws, revenue);
    expect(Object.fromEntries(tiers)).toEqual({ a1: 'B', a2: 'A', a3: 'B', a4: 'C', a5: 'D', a6: 'D' });
    expect(summarizeTiers(ws, revenue, tiers)).toEqual([
      { tier: 'A', accounts: ['a2'], count: 1, lastYear: 800, planned: 600, share: 800 / 1650 },
      { tier: 'B', accounts: ['a1', 'a3'], count: 2, lastYear: 700, planned: 1200, share: 700 / 1650 },
      { tier: 'C', accounts: ['a4'], count: 1, lastYear: 100, planned: 100, share: 100 / 1650 },
      { tier: 'D', accounts: ['a5', 'a6'], count: 2, lastYear: 50, planned: 100, share: 50 / 1650 },
    ]);
  });

  it('uses the workspace thresholds when it sets them, at or above each one', () => {
    const custom = withSettings('tiers: { A: 500, B: 150, C: 100 }');
    expect(Object.fromEntries(assignTiers(custom, computeRevenue(custom, TODAY, rollUp(custom))))).toEqual({ a1: 'A', a2: 'A', a3: 'B', a4: 'C', a5: 'D', a6: 'D' });
  });
});

describe('ideal customer profile', () => {
  it('scores each account Σ weight × score ÷ scale ÷ Σ weight × 100 and ranks ties together', () => {
    const matrix = rankIcp(ws, revenue)!;
    expect(matrix.criteria).toEqual([
      { id: 'fit', name: 'Product fit', weight: 3 },
      { id: 'budget', name: 'Confirmed budget', weight: 1 },
    ]);
    // a2: (3 × 4/5 + 1 × 0) ÷ 4 = 60%; a3: (3 × 2/5 + 1 × 4/5) ÷ 4 = 50%; a4 has no fit score, counted as 0: 10%.
    expect(matrix.rows.map((r) => [r.account, r.total, r.rank])).toEqual([
      ['a1', 100, 1],
      ['a2', 60, 2],
      ['a5', 60, 2],
      ['a3', 50, 4],
      ['a4', 10, 5],
    ]);
    expect(matrix.rows.find((r) => r.account === 'a4')!.scores).toEqual({ fit: undefined, budget: 2 });
    expect(matrix.unscored).toEqual(['a6']);
  });

  it('sizes the opportunity as this year\'s plan plus open and competitor-held potential', () => {
    const rows = rankIcp(ws, revenue)!.rows;
    // a1: 1000 planned + 200 open; a2: 600 planned + 100 EUR held by a competitor.
    expect(rows.find((r) => r.account === 'a1')!.opportunity).toBe(1200);
    expect(rows.find((r) => r.account === 'a2')!.opportunity).toBe(800);
  });

  it('is absent without icp.yaml', () => {
    const without = loadValid(readPlansFolder('tests/fixtures/rules-base'));
    expect(rankIcp(without, computeRevenue(without, TODAY, rollUp(without)))).toBeUndefined();
  });
});

describe('whitespace', () => {
  it('puts every account against every offering; what a plan leaves out is unknown', () => {
    const matrix = buildWhitespace(ws);
    expect(matrix.rows[0]).toEqual({
      account: 'a1',
      name: 'A One',
      cells: [
        { offering: 'sensors', status: 'won' },
        { offering: 'service', status: 'open', potential: 200 },
      ],
      openPotential: 200,
    });
    expect(matrix.rows[1]!.cells[0]).toEqual({ offering: 'sensors', status: 'competitor', competitor: 'Rival', potential: 200 });
    expect(matrix.offerings).toEqual([
      { id: 'sensors', name: 'Sensors', counts: { won: 1, competitor: 1, open: 0, 'not-applicable': 0, unknown: 4 }, openPotential: 200 },
      { id: 'service', name: 'Service', counts: { won: 0, competitor: 0, open: 1, 'not-applicable': 1, unknown: 4 }, openPotential: 200 },
    ]);
    expect(matrix.openPotential).toBe(400);
  });
});

describe('Pareto', () => {
  it('lists the fewest largest accounts that carry 80% of this year\'s plan', () => {
    // Planned: a1 1000, a2 600, a3 200, a4 100, a5 50, a6 50 = 2000; a1 and a2 carry exactly 80%.
    const pareto = findPareto(revenue);
    expect(pareto).toMatchObject({ year: 'FY2026', total: 2000, planning: 6, cutoff: 0.8 });
    expect(pareto.accounts).toEqual([
      { account: 'a1', planned: 1000, share: 0.5, cumulative: 0.5 },
      { account: 'a2', planned: 600, share: 0.3, cumulative: 0.8 },
    ]);
    expect(findPareto(revenue, 0.81).accounts.map((a) => a.account)).toEqual(['a1', 'a2', 'a3']);
  });
});

describe('attention list', () => {
  const f = (rule: string, severity: Finding['severity'], revenueAtStake?: number): Finding => ({
    rule, severity, file: 'x.yaml', line: 1, column: 1, message: rule, ...(revenueAtStake !== undefined && { revenueAtStake }),
  });

  it('sorts by severity, then by revenue at stake, largest first', () => {
    const sorted = sortAttention([f('small-warning', 'warning', 10), f('info', 'info', 1e6), f('big-warning', 'warning', 500), f('error', 'error'), f('no-money', 'warning')]);
    expect(sorted.map((x) => x.rule)).toEqual(['error', 'big-warning', 'small-warning', 'no-money', 'info']);
  });
});

describe('ICP quadrant chart', () => {
  it('plots fit against opportunity relative to the largest, with names escaped for Mermaid', () => {
    const matrix = rankIcp(ws, revenue)!;
    const hostile = { ...matrix, rows: matrix.rows.map((r) => (r.account === 'a4' ? { ...r, name: 'Evil"]: [1, 1]\nclick A call alert(1)' } : r)) };
    expect(renderIcpQuadrant(hostile)!.split('\n')).toEqual([
      '---',
      'config:',
      '  quadrantChart: { chartWidth: 720, chartHeight: 560, pointLabelFontSize: 11 }',
      '---',
      'quadrantChart',
      '  x-axis Low ICP fit --> High ICP fit',
      '  y-axis Small opportunity --> Large opportunity',
      '  quadrant-1 Invest',
      '  quadrant-2 Qualify harder',
      '  quadrant-3 Deprioritise',
      '  quadrant-4 Grow the opportunity',
      // a1 has the largest opportunity (1200): a2 800 → 0.667, a5 50, a3 200, a4 100.
      '  "A One": [1, 1]',
      '  "A Two": [0.6, 0.667]',
      '  "A Five": [0.6, 0.042]',
      '  "A Three": [0.5, 0.167]',
      '  "Evil#34;#93;#58; #91;1#44; 1#93; click A call alert#40;1#41;": [0.1, 0.083]',
    ]);
  });

  it('is absent when no plan scores the profile', () => {
    expect(renderIcpQuadrant({ scale: 5, criteria: [], rows: [], unscored: ['a1'] })).toBeUndefined();
  });
});
