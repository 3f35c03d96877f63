import { describe, expect, it } from 'vitest';
import { accountReviews, reviewProgress } from '../../src/core/views/account-reviews.ts';
import { personActivity } from '../../src/core/views/person-activity.ts';
import { reviewPageView, reviewPaths } from '../../src/core/views/review-page.ts';
import { openActions, weekView } from '../../src/core/views/week.ts';
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

  it('lists a plan action once when a review follows it (by the id it serves, or word for word), with the review beside', () => {
    const week = weekView(siteOf(example.ws, '2026-12-01'));
    const all = week.people.flatMap((p) => p.actions.map((a) => ({ person: p.id, ...a })));
    expect(all.filter((a) => a.description.includes('Tom Kowalski')).map((a) => [a.person, a.description, a.account?.id, a.review?.month])).toEqual([
      ['priya-raman', 'Send the three-year calibration proposal to Tom Kowalski', 'halberd-chemicals', '2026-11'],
    ]);
    expect(all.filter((a) => a.description.includes('sole-source')).map((a) => [a.description, a.late, a.review?.month])).toEqual([
      ['Submit the sole-source justification to Brian Tollefson', '17 days overdue', '2026-11'],
    ]);
    // A review that copies a plan action word for word (as npm run new lists them) adds no second line.
    const nov = example.ws.reviews.find((r) => r.month === '2026-11' && r.person === 'carmen-ortiz')!;
    const copy = { description: 'Price file for the Georgia term contract', owner: 'carmen-ortiz', due: '2026-12-05', status: 'in-progress' as const, account: 'gulfstream-environmental' };
    const reviews = example.ws.reviews.map((r) => (r === nov ? { ...r, review: { ...r.review, actions: [...r.review.actions, copy] } } : r));
    const copied = weekView(siteOf({ ...example.ws, reviews }, '2026-12-01')).people.flatMap((p) => p.actions).filter((a) => a.description === copy.description);
    expect(copied.map((a) => [a.account?.id, a.review?.month])).toEqual([['gulfstream-environmental', '2026-11']]);
  });

  it('says "1 day overdue", not "1 days"', () => {
    const rachel = weekView(siteOf(example.ws, '2026-12-01')).people.find((p) => p.id === 'rachel-whitford')!;
    expect(rachel.actions.find((a) => a.description === 'Decide on the Tristar rep incentive')?.late).toBe('1 day overdue');
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

describe('a person\'s page and their own review', () => {
  it('lists the open actions of their review that their manager owns, and counts only the review\'s own new actions as opened', () => {
    const activity = personActivity(example, 'priya-raman');
    expect(activity.actions.find((a) => a.description === 'Pricing decision on Halberd calibration')).toMatchObject({ owner: 'rachel-whitford', review: { month: '2026-11', person: 'priya-raman' } });
    // November's three new actions include the plan's calibration proposal, which it follows: two were opened.
    expect(activity.trend.map((t) => [t.month, t.opened, t.done, t.dropped])).toEqual([['2026-10', 4, 0, 0], ['2026-11', 2, 3, 1]]);
  });

  it('shows a review with the figures against target and what each action serves', () => {
    const review = reviewPageView(example, '2026-11', 'priya-raman').review;
    expect(review.accounts.find((a) => a.account === 'halberd-chemicals')?.standing).toBe('FY2027-Q4: on-track (expected $940,000 of $940,000); FY2028-Q1: on-track (expected $900,000)');
    expect(review.actions.find((a) => a.description === 'Calibration proposal to Tom Kowalski')).toMatchObject({ account: { id: 'halberd-chemicals', name: 'Halberd Specialty Chemicals' }, serves: 'calibration-proposal', when: 'a plan action, followed here' });
    expect(review.actions.filter((a) => a.when === 'new').map((a) => a.description)).toEqual(['Pricing decision on Halberd calibration', 'Decide whether Lakeshore stays an acquire plan after the validation package']);
  });
});

describe('an account page', () => {
  it('shows what the reviews said, month by month', () => {
    const lines = accountReviews(example, 'tristar-lab-supply');
    expect(lines.map((l) => [l.month, l.expectation, l.current, l.next90Days])).toEqual([
      ['2026-10', 'grow', 'FY2027-Q3: at-risk (expected $560,000 of $590,000)', '$600,000'],
      ['2026-11', 'grow', 'FY2027-Q4: on-track (expected $650,000 of $650,000)', '$650,000'],
    ]);
    // October's next quarter is November's current one: the two reviews agree on its target.
    expect(lines.map((l) => l.next)).toEqual(['FY2027-Q4: at-risk (expected $600,000 of $650,000)', '']);
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

describe('progress on the plan, from the reviews', () => {
  it('lists under each objective the review actions serving it, and under each plan action the ones following it, month by month', () => {
    expect(reviewProgress(example, 'tristar-lab-supply').map((p) => [p.kind, p.status, p.steps.map((s) => `${s.month} ${s.status}`)])).toEqual([
      ['objective', expect.any(String), ['2026-10 planned', '2026-11 done']],
    ]);
    const columbia = reviewProgress(example, 'columbia-basin-water');
    expect(columbia.map((p) => [p.kind, p.description, p.status, p.steps.map((s) => `${s.month} ${s.status}`)])).toEqual([
      ['action', 'Submit the sole-source justification to Brian Tollefson', 'in-progress', ['2026-10 planned', '2026-11 slipped']],
    ]);
    expect(reviewProgress(example, 'meridale-university')).toEqual([]);
  });
});

describe("a person's activity", () => {
  it('has, for every person, exactly the open actions and findings that name them or sit in their book, in the site\'s order', () => {
    expect(example.ws.people.length).toBeGreaterThan(3);
    for (const { id } of example.ws.people) {
      const owned = new Set((example.index.ownedBy.get(id) ?? []).map((a) => a.id));
      const view = personActivity(example, id);
      expect(view.actions).toEqual(openActions(example).filter((x) => x.owner === id || x.review?.person === id || (x.account !== undefined && owned.has(x.account.id))));
      expect(view.findings.map((f) => [f.rule, f.message])).toEqual(
        example.findings.all.filter((f) => f.person === id || (f.account !== undefined && owned.has(f.account))).map((f) => [f.rule, f.message]),
      );
    }
    expect(personActivity(example, 'nobody-here')).toMatchObject({ actions: [], findings: [] });
  });
});
