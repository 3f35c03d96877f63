import { Run } from '../../src/core/engine/run.ts';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { expect } from 'vitest';
import { buildLedger } from '../../src/core/load/sales/ledger.ts';
import { loadWorkspace } from '../../src/core/load/workspace.ts';
import type { Workspace } from '../../src/core/model.ts';
import { accountsTable, bookTable, clientsTable, csvOf, goalsTable, type CsvTable } from '../../src/core/views/downloads.ts';
import { buildSiteData } from '../../src/core/views/site.ts';
import { type CaseFiles, type FuzzCase, ROOT, toBytes, toPlansFiles } from './case.ts';
import { locationProblems, lineCount, TODAY } from './invariants.ts';
import { modelFiles, validFiles, workspaceModel } from './model.ts';

/**
 * The sales ledger and the CSV downloads as fuzz targets. A case is a model workspace plus `sales/fuzz.csv`, kept
 * among the case's files so a shrunk counterexample is saved and replayed like any other; the plans are loaded from
 * the other files, and the ledger is read from its bytes cut into chunks of `params.chunk` bytes.
 */
export const LEDGER = 'sales/fuzz.csv';

/** Cells a CRM export holds, and cells that break a reader: formulas, separators, quotes, line ends, huge text, ids JavaScript knows. */
const DATES = ['2026-03-01', '2025-06-15', '2027-01-31', '2026-02-30', '01/03/2026', '', '2031-01-01', '9999-12-31', 'FY2027-Q1'];
const ACCOUNTS = ['acme', 'globex', 'hooli', 'constructor', '__proto__', "=cmd|' /C calc'!A0", 'Tasman;=2+3;', 'C-1', '', '@SUM(1+1)', 'a\u0000b', '-2 Labs'];
const AMOUNTS = ['100', '0.5', '1e15', '1000000000000001', '-5', 'ten', '1,000', '', '$5', 'NaN', '12.345', '400'];
const TEXTS = ['Acme', "Dunmore;=cmd|' /C calc'!A0;", '+1 direct, -2', 'a|@x', 'tab\t=1', 'Line\nbreak', 'CR\rbreak', '"quoted"', 'x'.repeat(1001), '\u202Eevil', '\u001b[2J', ''];
const CHANNELS = ['direct', 'partner', 'nope', ''];
const PRODUCTS = ['sensors', 'service', 'widgets', ''];
const HEADERS = [
  ['date', 'account', 'revenue', 'name', 'channel', 'product', 'margin'],
  ['account', 'date', 'revenue'],
  ['date', 'account', 'name', 'revenue', 'region', 'channel'],
  ['date', 'account'],
  ['date', 'account', 'revenue', 'revenue'],
];
const CELL: Record<string, fc.Arbitrary<string>> = {
  date: fc.constantFrom(...DATES),
  account: fc.constantFrom(...ACCOUNTS),
  revenue: fc.constantFrom(...AMOUNTS),
  margin: fc.constantFrom(...AMOUNTS),
  name: fc.constantFrom(...TEXTS),
  channel: fc.constantFrom(...CHANNELS),
  region: fc.constantFrom('emea', 'apac', 'mars', ''),
  product: fc.constantFrom(...PRODUCTS),
};

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

