import { OPEN_ACTION_STATUSES } from '../../../schemas/execution.ts';
import type { ReviewAction } from '../../../schemas/review.ts';
import { actionKey, latestReviews, openAtReview } from '../reviews/history.ts';
import { addDays, daysBetween } from '../shared/periods.ts';
import type { SiteData } from './site.ts';

/** One open action with a due date, from a plan or from a person's latest review. */
export interface DueAction {
  description: string;
  owner: string;
  ownerName: string;
  due: string;
  status: string;
  overdue: boolean;
  /** Where it was written: a plan (account id and name), a review (month), or a plan action followed in a review (both). */
  account?: { id: string; name: string };
  review?: { month: string; person: string };
}

/** A review action and the plan action it follows: same account, and `serves` names the action's id or the text is the same. */
function follows(x: ReviewAction, account: string, p: { id?: string | undefined; description: string }): boolean {
  return x.account === account && ((x.serves !== undefined && p.id === x.serves) || actionKey(x) === actionKey(p));
}

/**
 * Every open action: plan actions, and the actions a person's latest review left open (earlier reviews are
 * history; what they left open is carried or closed by the latest). A review action that follows a plan action
 * is that plan action, and the plan holds its status: it is listed once, as the plan's, with the review beside.
 * Ordered overdue first, then by due date.
 */
export function openActions(data: SiteData): DueAction[] {
  const { ws, today } = data;
  const name = (id: string) => ws.personById.get(id)?.name ?? id;
  const reviewed = [...latestReviews(ws.reviews).values()].flatMap((r) => openAtReview(r).map((x) => ({ x, review: { month: r.month, person: r.person } })));
  const byAccount = new Map<string, typeof reviewed>();
  for (const r of reviewed) if (r.x.account !== undefined) byAccount.set(r.x.account, [...(byAccount.get(r.x.account) ?? []), r]);
  const out: DueAction[] = [];
  const followed = new Set<ReviewAction>();
  for (const a of ws.accounts) {
    for (const x of a.plan.actions) {
      const matches = (byAccount.get(a.id) ?? []).filter((r) => follows(r.x, a.id, x));
      for (const m of matches) followed.add(m.x);
      if (!OPEN_ACTION_STATUSES.has(x.status)) continue;
      const review = matches[0]?.review;
      out.push({ description: x.description, owner: x.owner, ownerName: name(x.owner), due: x.due, status: x.status, overdue: x.due < today, account: { id: a.id, name: a.plan.name }, ...(review && { review }) });
    }
  }
  for (const { x, review } of reviewed) {
    if (x.due === undefined || followed.has(x)) continue;
    const plan = x.account !== undefined ? ws.accountById.get(x.account) : undefined;
    out.push({ description: x.description, owner: x.owner, ownerName: name(x.owner), due: x.due, status: x.status, overdue: x.due < today, review, ...(plan && { account: { id: plan.id, name: plan.plan.name } }) });
  }
  return out.sort((p, q) => Number(q.overdue) - Number(p.overdue) || p.due.localeCompare(q.due) || p.description.localeCompare(q.description));
}

export interface WeekView {
  today: string;
  /** Monday and Sunday of the week of the build's date. */
  from: string;
  to: string;
  people: { id: string; name: string; actions: (DueAction & { late: string })[] }[];
  total: number;
}

/** The weekly check: every action due this week or overdue, by person (team.yaml order). */
export function weekView(data: SiteData): WeekView {
  const { today, ws } = data;
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const from = addDays(today, -weekday);
  const to = addDays(from, 6);
  const due = openActions(data).filter((x) => x.due <= to);
  const people = ws.people.flatMap((p) => {
    const actions = due.filter((x) => x.owner === p.id).map((x) => ({ ...x, late: x.overdue ? overdueBy(daysBetween(x.due, today)) : `due ${x.due}` }));
    return actions.length === 0 ? [] : [{ id: p.id, name: p.name, actions }];
  });
  return { today, from, to, people, total: due.length };
}

function overdueBy(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'} overdue`;
}
