import { describe, expect, it } from 'vitest';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { formatChange, formatMoney, rateOf, toWorkspaceCurrency } from '../src/core/shared/money.ts';
import { findReportingTree } from '../src/core/rollup/scope.ts';
import { rollUp, type GoalResult } from '../src/core/rollup/rollup.ts';
import { totalFamilies } from '../src/core/rollup/accounts.ts';
import type { Workspace } from '../src/core/model.ts';

/*
 * tests/fixtures/rollup-basic, worked out by hand (USD; EUR × 1.5; count weighted; tolerance 0.1):
 *   acme     ann, direct/emea, EUR: Q1 100 → 150 (c 1); Q2 200 → 300 full, 150 weighted (c 0.5)
 *            FY2027 full 450, weighted 300; stretch FY2027 600 EUR → 900; history FY2026 400 EUR → 600
 *   globex   bo, partner/americas, target: FY2027 1000 c 0.5 → full 1000, weighted 500 (annual only)
 *   initech  max, direct/americas, parent acme: Q1 200 (c 1), Q3 300 c 0.8 → 240; full 500, weighted 440; stretch Q1 250
 *   hooli    dan, partner/emea, parent initech: FY2027 400 (annual only); history FY2026 300
 *   umbrella dan, direct/americas: history FY2026-Q3 1500 + Q4 500 = 2000; no forecast
 * Team: cleo ← max ← lea ← bo; max ← ann; cleo ← dan. So max's tree is max, lea, ann, bo.
 */
function load(dir = 'tests/fixtures/rollup-basic'): Workspace {
  const { workspace, diagnostics } = readWorkspace(workingCopy({ plansDir: dir }));
  if (!workspace) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return workspace;
}

function withSettings(ws: Workspace, settings: Partial<Workspace['settings']>): Workspace {
  return { ...ws, settings: { ...ws.settings, ...settings } };
}

const pick = (g: GoalResult) => ({ planned: g.planned, threshold: g.threshold, gap: g.gap, met: g.met });

