import { formatPath, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.ts';
import type { ReviewEntry, Workspace } from '../model.ts';
import { at } from './link-at.ts';

export { latestReviews } from '../reviews/history.ts';

/**
 * A review is a record of its month: an account named in it may have been removed or renamed since. That is a
 * note, never an error, so that nobody has to edit a past month to keep the folder valid.
 */
export function reviewAccountExists(r: ReviewEntry, path: PathSegment[], id: string, accountIds: ReadonlySet<string>): Diagnostic[] {
  if (accountIds.has(id)) return [];
  return [at(r, path, 'review-account-gone', { field: formatPath(path), id, accounts: accountIds })];
}

/**
 * `serves` names an objective or action id in the account's plan. In a person's latest review it must exist
 * (an error, with the nearest id); in an earlier one the plan may have moved on, so it is a note.
 */
export function reviewActionsServe(ws: Workspace, r: ReviewEntry, accountIds: ReadonlySet<string>, latest: boolean): Diagnostic[] {
  const lists = [['previous_actions', r.review.previous_actions], ['actions', r.review.actions]] as const;
  return lists.flatMap(([list, actions]) =>
    actions.flatMap((x, i) => {
      if (x.serves === undefined) return [];
      const where = `${list}[${i}].serves`;
      if (x.account === undefined) {
        return [at(r, [list, i, 'serves'], 'serves-without-account', { field: where, serves: x.serves })];
      }
      const plan = ws.accountById.get(x.account);
      // No plan now (a note above), or a plan that failed its schema (its errors are reported).
      if (!plan) return [];
      const ids = [...plan.plan.objectives.map((o) => o.id), ...plan.plan.actions.flatMap((a) => (a.id === undefined ? [] : [a.id]))];
      if (ids.includes(x.serves)) return [];
      if (!latest) {
        return [at(r, [list, i, 'serves'], 'review-serves-gone', { field: where, serves: x.serves, account: x.account })];
      }
      return [at(r, [list, i, 'serves'], 'unknown-serves', { field: where, serves: x.serves, account: x.account, ids })];
    }),
  );
}

/**
 * An offering a review found to cross-sell or upsell. In a person's latest review an unknown one is a typo to
 * fix; in an earlier one the offering may have been retired since, so it is a note.
 */
export function reviewOfferingExists(r: ReviewEntry, path: PathSegment[], id: string, offerings: readonly string[], latest: boolean): Diagnostic[] {
  if (offerings.includes(id)) return [];
  if (!latest) return [at(r, path, 'review-offering-gone', { field: formatPath(path), id })];
  return [at(r, path, 'unknown-offering', { field: formatPath(path), id, offerings })];
}

/**
 * An outcome is complete: a slipped action gives its new date, a dropped one its reason (the method asks for both).
 * A new action has a date too, or the weekly check could never find it due.
 */
export function reviewOutcomesComplete(r: ReviewEntry): Diagnostic[] {
  const lists = [['previous_actions', r.review.previous_actions], ['actions', r.review.actions]] as const;
  return lists.flatMap(([list, actions]) =>
    actions.flatMap((x, i) => {
      if (x.status === 'slipped' && x.due === undefined) {
        return [at(r, [list, i, 'status'], 'slipped-without-due', { list, index: i, description: x.description })];
      }
      if ((x.status === 'dropped' || x.status === 'cancelled') && x.reason === undefined) {
        return [at(r, [list, i, 'status'], 'dropped-without-reason', { list, index: i, description: x.description, status: x.status })];
      }
      if (list === 'actions' && x.due === undefined && x.status !== 'dropped' && x.status !== 'cancelled') {
        return [at(r, [list, i, 'description'], 'new-action-without-due', { index: i, description: x.description })];
      }
      return [];
    }),
  );
}
