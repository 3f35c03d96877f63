import { formatPath, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.ts';
import type { ReviewEntry, Workspace } from '../model.ts';
import { excerpt } from '../shared/suggest.ts';
import { at, suggestion } from './link-at.ts';

export { latestReviews } from '../reviews/history.ts';

/**
 * A review is a record of its month: an account named in it may have been removed or renamed since. That is a
 * note, never an error, so that nobody has to edit a past month to keep the folder valid.
 */
export function reviewAccountExists(r: ReviewEntry, path: PathSegment[], id: string, accountIds: ReadonlySet<string>): Diagnostic[] {
  if (accountIds.has(id)) return [];
  const hint = suggestion(id, accountIds) || ' If it was removed or renamed since, leave the review as it is: it records its month.';
  return [at(r, path, 'review-account-gone', `${formatPath(path)}: ${excerpt(id)} has no plan in accounts/ now.${hint}`, 'info')];
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
        return [at(r, [list, i, 'serves'], 'serves-without-account', `${where}: ${excerpt(x.serves)} names an objective or action, but the action names no account. Add "account: <id>" for the plan it belongs to.`)];
      }
      const plan = ws.accountById.get(x.account);
      // No plan now (a note above), or a plan that failed its schema (its errors are reported).
      if (!plan) return [];
      const ids = [...plan.plan.objectives.map((o) => o.id), ...plan.plan.actions.flatMap((a) => (a.id === undefined ? [] : [a.id]))];
      if (ids.includes(x.serves)) return [];
      if (!latest) {
        return [at(r, [list, i, 'serves'], 'review-serves-gone', `${where}: ${excerpt(x.serves)} is not an objective or action in accounts/${x.account} now. The review records its month: leave it as it is.`, 'info')];
      }
      const message = `${where}: ${excerpt(x.serves)} is not an objective or action id in accounts/${x.account}.${suggestion(x.serves, ids) || ` Write the id of one of its objectives or actions${ids.length > 0 ? ` (${ids.slice(0, 5).join(', ')})` : '; give the plan action an id first'}.`}`;
      return [at(r, [list, i, 'serves'], 'unknown-serves', message)];
    }),
  );
}

/**
 * An offering a review found to cross-sell or upsell. In a person's latest review an unknown one is a typo to
 * fix; in an earlier one the offering may have been retired since, so it is a note.
 */
export function reviewOfferingExists(r: ReviewEntry, path: PathSegment[], id: string, offerings: readonly string[], latest: boolean): Diagnostic[] {
  if (offerings.includes(id)) return [];
  if (!latest) return [at(r, path, 'review-offering-gone', `${formatPath(path)}: ${excerpt(id)} is not an offering in workspace.yaml now. The review records its month: leave it as it is.`, 'info')];
  const hint = suggestion(id, offerings) || (offerings.length ? ` Write one of: ${offerings.join(', ')}.` : ' Add it under "offerings" in workspace.yaml.');
  return [at(r, path, 'unknown-offering', `${formatPath(path)}: ${excerpt(id)} is not an offering in workspace.yaml.${hint}`)];
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
        return [at(r, [list, i, 'status'], 'slipped-without-due', `${list}[${i}]: ${excerpt(x.description)} slipped but gives no new date. Add "due: YYYY-MM-DD", the date it is now promised for.`)];
      }
      if ((x.status === 'dropped' || x.status === 'cancelled') && x.reason === undefined) {
        return [at(r, [list, i, 'status'], 'dropped-without-reason', `${list}[${i}]: ${excerpt(x.description)} is ${x.status} without a reason. Add "reason: …", one line on why it is no longer worth doing.`)];
      }
      if (list === 'actions' && x.due === undefined && x.status !== 'dropped' && x.status !== 'cancelled') {
        return [at(r, [list, i, 'description'], 'new-action-without-due', `actions[${i}]: ${excerpt(x.description)} has no due date. Add "due: YYYY-MM-DD": a new action has an owner and a date, so the weekly check can find it.`)];
      }
      return [];
    }),
  );
}
