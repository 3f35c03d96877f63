import { excerpt } from '../shared/suggest.ts';
import { actionKey, currentReviews, openAtReview, reviewsByPerson } from '../reviews/history.ts';
import { at, defineRule } from './context.ts';

/** Each person's latest review against the one before it: every action left open there is closed or carried. */
export const reviewActionUnaccounted = defineRule('review-action-unaccounted', {
  messages: {
    unaccounted: ({ action, owner, month }: { action: string; owner: string; month: string }) =>
      `The action ${excerpt(action)} (${owner}) was open at the review of ${month} and this review does not say how it went. List it under previous_actions with "status: done", "slipped" and its new due, or "dropped" and a reason.`,
  },
  check({ ws, today }, _thresholds, say) {
    const current = new Set(currentReviews(ws.reviews, today));
    return [...reviewsByPerson(ws.reviews).values()].flatMap((list) => {
      if (list.length < 2 || !current.has(list[list.length - 1]!)) return [];
      const latest = list[list.length - 1]!;
      const previous = list[list.length - 2]!;
      const named = new Set([...latest.review.previous_actions, ...latest.review.actions].map(actionKey));
      return openAtReview(previous)
        .filter((x) => !named.has(actionKey(x)))
        .map((x) =>
          at(latest, ['previous_actions'], say('unaccounted', { action: x.description, owner: x.owner, month: previous.month }), { person: latest.person, ...(x.account !== undefined && { account: x.account }) }, 'key'),
        );
    });
  },
});
