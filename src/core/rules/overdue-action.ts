import { OPEN_ACTION_STATUSES } from '../../../schemas/execution.ts';
import { daysBetween } from '../shared/periods.ts';
import { excerpt } from '../shared/suggest.ts';
import { definePlanRule, onPlan } from './context.ts';

export const overdueAction = definePlanRule('overdue-action', {
  messages: {
    overdue: ({ action, due, late, status }: { action: string; due: string; late: number; status: string }) =>
      `The action ${excerpt(action)} was due on ${due}, ${late} ${late === 1 ? 'day' : 'days'} ago, and is still ${status}. Do it and set "status: done", move the due date, or cancel it.`,
  },
  checkPlan(a, { today }, { grace_days }, say) {
    return a.plan.actions.flatMap((x, i) => {
      const late = daysBetween(x.due, today);
      if (!OPEN_ACTION_STATUSES.has(x.status) || late <= grace_days) return [];
      return [onPlan(a, ['actions', i, 'due'], say('overdue', { action: x.description, due: x.due, late, status: x.status }), x.owner)];
    });
  },
});
