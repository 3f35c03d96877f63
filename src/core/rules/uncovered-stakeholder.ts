import { definePlanRule, isActive, onPlan } from './context.ts';
import { isBuyer } from './stakeholders.ts';

export const uncoveredStakeholder = definePlanRule('uncovered-stakeholder', {
  messages: {
    noOwner: ({ name, role }: { name: string; role: 'decision-maker' | 'economic-buyer' }) =>
      `${name} is ${role === 'decision-maker' ? 'a decision maker' : 'an economic buyer'}, but nobody on our side owns the relationship. Add "relationship:" with the id of the person in team.yaml who will.`,
  },
  checkPlan(a, _ctx, _thresholds, say) {
    if (!isActive(a)) return [];
    const execTheirs = new Set(a.plan.exec_relationships.map((x) => x.theirs));
    return a.plan.stakeholders.flatMap((s, i) => {
      if (!isBuyer(s) || s.relationship !== undefined || execTheirs.has(s.id)) return [];
      const role = s.roles.includes('decision-maker') ? 'decision-maker' : 'economic-buyer';
      return [onPlan(a, ['stakeholders', i], say('noOwner', { name: s.name, role }), a.plan.owner)];
    });
  },
});
