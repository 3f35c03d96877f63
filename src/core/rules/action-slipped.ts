import { excerpt } from '../shared/suggest.ts';
import { currentReviews, slipCount } from '../reviews/history.ts';
import { at, defineRule } from './context.ts';
import type { Draft } from './finding.ts';

export const actionSlipped = defineRule('action-slipped', {
  messages: {
    slipped: ({ action, slips }: { action: string; slips: number }) =>
      `The action ${excerpt(action)} has slipped ${slips} times. Ask what stops it: give it help, hand it to someone else, or drop it with a reason.`,
  },
  check({ ws, today }, { slips }, say) {
    const out: Draft[] = [];
    for (const r of currentReviews(ws.reviews, today)) {
      for (const list of ['previous_actions', 'actions'] as const) {
        r.review[list].forEach((x, i) => {
          const count = slipCount(x);
          if (x.status !== 'slipped' || count < slips) return;
          out.push(at(r, [list, i, 'status'], say('slipped', { action: x.description, slips: count }), { person: x.owner, ...(x.account !== undefined && { account: x.account }) }));
        });
      }
    }
    return out;
  },
});
