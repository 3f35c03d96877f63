import { resolve } from 'node:path';
import type { Run } from '../core/engine/run.ts';

/**
 * The Run that `npm run build` validated, handed to the site's pages in the same process (scripts/lib/astro-build.ts
 * validates, then starts Astro there), so the plans are read, parsed and validated once per build. The pages' bundle
 * has its own copy of this module, so the hand-over is a process-wide slot under a registered symbol.
 */
const SLOT = Symbol.for('account-plans.validated-run');

interface Handed {
  /** The plans folder and the folder its paths are shown relative to, both absolute. */
  folder: string;
  cwd: string;
  run: Run;
}

type Slot = { [SLOT]?: Handed };

/** Keeps a valid Run for the pages; `plansDir` is relative to `cwd`, as the Run shows its paths. */
export function handOverRun(run: Run, plansDir: string, cwd: string): void {
  (globalThis as Slot)[SLOT] = { folder: resolve(cwd, plansDir), cwd: resolve(cwd), run };
}

/**
 * The handed-over Run when it read the same folder with the same paths as the pages would (else the pages load their
 * own). Only the build's runner sets it, so `astro dev` always reads the plans itself.
 */
export function takeOverRun(plansDir: string, cwd: string): Run | undefined {
  const handed = (globalThis as Slot)[SLOT];
  if (!handed || handed.folder !== resolve(cwd, plansDir) || handed.cwd !== resolve(cwd)) return undefined;
  return handed.run;
}
