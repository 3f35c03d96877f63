import { daysBetween } from '../shared/periods.ts';
import { definePlanRule, onPlan } from './context.ts';

export const stalePlan = definePlanRule('stale-plan', {
  messages: {
    neverReviewed: ({ today }: { today: string }) =>
      `The plan has no last_reviewed date, so nobody can tell whether it is current. Review it with your manager and add "last_reviewed: ${today}".`,
    stale: ({ reviewed, age, cadence }: { reviewed: string; age: number; cadence: number }) =>
      `The plan was last reviewed on ${reviewed}, ${age} ${age === 1 ? 'day' : 'days'} ago; plans are reviewed every ${cadence} days. Review it with your manager and update last_reviewed.`,
  },
  checkPlan(a, { today, settings }, { days }, say) {
    const cadence = days ?? settings.review_cadence_days;
    const reviewed = a.plan.last_reviewed;
    if (reviewed === undefined) return [onPlan(a, ['last_reviewed'], say('neverReviewed', { today }), a.plan.owner)];
    const age = daysBetween(reviewed, today);
    if (age <= cadence) return [];
    return [onPlan(a, ['last_reviewed'], say('stale', { reviewed, age, cadence }), a.plan.owner)];
  },
});
