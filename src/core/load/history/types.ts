import type { Workspace } from '../../model.ts';

/** One commit of the history, once replayed: its plans as a workspace, or none when that version was invalid. */
export interface HistoryState {
  hash: string;
  /** Committer date in UTC, YYYY-MM-DD. */
  date: string;
  time: number;
  /** Undefined when the plans at this commit do not validate (see the notes). */
  workspace: Workspace | undefined;
  /** Each account id at this commit → the key of its history, the same across renames (and ids since deleted). */
  lineage: ReadonlyMap<string, string>;
}

export interface PlansHistory {
  /** Why there is no history (no git repository, a shallow clone, no commit of the plans yet), in a sentence; undefined when it was read. */
  unavailable: { kind: 'no-git' | 'shallow' | 'no-commits'; message: string } | undefined;
  /** Versions left out, one sentence each, oldest first. */
  notes: string[];
  /** Every commit that touched the plans, oldest first. */
  count: number;
  /** Replays the commits, oldest first, from memory (nothing is parsed twice). */
  replay(visit: (state: HistoryState) => void): void;
  /** Each history key → the account's latest id. */
  names: ReadonlyMap<string, string>;
  /** The newest commit's lineage: each account id → its history key. */
  lineage: ReadonlyMap<string, string>;
  /** Plan versions validated in this run, and results taken from the cache between runs. */
  stats: { validated: number; cached: number };
}

export interface HistoryOptions {
  plansDir: string;
  cwd?: string;
  /** Folder of the cache between runs; false for none; default node_modules/.cache/account-plans/history. */
  cache?: string | false;
  /** The tool's fingerprint the cache is keyed by; tests pass another to stand for an edited tool. */
  cacheFingerprint?: string;
  /**
   * How the notes name files: as the other commands do, relative to `cwd` (default), or by their path in the
   * repository ('repo'), which says nothing about the machine that read them: the site uses it.
   */
  paths?: 'cwd' | 'repo';
}
