import type { AccountEntry } from '../model.ts';
import { currentReviews } from '../reviews/history.ts';
import { pushTo } from '../shared/group.ts';
import { at, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';

/**
 * Only each person's current review (of this month or the last complete one) is held to the book as it
 * is now: an earlier month is a record, and the book may have changed since. Last month's review is current only
 * until this month's is written; an account that joined the book after its meeting is then covered by writing
 * this month's, so the message offers that rather than an edit of a past month.
 */
export const reviewIncomplete: Rule<'review-incomplete'> = {
  meta: ruleMeta('review-incomplete'),
  check({ ws, today, how }) {
    const month = today.slice(0, 7);
    const current = currentReviews(ws.reviews, today);
    // Each book once, in workspace order: a filter of every account per review made it people × accounts.
    const books = new Map<string, AccountEntry[]>();
    if (current.length > 0) for (const a of ws.accounts) pushTo(books, a.plan.owner, a);
    return current.flatMap((r) => {
      const covered = new Set(r.review.accounts.map((x) => x.account));
      const missing = (books.get(r.person) ?? []).filter((a) => !covered.has(a.id));
      const fix = r.month < month
        ? `Add "- { account: <id>, expectation: … }" under accounts if it was in the book on ${r.review.date}; if it joined since, this month's review covers it: ${how.command('new', `review --person ${r.person} --month ${month}`)}.`
        : `Add "- { account: <id>, expectation: … }" under accounts: a review covers the whole book, briefly.`;
      return missing.map((a) =>
        at(r, ['accounts'], `The review of ${r.month} leaves out ${a.id}, an account in ${r.person}'s book (${covered.size} of ${covered.size + missing.length} accounts covered). ${fix.replace('<id>', a.id)}`, { account: a.id, person: r.person }, 'key'),
      );
    });
  },
};
