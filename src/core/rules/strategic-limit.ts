import { pushTo } from '../shared/group.ts';
import { at, defineRule } from './context.ts';
import type { Draft } from './finding.ts';

export const strategicLimit = defineRule('strategic-limit', {
  messages: {
    tooMany: ({ name, plans, max }: { name: string; plans: string[]; max: number }) =>
      `${name} owns ${plans.length} strategic plans (${plans.join(', ')}), more than ${max}. A strategic plan is deep work reviewed every quarter: keep it for the accounts that carry the most revenue and set "strategic: false" on the others, or hand some to a colleague.`,
  },
  check({ ws }, { max }, say) {
    const byOwner = new Map<string, string[]>();
    for (const a of ws.accounts) if (a.plan.strategic) pushTo(byOwner, a.plan.owner, a.id);
    // Each person's first line in team.yaml, by id once: a findIndex per owner over the limit was owners × people.
    const line = new Map<string, number>();
    ws.people.forEach((p, i) => line.has(p.id) || line.set(p.id, i));
    const out: Draft[] = [];
    for (const [owner, plans] of byOwner) {
      if (plans.length <= max) continue;
      const index = line.get(owner) ?? -1;
      const name = ws.personById.get(owner)?.name ?? owner;
      out.push(at(ws.sources.team, ['people', index, 'id'], say('tooMany', { name, plans, max }), { person: owner }));
    }
    return out;
  },
});
