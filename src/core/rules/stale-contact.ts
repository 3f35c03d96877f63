import { daysBetween } from '../shared/periods.ts';
import { isActive, onPlan, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';
import { isKey } from './stakeholders.ts';

export const staleContact: Rule<'stale-contact'> = {
  meta: ruleMeta('stale-contact'),
  check({ ws, today }, { days }) {
    return ws.accounts.flatMap((a) => {
      if (!isActive(a)) return [];
      return a.plan.stakeholders.flatMap((s, i) => {
        if (!isKey(s)) return [];
        const who = s.relationship ?? a.plan.owner;
        if (s.last_contact === undefined) {
          return [onPlan(a, ['stakeholders', i], `${s.name} is a key stakeholder with no last_contact on record. Get in touch and add "last_contact: YYYY-MM-DD".`, who)];
        }
        const age = daysBetween(s.last_contact, today);
        if (age <= days) return [];
        return [onPlan(a, ['stakeholders', i, 'last_contact'], `Nobody has spoken with ${s.name}, a key stakeholder, since ${s.last_contact} (${age} days; the limit is ${days}). Get in touch and update last_contact.`, who)];
      });
    });
  },
};
