import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Review } from '../schemas/review.ts';
import { actionKey, openAtReview, slipCount } from '../src/core/reviews/history.ts';
import { reviewTemplate } from '../src/core/templates/review.ts';
import { workspaceOf } from './views/helpers.ts';

// The example's October and November reviews tell one story: November starts where October left off, as
// npm run new would have started it.
const ws = workspaceOf('plans');
const people = [...new Set(ws.reviews.map((r) => r.person))].sort();
const review = (month: string, person: string) => ws.reviews.find((r) => r.month === month && r.person === person)!;

describe('the example: October and November reviews agree', () => {
  it.each(people)('%s: November accounts for every action October left open, with its slips carried', (person) => {
    const october = review('2026-10', person);
    const november = review('2026-11', person);
    const open = openAtReview(october);
    const outcomes = new Map(november.review.previous_actions.map((x) => [actionKey(x), x]));
    expect([...outcomes.keys()].sort()).toEqual(open.map(actionKey).sort());
    for (const x of open) {
      const outcome = outcomes.get(actionKey(x))!;
      expect({ owner: outcome.owner, account: outcome.account, serves: outcome.serves, slips: outcome.slips ?? 0 }, x.description).toEqual({ owner: x.owner, account: x.account, serves: x.serves, slips: slipCount(x) });
      if (outcome.status === 'slipped') expect(outcome.due! > x.due!, `${x.description} slipped to a later date`).toBe(true);
      else expect(outcome.due, x.description).toBe(x.due);
    }
  });

  it.each(people)('%s: the November review npm run new starts from October carries the same actions and the plans\' quarter targets', (person) => {
    const withoutNovember = { ...ws, reviews: ws.reviews.filter((r) => r.month !== '2026-11') };
    const scaffold = load(reviewTemplate(withoutNovember, { person, month: '2026-11', today: '2026-11-24' })) as Review;
    const november = review('2026-11', person).review;
    const strip = (x: Review['previous_actions'][number]) => ({ description: x.description, owner: x.owner, slips: x.slips, account: x.account, serves: x.serves });
    const byText = (a: { description: string }, b: { description: string }) => a.description.localeCompare(b.description);
    expect(november.previous_actions.map(strip).sort(byText)).toEqual(scaffold.previous_actions.map(strip).sort(byText));
    for (const a of november.accounts) {
      const started = scaffold.accounts.find((s) => s.account === a.account);
      if (a.current?.target !== undefined) expect(a.current.target, a.account).toBe(started?.current?.target);
      if (a.next?.target !== undefined) expect(a.next.target, a.account).toBe(started?.next?.target);
    }
    expect(scaffold.accounts.map((a) => a.account).sort()).toEqual(november.accounts.map((a) => a.account).sort());
  });

  it('October\'s next quarter is November\'s current quarter, with the same target', () => {
    const pairs = people.flatMap((person) =>
      review('2026-10', person).review.accounts.flatMap((a) => {
        const later = review('2026-11', person).review.accounts.find((b) => b.account === a.account);
        return a.next?.target !== undefined && later?.current?.target !== undefined ? [[a.account, a.next.target, later.current.target]] : [];
      }),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    for (const [account, octoberNext, novemberCurrent] of pairs) expect(novemberCurrent, String(account)).toBe(octoberNext);
  });
});
