import { isActive, onPlan, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';
import { isBuyer } from './stakeholders.ts';

export const uncoveredStakeholder: Rule<'uncovered-stakeholder'> = {
  meta: ruleMeta('uncovered-stakeholder'),
  check({ ws }) {
    return ws.accounts.flatMap((a) => {
      if (!isActive(a)) return [];
      const execTheirs = new Set(a.plan.exec_relationships.map((x) => x.theirs));
      return a.plan.stakeholders.flatMap((s, i) => {
        if (!isBuyer(s) || s.relationship !== undefined || execTheirs.has(s.id)) return [];
        const role = s.roles.includes('decision-maker') ? 'a decision maker' : 'an economic buyer';
        return [onPlan(a, ['stakeholders', i], `${s.name} is ${role}, but nobody on our side owns the relationship. Add "relationship:" with the id of the person in team.yaml who will.`, a.plan.owner)];
      });
    });
  },
};
