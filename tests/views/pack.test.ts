import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/core/shared/money.ts';
import { accountView } from '../../src/core/views/account.ts';
import { packQuarters, packRefs, packRefsOf, packView } from '../../src/core/views/pack.ts';
import { example, siteOf, workspaceOf } from './helpers.ts';

const usd = (n: number) => formatMoney(n, 'USD');
const strategicOwners = [...new Set(example.ws.accounts.filter((a) => a.plan.strategic).map((a) => a.plan.owner))];

describe('which packs the site offers', () => {
  it.each([
    { name: 'the fourth quarter rolls over into the next fiscal year', today: '2026-11-24', quarters: ['FY2027-Q4', 'FY2028-Q1'] },
    { name: 'a date in the first fiscal month opens its first quarter', today: '2026-02-01', quarters: ['FY2027-Q1', 'FY2027-Q2'] },
    { name: 'the last day of a quarter still belongs to it', today: '2026-07-31', quarters: ['FY2027-Q2', 'FY2027-Q3'] },
    { name: 'January closes the fiscal year that started the February before', today: '2027-01-31', quarters: ['FY2027-Q4', 'FY2028-Q1'] },
  ])('$name', ({ today, quarters }) => {
    expect(packQuarters(siteOf(example.ws, today))).toEqual(quarters);
  });

  it('offers the current and next quarter to exactly the people who own a strategic plan', () => {
    const refs = packRefs(example);
    expect(strategicOwners.length).toBeGreaterThan(2);
    expect(new Set(refs.map((r) => r.person))).toEqual(new Set(strategicOwners));
    expect(refs).toHaveLength(strategicOwners.length * 2);
    expect(packRefsOf(example, 'henrik-aalto')).toEqual([
      { person: 'henrik-aalto', quarter: 'FY2027-Q4', path: 'packs/henrik-aalto/FY2027-Q4/' },
      { person: 'henrik-aalto', quarter: 'FY2028-Q1', path: 'packs/henrik-aalto/FY2028-Q1/' },
    ]);
  });

  it('offers none to someone who owns no strategic plan', () => {
    const none = example.ws.people.find((p) => !strategicOwners.includes(p.id))!;
    expect(packRefsOf(example, none.id)).toEqual([]);
  });
});

describe('a pack', () => {
  const pack = packView(example, 'henrik-aalto', 'FY2027-Q4');

  it('holds every strategic plan of the owner, largest share of the year first', () => {
    const own = example.books.get('henrik-aalto')!.own;
    const planned = new Map(own.contributions.map((c) => [c.account, c.planned]));
    const strategic = example.ws.accounts.filter((a) => a.plan.owner === 'henrik-aalto' && a.plan.strategic).map((a) => a.id);
    expect(pack.plans.map((p) => p.id).sort()).toEqual([...strategic].sort());
    expect(pack.plans.map((p) => p.id)).toEqual([...strategic].sort((a, b) => planned.get(b)! - planned.get(a)!));
    expect(pack.plans.map(({ view: _view, ...p }) => p)).toEqual([
      { id: 'vestmark-pharma', name: 'Vestmark Pharma SE', inQuarter: '$422,280', inYear: '$1,718,280', share: '42%', health: '80/100', findings: 2 },
      { id: 'aldersgate-scientific', name: 'Aldersgate Scientific Ltd', inQuarter: '$259,080', inYear: '$1,103,630', share: '27%', health: '100/100', findings: 0 },
    ]);
    expect(pack.intro).toBe("2 strategic plans, about half an hour each, largest share of Henrik Aalto's FY2027 book first; figures in USD, forecast weighted by confidence.");
  });

  it('puts the book against the goal with the rollup\'s own figures, the same as the person page', () => {
    expect(pack.goals.map((g) => g.label)).toEqual(['FY2027 owner: Henrik Aalto']);
    expect(pack.goals[0]).toBe(example.index.goalsOf.get('henrik-aalto')![0]);
    expect(pack.book.year).toBe(usd(pack.goals[0]!.planned));
    expect(pack.book).toEqual({ quarter: '$1,025,920', year: '$4,098,910', strategic: '$2,821,910', strategicShare: '69%' });
    expect(pack.noGoal).toBeUndefined();
  });

  it('shows each plan as its account page does, with section ids of its own', () => {
    for (const p of pack.plans) {
      const page = accountView(example, p.id);
      const { section, ...rest } = p.view;
      const { section: pageSection, ...pageRest } = page;
      expect(rest).toEqual(pageRest);
      expect(section.account).toBe(pageSection.account);
      expect(section.currency).toBe(pageSection.currency);
      expect(p.view.section.idPrefix).toBe(`${p.id}-`);
    }
    expect(accountView(example, 'vestmark-pharma').section.idPrefix).toBeUndefined();
  });

  it('says so when goals.yaml sets no goal in the quarter or its year', () => {
    const next = packView(example, 'henrik-aalto', 'FY2028-Q1');
    expect(next.goals).toEqual([]);
    expect(next.noGoal).toBe('goals.yaml sets no goal for Henrik Aalto or their team in FY2028-Q1 or FY2028.');
    expect(next.others.map((o) => o.quarter)).toEqual(['FY2027-Q4']);
    expect(next.plans.map((p) => [p.id, p.inQuarter])).toEqual([['vestmark-pharma', '$325,080'], ['aldersgate-scientific', '$0']]);
  });

  it('includes the quarterly goal of an owner who has one', () => {
    expect(packView(example, 'priya-raman', 'FY2027-Q4').goals.map((g) => g.period)).toEqual(['FY2027', 'FY2027-Q4']);
  });
});

describe('a plan that forecasts the year only as a whole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync('plans', dir, { recursive: true });
  const file = join(dir, 'accounts/vestmark-pharma.mdx');
  // Its four FY2027 quarters become one annual entry.
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}- \{ period: FY2027-Q[1-4], .*\n/gm, '').replace(/^forecast:\n/m, 'forecast:\n  - { period: FY2027, revenue: 1660000 }\n'));
  const site = siteOf(workspaceOf(dir));

  it('is marked not phased in the quarter, and still counts in the year', () => {
    const pack = packView(site, 'henrik-aalto', 'FY2027-Q4');
    const vestmark = pack.plans.find((p) => p.id === 'vestmark-pharma')!;
    expect(vestmark.inQuarter).toBe('not phased');
    expect(vestmark.inYear).toBe('$1,792,800'); // EUR 1,660,000 at the workspace's 1.08
    expect(pack.plans.map((p) => p.id)).toEqual(['vestmark-pharma', 'aldersgate-scientific']);
  });
});
