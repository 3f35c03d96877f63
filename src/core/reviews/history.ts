import { OPEN_ACTION_STATUSES } from '../../../schemas/execution.ts';
import type { ReviewAction } from '../../../schemas/review.ts';
import type { AccountEntry, ReviewEntry, Workspace } from '../model.ts';
import { lastCompleteMonth } from '../shared/periods.ts';

/**
 * The reviews of one person as a history: in order, the latest one being the one still worked on. Past months
 * are records; rules and scaffolds read them but never ask to change them.
 */

/** Oldest first: by the month of the folder, then by date. */
export function inOrder(reviews: readonly ReviewEntry[]): ReviewEntry[] {
  return [...reviews].sort((a, b) => a.month.localeCompare(b.month) || a.review.date.localeCompare(b.review.date) || a.rel.localeCompare(b.rel));
}

/** Each person's reviews, oldest first. */
export function reviewsByPerson(reviews: readonly ReviewEntry[]): Map<string, ReviewEntry[]> {
  const out = new Map<string, ReviewEntry[]>();
  for (const r of inOrder(reviews)) {
    const list = out.get(r.person);
    if (list) list.push(r);
    else out.set(r.person, [r]);
  }
  return out;
}

/** Each person's latest review. */
export function latestReviews(reviews: readonly ReviewEntry[]): Map<string, ReviewEntry> {
  const out = new Map<string, ReviewEntry>();
  for (const [person, list] of reviewsByPerson(reviews)) out.set(person, list[list.length - 1]!);
  return out;
}

export function isOpen(action: ReviewAction): boolean {
  return OPEN_ACTION_STATUSES.has(action.status);
}

/** What identifies one action from review to review: its text, with case and spacing ignored. */
export function actionKey(action: Pick<ReviewAction, 'description'>): string {
  return action.description.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The actions a review leaves open: its new actions and the earlier ones it carried, not done or dropped. */
export function openAtReview(r: ReviewEntry): ReviewAction[] {
  const seen = new Set<string>();
  return [...r.review.previous_actions, ...r.review.actions].filter((x) => {
    const key = actionKey(x);
    if (!isOpen(x) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How many times an action has slipped, this review included. */
export function slipCount(action: ReviewAction): number {
  return (action.slips ?? 0) + (action.status === 'slipped' ? 1 : 0);
}

/**
 * The plan action a review action follows: on the same account, the one whose id it `serves`, or the one with
 * the same text. Such an action is the plan's, discussed at the review, not a new one; the plan holds its status.
 */
export function planActionFollowed(ws: Pick<Workspace, 'accountById'>, x: ReviewAction): AccountEntry['plan']['actions'][number] | undefined {
  const plan = x.account !== undefined ? ws.accountById.get(x.account) : undefined;
  if (!plan) return undefined;
  const key = actionKey(x);
  return plan.plan.actions.find((p) => (x.serves !== undefined && p.id === x.serves) || actionKey(p) === key);
}

/** An action's trend at one review: how many were opened, done and slipped. */
export interface ReviewTrend {
  opened: number;
  done: number;
  slipped: number;
  dropped: number;
}

/** `opened` counts the review's own new actions: a plan action it follows was opened in the plan. */
export function trendOf(r: ReviewEntry, ws: Pick<Workspace, 'accountById'>): ReviewTrend {
  const count = (status: string) => r.review.previous_actions.filter((x) => x.status === status || (status === 'dropped' && x.status === 'cancelled')).length;
  return { opened: r.review.actions.filter((x) => planActionFollowed(ws, x) === undefined).length, done: count('done'), slipped: count('slipped'), dropped: count('dropped') };
}

/**
 * Each person's latest review, when it is still the one being worked on: of this month or the last complete
 * one. An older latest review is history like any other (review-missing asks for the new one instead).
 */
export function currentReviews(reviews: readonly ReviewEntry[], today: string): ReviewEntry[] {
  const last = lastCompleteMonth(today);
  return [...latestReviews(reviews).values()].filter((r) => r.month >= last);
}
