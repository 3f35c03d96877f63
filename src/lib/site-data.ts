import { readPlansHistory } from '../core/load/git-log.ts';
import { readHeadCommit } from '../core/load/git-head.ts';
import { todayIso } from '../core/shared/periods.ts';
import { buildSiteData, type SiteData } from '../core/views/site.ts';
import { loadSiteWorkspace, plansCwd, plansDir } from './workspace.ts';

/**
 * The build's SiteData (src/core/views/site.ts), computed once and shared by every page: each page hands it
 * to its view model. Only the reading of the environment and the cache live here.
 */
let cached: SiteData | undefined;

export function loadSiteData(): SiteData {
  const ws = loadSiteWorkspace();
  if (cached?.ws === ws) return cached;
  cached = buildSiteData({
    ws,
    today: process.env['TODAY'] || todayIso(),
    history: readPlansHistory(plansDir(), plansCwd()),
    plansDir: plansDir(),
    commit: readHeadCommit(plansDir(), plansCwd()),
    cwd: plansCwd(),
  });
  return cached;
}
