import { at, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';

/**
 * A review held in the future is a typo or a draft. A date outside the folder's month never reaches the rules:
 * validate refuses it first, with the diagnostic code of the same name.
 */
export const reviewDate: Rule<'review-date'> = {
  meta: ruleMeta('review-date'),
  check({ ws, today }) {
    return ws.reviews.flatMap((r) => {
      if (r.review.date <= today && r.review.date.startsWith(r.month)) return [];
      const what = r.review.date > today ? `is after today (${today})` : `is not in ${r.month}, the month of the folder`;
      return [at(r, ['date'], `date: ${r.review.date} ${what}. A review records a meeting that was held: write the date it took place.`, { person: r.person })];
    });
  },
};
