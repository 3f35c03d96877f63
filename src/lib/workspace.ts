import { hasErrors } from '../core/diagnostics/diagnostic.ts';
import { Run } from '../core/engine/run.ts';
import { workingCopy } from '../core/load/sources.ts';
import { toolRootFor } from '../core/load/history/tool-root.ts';
import { formatDiagnostic } from '../core/report/diagnostics.ts';
import { resolveToday } from '../core/shared/today.ts';
import type { Workspace } from '../core/model.ts';
import { takeOverRun } from './site-run.ts';

/**
 * The engine's run over the plans folder, once per build: every page imports this module, and the module cache
 * makes it one read. `npm run build` validates in this same process before Astro runs and hands its Run over
 * (site-run.ts), so the plans are read once; an invalid folder here means `astro dev` or `astro build` was started
 * directly; it fails with the diagnostics.
 */
let cached: { run: Run; at: number } | undefined;

/** In `astro dev` the plans change while the server runs: read them again after a second. */
const DEV_REFRESH_MS = 1000;

/** Set by the Astro integration (src/astro/integration.ts): the plans folder and the repository root. */
declare const __ACCOUNT_PLANS__: { plansDir: string; cwd: string } | undefined;
const settings = typeof __ACCOUNT_PLANS__ === 'undefined' ? undefined : __ACCOUNT_PLANS__;

export function plansDir(): string {
  return settings?.plansDir ?? (process.env['PLANS_DIR'] || 'plans');
}

/** The folder the plans folder is relative to: the repository root, the Astro project's root. */
export function plansCwd(): string {
  return settings?.cwd ?? (process.env['PLANS_CWD'] || process.cwd());
}

export function loadSiteRun(): Run {
  if (cached && (!import.meta.env.DEV || Date.now() - cached.at < DEV_REFRESH_MS)) return cached.run;
  // TODAY is read as every command reads it (shared/today.ts): a value that is not a real date fails the build.
  const today = resolveToday(undefined, process.env);
  const handed = cached ? undefined : takeOverRun(plansDir(), plansCwd());
  // Else the cache `npm run build` filled while validating: the site's load costs no parse (off with ACCOUNT_PLANS_CACHE=0).
  // Pages render for seconds (and in `astro dev` the files change meanwhile): the run reads its files at once, one
  // snapshot the stat index never leaves partly unread, so no page stops on a file edited while the site builds.
  const run =
    handed?.today === today
      ? handed
      : Run.of(workingCopy({ plansDir: plansDir(), cwd: plansCwd(), cache: true, index: false, toolRoot: toolRootFor(plansCwd()) ?? plansCwd() }), { today });
  const { workspace, diagnostics } = run.loaded;
  if (!workspace || hasErrors(diagnostics)) {
    const lines = diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d));
    throw new Error(`The plans in ${plansDir()} are invalid, so the site cannot be built:\n${lines.join('\n')}\nRun npm run validate to see every problem.`);
  }
  cached = { run, at: Date.now() };
  return run;
}

export function loadSiteWorkspace(): Workspace {
  return loadSiteRun().valid;
}
