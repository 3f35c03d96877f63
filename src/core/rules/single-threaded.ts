import { definePlanRule, isActive, onPlan } from './context.ts';

/** One side's part of the message: nobody, or the few names (`ours` is their side when false). */
function side(names: string[], ours: boolean): string {
  if (ours) return names.length === 0 ? 'nobody on our side owns a relationship' : `only ${names.join(', ')} on our side owns the relationships`;
  return names.length === 0 ? 'nobody on their side is in touch with us' : `only ${names.join(', ')} on their side is in touch with us`;
}

export const singleThreaded = definePlanRule('single-threaded', {
  messages: {
    /** `theirs` and `ours` are the names on a side with too few people; a side with enough is left out. */
    tooFewPeople: ({ theirs, ours }: { theirs?: string[]; ours?: string[] }) => {
      const sides = [...(theirs ? [side(theirs, false)] : []), ...(ours ? [side(ours, true)] : [])];
      return `The account hangs on too few people: ${sides.join(', and ')}. If one leaves, the account is exposed; give more stakeholders a relationship owner, from more than one person on our side.`;
    },
  },
  checkPlan(a, { personById }, { min_contacts }, say) {
    const { stakeholders, exec_relationships } = a.plan;
    if (stakeholders.length === 0 || !isActive(a)) return [];
    const execTheirs = new Set(exec_relationships.map((x) => x.theirs));
    const theirs = stakeholders.filter((s) => s.relationship !== undefined || s.last_contact !== undefined || execTheirs.has(s.id));
    const ours = new Set([...stakeholders.flatMap((s) => (s.relationship ? [s.relationship] : [])), ...exec_relationships.map((x) => x.ours)]);
    const fewTheirs = theirs.length < min_contacts;
    const fewOurs = ours.size < min_contacts;
    if (!fewTheirs && !fewOurs) return [];
    const data = {
      ...(fewTheirs && { theirs: theirs.map((s) => s.name) }),
      ...(fewOurs && { ours: [...ours].map((id) => personById.get(id)?.name ?? id) }),
    };
    return [onPlan(a, ['stakeholders'], say('tooFewPeople', data), a.plan.owner, 'key')];
  },
});
