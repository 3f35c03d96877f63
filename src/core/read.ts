import { resolve } from 'node:path';
import { sortDiagnostics } from './diagnostics.ts';
import { displayRoot, readPlansFolder } from './files.ts';
import { checkNarrativeImages } from './narrative-images.ts';
import { loadWorkspace, type LoadResult } from './workspace.ts';

/** Reads, parses, validates and links the plans folder. */
export function readWorkspace(options: { plansDir: string; cwd?: string }): LoadResult {
  const files = readPlansFolder(options.plansDir, options.cwd);
  const result = loadWorkspace(files, { root: displayRoot(options.plansDir, options.cwd) });
  // Narrative images are files beside the plans: checked here, where the folder is known.
  const images = checkNarrativeImages(files, resolve(options.cwd ?? process.cwd(), options.plansDir));
  if (images.length === 0) return result;
  return { workspace: undefined, diagnostics: sortDiagnostics([...result.diagnostics, ...images]) };
}
