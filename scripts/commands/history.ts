import { readPlansHistory } from '../../src/core/load/history/read-history.ts';
import { readLastCommits } from '../../src/core/git/log.ts';
import { Run } from '../../src/core/engine/run.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import { historyNotes, type HistoryNote } from '../../src/core/rollup/history-notes.ts';
import { safeJson } from '../../src/core/report/escape.ts';
import { renderHistoryText } from '../../src/core/report/history-text.ts';
import { buildSeries, EVERY, type Every } from '../../src/core/rollup/history.ts';
import { parseDate } from '../../src/core/shared/today.ts';
import { oneLine } from '../../src/core/shared/text.ts';
import { ExitError, parseOptions, plansDirOption, todayOption, withUsage, type Output } from '../lib/cli.ts';

export const HISTORY_USAGE = 'Usage: npm run history -- [--plans DIR] [--since YYYY-MM-DD] [--every week|month] [--json] [--today YYYY-MM-DD] [--no-cache]';

/**
 * Every goal's planned total (and, with --json, every account's forecast) at the end of each week or month, from
 * the plans' own git history. Exit 0 with the history, or with a message when there is none to read (a shallow
 * clone); 2 when the plans folder cannot have one (missing, outside its repository, not in git) or on misuse.
 */
export function historyCommand(argv: string[], output: Output, cwd = process.cwd(), options: { cache?: string | false; env?: NodeJS.ProcessEnv } = {}): number {
  const values = parseOptions(
    argv,
    { plans: { type: 'string' }, since: { type: 'string' }, every: { type: 'string' }, json: { type: 'boolean' }, today: { type: 'string' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    HISTORY_USAGE,
  );
  if (values.help) {
    output.out(HISTORY_USAGE);
    return 0;
  }
  const since = values.since === undefined ? undefined : withUsage(HISTORY_USAGE, () => parseDate('--since', values.since!));
  const until = todayOption(values.today, options.env ?? process.env, HISTORY_USAGE);
  if (since !== undefined && since > until) throw new ExitError(2, `--since ${since} is after today (${until}): there is no history after it yet.\n${HISTORY_USAGE}`);
  const every = values.every ?? 'week';
  if (!(EVERY as readonly string[]).includes(every)) {
    throw new ExitError(2, `--every must be week or month, not "${oneLine(every, 100)}".\n${HISTORY_USAGE}`);
  }
  const plansDir = plansDirOption(values.plans);
  const cache = values['no-cache'] ? false : options.cache;
  // A folder that is missing or outside its repository is an InputError: exit 2 with its message.
  const history = readPlansHistory({ plansDir, cwd, ...(cache !== undefined && { cache }) });
  if (history.unavailable?.kind === 'no-git') {
    throw new ExitError(2, `${oneLine(plansDir, 200)}: ${history.unavailable.message} Commit the plans to git (git init, git add, git commit), or run this in the repository that holds them.`);
  }
  const series = buildSeries(history, { since, until, every: every as Every });
  const changeNotes = history.unavailable ? [] : notesOfHistory(plansDir, cwd, { since, until });
  if (values.json) {
    const { goals, accounts, notes, currency, unavailable } = series;
    output.out(safeJson({ currency, every, goals, accounts, notes, changeNotes, ...(unavailable !== undefined && { unavailable }) }));
  } else for (const line of renderHistoryText(series, changeNotes)) output.out(line);
  return 0;
}

/** The change notes of the plans as they are now, dated by the commit that added each; none when the plans do not validate. */
function notesOfHistory(plansDir: string, cwd: string, range: { since?: string | undefined; until: string }): HistoryNote[] {
  const workspace = Run.of(workingCopy({ plansDir, cwd }), { today: range.until }).workspace;
  if (!workspace || workspace.notes.length === 0) return [];
  return historyNotes(workspace, readLastCommits(plansDir, cwd).addedByFile, range);
}
