import { Run } from '../../src/core/engine/run.ts';
import { describe, expect, it } from 'vitest';
import { leaderAttentionView } from '../../src/core/views/leader-attention.ts';
import { asOfSentence, coverageWord, goalsVerdict, NO_DATA } from '../../src/core/report/sentences.ts';
import { accountsView } from '../../src/core/views/accounts.ts';
import { findingsView } from '../../src/core/views/findings.ts';
import { groupGoals } from '../../src/core/views/goal-groups.ts';
import { goalsView } from '../../src/core/views/goals.ts';
import { homeView } from '../../src/core/views/home.ts';
import { buildSiteData } from '../../src/core/views/site.ts';
import { example, NO_HISTORY, TODAY } from './helpers.ts';

describe('words that cannot be misread', () => {
  it.each([
    { name: 'plans adding up to a goal cover it', met: true, word: 'covered' },
    { name: 'plans below a goal fall short of it', met: false, word: 'short' },
  ])('$name', ({ met, word }) => {
    expect(coverageWord(met)).toBe(word);
  });

  it('says how many goals are short, or that the plans cover them all', () => {
    expect([goalsVerdict(0, 0), goalsVerdict(3, 0), goalsVerdict(3, 1), goalsVerdict(3, 2)]).toEqual([
      'no goals set',
      'the plans cover every goal',
      '1 goal is short',
      '2 goals are short',
    ]);
  });

  it('gives the as-of date, with the commit only when the build knows one', () => {
    expect(asOfSentence('2026-11-24', '1a2b3c4d')).toBe('As of 2026-11-24, built from commit 1a2b3c4d');
    expect(asOfSentence('2026-11-24', undefined)).toBe('As of 2026-11-24');
    expect(buildSiteData({ run: Run.ofWorkspace(example.ws, { today: TODAY }), history: { ...NO_HISTORY, head: 'abcdef12' }, plansDir: 'plans' }).build.sentence).toBe(
      'As of 2026-11-24, built from commit abcdef12',
    );
    expect(homeView(example).asOf).toBe('As of 2026-11-24');
  });

  it('shows a dash, not $0, where a plan records no sales or no forecast for the year', () => {
    const view = accountsView(example);
    for (const a of view.rows) {
      const t = example.totals.get(a.id)!;
      expect(a.lastYear.text === NO_DATA).toBe(!Object.hasOwn(t.history, view.lastYear));
      expect(a.planned.text === NO_DATA).toBe(!Object.hasOwn(t.forecastByYear, view.currentYear));
    }
  });

  it('shows a dash for a stretch no plan in scope sets, and the status word of each goal', () => {
    const view = goalsView(example);
    for (const g of view.goals) {
      expect(g.stretch === NO_DATA).toBe(g.result.stretch === 0);
      expect(g.status).toBe(g.met ? 'covered' : 'short');
    }
    expect(view.goals.some((g) => g.stretch === NO_DATA)).toBe(true);
  });
});

