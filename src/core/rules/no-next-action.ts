import { addDays } from '../shared/periods.ts';
import { definePlanRule, onPlan } from './context.ts';

const MOVING_ACTION = new Set(['planned', 'in-progress', 'slipped']);
const FIX = 'Add the next step under actions with an owner and a due date.';

export const noNextAction = definePlanRule('no-next-action', {
  messages: {
    noActions: ({ days }: { days: number }) => `The plan has no actions, so nothing moves the account forward in the next ${days} days. ${FIX}`,
    noneDue: ({ from, until, days }: { from: string; until: string; days: number }) =>
      `No open action falls between ${from} and ${until}, so nothing moves the account forward in the next ${days} days. ${FIX}`,
  },
  checkPlan(a, { today }, { days }, say) {
    const until = addDays(today, days);
    const inWindow = (d: string | undefined) => d !== undefined && d >= today && d <= until;
    if (a.plan.actions.some((x) => MOVING_ACTION.has(x.status) && (inWindow(x.due) || inWindow(x.start)))) return [];
    const said = a.plan.actions.length === 0 ? say('noActions', { days }) : say('noneDue', { from: today, until, days });
    return [onPlan(a, ['actions'], said, a.plan.owner, 'key')];
  },
});
