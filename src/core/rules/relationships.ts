import type { Stakeholder } from '../../../schemas/index.ts';
import { daysBetween, periodEnd, periodStart, quarterOfDate } from '../shared/periods.ts';
import { describePlan, isActive, needsFullPicture, onPlan, type Rule } from './context.ts';
import { type Draft } from './finding.ts';

/** The rules about people: who decides, who we know, and whether the relationship hangs on one thread. */

const isBuyer = (s: Stakeholder) => s.roles.includes('decision-maker') || s.roles.includes('economic-buyer');
/** The people whose silence hurts most: the deciders, the budget holders, champions and the highly influential. */
const isKey = (s: Stakeholder) => isBuyer(s) || s.stance === 'champion' || s.influence === 'high';

export const singleThreaded: Rule<'single-threaded'> = {
  id: 'single-threaded',
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

function missingRole(id: 'no-decision-maker' | 'no-champion', has: (s: Stakeholder) => boolean, text: (plan: string) => string): Rule<typeof id> {
  return {
    id,
    check({ ws }) {
      return ws.accounts.flatMap((a) => {
        if (!needsFullPicture(a) || !isActive(a) || a.plan.stakeholders.some(has)) return [];
        return [onPlan(a, ['stakeholders'], text(describePlan(a)), a.plan.owner, 'key')];
      });
    },
  };
}

export const noDecisionMaker = missingRole(
  'no-decision-maker',
  (s) => s.roles.includes('decision-maker'),
  (plan) => `This ${plan} names no decision maker, so we do not know who says yes. Find out who decides and add them under stakeholders with "roles: [decision-maker]".`,
);

export const noChampion = missingRole(
  'no-champion',
  (s) => s.stance === 'champion',
  (plan) => `This ${plan} has no champion: nobody inside the account argues for us when we are not in the room. Name the stakeholder who could be one and work towards "stance: champion".`,
);

export const noExecSponsor: Rule<'no-exec-sponsor'> = {
  id: 'no-exec-sponsor',
  check({ ws }) {
    return ws.accounts.flatMap((a) => {
      if (!needsFullPicture(a) || !isActive(a) || a.plan.exec_sponsor !== undefined) return [];
      return [onPlan(a, ['exec_sponsor'], `This ${describePlan(a)} has no executive sponsor on our side. Ask an executive to sponsor the account and add "exec_sponsor:" with their id in team.yaml.`, a.plan.owner)];
    });
  },
};

export const execCadence: Rule<'exec-cadence'> = {
  id: 'exec-cadence',
  check({ ws, today }) {
    const start = ws.settings.fiscal_year_start_month;
    const quarter = quarterOfDate(today, start);
    const from = periodStart(quarter, start);
    const to = periodEnd(quarter, start);
    return ws.accounts.flatMap((a) =>
      a.plan.exec_relationships.flatMap((x, i): Draft[] => {
        const met = x.last_meeting !== undefined && x.last_meeting >= from && x.last_meeting <= today;
        const booked = x.next_meeting !== undefined && x.next_meeting >= today && x.next_meeting <= to;
        if (met || booked) return [];
        const ours = ws.personById.get(x.ours)?.name ?? x.ours;
        const theirs = a.plan.stakeholders.find((s) => s.id === x.theirs)?.name ?? x.theirs;
        const last = x.last_meeting ? `last met on ${x.last_meeting}` : 'have no meeting on record';
        return [onPlan(a, ['exec_relationships', i], `${ours} and ${theirs} ${last} and have nothing booked before ${quarter} ends on ${to}. Executives meet their counterparts every quarter: book a meeting and set next_meeting.`, x.ours)];
      }),
    );
  },
};

export const uncoveredStakeholder: Rule<'uncovered-stakeholder'> = {
  id: 'uncovered-stakeholder',
  check({ ws }) {
    return ws.accounts.flatMap((a) => {
      if (!isActive(a)) return [];
      const execTheirs = new Set(a.plan.exec_relationships.map((x) => x.theirs));
      return a.plan.stakeholders.flatMap((s, i) => {
        if (!isBuyer(s) || s.relationship !== undefined || execTheirs.has(s.id)) return [];
        const role = s.roles.includes('decision-maker') ? 'a decision maker' : 'an economic buyer';
        return [onPlan(a, ['stakeholders', i], `${s.name} is ${role}, but nobody on our side owns the relationship. Add "relationship:" with the id of the person in team.yaml who will.`, a.plan.owner)];
      });
    });
  },
};

export const staleContact: Rule<'stale-contact'> = {
  id: 'stale-contact',
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
