import { appendFileSync, mkdirSync, openSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { measure, type Sample } from './bench-run.ts';
import { generateWorkspace } from './generate.ts';

/**
 * The sales ledger at scale: a generated workspace of `accounts` plans plus a ledger of `rows` rows (a quarter of
 * them for clients without a plan) in one file, as a CRM exports it, measured through `validate`, which reads, checks
 * and sums every row. Separate from bench.ts's table, which the plans' own figures fill.
 */
export interface LedgerBench {
  rows: number;
  accounts: number;
  files: number;
  megabytes: number;
  /** validate on the same workspace with and without its ledger: the difference is the ledger's cost. */
  withLedger: Sample;
  withoutLedger: Sample;
  /** With --ledger-filter: the export has every stage, sales.where keeps Closed Won, and this many rows are sales. */
  filtered?: { sales: number };
}

// One export of up to ten million rows (about 550 MB, under the ledger's 1 GB ceiling) is one file.
const ROWS_PER_FILE = 10_000_000;
const CHANNELS = ['direct', 'partner'];
const PRODUCTS = ['sensors', 'software', 'service', 'training', 'calibration'];
/** An opportunities report's stages: about half the rows are won, the rest lost or still open. */
const STAGES = ['Closed Won', 'Closed Won', 'Closed Won', 'Closed Lost', 'Negotiation', 'Proposal'];

/** Writes plans/sales/ledger-N.csv: seeded, so runs repeat; dates across FY2025–FY2027 (fiscal years start in February). */
export function generateLedger(dir: string, options: { rows: number; accounts: number; seed?: number; filtered?: boolean }): { files: number; bytes: number; sales: number } {
  let state = (options.seed ?? 42) >>> 0;
  const rand = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  mkdirSync(join(dir, 'sales'), { recursive: true });
  // A million rows is about 55 MB, within the ledger's default limit; larger runs raise sales.max_file_bytes.
  // With `filtered`, the file is an opportunities report (a stage column, every stage) and only won rows are sales.
  const settings = [...(options.rows > 4_000_000 ? ['max_file_bytes: 1073741824'] : []), ...(options.filtered ? ['where: { stage: [Closed Won] }'] : [])];
  if (settings.length > 0) appendFileSync(join(dir, 'workspace.yaml'), `sales: { ${settings.join(', ')} }\n`);
  const start = Date.UTC(2024, 1, 1);
  const days = Math.floor((Date.UTC(2026, 10, 20) - start) / 86_400_000);
  let bytes = 0;
  let files = 0;
  let sales = 0;
  for (let written = 0; written < options.rows; files++) {
    const fd = openSync(join(dir, 'sales', `ledger-${files}.csv`), 'w');
    const lines = [`date,account,revenue,product,margin,channel${options.filtered ? ',stage' : ''}`];
    const n = Math.min(ROWS_PER_FILE, options.rows - written);
    for (let i = 0; i < n; i++) {
      const date = new Date(start + Math.floor(rand() * days) * 86_400_000).toISOString().slice(0, 10);
      const planned = rand() < 0.75;
      const account = planned ? `account-${String(Math.floor(rand() * options.accounts)).padStart(5, '0')}` : `C-${Math.floor(rand() * options.accounts * 2)}`;
      const revenue = (Math.floor(rand() * 500_000) / 100).toFixed(2);
      const channel = planned ? '' : CHANNELS[Math.floor(rand() * CHANNELS.length)];
      const stage = options.filtered ? STAGES[Math.floor(rand() * STAGES.length)]! : 'Closed Won';
      if (stage === 'Closed Won') sales++;
      lines.push(`${date},${account},${revenue},${PRODUCTS[Math.floor(rand() * PRODUCTS.length)]},${(Number(revenue) * 0.4).toFixed(2)},${channel}${options.filtered ? `,${stage}` : ''}`);
      if (lines.length >= 10_000) bytes += flush(fd, lines);
    }
    bytes += flush(fd, lines);
    closeSync(fd);
    written += n;
  }
  return { files, bytes, sales };
}

function flush(fd: number, lines: string[]): number {
  if (lines.length === 0) return 0;
  const text = `${lines.join('\n')}\n`;
  lines.length = 0;
  return writeSync(fd, text);
}

/** Generates the workspace twice (with and without the ledger) and times `validate` on each. */
export function benchLedger(options: { work: string; script: (name: string) => string; rows: number; accounts?: number; seed?: number; filtered?: boolean }): LedgerBench {
  const accounts = options.accounts ?? 1000;
  const seed = options.seed ?? 42;
  const plain = join(options.work, `ledger-none-${accounts}`);
  const withSales = join(options.work, `ledger-${options.rows}`);
  generateWorkspace(plain, { accounts, seed, mdx: 0.2 });
  generateWorkspace(withSales, { accounts, seed, mdx: 0.2 });
  const { files, bytes, sales } = generateLedger(withSales, { rows: options.rows, accounts, seed, filtered: options.filtered === true });
  return {
    rows: options.rows,
    accounts,
    files,
    megabytes: Math.round((bytes / 2 ** 20) * 10) / 10,
    withoutLedger: measure(options.script('validate.ts'), ['--plans', plain], 0),
    withLedger: measure(options.script('validate.ts'), ['--plans', withSales], 0),
    ...(options.filtered && { filtered: { sales } }),
  };
}