describe('rollUp over a hand-built workspace', () => {
  const rollup = rollUp(load());
  const goal = (label: string) => {
    const g = rollup.goals.find((x) => x.label === label);
    if (!g) throw new Error(`no goal ${label}: ${rollup.goals.map((x) => x.label).join(', ')}`);
    return g;
  };

  it('company scope: every plan, weighted and converted: 300 + 500 + 440 + 400 = 1640 < 2000 × 0.9', () => {
    expect(pick(goal('FY2027 company'))).toEqual({ planned: 1640, threshold: 1800, gap: -360, met: false });
    expect(goal('FY2027 company').coverage).toBeCloseTo(0.82, 10);
  });

  it('dimension scope within tolerance: direct = acme 300 + initech 440 = 740, short of 800 but above 720', () => {
    expect(pick(goal('FY2027 channel: direct'))).toEqual({ planned: 740, threshold: 720, gap: -60, met: true });
  });

  it('owner scope: dan = hooli 400 (umbrella forecasts nothing), exactly the goal', () => {
    expect(pick(goal('FY2027 owner: Dan Ode'))).toEqual({ planned: 400, threshold: 360, gap: 0, met: true });
  });

  it('manager scope: the whole reporting tree and the manager’s own plans: acme 300 + globex 500 + initech 440 = 1240', () => {
    const g = goal('FY2027 team of Max Roe');
    expect(pick(g)).toEqual({ planned: 1240, threshold: 1350, gap: -260, met: false });
    expect(g.contributions).toEqual([
      { account: 'globex', planned: 500 },
      { account: 'initech', planned: 440 },
      { account: 'acme', planned: 300 },
    ]);
  });

  it('several keys at once: direct and americas in Q1 = initech 200 only', () => {
    const g = goal('FY2027-Q1 channel: direct, region: americas');
    expect(pick(g)).toEqual({ planned: 200, threshold: 225, gap: -50, met: false });
    expect(g.contributions.map((c) => c.account)).toEqual(['initech', 'umbrella']);
  });

  it('quarterly goal counts quarterly entries only and lists annual-only plans as not phased: acme 150 + initech 200', () => {
    const g = goal('First quarter');
    expect(g).toMatchObject({ name: 'First quarter', period: 'FY2027-Q1', planned: 350, met: true, notPhased: ['globex', 'hooli'] });
    expect(g.stretch).toBe(250);
    // Stretch or forecast: initech's Q1 stretch 250 + acme's Q1 forecast as counted 150 (its stretch is for the year).
    expect(g.stretchWithForecast).toBe(400);
  });

  it('annual goal counts annual and quarterly entries together, with stretch beside the plan (900 + 250)', () => {
    expect(goal('FY2027 company').stretch).toBe(1150);
    // The plans without a stretch count their forecast as counted beside it: + globex 500 + hooli 400.
    expect(goal('FY2027 company').stretchWithForecast).toBe(2050);
    expect(goal('FY2027 company').notPhased).toEqual([]);
  });

  it('count: full sums the amounts as written: 450 + 1000 + 500 + 400 = 2350', () => {
    const full = rollUp(withSettings(load(), { count: 'full' }));
    // direct 450 + 500; max's tree 450 + 1000 + 500; Q1 direct americas still initech's 200 < 225.
    expect(full.goals.map((g) => g.planned)).toEqual([2350, 950, 400, 1950, 200, 350]);
    expect(full.goals.map((g) => g.met)).toEqual([true, true, true, true, false, true]);
  });

  it('tolerance 0: the direct goal (740 of 800) is missed', () => {
    const strict = rollUp(withSettings(load(), { tolerance: 0 }));
    expect(strict.goals[1]).toMatchObject({ threshold: 800, met: false });
  });

  it('ok only when every goal is met', () => {
    expect(rollup.ok).toBe(false);
    expect(rollup).toMatchObject({ currency: 'USD', count: 'weighted', tolerance: 0.1 });
  });

  it('per-account totals: history by year, forecast by period full and weighted, stretch, average confidence', () => {
    const acme = rollup.accounts.find((a) => a.id === 'acme')!;
    expect(acme.history).toEqual({ FY2026: 600 });
    expect(acme.forecast).toEqual([
      { period: 'FY2027-Q1', full: 150, weighted: 150 },
      { period: 'FY2027-Q2', full: 300, weighted: 150 },
    ]);
    expect(acme.forecastByYear).toEqual({ FY2027: { full: 450, weighted: 300 } });
    expect(acme.stretch).toEqual({ FY2027: 900 });
    expect(acme.confidence).toBeCloseTo(300 / 450, 10);
    expect(rollup.accounts.find((a) => a.id === 'umbrella')).toMatchObject({ history: { FY2026: 2000 }, confidence: undefined });
  });

  it('families follow parent chains of any depth: acme ← initech ← hooli', () => {
    expect(rollup.families).toEqual([
      // acme 450/300 + initech 500/440 + hooli 400/400; history acme 600 + hooli 300
      { id: 'acme', children: ['initech'], size: 2, history: { FY2026: 900 }, forecastByYear: { FY2027: { full: 1350, weighted: 1140 } }, stretch: { FY2027: 900, 'FY2027-Q1': 250 } },
      { id: 'initech', children: ['hooli'], size: 1, history: { FY2026: 300 }, forecastByYear: { FY2027: { full: 900, weighted: 840 } }, stretch: { 'FY2027-Q1': 250 } },
    ]);
  });

  it('sums a chain of 10,000 parents once from the bottom: each family holds its children, not every member below it', () => {
    const n = 10_000;
    const accounts = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, plan: { ...(i > 0 && { parent: `a${i - 1}` }) } }));
    const totals = accounts.map((a) => ({ id: a.id, history: { FY2026: 1 }, stretch: {}, forecastByYear: { FY2027: { full: 2, weighted: 1 } } }));
    const families = totalFamilies({ accounts } as unknown as Parameters<typeof totalFamilies>[0], totals as unknown as Parameters<typeof totalFamilies>[1]);
    expect(families).toHaveLength(n - 1);
    const top = families.find((f) => f.id === 'a0')!;
    expect([top.children, top.size, top.history, top.forecastByYear]).toEqual([['a1'], n - 1, { FY2026: n }, { FY2027: { full: 2 * n, weighted: n } }]);
    // The memory that was quadratic: every family's list of members. Now one child per family in a chain.
    expect(families.reduce((sum, f) => sum + f.children.length, 0)).toBe(n - 1);
    expect(families.find((f) => f.id === `a${n - 2}`)).toMatchObject({ children: [`a${n - 1}`], size: 1, history: { FY2026: 2 } });
  });
});

describe('money and currency', () => {
  it('converts a plan amount with the workspace fx rate, and leaves workspace-currency plans alone', () => {
    const settings = { currency: 'USD', fx: { EUR: 1.08 } };
    expect(toWorkspaceCurrency(1000, { currency: 'EUR' }, settings)).toBe(1080);
    expect(toWorkspaceCurrency(1000, {}, settings)).toBe(1000);
    expect(rateOf(settings, 'USD')).toBe(1);
  });

  it('formats whole units in the workspace currency, with a real minus sign for shortfalls', () => {
    expect(formatMoney(24_000_000, 'USD')).toBe('$24,000,000');
    expect(formatMoney(-1_900_000.4, 'USD')).toBe('−$1,900,000');
    expect(formatMoney(1234.5, 'EUR')).toBe('€1,235');
    expect(formatChange(500_000, 'USD')).toBe('+$500,000');
    expect(formatChange(0, 'USD')).toBe('$0');
  });

  it('a manager’s reporting tree is transitive and includes the manager', () => {
    expect([...findReportingTree(load().people, 'max')].sort()).toEqual(['ann', 'bo', 'lea', 'max']);
    expect([...findReportingTree(load().people, 'cleo')].sort()).toEqual(['ann', 'bo', 'cleo', 'dan', 'lea', 'max']);
  });
});
