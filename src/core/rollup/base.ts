import { openPlansRepo, readLedgerFilesAt, readPlansAt, type PlansRepo } from '../load/git-ref.ts';
import { ledgerFileLimit } from '../load/sales/read.ts';
import { buildLedger } from '../load/sales/ledger.ts';
import { readFileChanges, type Rename } from '../load/git-changes.ts';
import { loadWorkspace } from '../load/workspace.ts';
import type { Workspace } from '../model.ts';
import { compareRollups, type GoalChange } from './diff.ts';
import { rollUp, type Rollup } from './rollup.ts';

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
}

/** The base report, and the base's workspace when it validates (for the rules at the base). */
export interface BaseComparison {
  base: BaseReport;
  workspace?: Workspace;
}

/**
 * The pull request's effect on the totals: the plans at `ref` rolled up and compared with
 * the working copy's rollup. Plans at the ref that do not validate are reported, not fatal:
 * the head figures still stand on their own.
 */
export function compareWithBase(ref: string, plansDir: string, cwd: string, head: Rollup): BaseReport {
  return compareChange(ref, plansDir, cwd, head).base;
}

/** compareWithBase, keeping the base's workspace so the caller can run the rules on it too. */
export function compareChange(ref: string, plansDir: string, cwd: string, head: Rollup): BaseComparison {
  const repo = openPlansRepo(ref, plansDir, cwd);
  const files = readPlansAt(repo, plansDir, cwd);
  const { renames, touched } = readFileChanges(repo, plansDir, cwd);
  const at = { commit: repo.commit, ...(repo.refCommit !== repo.commit && { refCommit: repo.refCommit }) };
  const none = { ref, ...at, valid: false, errors: 0, goals: [], renames, touched };
  if (files.length === 0) {
    return { base: { ...none, message: `There was no plans folder (${plansDir}) at ${ref}, so every total is new; the figures above are this branch's.` } };
  }
  const { workspace: plansOnly, diagnostics } = loadWorkspace(files);
  const workspace = plansOnly && withLedgerAt(repo, plansDir, cwd, plansOnly);
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
  if (workspace.settings.currency !== head.currency) {
    return { base: { ...none, message: `The plans at ${ref} are in ${workspace.settings.currency} and these are in ${head.currency}, so their totals cannot be compared; the figures above are this branch's.` } };
  }
  const renamed = new Map(renames.map((r) => [r.from, r.to]));
  return { base: { ref, ...at, valid: true, errors: 0, goals: compareRollups(rollUp(workspace), head, renamed), renames, touched }, workspace };
}

/**
 * The base's workspace with the sales ledger it had, read as the working copy's is, so that booked figures and
 * the ledger's findings exist on both sides and a change is not credited with findings that were already there.
 * A base ledger that cannot be read whole, or has errors, leaves the base without one.
 */
function withLedgerAt(repo: PlansRepo, plansDir: string, cwd: string, ws: Workspace): Workspace {
  const files = readLedgerFilesAt(repo, plansDir, cwd, ledgerFileLimit(ws.settings));
  if (!files || files.length === 0) return ws;
  const { ledger, diagnostics } = buildLedger(files.map((f) => ({ display: f.display, chunks: [f.bytes] })), ws);
  return ledger && !diagnostics.some((d) => d.severity === 'error') ? { ...ws, ledger } : ws;
}
