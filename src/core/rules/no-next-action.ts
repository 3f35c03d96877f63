import { addDays } from '../shared/periods.ts';
import { onPlan, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';

const MOVING_ACTION = new Set(['planned', 'in-progress', 'slipped']);

export const noNextAction: Rule<'no-next-action'> = {
  meta: ruleMeta('no-next-action'),
  check({ ws, today }, { days }) {
    const until = addDays(today, days);
    const inWindow = (d: string | undefined) => d !== undefined && d >= today && d <= until;
    return ws.accounts.flatMap((a) => {
      if (a.plan.actions.some((x) => MOVING_ACTION.has(x.status) && (inWindow(x.due) || inWindow(x.start)))) return [];
      const what = a.plan.actions.length === 0 ? 'The plan has no actions' : `No open action falls between ${today} and ${until}`;
      return [onPlan(a, ['actions'], `${what}, so nothing moves the account forward in the next ${days} days. Add the next step under actions with an owner and a due date.`, a.plan.owner, 'key')];
    });
  },
};
