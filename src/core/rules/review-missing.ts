import { at, type Rule } from './context.ts';
import type { Draft } from './finding.ts';
import { ruleMeta } from './meta.ts';
import { lastCompleteMonth } from '../shared/periods.ts';

export const reviewMissing: Rule<'review-missing'> = {
  meta: ruleMeta('review-missing'),
  check({ ws, today, how }) {
    const month = lastCompleteMonth(today);
    const owners = new Map<string, number>();
    for (const a of ws.accounts) owners.set(a.plan.owner, (owners.get(a.plan.owner) ?? 0) + 1);
    const reviewed = new Set(ws.reviews.filter((r) => r.month === month).map((r) => r.person));
    const out: Draft[] = [];
    ws.people.forEach((p, i) => {
      const plans = owners.get(p.id);
      if (plans === undefined || reviewed.has(p.id)) return;
      owners.delete(p.id);
      out.push(
        at(ws.sources.team, ['people', i, 'id'], `${p.name} owns ${plans} ${plans === 1 ? 'plan' : 'plans'} and has no review for ${month}, the last complete month. Hold it and write reviews/${month}/${p.id}.yaml; "${how.command('new', `review --person ${p.id} --month ${month}`)}" starts it.`, { person: p.id }),
      );
    });
    return out;
  },
};
