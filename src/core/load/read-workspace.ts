import { resolve } from 'node:path';
import { sortDiagnostics } from '../diagnostics/diagnostic.ts';
import { PlansCache } from './cache.ts';
import { displayRoot, readPlansFolder, type PlansFile } from './files.ts';
import { checkNarrativeImages } from './narrative/images.ts';
import { checkSiteLogo } from './site-logo.ts';
import { loadWorkspace } from './workspace.ts';
import { readLedger } from './sales/read.ts';
import { type LoadResult } from '../model.ts';

/**
 * Reads, parses, validates and links the plans folder. With `cache`, each file's parse and schema check come from
 * node_modules/.cache/account-plans when its bytes (and the tool) are unchanged; ACCOUNT_PLANS_CACHE=0 turns it off.
 */
export function readWorkspace(options: { plansDir: string; cwd?: string; cache?: boolean; toolRoot?: string; files?: readonly PlansFile[] }): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  // A caller that keyed its run on the files (load/run-cache.ts) passes them, so what is checked is what was keyed.
  const files = options.files ?? readPlansFolder(options.plansDir, cwd);
  const folder = resolve(cwd, options.plansDir);
  const cache = options.cache ? PlansCache.open(folder, cwd, process.env, options.toolRoot) : undefined;
  let result: LoadResult;
  try {
    result = loadWorkspace(files, { root: displayRoot(options.plansDir, options.cwd), ...(cache && { cache }) });
  } finally {
    // Every entry written is right for its file, so even a load cut short leaves a usable pack.
    cache?.save();
  }
  // Narrative images are files beside the plans: checked here, where the folder is known.
  const images = [...checkNarrativeImages(files, folder), ...checkSiteLogo(files, folder)];
  if (images.length > 0) return { workspace: undefined, diagnostics: sortDiagnostics([...result.diagnostics, ...images]) };
  // The ledger is checked against linked plans (ids, offerings, years), so only once they are valid.
  if (!result.workspace) return result;
  const sales = readLedger(options.plansDir, cwd, result.workspace);
  if (sales.diagnostics.length === 0 && !sales.ledger) return result;
  const diagnostics = sortDiagnostics([...result.diagnostics, ...sales.diagnostics]);
  if (!sales.ledger) return { workspace: undefined, diagnostics };
  return { workspace: { ...result.workspace, ledger: sales.ledger }, diagnostics };
}
