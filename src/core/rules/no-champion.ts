import { defineRule, describePlan, onPlan } from './context.ts';
import { plansWithout } from './stakeholders.ts';

export const noChampion = defineRule('no-champion', {
  messages: {
    noChampion: ({ plan }: { plan: string }) =>
      `This ${plan} has no champion: nobody inside the account argues for us when we are not in the room. Name the stakeholder who could be one and work towards "stance: champion".`,
  },
  check({ ws }, _thresholds, say) {
    return plansWithout(ws, (s) => s.stance === 'champion').map((a) => onPlan(a, ['stakeholders'], say('noChampion', { plan: describePlan(a) }), a.plan.owner, 'key'));
  },
});
