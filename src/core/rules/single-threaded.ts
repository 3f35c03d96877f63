import { isActive, onPlan, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';

export const singleThreaded: Rule<'single-threaded'> = {
  meta: ruleMeta('single-threaded'),
  check({ ws }, { min_contacts }) {
    return ws.accounts.flatMap((a) => {
      const { stakeholders, exec_relationships } = a.plan;
      if (stakeholders.length === 0 || !isActive(a)) return [];
      const execTheirs = new Set(exec_relationships.map((x) => x.theirs));
      const theirs = stakeholders.filter((s) => s.relationship !== undefined || s.last_contact !== undefined || execTheirs.has(s.id));
      const ours = new Set([...stakeholders.flatMap((s) => (s.relationship ? [s.relationship] : [])), ...exec_relationships.map((x) => x.ours)]);
      const sides: string[] = [];
      if (theirs.length < min_contacts) sides.push(theirs.length === 0 ? 'nobody on their side is in touch with us' : `only ${theirs.map((s) => s.name).join(', ')} on their side is in touch with us`);
      if (ours.size < min_contacts) sides.push(ours.size === 0 ? 'nobody on our side owns a relationship' : `only ${[...ours].map((id) => ws.personById.get(id)?.name ?? id).join(', ')} on our side owns the relationships`);
      if (sides.length === 0) return [];
      return [onPlan(a, ['stakeholders'], `The account hangs on too few people: ${sides.join(', and ')}. If one leaves, the account is exposed; give more stakeholders a relationship owner, from more than one person on our side.`, a.plan.owner, 'key')];
    });
  },
};