describe('the order a sales leader reads the goals in', () => {
  const groups = groupGoals(example);

  it('puts the whole company in the current year first', () => {
    expect(groups.company?.period).toBe('FY2027');
    expect(groups.company?.scope).toEqual({});
  });

  it('lists the goals that land short (with a ledger), the largest gap first, without the company goal', () => {
    const gaps = groups.shortfalls.map((g) => g.landing!.gap);
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(groups.shortfalls).toHaveLength(example.rollup.goals.filter((g) => !g.landing!.met && g !== groups.company).length);
    expect(groups.shortfalls.map((g) => g.label)).toContain('FY2027 owner: Jake Morrow');
  });

  it('without a ledger, lists the goals the plans leave short', () => {
    const goals = example.rollup.goals.map(({ landing: _l, booked: _b, ...g }) => g);
    const plain = groupGoals({ ...example, rollup: { ...example.rollup, goals } });
    expect(plain.shortfalls.map((g) => g.label)).toEqual(goals.filter((g) => !g.met && g.label !== 'Company').sort((a, b) => a.gap - b.gap).map((g) => g.label));
  });

  it('breaks the year down by each dimension, then by manager and by owner, linking the people', () => {
    const dims = Object.keys(example.ws.settings.dimensions);
    const keys = groups.drilldown.map((d) => d.key);
    expect(keys.filter((k) => dims.includes(k))).toEqual(dims.filter((d) => keys.includes(d)));
    expect(keys.slice(-2)).toEqual(['manager', 'owner']);
    for (const d of groups.drilldown) {
      for (const g of d.goals) expect(Object.keys(g.scope)).toEqual([d.key]);
    }
    const owners = groups.drilldown.find((d) => d.key === 'owner')!;
    expect(owners.people.map((p) => p.id).sort()).toEqual([...new Set(owners.goals.map((g) => g.scope['owner']))].sort());
  });

  it("keeps another year's goals out of the shortfalls and the drill-down of the year", () => {
    const direct = example.rollup.goals.find((g) => g.scope['channel'] === 'direct' && g.period === 'FY2027')!;
    const other = ['FY2026', 'FY2028', 'FY2028-Q1'].map((period, i) => ({ ...direct, period, index: 900 + i, met: false, gap: -1e9, landing: { revenue: 0, gap: -1e9, met: false, coverage: 0 } }));
    const mixed = groupGoals({ ...example, rollup: { ...example.rollup, goals: [...example.rollup.goals, ...other] } });
    expect(mixed.shortfalls).toEqual(groups.shortfalls);
    expect(mixed.drilldown).toEqual(groups.drilldown);
  });

  it('keeps the quarters apart as detail, and counts the short ones', () => {
    expect(groups.quarterly.every((g) => /-Q\d$/.test(g.period))).toBe(true);
    expect(groups.quarterlySummary).toBe(`${groups.quarterly.length} quarterly goals, ${groups.quarterly.filter((g) => !g.landing!.met).length} short`);
  });

  it('shows the goals page annual goals first, the company leading', () => {
    const view = goalsView(example);
    expect(view.annual[0]!.result.scope).toEqual({});
    expect([...view.annual, ...view.quarterly]).toHaveLength(view.goals.length);
  });
});

describe('the accounts in scope of a goal', () => {
  it('show a dash, not $0, for an annual-only plan in a quarterly goal', () => {
    const quarter = goalsView(example).quarterly.find((g) => g.notPhased !== undefined)!;
    const annualOnly = new Set(quarter.notPhased!.accounts.map((a) => a.id));
    const rows = quarter.contributions.filter((c) => annualOnly.has(c.account));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((c) => c.planned))).toEqual(new Set([`${NO_DATA} annual only`]));
  });
});

describe('findings page', () => {
  const view = findingsView(example);

  it('calls an info finding a note, as the summary and the terminal count it', () => {
    const notes = view.rows.filter((r) => r.severity === 'info');
    expect(notes.length).toBeGreaterThan(0);
    expect(new Set(notes.map((r) => r.label))).toEqual(new Set(['note']));
    expect(view.summary).toContain(`${notes.length} notes`);
    expect(view.filters.find((f) => f.key === 'severity')!.options).toContainEqual({ value: 'info', label: `note (${notes.length})` });
  });

  it('lists every finding of the workspace, most urgent first', () => {
    expect(view.total).toBe(example.findings.all.length);
    expect(view.rows.map((r) => r.rule)).toEqual(example.findings.all.map((f) => f.rule));
  });

  it('offers each rule, severity and owner as a filter, with counts that add up to every finding', () => {
    for (const f of view.filters) {
      const values = new Set(f.options.map((o) => o.value));
      const counted = view.rows.filter((r) => values.has(f.key === 'owner' ? r.owner?.id ?? '' : r[f.key])).length;
      if (f.key !== 'owner') expect(counted).toBe(view.total);
      for (const o of f.options) expect(o.label).toMatch(/ \(\d+\)$/);
    }
  });

  it("names the plan's owner of a finding about a plan", () => {
    for (const r of view.rows.filter((r) => r.account)) {
      expect(r.owner?.id).toBe(example.ws.accountById.get(r.account!.id)!.plan.owner);
    }
  });

  it('every plan with a finding has its line in the home page attention list', () => {
    const home = leaderAttentionView(example);
    const listed = new Set(home.items.flatMap((i) => (i.account ? [i.account.id] : [])));
    for (const r of view.rows.filter((r) => r.account && r.rule !== 'top-account-without-plan')) expect(listed.has(r.account!.id), r.account!.id).toBe(true);
  });
});