const ledgerText = fc
  .record({
    header: fc.constantFrom(...HEADERS),
    rows: fc.array(fc.array(fc.nat({ max: 1000 }), { minLength: 7, maxLength: 7 }), { maxLength: 12 }),
    picks: fc.array(fc.tuple(...Object.values(CELL)), { minLength: 12, maxLength: 12 }),
    end: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    // A mistake no export makes on purpose: a byte changed, a stray quote, the file cut anywhere.
    damage: fc.option(fc.record({ at: fc.nat(), kind: fc.constantFrom('flip', 'quote', 'cut', 'extra-cell'), byte: fc.integer({ min: 0, max: 255 }) }), { nil: undefined }),
  })
  .map(({ header, rows, picks, end, bom, damage }) => {
    const keys = Object.keys(CELL);
    const lines = [header.join(',')];
    rows.forEach((_, r) => {
      const pick = picks[r % picks.length]!;
      lines.push(header.map((h) => quote(pick[keys.indexOf(h)] ?? '')).join(','));
    });
    let bytes: Uint8Array = toBytes(`${bom ? '\uFEFF' : ''}${lines.join(end)}${end}`);
    if (damage) {
      const at = damage.at % Math.max(1, bytes.length);
      if (damage.kind === 'flip') (bytes = bytes.slice())[at] = damage.byte;
      else if (damage.kind === 'quote') bytes = new Uint8Array([...bytes.subarray(0, at), 0x22, ...bytes.subarray(at)]);
      else if (damage.kind === 'cut') bytes = bytes.subarray(0, at);
      else bytes = new Uint8Array([...bytes.subarray(0, at), 0x2c, ...bytes.subarray(at)]);
    }
    return bytes;
  });

export const ledgerCase: fc.Arbitrary<FuzzCase> = fc
  .record({ files: validFiles, ledger: ledgerText, chunk: fc.integer({ min: 1, max: 64 }) })
  .map(({ files, ledger, chunk }) => ({ files: { ...files, [LEDGER]: ledger }, params: { chunk } }));

/** The plans of a case as the loader takes them (without the ledger), and the ledger's bytes. */
function split(files: CaseFiles): { plans: CaseFiles; ledger: Uint8Array } {
  const { [LEDGER]: ledger, ...plans } = files;
  return { plans, ledger: ledger ?? new Uint8Array() };
}

function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
  return out;
}

function workspaceOf(plans: CaseFiles): Workspace {
  const { workspace, diagnostics } = loadWorkspace(toPlansFiles(plans), { root: ROOT });
  expect(workspace, diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n')).toBeDefined();
  return workspace!;
}

/**
 * Nothing throws; every problem is located in the ledger at a line it has (CR, LF and CRLF each end one); the
 * result does not depend on where the chunks cut the bytes; a ledger that is read has finite sums and no more
 * rows than lines.
 */
export function ledgerProblems(c: FuzzCase): string[] {
  const { plans, ledger } = split(c.files);
  const ws = workspaceOf(plans);
  const display = `${ROOT}${LEDGER}`;
  const chunk = Number(c.params['chunk'] ?? 1 << 20);
  const cut = buildLedger([{ display, chunks: chunked(ledger, chunk) }], ws);
  const whole = buildLedger([{ display, chunks: [ledger] }], ws);
  const problems = locationProblems(c.files, cut.diagnostics);
  const shown = (r: typeof cut) => JSON.stringify([r.diagnostics, r.ledger?.rows, [...(r.ledger?.clients.keys() ?? [])]]);
  if (shown(cut) !== shown(whole)) problems.push(`chunks of ${chunk} bytes read otherwise than the whole file:\n${shown(cut).slice(0, 600)}\n${shown(whole).slice(0, 600)}`);
  if (cut.ledger) {
    if (cut.ledger.rows > lineCount(ledger)) problems.push(`${cut.ledger.rows} rows from ${lineCount(ledger)} lines`);
    for (const client of cut.ledger.clients.values()) {
      for (const a of client.byPeriod.values()) if (!Number.isFinite(a.revenue) || !Number.isFinite(a.margin)) problems.push(`${client.id}: a sum that is not finite`);
    }
  }
  return problems;
}

/** Text plan authors and exports write into names, each a formula in some spreadsheet. */
const FORMULA_NAMES = ["Dunmore;=cmd|' /C calc'!A0;", 'Tasman;=2+3;', '=HYPERLINK("http://x","y")', '@SUM(1+1)', '+1', '-2 Labs', 'a|+1', 'tab\t-1', 'x,=1', 'Acme; @x', 'Plain Co'];

const LEDGER_NAMES = FORMULA_NAMES.filter((n) => !n.includes('\t'));

export const downloadsCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    model: workspaceModel,
    names: fc.array(fc.constantFrom(...FORMULA_NAMES), { minLength: 12, maxLength: 12 }),
    // A ledger refuses control characters in its cells, a tab included: its clients hold the rest.
    clients: fc.array(fc.tuple(fc.constantFrom(...LEDGER_NAMES, 'c-1', '__proto__'), fc.constantFrom(...LEDGER_NAMES), fc.constantFrom('direct', 'partner')), { minLength: 1, maxLength: 6 }),
  })
  .map(({ model, names, clients }) => {
    // Plan names through the model, so they are written as valid YAML; people's names replaced on their one line.
    const files = modelFiles({ ...model, accounts: model.accounts.map((a, i) => ({ ...a, name: names[i % names.length]! })) });
    let n = 0;
    const team = new TextDecoder().decode(files['team.yaml']).replace(/name: Rep .*$/gm, () => `name: ${JSON.stringify(names[n++ % names.length])}`);
    const rows = clients.map(([id, name, channel]) => ['2026-03-01', quote(id), '400', quote(name), channel].join(','));
    return { files: { ...files, 'team.yaml': toBytes(team), [LEDGER]: toBytes(['date,account,revenue,name,channel', ...rows, ''].join('\r\n')) }, params: {} };
  });

