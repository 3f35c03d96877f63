import { excerpt } from '../shared/suggest.ts';
import { definePlanRule, onPlan } from './context.ts';

const OPEN_OBJECTIVE = new Set(['planned', 'in-progress']);

export const objectiveWithoutOwner = definePlanRule('objective-without-owner', {
  messages: {
    noOwner: ({ objective }: { objective: string }) =>
      `The objective ${excerpt(objective)} has no owner, so nobody is accountable for it. Add "owner:" with the id of a person in team.yaml.`,
  },
  checkPlan(a, _ctx, _thresholds, say) {
    return a.plan.objectives.flatMap((o, i) => {
      if (o.owner !== undefined || !OPEN_OBJECTIVE.has(o.status)) return [];
      return [onPlan(a, ['objectives', i], say('noOwner', { objective: o.id }), a.plan.owner)];
    });
  },
});
