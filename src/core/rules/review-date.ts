import { at, defineRule } from './context.ts';

const FIX = 'A review records a meeting that was held: write the date it took place.';

/**
 * A review held in the future is a typo or a draft. A date outside the folder's month never reaches the rules:
 * validate refuses it first, with the diagnostic code of the same name.
 */
export const reviewDate = defineRule('review-date', {
  messages: {
    afterToday: ({ date, today }: { date: string; today: string }) => `date: ${date} is after today (${today}). ${FIX}`,
    outsideMonth: ({ date, month }: { date: string; month: string }) => `date: ${date} is not in ${month}, the month of the folder. ${FIX}`,
  },
  check({ ws, today }, _thresholds, say) {
    return ws.reviews.flatMap((r) => {
      const date = r.review.date;
      if (date <= today && date.startsWith(r.month)) return [];
      const said = date > today ? say('afterToday', { date, today }) : say('outsideMonth', { date, month: r.month });
      return [at(r, ['date'], said, { person: r.person })];
    });
  },
});
