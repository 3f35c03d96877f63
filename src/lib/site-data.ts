import { readLastCommits } from '../core/git/log.ts';
import { buildSiteData, type SiteData } from '../core/views/site.ts';
import { loadSiteRun, plansCwd, plansDir } from './workspace.ts';

/**
 * The build's SiteData (src/core/views/site.ts), computed once from the engine's run and shared by every page:
 * each page hands it to its view model. Only the reading of the environment and the cache live here.
 */
let cached: SiteData | undefined;

export function loadSiteData(): SiteData {
  const run = loadSiteRun();
  if (cached && cached.ws === run.workspace) return cached;
  const data = buildSiteData({ run, history: readLastCommits(plansDir(), plansCwd()), plansDir: plansDir(), cwd: plansCwd() });
  cached = data;
  return data;
}
