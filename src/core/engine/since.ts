import type { PlansHistory } from '../load/history/read-history.ts';
import { openPlansRepo } from '../git/repo.ts';
import { atCommit } from '../load/sources.ts';
import { compareFindings } from '../report/finding-change.ts';
import { ownerChanges } from '../report/explain.ts';
import { compareRollups, type GoalChange } from '../rollup/diff.ts';
import type { Finding } from '../rules/finding.ts';
import { addDays } from '../shared/periods.ts';
import { Run } from './run.ts';

/** A plan's owner before and after (the report's Handover adds the goals it moved). */
export interface OwnerChange {
  account: string;
  from: string;
  to: string;
}

/** What changed in the plans between the last commit on or before a date and now, as `check --base` compares two runs. */
export interface ChangesSince {
  /** How many days back, and the date that is (today − days). */
  days: number;
  date: string;
  /** The commit the plans are compared with: the last one on the branch on or before `date` whose plans validate. */
  commit: { hash: string; date: string } | undefined;
  /** Why there is nothing to compare with, in a sentence; undefined when there is. */
  unavailable: string | undefined;
  /** Every goal now (and any since removed), planned then and now, with the plans that moved it. */
  goals: GoalChange[];
  /** Account ids that are new since then, and the plans (id and name as they were then) that are gone. */
  added: string[];
  removed: { id: string; name: string }[];
  /** Plans renamed since then: the id then → the id now. */
  renamed: { from: string; to: string }[];
  handovers: OwnerChange[];
  /** Findings now that were not there then, and findings then that are gone. */
  opened: Finding[];
  resolved: Finding[];
}

const EMPTY = { goals: [], added: [], removed: [], renamed: [], handovers: [], opened: [], resolved: [] };

/**
 * The plans now (`head`) against the plans as they were `days` ago: the engine run again over the last commit of the
 * branch on or before that date (read from git with plumbing, never checked out, ledger included), so then and now are
 * counted by one definition. The history (load/history) says which commit that is and follows plans across renames.
 * Commit messages and author names are never read.
 */
export function changesSince(history: PlansHistory, head: Run, days: number, where: { plansDir: string; cwd: string }): ChangesSince {
  const date = addDays(head.today, -days);
  const none = (unavailable: string, commit?: ChangesSince['commit']) => ({ days, date, commit, unavailable, ...EMPTY });
  if (history.unavailable) return none(history.unavailable.message);
  let then: { hash: string; date: string; lineage: ReadonlyMap<string, string> } | undefined;
  let first: string | undefined;
  history.replay((state) => {
    first ??= state.date;
    if (state.date <= date && state.workspace) then = { hash: state.hash, date: state.date, lineage: state.lineage };
  });
  if (!then) {
    return none(first !== undefined && first > date
      ? `The plans' history starts on ${first}, after ${date}, so there is nothing to compare with yet.`
      : `No commit on or before ${date} holds valid plans, so there is nothing to compare with.`);
  }
  const opened = openPlansRepo(where.plansDir, where.cwd);
  if (!('repo' in opened)) return none('The plans folder is not in a git repository, so there is nothing to compare with.');
  const commit = { hash: then.hash, date: then.date };
  const base = { repo: opened.repo, shownRef: then.hash.slice(0, 8), commit: then.hash, refCommit: then.hash };
  // "Then" is judged as of then: a plan that was not yet stale then is not a finding then.
  const past = Run.of(atCommit(base, where.plansDir, where.cwd), { today: then.date, how: head.how });
  const was = past.workspace;
  if (!was) return none(`The plans at ${then.date} (commit ${then.hash.slice(0, 8)}) do not validate with their ledger, so there is nothing to compare with.`, commit);
  const now = head.valid;
  if (was.settings.currency !== now.settings.currency) {
    return none(`The plans at ${then.date} were in ${was.settings.currency} and are now in ${now.settings.currency}, so their totals cannot be compared.`, commit);
  }
  // One account across a rename: the history's lineage keys (id then → key ← id now).
  const nowByKey = new Map([...history.lineage].map(([id, key]) => [key, id]));
  const renames = new Map<string, string>();
  for (const [id, key] of then.lineage) {
    const to = nowByKey.get(key);
    if (to !== undefined && to !== id && was.accountById.has(id)) renames.set(id, to);
  }
  const follow = (id: string) => renames.get(id) ?? id;
  const thenIds = new Set(was.accounts.map((a) => follow(a.id)));
  const findings = compareFindings(head.findings, past.findings, renames);
  const handovers: OwnerChange[] = ownerChanges(was, now, renames).map(({ before, after }) => ({ account: after.id, from: before.plan.owner, to: after.plan.owner }));
  return {
    days,
    date,
    commit,
    unavailable: undefined,
    goals: compareRollups(past.rollup, head.rollup, renames),
    added: now.accounts.filter((a) => !thenIds.has(a.id)).map((a) => a.id),
    removed: was.accounts.filter((a) => !now.accountById.has(follow(a.id))).map((a) => ({ id: a.id, name: a.plan.name })),
    renamed: [...renames].map(([from, to]) => ({ from, to })),
    handovers,
    opened: head.findings.filter((_, i) => findings.isNew[i]),
    resolved: findings.resolved,
  };
}
