import { readPlansAtRef } from '../load/git-ref.ts';
import { loadWorkspace } from '../load/workspace.ts';
import { compareRollups, type GoalChange } from './diff.ts';
import { rollUp, type Rollup } from './rollup.ts';

/** The plans as they were at --base, compared with the working copy. */
export interface BaseReport {
  ref: string;
  /** False when the plans at the ref do not validate (or do not exist): then `goals` is empty. */
  valid: boolean;
  /** Why there is nothing to compare, when not valid. */
  message?: string;
  /** How many errors the plans at the ref have. */
  errors: number;
  goals: GoalChange[];
}

/**
 * The pull request's effect on the totals: the plans at `ref` rolled up and compared with
 * the working copy's rollup. Plans at the ref that do not validate are reported, not fatal:
 * the head figures still stand on their own.
 */
export function compareWithBase(ref: string, plansDir: string, cwd: string, head: Rollup): BaseReport {
  const files = readPlansAtRef(ref, plansDir, cwd);
  if (files.length === 0) {
    return { ref, valid: false, errors: 0, goals: [], message: `There was no plans folder (${plansDir}) at ${ref}, so every total is new; the figures above are this branch's.` };
  }
  const { workspace, diagnostics } = loadWorkspace(files);
  if (!workspace) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    return {
      ref,
      valid: false,
      errors,
      goals: [],
      message: `The plans at ${ref} do not validate (${errors} error${errors === 1 ? '' : 's'}), so there is nothing to compare with; the figures above are this branch's, which do validate.`,
    };
  }
  if (workspace.settings.currency !== head.currency) {
    return { ref, valid: false, errors: 0, goals: [], message: `The plans at ${ref} are in ${workspace.settings.currency} and these are in ${head.currency}, so their totals cannot be compared; the figures above are this branch's.` };
  }
  return { ref, valid: true, errors: 0, goals: compareRollups(rollUp(workspace), head) };
}
