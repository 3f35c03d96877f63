import { excerpt } from '../shared/suggest.ts';
import { currentReviews, slipCount } from '../reviews/history.ts';
import { at, type Rule } from './context.ts';
import type { Draft } from './finding.ts';
import { ruleMeta } from './meta.ts';

export const actionSlipped: Rule<'action-slipped'> = {
  meta: ruleMeta('action-slipped'),
  check({ ws, today }, { slips }) {
    const out: Draft[] = [];
    for (const r of currentReviews(ws.reviews, today)) {
      for (const list of ['previous_actions', 'actions'] as const) {
        r.review[list].forEach((x, i) => {
          const count = slipCount(x);
          if (x.status !== 'slipped' || count < slips) return;
          out.push(at(r, [list, i, 'status'], `The action ${excerpt(x.description)} has slipped ${count} times. Ask what stops it: give it help, hand it to someone else, or drop it with a reason.`, { person: x.owner, ...(x.account !== undefined && { account: x.account }) }));
        });
      }
    }
    return out;
  },
};
