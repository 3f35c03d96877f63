import type { Rename } from '../git/changes.ts';
import type { GoalChange } from '../rollup/diff.ts';
import type { ChangeNoteRef, Handover } from './explain.ts';

/** The plans as they were at --base, compared with the working copy. */
export interface BaseReport {
  ref: string;
  /** The commit compared with: where this branch left the ref (their merge base), as a pull request's diff counts. */
  commit?: string;
  /** The commit the ref names now, when it has moved on since this branch left it. */
  refCommit?: string;
  /** False when the plans at the ref do not validate (or do not exist): then `goals` is empty. */
  valid: boolean;
  /** Why there is nothing to compare, when not valid. */
  message?: string;
  /** How many errors the plans at the ref have. */
  errors: number;
  goals: GoalChange[];
  /** Account plans the change renamed or moved (git's rename detection): their totals moved with them. */
  renames: Rename[];
  /** The plan files the change added, changed or renamed, as the working copy names them. */
  touched: string[];
  /** Plans whose owner the change changed, with their effect on the goals (when the base validates). */
  handovers?: Handover[];
  /** The change notes the change added or edited (changes/*.yaml): the only ones that explain a worsened goal. */
  notes?: ChangeNoteRef[];
  /** Where a change note goes, as the user opens it: plans/changes/. */
  notesFolder?: string;
}
