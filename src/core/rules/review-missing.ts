import { at, defineRule } from './context.ts';
import type { Draft } from './finding.ts';
import { lastCompleteMonth } from '../shared/periods.ts';

export const reviewMissing = defineRule('review-missing', {
  messages: {
    /** `command` is how the user starts the review (shared/invocation.ts). */
    noReview: ({ name, person, plans, month, command }: { name: string; person: string; plans: number; month: string; command: string }) =>
      `${name} owns ${plans} ${plans === 1 ? 'plan' : 'plans'} and has no review for ${month}, the last complete month. Hold it and write reviews/${month}/${person}.yaml; "${command}" starts it.`,
  },
  check({ ws, today, how }, _thresholds, say) {
    const month = lastCompleteMonth(today);
    const owners = new Map<string, number>();
    for (const a of ws.accounts) owners.set(a.plan.owner, (owners.get(a.plan.owner) ?? 0) + 1);
    const reviewed = new Set(ws.reviews.filter((r) => r.month === month).map((r) => r.person));
    const out: Draft[] = [];
    ws.people.forEach((p, i) => {
      const plans = owners.get(p.id);
      if (plans === undefined || reviewed.has(p.id)) return;
      owners.delete(p.id);
      const command = how.command('new', `review --person ${p.id} --month ${month}`);
      out.push(at(ws.sources.team, ['people', i, 'id'], say('noReview', { name: p.name, person: p.id, plans, month, command }), { person: p.id }));
    });
    return out;
  },
});
