import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerInputs } from '../src/core/load/sales/files.ts';

// What the run cache keys a command on for the ledger (scripts/lib/cached-run.ts): the bytes of each file it may read,
// and for a file no workspace.yaml lets it read (over sales.max_file_bytes' ceiling of 1 GB), its size alone.
function ledgerFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'ledger-key-'));
  mkdirSync(join(root, 'plans', 'sales'), { recursive: true });
  return root;
}

describe('the ledger part of the run cache key', () => {
  it('is the bytes of a file that may be read: another amount is another key', () => {
    const root = ledgerFolder();
    const file = join(root, 'plans', 'sales', 'ledger.csv');
    writeFileSync(file, 'date,account,revenue\n2026-01-02,acme,100\n');
    const before = ledgerInputs('plans', root);
    writeFileSync(file, 'date,account,revenue\n2026-01-02,acme,900\n');
    expect(ledgerInputs('plans', root)).not.toBe(before);
    expect(before).toMatch(/^.*\nledger\.csv\0file 41 \S+$/);
  });

  it('is the size of a file over the largest limit workspace.yaml may set, which is refused unread whatever it holds', () => {
    const root = ledgerFolder();
    const file = join(root, 'plans', 'sales', 'huge.csv');
    writeFileSync(file, '');
    truncateSync(file, 2 * 1024 ** 3);
    const key = ledgerInputs('plans', root);
    expect(key).toContain('huge.csv\0refused file-too-large');
    expect(key).toContain('2147483648');
    truncateSync(file, 2 * 1024 ** 3 + 1);
    expect(ledgerInputs('plans', root)).not.toBe(key);
  });

  it('hashes a file just under the ceiling, since a workspace.yaml may allow it', () => {
    const root = ledgerFolder();
    const file = join(root, 'plans', 'sales', 'big.csv');
    writeFileSync(file, '');
    truncateSync(file, 1024 ** 3);
    expect(ledgerInputs('plans', root)).toMatch(/big\.csv\0file 1073741824 \S+$/);
  }, 120_000);
});
