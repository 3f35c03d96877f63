import { describe, expect, it } from 'vitest';
import { findLevers } from '../src/core/rollup/levers.ts';
import { rankTopAccounts } from '../src/core/rollup/top-accounts.ts';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import type { AccountTotals } from '../src/core/rollup/accounts.ts';
import { rollUp } from '../src/core/rollup/rollup.ts';

function rollupOf(dir: string) {
  const { workspace } = readWorkspace(workingCopy({ plansDir: dir }));
  if (!workspace) throw new Error(`${dir} does not validate`);
  return rollUp(workspace);
}

/** Per-account totals for a lever case: only what levers read. */
function account(id: string, over: Partial<AccountTotals>): AccountTotals {
  return { id, name: id, owner: 'ann', status: 'current', parent: undefined, dimensions: { channel: 'direct' }, history: {}, forecast: [], forecastByYear: {}, stretch: {}, confidence: undefined, ...over };
}

describe('levers under a missed goal (tests/fixtures/rollup-basic, see tests/rollup.test.ts for its figures)', () => {
  const rollup = rollupOf('tests/fixtures/rollup-basic');
  const levers = (i: number) => rollup.goals[i]!.levers.map((l) => [l.kind, l.account, l.amount, l.top]);

  it('company FY2027: the top account without forecast first, then the largest levers', () => {
    // umbrella: 2000 in FY2026, no FY2027 forecast, top of direct (2000 > acme 600);
    // globex: target at 0.5 → 1000 − 500; acme: stretch 900 − forecast 450.
    expect(levers(0)).toEqual([
      ['no-forecast', 'umbrella', 2000, true],
      ['confidence', 'globex', 500, false],
      ['stretch', 'acme', 450, false],
    ]);
    expect(rollup.goals[0]!.levers[0]!.text).toBe('bought $2,000 in FY2026 but has no forecast for FY2027 (top 25% of direct)');
  });

  it('a manager goal only names levers in the manager’s tree', () => {
    expect(levers(3)).toEqual([
      ['confidence', 'globex', 500, false],
      ['stretch', 'acme', 450, false],
    ]);
  });

  it('a quarterly goal takes a quarter of last year for an account without forecast, and the quarter’s stretch', () => {
    // umbrella 2000 / 4 = 500; initech stretch Q1 250 − forecast Q1 200 = 50.
    expect(levers(4)).toEqual([
      ['no-forecast', 'umbrella', 500, true],
      ['stretch', 'initech', 50, false],
    ]);
  });

  it('met goals list no levers', () => {
    expect([1, 2, 5].map((i) => rollup.goals[i]!.levers)).toEqual([[], [], []]);
  });
});

describe('findLevers', () => {
  // Five direct accounts by FY2026 sales: ceil(5 × 25%) = 2 are the top (a, b).
  const all = [
    account('a', { history: { FY2026: 1000 }, forecast: [{ period: 'FY2027', full: 900, weighted: 900 }], forecastByYear: { FY2027: { full: 900, weighted: 900 } } }),
    account('b', { history: { FY2026: 800 } }),
    account('c', { history: { FY2026: 600 } }),
    account('d', { history: { FY2026: 400 }, forecast: [{ period: 'FY2027', full: 100, weighted: 100 }], forecastByYear: { FY2027: { full: 100, weighted: 100 } }, stretch: { FY2027: 1100 } }),
    account('e', { history: { FY2026: 200 } }),
    account('t', { status: 'target', forecast: [{ period: 'FY2027', full: 400, weighted: 100 }], forecastByYear: { FY2027: { full: 400, weighted: 100 } } }),
  ];

  it('ranks each channel by last year and names its top quarter', () => {
    const sales = all.map((t) => ({ id: t.id, sales: t.history['FY2026'] ?? 0, dimensions: t.dimensions }));
    expect([...rankTopAccounts(sales, { share: 0.25, dimension: 'channel' }).keys()].sort()).toEqual(['a', 'b']);
  });

  it('names the top accounts without forecast first, then every lever by size', () => {
    const found = findLevers({ period: 'FY2027', count: 'weighted', currency: 'USD', inScope: all, all, top: { share: 0.25, dimension: 'channel' } });
    // b (top, 800); then d stretch 1100 − 100 = 1000, c 600, t 400 − 100 = 300, e 200.
    expect(found.map((l) => [l.kind, l.account, l.amount])).toEqual([
      ['no-forecast', 'b', 800],
      ['stretch', 'd', 1000],
      ['no-forecast', 'c', 600],
      ['confidence', 't', 300],
      ['no-forecast', 'e', 200],
    ]);
  });

  it('with count: full, confidence is no lever: the full amount already counts', () => {
    const found = findLevers({ period: 'FY2027', count: 'full', currency: 'USD', inScope: all, all, top: { share: 0.25, dimension: 'channel' } });
    expect(found.some((l) => l.kind === 'confidence')).toBe(false);
  });
});
