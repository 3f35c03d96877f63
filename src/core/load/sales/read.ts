import { join, relative, resolve } from 'node:path';
import { placed, type Problem } from '../../diagnostics/diagnose.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { toPosix } from '../../shared/paths.ts';
import { DEFAULT_LEDGER_FILE_BYTES, type WorkspaceSettings } from '../../../../schemas/index.ts';
import { chunksOf, listLedger, refuse } from './files.ts';
import type { Ledger, Workspace } from '../../model.ts';
import { buildLedger, type LedgerSource } from './ledger.ts';

/**
 * Reads plans/sales/*.csv from disk and sums it against the workspace. The ledger is optional: no sales folder,
 * no ledger. Files are opened without following links and their size is checked on the open file, as plans are.
 * Rows dated after `today` are not booked (buildLedger).
 */
export function readLedger(plansDir: string, cwd: string, ws: Workspace, today?: string): { ledger: Ledger | undefined; diagnostics: Diagnostic[] } {
  const { root, folder, names } = listLedger(plansDir, cwd);
  if (names.length === 0) return { ledger: undefined, diagnostics: [] };
  const display = (name: string) => toPosix(relative(cwd, join(resolve(cwd, plansDir), 'sales', name)));
  const limit = ledgerFileLimit(ws.settings);
  const refused: Diagnostic[] = [];
  const sources: LedgerSource[] = [];
  const late: Diagnostic[] = [];
  for (const name of names) {
    const refusal = refuse(root, join(folder, name), name, limit);
    if (refusal) refused.push(placed(display(name), FIRST, refusal));
    else {
      let unread = false;
      const onProblem = (found: Problem) => {
        unread = true;
        late.push(placed(display(name), FIRST, found));
      };
      sources.push({ display: display(name), chunks: chunksOf(join(folder, name), limit, onProblem), unread: () => unread });
    }
  }
  const built = buildLedger(sources, ws, today);
  // A file that changed while it was read (grew past the limit, became a link, vanished) is reported, and nothing summed.
  refused.push(...late);
  const diagnostics = [...refused, ...built.diagnostics];
  return { ledger: refused.length > 0 ? undefined : built.ledger, diagnostics };
}

/** The byte limit of one ledger file: sales.max_file_bytes, not the plans' own limit, since an export is streamed. */
export function ledgerFileLimit(settings: WorkspaceSettings): number {
  return settings.sales?.max_file_bytes ?? DEFAULT_LEDGER_FILE_BYTES;
}

/** A problem with a whole ledger file is shown at its start. */
const FIRST = { line: 1, column: 1 } as const;

