import { resolve } from 'node:path';
import { sortDiagnostics } from '../diagnostics/diagnostic.ts';
import { displayRoot, readPlansFolder } from './files.ts';
import { checkNarrativeImages } from './narrative/images.ts';
import { loadWorkspace } from './workspace.ts';
import { readLedger } from './sales/read.ts';
import { type LoadResult } from '../model.ts';

/** Reads, parses, validates and links the plans folder. */
export function readWorkspace(options: { plansDir: string; cwd?: string }): LoadResult {
  const files = readPlansFolder(options.plansDir, options.cwd);
  const result = loadWorkspace(files, { root: displayRoot(options.plansDir, options.cwd) });
  // Narrative images are files beside the plans: checked here, where the folder is known.
  const images = checkNarrativeImages(files, resolve(options.cwd ?? process.cwd(), options.plansDir));
  if (images.length > 0) return { workspace: undefined, diagnostics: sortDiagnostics([...result.diagnostics, ...images]) };
  // The ledger is checked against linked plans (ids, offerings, years), so only once they are valid.
  if (!result.workspace) return result;
  const sales = readLedger(options.plansDir, options.cwd ?? process.cwd(), result.workspace);
  if (sales.diagnostics.length === 0 && !sales.ledger) return result;
  const diagnostics = sortDiagnostics([...result.diagnostics, ...sales.diagnostics]);
  if (!sales.ledger) return { workspace: undefined, diagnostics };
  return { workspace: { ...result.workspace, ledger: sales.ledger }, diagnostics };
}
