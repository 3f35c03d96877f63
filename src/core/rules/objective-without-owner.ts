import { excerpt } from '../shared/suggest.ts';
import { defineRule, onPlan } from './context.ts';

const OPEN_OBJECTIVE = new Set(['planned', 'in-progress']);

export const objectiveWithoutOwner = defineRule('objective-without-owner', {
  messages: {
    noOwner: ({ objective }: { objective: string }) =>
      `The objective ${excerpt(objective)} has no owner, so nobody is accountable for it. Add "owner:" with the id of a person in team.yaml.`,
  },
  check({ ws }, _thresholds, say) {
    return ws.accounts.flatMap((a) =>
      a.plan.objectives.flatMap((o, i) => {
        if (o.owner !== undefined || !OPEN_OBJECTIVE.has(o.status)) return [];
        return [onPlan(a, ['objectives', i], say('noOwner', { objective: o.id }), a.plan.owner)];
      }),
    );
  },
});
