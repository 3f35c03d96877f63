import { defineRule, describePlan, onPlan } from './context.ts';
import { plansWithout } from './stakeholders.ts';

export const noDecisionMaker = defineRule('no-decision-maker', {
  messages: {
    noDecisionMaker: ({ plan }: { plan: string }) =>
      `This ${plan} names no decision maker, so we do not know who says yes. Find out who decides and add them under stakeholders with "roles: [decision-maker]".`,
  },
  check({ ws }, _thresholds, say) {
    return plansWithout(ws, (s) => s.roles.includes('decision-maker')).map((a) => onPlan(a, ['stakeholders'], say('noDecisionMaker', { plan: describePlan(a) }), a.plan.owner, 'key'));
  },
});
