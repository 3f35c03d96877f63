import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { isBelow, isSkippedName, toPosix } from '../../shared/paths.ts';
import { DEFAULT_MAX_FILE_BYTES, tooLargeMessage } from '../limits.ts';
import type { Ledger, Workspace } from '../../model.ts';
import { ledgerError } from './errors.ts';
import { buildLedger, type LedgerSource } from './ledger.ts';

/** How much of a ledger file is read at a time: memory stays flat whatever the file's size. */
const CHUNK_BYTES = 1 << 20;

/**
 * Reads plans/sales/*.csv from disk and sums it against the workspace. The ledger is optional: no sales folder,
 * no ledger. Files are opened without following links and their size is checked on the open file, as plans are.
 */
export function readLedger(plansDir: string, cwd: string, ws: Workspace): { ledger: Ledger | undefined; diagnostics: Diagnostic[] } {
  const root = realpathSync(resolve(cwd, plansDir));
  const folder = join(root, 'sales');
  let names: string[];
  try {
    if (!lstatSync(folder).isDirectory()) return { ledger: undefined, diagnostics: [] };
    names = readdirSync(folder).filter((n) => !isSkippedName(n) && /\.csv$/i.test(n)).sort();
  } catch {
    return { ledger: undefined, diagnostics: [] };
  }
  if (names.length === 0) return { ledger: undefined, diagnostics: [] };
  const display = (name: string) => toPosix(relative(cwd, join(resolve(cwd, plansDir), 'sales', name)));
  const limit = ws.settings.max_file_bytes ?? DEFAULT_MAX_FILE_BYTES;
  const refused: Diagnostic[] = [];
  const sources: LedgerSource[] = [];
  for (const name of names) {
    const problem = refuse(root, join(folder, name), name, limit);
    if (problem) refused.push(ledgerError(display(name), { line: 1, column: 1 }, problem.code, problem.message));
    else sources.push({ display: display(name), chunks: chunksOf(join(folder, name)) });
  }
  const built = buildLedger(sources, ws);
  const diagnostics = [...refused, ...built.diagnostics];
  return { ledger: refused.length > 0 ? undefined : built.ledger, diagnostics };
}

/** Why a file of sales/ is not read, if it is not: a link, something other than a file, too large, or a lower-case mismatch. */
function refuse(root: string, path: string, name: string, limit: number): { code: Diagnostic['code']; message: string } | undefined {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) {
    let target: string | undefined;
    try {
      target = realpathSync(path);
    } catch {
      return { code: 'link-dangling', message: 'This symbolic link points to a file that does not exist. Replace it with the ledger file itself, or remove it.' };
    }
    if (!isBelow(root, target)) return { code: 'link-outside', message: 'This symbolic link points outside the plans folder, and the ledger is read only from inside it. Copy the file into sales/ instead of linking to it.' };
    return { code: 'ledger-link', message: 'This ledger file is a symbolic link, and links in sales/ are not followed (their rows would be counted twice). Copy the file here, or remove the link.' };
  }
  if (!stat.isFile()) return { code: 'not-a-file', message: 'This is not an ordinary file, so it is not read. The ledger is made of .csv files: replace it with one, or remove it.' };
  if (name !== name.replace(/\.csv$/i, '.csv')) return { code: 'file-name-case', message: `This file is not read: ledger files end in lower-case .csv. Rename it to ${name.replace(/\.csv$/i, '.csv')}.` };
  if (stat.size > limit) return { code: 'file-too-large', message: tooLargeMessage(`sales/${name}`, stat.size, limit) };
  return undefined;
}

/** The file in chunks, opened without following a link; the size is checked again on the open file (it may have grown). */
function* chunksOf(path: string): Generator<Uint8Array> {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) return;
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return;
      yield buffer.slice(0, n);
    }
  } finally {
    closeSync(fd);
  }
}
