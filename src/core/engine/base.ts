import { readFileChanges } from '../git/changes.ts';
import type { BaseReport } from '../report/base-report.ts';
import { resolveBase } from '../git/ref.ts';
import { atCommit } from '../load/sources.ts';
import { compareRollups } from '../rollup/diff.ts';
import { Run } from './run.ts';
import { findHandovers, namesOf, notesOfChange } from '../report/explain.ts';

/** The base report, and the base's run when its plans validate (for the rules at the base). */
export interface BaseComparison {
  base: BaseReport;
  run?: Run;
}

/**
 * The change's effect on the totals: the engine run again over the plans at `ref` (the same door, so the base is
 * valid by the same definition as the head: plans, narrative images and ledger) and compared with the head's run.
 * Plans at the ref that do not validate are reported, not fatal: the head figures still stand on their own.
 */
export function compareWithBase(ref: string, plansDir: string, cwd: string, head: Run, options: { cache?: boolean } = {}): BaseComparison {
  const base = resolveBase(ref, plansDir, cwd);
  const source = atCommit(base, plansDir, cwd, options);
  const { renames, touched } = readFileChanges(base, source.display);
  const at = { commit: base.commit, ...(base.refCommit !== base.commit && { refCommit: base.refCommit }) };
  const notesFolder = `${source.display('changes')}/`;
  const headWs = head.valid;
  const notes = notesOfChange(headWs, touched);
  const none = { ref, ...at, valid: false, errors: 0, goals: [], renames, touched, notes, notesFolder };
  if (source.files.length === 0) {
    return { base: { ...none, message: `There was no plans folder (${plansDir}) at ${ref}, so every total is new; the figures above are this branch's.` } };
  }
  // Every plan the change did not touch is the head's own, loaded once for both runs.
  const run = Run.of(source, { today: head.today, how: head.how }, head);
  const { workspace, diagnostics } = run.loaded;
  if (!workspace) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    return {
      base: {
        ...none,
        errors,
        message: `The plans at ${ref} do not validate (${errors} error${errors === 1 ? '' : 's'}), so there is nothing to compare with; the figures above are this branch's, which do validate.`,
      },
    };
  }
  const currency = head.rollup.currency;
  if (workspace.settings.currency !== currency) {
    return { base: { ...none, message: `The plans at ${ref} are in ${workspace.settings.currency} and these are in ${currency}, so their totals cannot be compared; the figures above are this branch's.` } };
  }
  const renamed = new Map(renames.map((r) => [r.from, r.to]));
  const names = namesOf(headWs, workspace);
  const handovers = findHandovers({ ws: workspace, rollup: run.rollup }, { ws: headWs, rollup: head.rollup }, renamed, names);
  return { base: { ref, ...at, valid: true, errors: 0, goals: compareRollups(run.rollup, head.rollup, renamed), renames, touched, handovers, notes, notesFolder }, run };
}
