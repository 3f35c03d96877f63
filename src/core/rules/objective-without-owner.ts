import { excerpt } from '../shared/suggest.ts';
import { onPlan, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';

const OPEN_OBJECTIVE = new Set(['planned', 'in-progress']);

export const objectiveWithoutOwner: Rule<'objective-without-owner'> = {
  meta: ruleMeta('objective-without-owner'),
  check({ ws }) {
    return ws.accounts.flatMap((a) =>
      a.plan.objectives.flatMap((o, i) => {
        if (o.owner !== undefined || !OPEN_OBJECTIVE.has(o.status)) return [];
        return [onPlan(a, ['objectives', i], `The objective ${excerpt(o.id)} has no owner, so nobody is accountable for it. Add "owner:" with the id of a person in team.yaml.`, a.plan.owner)];
      }),
    );
  },
};
