import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { problem, type Problem } from '../../diagnostics/diagnose.ts';
import { isBelow, isSkippedName } from '../../shared/paths.ts';
import { MAX_LEDGER_FILE_BYTES } from '../../../../schemas/sales-limits.ts';

/*
 * The ledger's files on disk: which .csv files of sales/ are read, why one is refused, and each one's bytes in chunks.
 * Apart from summing them (read.ts, ledger.ts), so a command whose output is replayed keys it on the ledger (ledgerInputs)
 * without loading the CSV parser or the schemas.
 */

/** How much of a ledger file is read at a time: memory stays flat whatever the file's size. */
const CHUNK_BYTES = 1 << 20;

/** The plans folder's real path, its sales/ folder, and the .csv names readLedger reads there (none when sales/ is not a real folder). */
export function listLedger(plansDir: string, cwd: string): { root: string; folder: string; names: string[] } {
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
    // What readLedger decides for the entry (refused, and why), or its bytes; the size limit is workspace.yaml's, keyed
    // with it. A file over the largest limit workspace.yaml may set is refused unread whatever it holds: its size
    // stands for it, so a 2 GB export is not read twice for the key.
    const refusal = refuse(root, path, name, MAX_LEDGER_FILE_BYTES);
    let part: string;
    if (refusal) part = `refused ${refusal.code} ${refusal.message}`;
    else {
      const hash = createHash('sha256');
      let size = 0;
      let late: string | undefined;
      for (const chunk of chunksOf(path, Number.POSITIVE_INFINITY, (found) => (late = found.code))) {
        hash.update(chunk);
        size += chunk.length;
      }
      part = late ? `unread ${late}` : `file ${size} ${hash.digest('base64')}`;
    }
    parts.push(`${name}\0${part}`);
  }
  return parts.join('\n');
}

/** Why a file of sales/ is not read, if it is not: a link, something other than a file, too large, or a lower-case mismatch. */
export function refuse(root: string, path: string, name: string, limit: number): Problem | undefined {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return problem('file-vanished', { in: 'ledger' });
  }
  if (stat.isSymbolicLink()) {
    let target: string | undefined;
    try {
      target = realpathSync(path);
    } catch {
      return problem('link-dangling', { in: 'ledger' });
    }
    if (!isBelow(root, target)) return problem('link-outside', { in: 'ledger' });
    return problem('ledger-link', { at: undefined });
  }
  if (!stat.isFile()) return problem('not-a-file', { is: 'ledger-entry' });
  if (name !== name.replace(/\.csv$/i, '.csv')) return problem('file-name-case', { renamed: name.replace(/\.csv$/i, '.csv'), in: 'ledger' });
  if (stat.size > limit) return problem('file-too-large', { of: 'ledger-file', size: stat.size, limit });
  return undefined;
}

/** The file in chunks, opened without following a link; a file that changes while it is read is reported through `onProblem`. */
export function* chunksOf(path: string, limit: number, onProblem: (found: Problem) => void): Generator<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return onProblem(problem('file-changed', { in: 'ledger' }));
    if (code === 'ENOENT') return onProblem(problem('file-vanished', { in: 'ledger' }));
    return onProblem(problem('unreadable-file', { when: 'opening', reason: code ?? 'unknown error' }));
  }
  try {
    if (!fstatSync(fd).isFile()) return onProblem(problem('not-a-file', { is: 'ledger-entry' }));
    const buffer = new Uint8Array(CHUNK_BYTES);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return;
      total += n;
      // Cut where it passes the limit: a file that grows while it is read is refused like one that was too large.
      if (total > limit) return onProblem(problem('file-too-large', { of: 'ledger-file', size: total, limit }));
      yield buffer.slice(0, n);
    }
  } finally {
    closeSync(fd);
  }
}
