import { describe, expect, it } from 'vitest';
import { goalBarView } from '../../src/core/views/goal-bar.ts';
import type { GoalResult } from '../../src/core/rollup/rollup.ts';
import { goalsView } from '../../src/core/views/goals.ts';
import { homeView } from '../../src/core/views/home.ts';
import { packView } from '../../src/core/views/pack.ts';
import { personView } from '../../src/core/views/person.ts';
import { example, siteOf } from './helpers.ts';

/** A goal of the example with its figures replaced, so each case names the numbers it is about. */
function goal(figures: Partial<GoalResult>): GoalResult {
  const { booked: _booked, landing: _landing, ...company } = example.rollup.goals[0]!;
  return { ...company, ...figures };
}

describe('a goal as a bar, landing first', () => {
  const jake = example.rollup.goals.find((g) => g.label === 'FY2027 owner: Jake Morrow')!;

  it('with a ledger leads with where the goal lands and the share of the year gone beside the share booked', () => {
    const bar = goalBarView(jake, 'USD', { today: '2026-12-05', startMonth: 2 });
    const landing = jake.booked!.revenue + jake.booked!.toCome;
    expect(bar.landing).toEqual({ text: `lands at $${Math.round(landing).toLocaleString('en-US')}, $${Math.round(2200000 - landing).toLocaleString('en-US')} short`, met: false, status: 'short' });
    // 2026-02-01 to 2026-12-05 is 308 of FY2027's 365 days.
    expect(bar.pace).toBe(`84% of the year gone, ${Math.round((jake.booked!.revenue / 2200000) * 100)}% booked`);
    expect(bar.status).toBe('covered'); // the plans' word stays, after the landing
    expect(bar.description.startsWith('FY2027 owner: Jake Morrow: short, lands at')).toBe(true);
  });

  it('a quarter that is over says so', () => {
    const q3 = example.rollup.goals.find((g) => g.period === 'FY2027-Q3')!;
    expect(goalBarView(q3, 'USD', { today: '2026-12-05', startMonth: 2 }).pace).toMatch(/^the quarter is over, \d+% booked$/);
  });

  it('without a ledger has no landing and no pace', () => {
    expect(goalBarView(goal({}), 'USD', { today: '2026-12-05', startMonth: 2 })).toMatchObject({ landing: undefined, pace: undefined });
  });
});

describe('the person and pack pages count the period gone as home and goals do', () => {
  const site = siteOf(example.ws, '2026-12-05');
  const clock = { today: '2026-12-05', startMonth: 2 };

  it('gives every page with goal bars the same clock: the build date and the fiscal year\'s first month', () => {
    expect(homeView(site).clock).toEqual(clock);
    expect(goalsView(site).clock).toEqual(clock);
    expect(personView(site, 'jake-morrow').clock).toEqual(clock);
    const owner = example.ws.accounts.find((a) => a.plan.strategic)!.plan.owner;
    expect(packView(site, owner, 'FY2027-Q4').clock).toEqual(clock);
  });

  it('so a person\'s bar says the share of the year gone beside the share booked, and a pack\'s quarter its own', () => {
    const jake = personView(site, 'jake-morrow');
    const year = jake.goals.find((g) => g.label === 'FY2027 owner: Jake Morrow')!;
    expect(goalBarView(year, jake.currency, jake.clock).pace).toMatch(/^84% of the year gone, \d+% booked$/);
    const pack = packView(site, 'priya-raman', 'FY2027-Q4');
    const quarter = pack.goals.find((g) => g.label === 'FY2027-Q4 owner: Priya Raman')!;
    // FY2027-Q4 runs 2026-11-01 to 2027-01-31: 2026-12-05 is its 35th of 92 days.
    expect(goalBarView(quarter, pack.currency, pack.clock).pace).toMatch(/^38% of the quarter gone, \d+% booked$/);
  });
});

describe('a goal as a bar', () => {
  it.each([
    {
      name: 'plans above the goal are covered, so much over',
      g: goal({ goal: 1000, planned: 1250, gap: 250, coverage: 1.25, met: true }),
      words: { status: 'covered', figures: '$1,250 planned of $1,000', margin: '125% · $250 over' },
      widths: { plannedWidth: '100.00%', goalLeft: '80.00%' },
    },
    {
      name: 'plans below the goal are short, by how much',
      g: goal({ goal: 1000, planned: 890, gap: -110, coverage: 0.89, met: false }),
      words: { status: 'short', figures: '$890 planned of $1,000', margin: '89% · $110 short' },
      widths: { plannedWidth: '89.00%', goalLeft: '100.00%' },
    },
  ])('$name', ({ g, words, widths }) => {
    const bar = goalBarView(g, 'USD');
    expect(bar).toMatchObject({ ...words, ...widths, booked: undefined, bookedWidth: undefined });
    expect(bar.margin).not.toMatch(/gap|[+−-]\$/);
  });

  it('shows what the ledger booked as part of the bar and in words, and says it in the text alternative', () => {
    const bar = goalBarView(goal({ goal: 1000, planned: 1200, gap: 200, coverage: 1.2, met: true, booked: { revenue: 600, share: 0.6, toCome: 500, through: '2026-11-20', withoutPlan: 0 } }), 'USD');
    expect(bar.bookedWidth).toBe('50.00%');
    expect(bar.booked).toBe('booked $600 (60%)');
    expect(bar.description).toBe('Company: covered, $1,200 planned of a $1,000 goal, 120% · $200 over, booked $600 (60%)');
  });

  it('says how much of a booked total came from clients without a plan, so the rows under it add up', () => {
    const bar = goalBarView(goal({ goal: 1000, planned: 1200, gap: 200, coverage: 1.2, met: true, booked: { revenue: 600, share: 0.6, toCome: 500, through: '2026-11-20', withoutPlan: 150 } }), 'USD');
    expect(bar.booked).toBe('booked $600 (60%), $150 of it with clients without a plan');
  });

  it('draws booked beyond both plan and goal within the bar', () => {
    const bar = goalBarView(goal({ goal: 1000, planned: 800, gap: -200, coverage: 0.8, met: false, booked: { revenue: 1600, share: 1.6, toCome: 0, through: undefined, withoutPlan: 0 } }), 'USD');
    expect([bar.bookedWidth, bar.plannedWidth, bar.goalLeft]).toEqual(['100.00%', '50.00%', '62.50%']);
  });
});
