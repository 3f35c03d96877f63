import { sortDiagnostics } from '../diagnostics/diagnostic.ts';
import type { LoadResult } from '../model.ts';
import type { PlansSource } from './sources.ts';
import { loadWorkspace } from './workspace.ts';
import type { LoadedFiles } from './load-file.ts';

/**
 * Parses, validates and links a plans source, then checks what lies beside the plans: the images the narratives
 * show and the sales ledger. The one definition of a valid workspace, for the working copy and for a commit alike.
 * `today` (YYYY-MM-DD, the run's date) bounds the ledger: a sale dated after it is not booked (sales/ledger.ts);
 * a caller without a date (a test of the ledger as written) gets every row.
 */
export function readWorkspace(source: PlansSource, today?: string, shared?: LoadedFiles): LoadResult {
  const { files, cache } = source;
  let result: LoadResult;
  try {
    result = loadWorkspace(files, { root: source.root, ...(cache && { cache }), ...(shared && { shared }) });
  } finally {
    // Every entry written is right for its file, so even a load cut short leaves a usable pack.
    cache?.save();
  }
  const images = source.checkImages(files);
  if (images.length > 0) return { workspace: undefined, diagnostics: sortDiagnostics([...result.diagnostics, ...images]) };
  // The ledger is checked against linked plans (ids, offerings, years), so only once they are valid.
  if (!result.workspace) return result;
  const sales = source.readLedger(result.workspace, today);
  if (sales.diagnostics.length === 0 && !sales.ledger) return result;
  const diagnostics = sortDiagnostics([...result.diagnostics, ...sales.diagnostics]);
  if (!sales.ledger || sales.diagnostics.some((d) => d.severity === 'error')) return { workspace: undefined, diagnostics };
  return { workspace: { ...result.workspace, ledger: sales.ledger }, diagnostics };
}
