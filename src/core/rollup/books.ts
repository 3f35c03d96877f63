import type { Workspace } from '../model.ts';
import { rollUp, type GoalResult } from './rollup.ts';

/** A person's book in one period: their own plans, and for a manager the plans of everyone under them. */
export interface Book {
  own: GoalResult;
  /** Only for someone whom team.yaml names as a manager. */
  team: GoalResult | undefined;
}

/**
 * Each person's book in `period`, by person id. Summed by the rollup itself, as goals of zero for an `owner:`
 * and a `manager:` scope, so a book is exactly what `check` would print for such a goal (same scope rules,
 * same weighted-or-full counting) and no second way of adding up plans exists.
 */
export function rollUpBooks(ws: Workspace, period: string): Map<string, Book> {
  const managers = new Set(ws.people.flatMap((p) => (p.manager ? [p.manager] : [])));
  const goals = ws.people.flatMap((p) => [
    { period, scope: { owner: p.id }, revenue: 0 },
    ...(managers.has(p.id) ? [{ period, scope: { manager: p.id }, revenue: 0 }] : []),
  ]);
  const books = new Map<string, Book>();
  // Goals come back in the order given: each person's owner goal right before their manager goal.
  for (const r of rollUp({ ...ws, goals }).goals) {
    const owner = r.scope['owner'];
    if (owner !== undefined) books.set(owner, { own: r, team: undefined });
    else {
      const book = books.get(r.scope['manager'] ?? '');
      if (book) book.team = r;
    }
  }
  return books;
}
