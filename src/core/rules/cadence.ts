import { excerpt } from '../suggest.ts';
import { addDays, daysBetween } from '../periods.ts';
import { at, onPlan, type Draft, type Rule } from './context.ts';

/** The rules about time and workload: how many strategic plans, how often reviewed, what happens next. */

const OPEN_ACTION = new Set(['planned', 'in-progress', 'blocked']);
const MOVING_ACTION = new Set(['planned', 'in-progress']);
const OPEN_OBJECTIVE = new Set(['planned', 'in-progress']);

export const strategicLimit: Rule<'strategic-limit'> = {
  id: 'strategic-limit',
  check({ ws }, { max }) {
    const byOwner = new Map<string, string[]>();
    for (const a of ws.accounts) if (a.plan.strategic) byOwner.set(a.plan.owner, [...(byOwner.get(a.plan.owner) ?? []), a.id]);
    const out: Draft[] = [];
    for (const [owner, plans] of byOwner) {
      if (plans.length <= max) continue;
      const index = ws.people.findIndex((p) => p.id === owner);
      const name = ws.personById.get(owner)?.name ?? owner;
      out.push(
        at(ws.sources.team, ['people', index, 'id'], `${name} owns ${plans.length} strategic plans (${plans.join(', ')}), more than ${max}. A strategic plan is deep work reviewed every quarter: keep it for the accounts that carry the most revenue and set "strategic: false" on the others, or hand some to a colleague.`, { person: owner }),
      );
    }
    return out;
  },
};

export const stalePlan: Rule<'stale-plan'> = {
  id: 'stale-plan',
  check({ ws, today }, { days }) {
    const cadence = days ?? ws.settings.review_cadence_days;
    return ws.accounts.flatMap((a) => {
      const reviewed = a.plan.last_reviewed;
      if (reviewed === undefined) {
        return [onPlan(a, ['last_reviewed'], `The plan has no last_reviewed date, so nobody can tell whether it is current. Review it with your manager and add "last_reviewed: ${today}".`, a.plan.owner)];
      }
      const age = daysBetween(reviewed, today);
      if (age <= cadence) return [];
      return [onPlan(a, ['last_reviewed'], `The plan was last reviewed on ${reviewed}, ${age} days ago; plans are reviewed every ${cadence} days. Review it with your manager and update last_reviewed.`, a.plan.owner)];
    });
  },
};

export const overdueAction: Rule<'overdue-action'> = {
  id: 'overdue-action',
  check({ ws, today }, { grace_days }) {
    return ws.accounts.flatMap((a) =>
      a.plan.actions.flatMap((x, i) => {
        const late = daysBetween(x.due, today);
        if (!OPEN_ACTION.has(x.status) || late <= grace_days) return [];
        return [onPlan(a, ['actions', i, 'due'], `The action ${excerpt(x.description)} was due on ${x.due}, ${late} days ago, and is still ${x.status}. Do it and set "status: done", move the due date, or cancel it.`, x.owner)];
      }),
    );
  },
};

export const noNextAction: Rule<'no-next-action'> = {
  id: 'no-next-action',
  check({ ws, today }, { days }) {
    const until = addDays(today, days);
    const inWindow = (d: string | undefined) => d !== undefined && d >= today && d <= until;
    return ws.accounts.flatMap((a) => {
      if (a.plan.actions.some((x) => MOVING_ACTION.has(x.status) && (inWindow(x.due) || inWindow(x.start)))) return [];
      const what = a.plan.actions.length === 0 ? 'The plan has no actions' : `No open action falls between ${today} and ${until}`;
      return [onPlan(a, ['actions'], `${what}, so nothing moves the account forward in the next ${days} days. Add the next step under actions with an owner and a due date.`, a.plan.owner, 'key')];
    });
  },
};

export const objectiveWithoutOwner: Rule<'objective-without-owner'> = {
  id: 'objective-without-owner',
  check({ ws }) {
    return ws.accounts.flatMap((a) =>
      a.plan.objectives.flatMap((o, i) => {
        if (o.owner !== undefined || !OPEN_OBJECTIVE.has(o.status)) return [];
        return [onPlan(a, ['objectives', i], `The objective ${excerpt(o.id)} has no owner, so nobody is accountable for it. Add "owner:" with the id of a person in team.yaml.`, a.plan.owner)];
      }),
    );
  },
};
