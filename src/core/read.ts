import { displayRoot, readPlansFolder } from './files.ts';
import { loadWorkspace, type LoadResult } from './workspace.ts';

/** Reads, parses, validates and links the plans folder. */
export function readWorkspace(options: { plansDir: string; cwd?: string }): LoadResult {
  return loadWorkspace(readPlansFolder(options.plansDir, options.cwd), { root: displayRoot(options.plansDir, options.cwd) });
}