const FORMULA = /(?:^|[,;\t|\r\n])[ \u00a0]*[=+\-@\t\r]/;

/**
 * Every download parses back (RFC 4180) to its table, cell for cell: numbers as written, text as itself or, when it
 * could start a formula (at its start or after a separator), with a `'` before it; and every text cell is quoted,
 * so a spreadsheet with another list separator keeps it whole.
 */
export function downloadProblems(c: FuzzCase): string[] {
  const { plans, ledger } = split(c.files);
  const ws = workspaceOf(plans);
  const built = buildLedger([{ display: `${ROOT}${LEDGER}`, chunks: [ledger] }], ws);
  const errors = built.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
  if (errors.length > 0 || !built.ledger) return [`the ledger of valid rows is refused: ${errors.join('; ')}`];
  const data = buildSiteData({ run: Run.ofWorkspace({ ...ws, ledger: built.ledger! }, { today: TODAY }), history: { repoPath: undefined, last: undefined, byFile: new Map(), head: undefined }, plansDir: 'plans' });
  const tables: [string, CsvTable | undefined][] = [
    ['accounts.csv', accountsTable(data)],
    ['goals.csv', goalsTable(data)],
    ['portfolio/clients.csv', clientsTable(data)],
    ...ws.people.map((p): [string, CsvTable] => [`people/${p.id}.csv`, bookTable(data, p.id)]),
  ];
  const problems: string[] = [];
  for (const [name, table] of tables) {
    if (!table) continue;
    const text = csvOf(table);
    let rows: string[][];
    try {
      rows = parse(text, { relax_column_count: true }) as string[][];
    } catch (e) {
      problems.push(`${name} is not valid CSV: ${(e as Error).message}`);
      continue;
    }
    const expected = [table.header, ...table.rows].map((row) =>
      row.map((cell) => (cell === undefined ? '' : typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : FORMULA.test(cell) ? `'${cell}` : cell)),
    );
    if (JSON.stringify(rows) !== JSON.stringify(expected)) problems.push(`${name} does not read back as its table:\n${JSON.stringify(rows).slice(0, 400)}\n${JSON.stringify(expected).slice(0, 400)}`);
    for (const line of text.split('\r\n')) {
      for (const field of line.match(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g) ?? []) {
        const raw = field.replace(/^,/, '');
        if (raw !== '' && !raw.startsWith('"') && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(raw)) problems.push(`${name}: a text cell is not quoted: ${raw.slice(0, 80)}`);
      }
    }
  }
  return problems;
}
