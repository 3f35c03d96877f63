import type { Commit } from '../git/repo.ts';
import type { Workspace } from '../model.ts';
import { goalLabel, makeScopeMatcher } from './scope.ts';

/** A change note beside the history: when it was written and the goals whose totals it explains. */
export interface HistoryNote {
  /** The note's path as the user opens it. */
  file: string;
  /** The date of the commit that added it. */
  date: string;
  accounts: string[];
  /** The labels of the goals it explains: those it names, and those whose scope holds a plan it names. */
  goals: string[];
  reason: string;
}

/**
 * The change notes written between `since` and `until` (by the commit that added each, from git), each with the
 * goals it explains, so `history` can show the reason beside the totals it moved. Notes git does not date (not
 * committed) are left out: the history is of commits.
 */
export function historyNotes(ws: Workspace, added: ReadonlyMap<string, Commit> | undefined, range: { since?: string | undefined; until: string }): HistoryNote[] {
  const out: HistoryNote[] = [];
  const goals = ws.goals.map((g) => ({ label: goalLabel(g, ws), matches: makeScopeMatcher(ws, g.scope) }));
  for (const n of ws.notes) {
    const date = added?.get(n.rel)?.date;
    if (date === undefined || date > range.until || (range.since !== undefined && date < range.since)) continue;
    const plans = n.note.accounts.flatMap((id) => ws.accountById.get(id) ?? []);
    const labels = goals.filter((g) => n.note.goals.includes(g.label) || plans.some(g.matches)).map((g) => g.label);
    out.push({ file: n.file, date, accounts: n.note.accounts, goals: labels, reason: n.note.reason });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file));
}
