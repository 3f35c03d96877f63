import { definePlanRule, describePlan, onPlan } from './context.ts';
import { lacksRole } from './stakeholders.ts';

export const noChampion = definePlanRule('no-champion', {
  messages: {
    noChampion: ({ plan }: { plan: string }) =>
      `This ${plan} has no champion: nobody inside the account argues for us when we are not in the room. Name the stakeholder who could be one and work towards "stance: champion".`,
  },
  checkPlan(a, _ctx, _thresholds, say) {
    return lacksRole(a, (s) => s.stance === 'champion') ? [onPlan(a, ['stakeholders'], say('noChampion', { plan: describePlan(a) }), a.plan.owner, 'key')] : [];
  },
});
