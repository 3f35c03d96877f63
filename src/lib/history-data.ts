import { InputError } from '../core/shared/input-error.ts';
import { changesSince, type ChangesSince } from '../core/engine/since.ts';
import { readPlansHistory, type PlansHistory } from '../core/load/history/read-history.ts';
import { CHANGE_WINDOWS } from '../core/views/changes.ts';
import { buildSiteHistory, type SiteHistory } from '../core/views/history.ts';
import { loadSiteData } from './site-data.ts';
import { loadSiteRun, plansCwd, plansDir } from './workspace.ts';

/**
 * The plans' history for the site, read from git once per build. PLANS_HISTORY=off leaves it out (the bench
 * compares builds with and without it). A folder outside git or a shallow clone gives a site without history,
 * never a failed build. Notes name files by their path in the repository, never by the build machine's folders.
 */
let cached: { ws: unknown; plans: PlansHistory; history: SiteHistory; changes?: ChangesSince[] } | undefined;

function load(): NonNullable<typeof cached> {
  const data = loadSiteData();
  if (cached?.ws === data.ws) return cached;
  let plans: PlansHistory;
  if (process.env['PLANS_HISTORY'] === 'off') plans = none('The history is turned off for this build (PLANS_HISTORY=off).');
  else {
    try {
      plans = readPlansHistory({ plansDir: plansDir(), cwd: plansCwd(), paths: 'repo' });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // The message names folders of the machine that built the site: not for a published page.
      plans = none('The plans folder is outside its git repository, so there is no history to show.');
    }
  }
  cached = { ws: data.ws, plans, history: buildSiteHistory(plans, data.ws, data.today) };
  return cached;
}

export function loadSiteHistory(): SiteHistory {
  return load().history;
}

/** What changed since 7 and 30 days ago (engine/since.ts), computed once per build for the home and changes pages. */
export function loadSiteChanges(): ChangesSince[] {
  const state = load();
  return (state.changes ??= CHANGE_WINDOWS.map((days) => changesSince(state.plans, loadSiteRun(), days, { plansDir: plansDir(), cwd: plansCwd() })));
}

function none(message: string): PlansHistory {
  return { unavailable: { kind: 'no-git', message }, notes: [], count: 0, replay: () => undefined, names: new Map(), lineage: new Map(), stats: { validated: 0, cached: 0 } };
}
