import { OPEN_ACTION_STATUSES } from '../../../schemas/execution.ts';
import { daysBetween } from '../shared/periods.ts';
import { excerpt } from '../shared/suggest.ts';
import { onPlan, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';

export const overdueAction: Rule<'overdue-action'> = {
  meta: ruleMeta('overdue-action'),
  check({ ws, today }, { grace_days }) {
    return ws.accounts.flatMap((a) =>
      a.plan.actions.flatMap((x, i) => {
        const late = daysBetween(x.due, today);
        if (!OPEN_ACTION_STATUSES.has(x.status) || late <= grace_days) return [];
        return [onPlan(a, ['actions', i, 'due'], `The action ${excerpt(x.description)} was due on ${x.due}, ${late} days ago, and is still ${x.status}. Do it and set "status: done", move the due date, or cancel it.`, x.owner)];
      }),
    );
  },
};
