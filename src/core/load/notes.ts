import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/diagnose.ts';
import type { Workspace } from '../model.ts';
import { goalLabel } from './goal-label.ts';

/**
 * What a change note names, checked against the plans: an account without a plan, or a goal label no goal prints,
 * is a warning here, since the plan may have been removed by the very change the note explains (`check --base`
 * makes it an error when the base has no such plan either: engine/notes-at-base.ts).
 */
export function linkNotes(ws: Workspace): Diagnostic[] {
  const out: Diagnostic[] = [];
  const labels = new Set(ws.goals.map((g) => goalLabel(g, ws)));
  for (const n of ws.notes) {
    n.note.accounts.forEach((id, i) => {
      if (ws.accountById.has(id)) return;
      out.push(diagnose(n.file, n.source.locate(['accounts', i]), 'note-unknown-account', { id }));
    });
    n.note.goals.forEach((label, i) => {
      if (labels.has(label)) return;
      out.push(diagnose(n.file, n.source.locate(['goals', i]), 'note-unknown-goal', { label }));
    });
  }
  return out;
}
