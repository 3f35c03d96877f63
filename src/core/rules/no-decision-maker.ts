import { definePlanRule, describePlan, onPlan } from './context.ts';
import { lacksRole } from './stakeholders.ts';

export const noDecisionMaker = definePlanRule('no-decision-maker', {
  messages: {
    noDecisionMaker: ({ plan }: { plan: string }) =>
      `This ${plan} names no decision maker, so we do not know who says yes. Find out who decides and add them under stakeholders with "roles: [decision-maker]".`,
  },
  checkPlan(a, _ctx, _thresholds, say) {
    return lacksRole(a, (s) => s.roles.includes('decision-maker')) ? [onPlan(a, ['stakeholders'], say('noDecisionMaker', { plan: describePlan(a) }), a.plan.owner, 'key')] : [];
  },
});
