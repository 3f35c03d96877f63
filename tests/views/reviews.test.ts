import { describe, expect, it } from 'vitest';
import { accountReviews } from '../../src/core/views/account-reviews.ts';
import { personActivity } from '../../src/core/views/person-activity.ts';
import { reviewPageView, reviewPaths } from '../../src/core/views/review-page.ts';
import { weekView } from '../../src/core/views/week.ts';
import { example, siteOf } from './helpers.ts';

describe('the review pages', () => {
  it('has a page per review file, October and November', () => {
    expect(reviewPaths(example)).toHaveLength(10);
    expect(new Set(reviewPaths(example).map((p) => p.month))).toEqual(new Set(['2026-10', '2026-11']));
  });

  it('shows a review with its trend, the months around it, slips and reasons', () => {
    const view = reviewPageView(example, '2026-11', 'carmen-ortiz');
    expect(view.trend).toEqual({ opened: 4, done: 2, slipped: 1, dropped: 0 });
    expect([view.previous, view.next]).toEqual(['2026-10', undefined]);
    const bayou = view.review.actions.find((a) => a.description === 'Review the Bayou plan')!;
    expect(bayou).toMatchObject({ status: 'slipped', due: '2026-11-27', detail: 'slipped 2 times', when: 'from last review' });
    const dropped = reviewPageView(example, '2026-11', 'henrik-aalto').review.actions.find((a) => a.status === 'dropped')!;
    expect(dropped.detail).toBe('reason: Daniel will ask for the introduction instead');
  });
});

describe('This week', () => {
  it('lists every action due by Sunday or overdue, by person, overdue first', () => {
    const week = weekView(example);
    expect([week.from, week.to]).toEqual(['2026-11-23', '2026-11-29']);
    expect(week.people.map((p) => [p.name, p.actions.map((a) => `${a.description} | ${a.late}`)])).toEqual([
      ['Jake Morrow', ['Submit the sole-source justification to Brian Tollefson | 10 days overdue', 'Book Sam for the plant 3 demonstration | due 2026-11-27']],
      ['Carmen Ortiz', ['Change Cordillera to tier B | due 2026-11-27', 'Review the Bayou and Campus plans with Rachel | due 2026-11-27', 'Review the Bayou plan | due 2026-11-27']],
    ]);
    expect(week.total).toBe(5);
  });

  it('moves with the build date: a week later the rest of November is due', () => {
    const later = weekView(siteOf(example.ws, '2026-12-01'));
    expect([later.from, later.to]).toEqual(['2026-11-30', '2026-12-06']);
    expect(later.total).toBeGreaterThan(5);
    expect(later.people.flatMap((p) => p.actions).every((a) => a.due <= '2026-12-06')).toBe(true);
  });
});

describe('a person\'s page', () => {
  it('lists open actions overdue first, then by due date, and the trend month by month', () => {
    const activity = personActivity(example, 'carmen-ortiz');
    const dues = activity.actions.map((a) => [a.overdue, a.due] as const);
    const firstOnTime = dues.findIndex(([overdue]) => !overdue);
    expect(dues.slice(firstOnTime).every(([overdue]) => !overdue)).toBe(true);
    expect(dues.slice(firstOnTime).map(([, d]) => d)).toEqual(dues.slice(firstOnTime).map(([, d]) => d).sort());
    expect(activity.trend).toEqual([
      { month: '2026-10', opened: 2, done: 1, slipped: 1, dropped: 0 },
      { month: '2026-11', opened: 4, done: 2, slipped: 1, dropped: 0 },
    ]);
    expect(activity.health.map((h) => h.account).sort()).toEqual(['bayou-instrument-repair', 'campus-science-supply', 'cordillera-instruments', 'great-plains-scientific', 'gulfstream-environmental', 'tristar-lab-supply']);
    expect(activity.findings.some((f) => f.rule === 'stale-plan' && f.account?.id === 'bayou-instrument-repair' && f.account.name === 'Bayou Instrument Repair')).toBe(true);
  });
});

describe('an account page', () => {
  it('shows what the reviews said, month by month', () => {
    const lines = accountReviews(example, 'tristar-lab-supply');
    expect(lines.map((l) => [l.month, l.expectation, l.current, l.next90Days])).toEqual([
      ['2026-10', 'grow', 'at-risk (expected $2,300,000 of $2,400,000)', '$600,000'],
      ['2026-11', 'grow', '', '$650,000'],
    ]);
  });

  it('keeps a review of a removed account as history', () => {
    const ws = { ...example.ws, accounts: example.ws.accounts.filter((a) => a.id !== 'bayou-instrument-repair') };
    const lines = accountReviews(siteOf({ ...ws, accountById: new Map(ws.accounts.map((a) => [a.id, a])) }), 'bayou-instrument-repair');
    expect(lines.map((l) => l.expectation)).toEqual(['decline', 'lose']);
  });
});

describe('review actions that serve a plan', () => {
  it('show on the account page beside what the review said, with the objective they serve', () => {
    const lines = accountReviews(example, 'tristar-lab-supply');
    expect(lines.map((l) => l.actions)).toEqual([
      ['Agree replenishment pricing tiers with Tristar (planned, serves replenish)'],
      ['Agree replenishment pricing tiers with Tristar (done, serves replenish)', 'Decide on the Tristar rep incentive (planned)'],
    ]);
  });
});
