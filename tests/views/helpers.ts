import { readWorkspace } from '../../src/core/load/read-workspace.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import type { LastCommits } from '../../src/core/git/log.ts';
import { Run } from '../../src/core/engine/run.ts';
import type { Workspace } from '../../src/core/model.ts';
import { buildSiteData, type SiteData } from '../../src/core/views/site.ts';

/** The build date the golden site is built on: FY2027 with the example's February fiscal year. */
export const TODAY = '2026-11-24';

export const NO_HISTORY: LastCommits = { repoPath: undefined, last: undefined, byFile: new Map(), head: undefined };

/** A plans folder read and validated as the site reads it; fails the test on any error. */
export function workspaceOf(plansDir: string): Workspace {
  const { workspace, diagnostics } = readWorkspace(workingCopy({ plansDir }));
  if (!workspace) throw new Error(`${plansDir} is invalid: ${diagnostics.map((d) => d.message).join('; ')}`);
  return workspace;
}

export function siteOf(ws: Workspace, today = TODAY, history = NO_HISTORY): SiteData {
  return buildSiteData({ run: Run.ofWorkspace(ws, { today }), history, plansDir: 'plans' });
}

/** The example plans, read once for every view test. */
export const example = siteOf(workspaceOf('plans'));
