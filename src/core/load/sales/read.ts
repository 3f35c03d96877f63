import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { isBelow, isSkippedName, toPosix } from '../../shared/paths.ts';
import { DEFAULT_LEDGER_FILE_BYTES, type WorkspaceSettings } from '../../../../schemas/index.ts';
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
  const { root, folder, names } = listLedger(plansDir, cwd);
  if (names.length === 0) return { ledger: undefined, diagnostics: [] };
  const display = (name: string) => toPosix(relative(cwd, join(resolve(cwd, plansDir), 'sales', name)));
  const limit = ledgerFileLimit(ws.settings);
  const refused: Diagnostic[] = [];
  const sources: LedgerSource[] = [];
  const late: Diagnostic[] = [];
  for (const name of names) {
    const problem = refuse(root, join(folder, name), name, limit);
    if (problem) refused.push(ledgerError(display(name), { line: 1, column: 1 }, problem.code, problem.message));
    else {
      let unread = false;
      const onProblem = (code: Diagnostic['code'], message: string) => {
        unread = true;
        late.push(ledgerError(display(name), { line: 1, column: 1 }, code, message));
      };
      sources.push({ display: display(name), chunks: chunksOf(join(folder, name), limit, onProblem), unread: () => unread });
    }
  }
  const built = buildLedger(sources, ws);
  // A file that changed while it was read (grew past the limit, became a link, vanished) is reported, and nothing summed.
  refused.push(...late);
  const diagnostics = [...refused, ...built.diagnostics];
  return { ledger: refused.length > 0 ? undefined : built.ledger, diagnostics };
}

/** The plans folder's real path, its sales/ folder, and the .csv names readLedger reads there (none when sales/ is not a real folder). */
function listLedger(plansDir: string, cwd: string): { root: string; folder: string; names: string[] } {
  const root = realpathSync(resolve(cwd, plansDir));
  const folder = join(root, 'sales');
  try {
    if (!lstatSync(folder).isDirectory()) return { root, folder, names: [] };
    return { root, folder, names: readdirSync(folder).filter((n) => !isSkippedName(n) && /\.csv$/i.test(n)).sort() };
  } catch {
    return { root, folder, names: [] };
  }
}

/**
 * Everything readLedger's result depends on besides the workspace, as one string: each .csv of sales/ by name,
 * with why it is refused (a link, not a file, a name in capitals) or its size and a hash of its bytes. A run's
 * cached output is keyed on it (load/run-cache.ts), so any change to the ledger, a file replaced by a link
 * included, runs the command again.
 */
export function ledgerInputs(plansDir: string, cwd: string): string {
  const { root, folder, names } = listLedger(plansDir, cwd);
  const parts = [root];
  for (const name of names) {
    const path = join(folder, name);
    // What readLedger decides for the entry (refused, and why), or its bytes; the size limit is workspace.yaml's, keyed with it.
    const problem = refuse(root, path, name, Number.POSITIVE_INFINITY);
    let part: string;
    if (problem) part = `refused ${problem.code} ${problem.message}`;
    else {
      const hash = createHash('sha256');
      let size = 0;
      let late: string | undefined;
      for (const chunk of chunksOf(path, Number.POSITIVE_INFINITY, (code) => (late = code))) {
        hash.update(chunk);
        size += chunk.length;
      }
      part = late ? `unread ${late}` : `file ${size} ${hash.digest('base64')}`;
    }
    parts.push(`${name}\0${part}`);
  }
  return parts.join('\n');
}

/** The byte limit of one ledger file: sales.max_file_bytes, not the plans' own limit, since an export is streamed. */
export function ledgerFileLimit(settings: WorkspaceSettings): number {
  return settings.sales?.max_file_bytes ?? DEFAULT_LEDGER_FILE_BYTES;
}

function tooLargeMessage(size: number, limit: number): string {
  const mb = (n: number) => `${Math.round((n / 2 ** 20) * 10) / 10} MB (${n} bytes)`;
  return `The file is ${mb(size)}, and a ledger file may be at most ${mb(limit)}, so it was not read. Split the export into several files in sales/, or raise sales.max_file_bytes in workspace.yaml.`;
}

/** Why a file of sales/ is not read, if it is not: a link, something other than a file, too large, or a lower-case mismatch. */
function refuse(root: string, path: string, name: string, limit: number): { code: Diagnostic['code']; message: string } | undefined {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return { code: 'file-vanished', message: 'The file disappeared while the ledger was being read (was it moved or deleted meanwhile?). Run the check again.' };
  }
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
  if (stat.size > limit) return { code: 'file-too-large', message: tooLargeMessage(stat.size, limit) };
  return undefined;
}

/** The file in chunks, opened without following a link; a file that changes while it is read is reported through `onProblem`. */
function* chunksOf(path: string, limit: number, onProblem: (code: Diagnostic['code'], message: string) => void): Generator<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return onProblem('file-changed', 'This file was replaced by a symbolic link while the ledger was being read. Replace the link with the file itself, then run the check again.');
    if (code === 'ENOENT') return onProblem('file-vanished', 'The file disappeared while the ledger was being read (was it moved or deleted meanwhile?). Run the check again.');
    return onProblem('unreadable-file', `The file cannot be read (${code ?? 'unknown error'}). Make it readable by the user who runs the check, then run it again.`);
  }
  try {
    if (!fstatSync(fd).isFile()) return onProblem('not-a-file', 'This is not an ordinary file, so it is not read. The ledger is made of .csv files: replace it with one, or remove it.');
    const buffer = new Uint8Array(CHUNK_BYTES);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return;
      total += n;
      // Cut where it passes the limit: a file that grows while it is read is refused like one that was too large.
      if (total > limit) return onProblem('file-too-large', tooLargeMessage(total, limit));
      yield buffer.slice(0, n);
    }
  } finally {
    closeSync(fd);
  }
}
