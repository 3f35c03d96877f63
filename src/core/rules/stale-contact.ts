import { daysBetween } from '../shared/periods.ts';
import { definePlanRule, isActive, onPlan } from './context.ts';
import { isKey } from './stakeholders.ts';

export const staleContact = definePlanRule('stale-contact', {
  messages: {
    noContact: ({ name }: { name: string }) => `${name} is a key stakeholder with no last_contact on record. Get in touch and add "last_contact: YYYY-MM-DD".`,
    stale: ({ name, lastContact, age, days }: { name: string; lastContact: string; age: number; days: number }) =>
      `Nobody has spoken with ${name}, a key stakeholder, since ${lastContact} (${age} ${age === 1 ? 'day' : 'days'}; the limit is ${days}). Get in touch and update last_contact.`,
  },
  checkPlan(a, { today }, { days }, say) {
    if (!isActive(a)) return [];
    return a.plan.stakeholders.flatMap((s, i) => {
      if (!isKey(s)) return [];
      const who = s.relationship ?? a.plan.owner;
      if (s.last_contact === undefined) return [onPlan(a, ['stakeholders', i], say('noContact', { name: s.name }), who)];
      const age = daysBetween(s.last_contact, today);
      if (age <= days) return [];
      return [onPlan(a, ['stakeholders', i, 'last_contact'], say('stale', { name: s.name, lastContact: s.last_contact, age, days }), who)];
    });
  },
});
