import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/diagnose.ts';
import type { Workspace } from '../model.ts';
import type { BaseReport } from '../report/base-report.ts';

/**
 * With a base: the notes this change added or edited that name a plan found neither now nor at the base (an
 * error, at the id). When the base does not validate, only the plans here count.
 */
export function notesNamingNothing(ws: Workspace, base: BaseReport, baseWs: Workspace | undefined): Diagnostic[] {
  const touched = new Set(base.touched);
  const out: Diagnostic[] = [];
  for (const n of ws.notes) {
    if (!touched.has(n.file)) continue;
    n.note.accounts.forEach((id, i) => {
      if (ws.accountById.has(id) || baseWs?.accountById.has(id)) return;
      out.push(diagnose(n.file, n.source.locate(['accounts', i]), 'note-account-nowhere', { id, ref: base.ref }));
    });
  }
  return out;
}
