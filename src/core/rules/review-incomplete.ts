import type { AccountEntry } from '../model.ts';
import { currentReviews } from '../reviews/history.ts';
import { pushTo } from '../shared/group.ts';
import { at, defineRule } from './context.ts';

interface LeftOut {
  month: string;
  account: string;
  person: string;
  covered: number;
  total: number;
}

const leftOut = ({ month, account, person, covered, total }: LeftOut) =>
  `The review of ${month} leaves out ${account}, an account in ${person}'s book (${covered} of ${total} accounts covered).`;

/**
 * Only each person's current review (of this month or the last complete one) is held to the book as it
 * is now: an earlier month is a record, and the book may have changed since. Last month's review is current only
 * until this month's is written; an account that joined the book after its meeting is then covered by writing
 * this month's, so the message offers that rather than an edit of a past month.
 */
export const reviewIncomplete = defineRule('review-incomplete', {
  messages: {
    leftOut: (d: LeftOut) => `${leftOut(d)} Add "- { account: ${d.account}, expectation: … }" under accounts: a review covers the whole book, briefly.`,
    /** In last month's review: `date` is the meeting's, `command` starts this month's review. */
    leftOutLastMonth: (d: LeftOut & { date: string; command: string }) =>
      `${leftOut(d)} Add "- { account: ${d.account}, expectation: … }" under accounts if it was in the book on ${d.date}; if it joined since, this month's review covers it: ${d.command}.`,
  },
  check({ ws, today, how }, _thresholds, say) {
    const month = today.slice(0, 7);
    const current = currentReviews(ws.reviews, today);
    // Each book once, in workspace order: a filter of every account per review made it people × accounts.
    const books = new Map<string, AccountEntry[]>();
    if (current.length > 0) for (const a of ws.accounts) pushTo(books, a.plan.owner, a);
    return current.flatMap((r) => {
      const covered = new Set(r.review.accounts.map((x) => x.account));
      const missing = (books.get(r.person) ?? []).filter((a) => !covered.has(a.id));
      const command = r.month < month ? how.command('new', `review --person ${r.person} --month ${month}`) : undefined;
      return missing.map((a) => {
        const data = { month: r.month, account: a.id, person: r.person, covered: covered.size, total: covered.size + missing.length };
        const said = command === undefined ? say('leftOut', data) : say('leftOutLastMonth', { ...data, date: r.review.date, command });
        return at(r, ['accounts'], said, { account: a.id, person: r.person }, 'key');
      });
    });
  },
});
