import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { pipelineView } from '../../src/core/views/pipeline.ts';
import { siteOf, workspaceOf } from './helpers.ts';

/* The pipeline page (issue 26, item 2), pinned from the plan files read by hand, not from the page. */
const TODAY = '2026-12-05';
const data = siteOf(workspaceOf('plans'), TODAY);
const view = pipelineView(data);

interface Opp { name: string; revenue: number; close?: string; probability?: number; status?: string }
const plans = readdirSync('plans/accounts').map((f) => {
  const text = readFileSync(join('plans/accounts', f), 'utf8');
  const plan = parse(text.startsWith('---') ? text.split('---')[1]! : text) as { owner: string; currency?: string; dimensions?: Record<string, string>; opportunities?: Opp[] };
  return { id: f.replace(/\.(yaml|mdx)$/, ''), ...plan };
});
const rate = (p: { currency?: string }) => (p.currency === 'EUR' ? 1.08 : p.currency === 'GBP' ? 1.27 : 1);
const opps = plans.flatMap((p) => (p.opportunities ?? []).map((o) => ({ ...o, plan: p, value: o.revenue * rate(p) })));
const open = opps.filter((o) => (o.status ?? 'open') === 'open');
const sum = (list: { value: number; probability?: number }[], weighted = false) => Math.round(list.reduce((s, o) => s + o.value * (weighted ? (o.probability ?? 1) : 1), 0) * 100) / 100;

describe('the pipeline, every plan together', () => {
  it('has the 30 opportunities of the plans: $11.08M open, $7.50M closing by year end, $5.06M of it weighted', () => {
    expect(opps).toHaveLength(30);
    expect(view.figures.deals).toBe(open.length);
    expect(view.figures.open).toBe(sum(open));
    const byYearEnd = open.filter((o) => o.close !== undefined && o.close <= '2027-01-31');
    expect(view.figures.byYearEnd).toBe(sum(byYearEnd));
    expect(view.figures.byYearEndWeighted).toBe(sum(byYearEnd, true));
    expect([view.figures.open, view.figures.byYearEnd, view.figures.byYearEndWeighted].map((n) => (n / 1e6).toFixed(2))).toEqual(['11.08', '7.50', '5.06']);
    expect(view.summary).toBe(`29 open opportunities worth $11,083,700 ($6,503,940 weighted); $7,500,200 expected to close by the end of FY2027 ($5,063,810 weighted)`);
  });

  it('groups the open deals by quarter and month so that the groups add up to the whole', () => {
    const count = (g: { deals: number }[]) => g.reduce((s, x) => s + x.deals, 0);
    expect(count(view.byQuarter)).toBe(open.length);
    expect(count(view.byMonth)).toBe(open.length);
    expect(view.byQuarter.map((g) => g.key)).toEqual([...view.byQuarter.map((g) => g.key)].sort());
  });

  it('lists the deals closing this month and those past their close date, as of the build date', () => {
    expect(view.thisMonth).toBe('December 2026');
    expect(view.closingThisMonth.map((d) => d.name).sort()).toEqual(open.filter((o) => o.close?.startsWith('2026-12') && o.close >= TODAY).map((o) => o.name).sort());
    expect(view.overdue.map((d) => d.name).sort()).toEqual(open.filter((o) => o.close !== undefined && o.close < TODAY).map((o) => o.name).sort());
    for (const d of view.overdue) expect(d.late).toMatch(/^\d+ days? late$/);
  });

  it('lists won and lost deals closing this year', () => {
    const won = opps.filter((o) => o.status === 'won' && o.close !== undefined && o.close >= '2026-02-01' && o.close <= '2027-01-31');
    expect(view.won.map((d) => d.name)).toEqual(won.map((o) => o.name));
  });

  it("covers each goal's left to book with the deals in its scope closing in its period, never against less than zero", () => {
    const jake = view.coverage.find((c) => c.label === 'FY2027 owner: Jake Morrow')!;
    const goal = data.rollup.goals.find((g) => g.label === 'FY2027 owner: Jake Morrow')!;
    const mine = open.filter((o) => o.plan.owner === 'jake-morrow' && o.close !== undefined && o.close >= '2026-02-01' && o.close <= '2027-01-31');
    expect(jake.deals).toBe(mine.length);
    const left = 2200000 - goal.booked!.revenue;
    expect(jake.left).toBe(`$${Math.round(left).toLocaleString('en-US')}`);
    expect(jake.coverage).toBe(`${(sum(mine) / left).toFixed(1)}×`);
    expect(jake.weightedCoverage).toBe(`${(sum(mine, true) / left).toFixed(1)}×`);
    // A quarter booked beyond its goal has nothing left: no coverage to divide by.
    const q3 = view.coverage.find((c) => c.label === 'FY2027-Q3 owner: Aiko Tanaka')!;
    expect([q3.left, q3.coverage, q3.covered]).toEqual(['$0', 'nothing left to book', true]);
    expect(view.coverage.map((c) => c.label)).toHaveLength(data.rollup.goals.length);
  });

  it('without a ledger, coverage is against the whole goal', () => {
    const { ledger: _l, ...ws } = workspaceOf('plans');
    const plain = pipelineView(siteOf(ws, TODAY));
    const company = plain.coverage.find((c) => c.label === 'Company')!;
    expect([company.left, company.against]).toEqual(['$17,900,000', 'the goal (no sales ledger)']);
  });
});
