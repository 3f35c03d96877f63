import { join, relative, resolve } from 'node:path';
import { toPosix } from '../../shared/paths.ts';
import { readCommits } from '../../git/log.ts';
import { isShallow, openPlansRepo, outsideMessage } from '../../git/repo.ts';
import { InputError } from '../../shared/input-error.ts';
import { oneLine } from '../../shared/text.ts';
import type { HistoryOptions, PlansHistory } from './types.ts';
import { Walker } from './walker.ts';

export type { HistoryOptions, HistoryState, PlansHistory } from './types.ts';

/**
 * Reads every version of the plans on the current branch with git plumbing (log, cat-file), without checking
 * anything out. Each distinct blob is read from git once and validated once per set of shared files (results
 * are cached on disk by blob id); a version that does not validate is left out with a note, never fatal.
 */
export function readPlansHistory(options: HistoryOptions): PlansHistory {
  const cwd = options.cwd ?? process.cwd();
  const opened = openPlansRepo(options.plansDir, cwd);
  if ('none' in opened) {
    const shown = oneLine(options.plansDir, 200);
    if (opened.none.kind === 'missing') throw new InputError(`The plans folder ${shown} does not exist or is not a folder. Pass --plans with the folder that holds workspace.yaml.`);
    if (opened.none.kind === 'outside') throw new InputError(outsideMessage(options.plansDir, opened.none.top, 'history of it'));
    return empty('no-git', 'The plans folder is not in a git repository, so there is no history to show.');
  }
  const { repo } = opened;
  if (isShallow(repo)) {
    return empty('shallow', 'This is a shallow clone: git holds only the latest commits, so the history of the plans is not shown. Fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in GitHub Actions) to see it.');
  }
  const inRepo = repo.folder === '' ? '' : `${repo.folder}/`;
  const display = options.paths === 'repo' ? (rel: string) => `${inRepo}${rel}` : (rel: string) => toPosix(relative(cwd, join(resolve(cwd, options.plansDir), rel)));
  const commits = readCommits(repo);
  if (commits.length === 0) {
    return empty('no-commits', 'No commit on this branch touches the plans folder yet, so there is no history to show. Commit the plans (git add, git commit) to start it.');
  }
  const walker = new Walker(repo, display, options.cache, options.cacheFingerprint, cwd);
  let lineage: ReadonlyMap<string, string> = new Map();
  walker.run(commits, (state) => {
    lineage = state.lineage;
  });
  walker.cache.save();
  return {
    unavailable: undefined,
    notes: walker.notes,
    count: commits.length,
    replay: (visit) => walker.run(commits, visit),
    names: walker.names,
    lineage,
    stats: { validated: walker.validated, cached: walker.cache.hits },
  };
}

function empty(kind: 'no-git' | 'shallow' | 'no-commits', message: string): PlansHistory {
  return { unavailable: { kind, message }, notes: [], count: 0, replay: () => undefined, names: new Map(), lineage: new Map(), stats: { validated: 0, cached: 0 } };
}
