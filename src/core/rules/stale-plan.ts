import { daysBetween } from '../shared/periods.ts';
import { onPlan, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';

export const stalePlan: Rule<'stale-plan'> = {
  meta: ruleMeta('stale-plan'),
  check({ ws, today }, { days }) {
    const cadence = days ?? ws.settings.review_cadence_days;
    return ws.accounts.flatMap((a) => {
      const reviewed = a.plan.last_reviewed;
      if (reviewed === undefined) {
        return [onPlan(a, ['last_reviewed'], `The plan has no last_reviewed date, so nobody can tell whether it is current. Review it with your manager and add "last_reviewed: ${today}".`, a.plan.owner)];
      }
      const age = daysBetween(reviewed, today);
      if (age <= cadence) return [];
      return [onPlan(a, ['last_reviewed'], `The plan was last reviewed on ${reviewed}, ${age} days ago; plans are reviewed every ${cadence} days. Review it with your manager and update last_reviewed.`, a.plan.owner)];
    });
  },
};
