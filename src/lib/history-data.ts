import { InputError } from '../core/shared/input-error.ts';
import { readPlansHistory } from '../core/load/history/read-history.ts';
import { buildSiteHistory, type SiteHistory } from '../core/views/history.ts';
import { loadSiteData } from './site-data.ts';
import { plansCwd, plansDir } from './workspace.ts';

/**
 * The plans' history for the site, read from git once per build. PLANS_HISTORY=off leaves it out (the bench
 * compares builds with and without it). A folder outside git or a shallow clone gives a site without history,
 * never a failed build. Notes name files by their path in the repository, never by the build machine's folders.
 */
let cached: { ws: unknown; history: SiteHistory } | undefined;

export function loadSiteHistory(): SiteHistory {
  const data = loadSiteData();
  if (cached?.ws === data.ws) return cached.history;
  let history: SiteHistory;
  if (process.env['PLANS_HISTORY'] === 'off') history = none('The history is turned off for this build (PLANS_HISTORY=off).');
  else {
    try {
      history = buildSiteHistory(readPlansHistory({ plansDir: plansDir(), cwd: plansCwd(), paths: 'repo' }), data.ws, data.today);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // The message names folders of the machine that built the site: not for a published page.
      history = none('The plans folder is outside its git repository, so there is no history to show.');
    }
  }
  cached = { ws: data.ws, history };
  return history;
}

function none(reason: string): SiteHistory {
  return { unavailable: reason, notes: [], goals: [], accounts: new Map() };
}
