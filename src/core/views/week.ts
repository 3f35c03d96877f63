import { OPEN_ACTION_STATUSES } from '../../../schemas/execution.ts';
import { latestReviews, openAtReview, planActionFollowed } from '../reviews/history.ts';
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

const openByBuild = new WeakMap<SiteData, readonly DueAction[]>();

/**
 * Every open action: plan actions, and the actions a person's latest review left open (earlier reviews are
 * history; what they left open is carried or closed by the latest). A review action that follows a plan action
 * is that plan action, and the plan holds its status: it is listed once, as the plan's, with the review beside.
 * Ordered overdue first, then by due date. Computed once per build and shared: every person page asks, and a scan
 * and sort of every plan's actions per page made the site pages × plans.
 */
export function openActions(data: SiteData): readonly DueAction[] {
  let list = openByBuild.get(data);
  if (!list) {
    list = collectOpenActions(data);
    openByBuild.set(data, list);
  }
  return list;
}

function collectOpenActions(data: SiteData): DueAction[] {
  const { ws, today } = data;
  const name = (id: string) => ws.personById.get(id)?.name ?? id;
  const reviewed = [...latestReviews(ws.reviews).values()].flatMap((r) => openAtReview(r).map((x) => ({ x, review: { month: r.month, person: r.person } })));
  // Each plan action the latest reviews follow, with the review that followed it.
  const followedIn = new Map<object, { month: string; person: string }>();
  const own = reviewed.filter(({ x, review }) => {
    const planAction = planActionFollowed(ws, x);
    if (planAction && !followedIn.has(planAction)) followedIn.set(planAction, review);
    return planAction === undefined;
  });
  const out: DueAction[] = [];
  for (const a of ws.accounts) {
    for (const x of a.plan.actions) {
      if (!OPEN_ACTION_STATUSES.has(x.status)) continue;
      const review = followedIn.get(x);
      out.push({ description: x.description, owner: x.owner, ownerName: name(x.owner), due: x.due, status: x.status, overdue: x.due < today, account: { id: a.id, name: a.plan.name }, ...(review && { review }) });
    }
  }
  for (const { x, review } of own) {
    if (x.due === undefined) continue;
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
