import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { buildLedger } from '../src/core/load/sales/ledger.ts';
import { csvOf, clientsTable } from '../src/core/views/downloads.ts';
import { portfolioView } from '../src/core/views/portfolio.ts';
import { Run } from '../src/core/engine/run.ts';
import { parseCsv } from './helpers/csv.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';
import { siteOf } from './views/helpers.ts';

/**
 * A ledger is an export nobody reads line by line, so its shape is hostile too: odd headers, huge rows and cells,
 * names that a spreadsheet would run, ids that JavaScript objects know. Each case either reads as plain data
 * or is one located error; none crashes, hangs or leaks. tests/fixtures/ledger maps "Invoice date", "Account ID"
 * and "Amount", reads DD/MM/YYYY, and its goals name FY2027.
 */
const HEADER = 'Invoice date,Account ID,Amount,name,channel';
const F = 'plans/sales/2026.csv';

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

function readLedger(files: Record<string, string | Uint8Array>) {
  const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
  s.write({ 'sales/2026.csv': null, ...files });
  const { workspace, diagnostics } = readWorkspace(workingCopy({ plansDir: 'plans', cwd: s.dir }));
  return { workspace, errors: diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`) };
}

describe('a hostile ledger reads as plain data', () => {
  it('keeps cells that start like a formula (=cmd, @SUM, +1, -2) as text: the rule names the client, the download quotes it', () => {
    const { workspace, errors } = readLedger({
      'sales/2026.csv': [HEADER, "01/03/2025,=cmd|' /C calc'!A0,900,@SUM(1+1),partner", '01/03/2026,+1,5,-2 Labs,direct', ''].join('\n'),
    });
    expect(errors).toEqual([]);
    const ledger = workspace!.ledger!;
    expect(ledger.clients.get("=cmd|' /C calc'!A0")).toMatchObject({ hasPlan: false, name: '@SUM(1+1)', dimensions: { channel: 'partner' } });
    expect(ledger.clients.get('+1')).toMatchObject({ name: '-2 Labs' });
    const top = Run.ofWorkspace(workspace!, { today: '2026-08-01' }).findings.find((f) => f.rule === 'top-account-without-plan' && f.file === F)!;
    expect([top.line, top.column, top.account]).toEqual([2, 12, "=cmd|' /C calc'!A0"]);
    // The site shows the name as the export wrote it (Astro escapes text); the CSV download makes a spreadsheet read it as text.
    const data = siteOf(workspace!, '2026-08-01');
    const partner = portfolioView(data).clients!.dimensions.find((d) => d.name === 'channel')!.groups.find((g) => g.value === 'partner')!;
    expect(partner.rows.map((r) => r.name)).toContain('@SUM(1+1)');
    const rows = parseCsv(csvOf(clientsTable(data)!));
    // The ledger gives no margin column: no margin and no margin rank (never 0), top by revenue only.
    expect(rows).toContainEqual(['channel', 'partner', "'=cmd|' /C calc'!A0", "'@SUM(1+1)", 'no', '900', '1', '', '', 'revenue']);
  });

  it('looks up ids such as __proto__ and constructor as plain names, never as JavaScript\'s own', () => {
    const { workspace, errors } = readLedger({
      'sales/2026.csv': [HEADER, '01/03/2025,__proto__,300,Proto,direct', '01/03/2025,constructor,200,,partner', '01/03/2025,toString,100,,', ''].join('\n'),
    });
    expect(errors).toEqual([]);
    const clients = workspace!.ledger!.clients;
    expect([...clients.keys()].sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(clients.get('__proto__')!.dimensions).toEqual({ channel: 'direct' });
    expect(Object.getPrototypeOf(clients.get('__proto__')!.dimensions)).toBe(Object.prototype);
    const tiers = siteOf(workspace!, '2026-08-01').tiers;
    expect([tiers.get('__proto__'), tiers.get('constructor'), tiers.get('toString')]).toEqual(['A', 'B', 'C']);
  });

  it('a header and no rows is an empty ledger: valid, and nothing booked', () => {
    const { workspace, errors } = readLedger({ 'sales/2026.csv': `${HEADER}\r\n` });
    expect(errors).toEqual([]);
    expect(workspace!.ledger).toMatchObject({ rows: 0, through: undefined });
    expect(workspace!.ledger!.clients.size).toBe(0);
  });

  it('reads a row of 10,000 columns, and names only the first headers when a column is missing', () => {
    const extra = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    const wide = readLedger({ 'sales/2026.csv': `${[HEADER, ...extra].join(',')}\n01/03/2026,acme,5,Acme,${','.repeat(10_000)}\n` });
    expect(wide.errors).toEqual([]);
    expect(wide.workspace!.ledger!.rows).toBe(1);
    const missing = readLedger({ 'sales/2026.csv': `${['Invoice date', 'Account ID', ...extra].join(',')}\n` });
    expect(missing.errors).toEqual([
      `${F}:1:1 ledger-missing-column The ledger has no "Amount" column for revenue; its header reads: Invoice date, Account ID, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 … and 9,990 more. Add the column, or name the header that holds revenue under sales.columns in workspace.yaml, such as revenue: "Amount".`,
    ]);
  });

  it('suggests the header that differs only in case', () => {
    expect(readLedger({ 'sales/2026.csv': 'Invoice Date,Account ID,Amount\n01/03/2026,acme,5\n' }).errors).toEqual([
      `${F}:1:1 ledger-missing-column The ledger has no "Invoice date" column for date (or a "period" column of fiscal periods such as FY2027-Q1); its header reads: Invoice Date, Account ID, Amount. Did you mean "Invoice Date"? Headers are matched exactly. Add the column, or name the header that holds date under sales.columns in workspace.yaml, such as date: "Invoice date".`,
    ]);
  });

  it('ignores columns the export repeats but nobody reads (two blank headers, two Notes); a repeated mapped column is an error', () => {
    const ignored = readLedger({ 'sales/2026.csv': 'Invoice date,Account ID,Amount,Notes,,Notes,\n01/03/2026,acme,5,a,b,c,d\n' });
    expect(ignored.errors).toEqual([]);
    expect(ignored.workspace!.ledger!.rows).toBe(1);
    expect(readLedger({ 'sales/2026.csv': 'Invoice date,Account ID,Amount,Account ID\n01/03/2026,acme,5,globex\n' }).errors).toEqual([
      `${F}:1:32 ledger-duplicate-column The header names the column "Account ID" twice, so it is not clear which one to read. Rename or remove one of them.`,
    ]);
  });

  it('places a bad cell on its own line after a quoted cell of a megabyte with line breaks, behind a BOM and CRLF', () => {
    // A quoted note of 2,000 lines of 500 characters (about 1 MB): row 2 spans lines 2 to 2001.
    const note = `"${Array.from({ length: 2000 }, () => 'x'.repeat(500)).join('\r\n')}"`;
    const { errors } = readLedger({ 'sales/2026.csv': `\uFEFF${HEADER},note\r\n01/03/2026,acme,5,Acme,,${note}\r\n01/03/2026,acme,ten,Acme,,\r\n` });
    expect(errors).toEqual([
      `${F}:2002:17 ledger-not-a-number Amount: "ten" is not a number. Write the amount with digits and a decimal point, such as 1250.50, -1250.50 or (1250.50); one currency sign or code may stand before or after it (€1250.50, 1250.50 EUR), and sales.thousands_separator reads 1,250.50.`,
    ]);
  });

  it('reads a UTF-16 export (spreadsheets\' "Unicode text") and places its bad cells as in UTF-8', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(`${HEADER}\r\n01/03/2026,acme,5,Société,\r\n\r\n01/03/2026,acme,ten,Acme,\r\n`, 'utf16le')]);
    expect(readLedger({ 'sales/2026.csv': utf16 }).errors).toEqual([
      `${F}:4:17 ledger-not-a-number Amount: "ten" is not a number. Write the amount with digits and a decimal point, such as 1250.50, -1250.50 or (1250.50); one currency sign or code may stand before or after it (€1250.50, 1250.50 EUR), and sales.thousands_separator reads 1,250.50.`,
    ]);
    const good = readLedger({ 'sales/2026.csv': utf16.subarray(0, utf16.length - Buffer.byteLength('01/03/2026,acme,ten,Acme,\r\n', 'utf16le')) });
    expect(good.errors).toEqual([]);
    expect(good.workspace!.ledger!.clients.get('acme')!.name).toBe('Société');
  });

  it('reads classic Mac line ends (a lone CR, Excel\'s "CSV (Macintosh)") as rows, the same as LF, and places a bad cell on its line', () => {
    const lf = readFileSync('tests/fixtures/ledger/sales/2026.csv', 'utf8').replaceAll('\r\n', '\n');
    const base = readLedger({ 'sales/2026.csv': lf });
    const cr = readLedger({ 'sales/2026.csv': lf.replaceAll('\n', '\r') });
    expect(cr.errors).toEqual([]);
    expect(cr.workspace!.ledger!.rows).toBe(base.workspace!.ledger!.rows);
    expect(cr.workspace!.ledger!.rows).toBeGreaterThan(5);
    expect([...cr.workspace!.ledger!.clients.entries()]).toEqual([...base.workspace!.ledger!.clients.entries()]);
    expect(readLedger({ 'sales/2026.csv': `${HEADER}\r01/03/2026,acme,5,"Acme\rLabs",\r\r01/03/2026,acme,ten,Acme,\r` }).errors).toEqual([
      `${F}:5:17 ledger-not-a-number Amount: "ten" is not a number. Write the amount with digits and a decimal point, such as 1250.50, -1250.50 or (1250.50); one currency sign or code may stand before or after it (€1250.50, 1250.50 EUR), and sales.thousands_separator reads 1,250.50.`,
    ]);
  });

  it('refuses two plans with one crm.id, instead of booking every row of it to the first plan', () => {
    const globex = readFileSync('tests/fixtures/ledger/accounts/globex.mdx', 'utf8');
    const { workspace, errors } = readLedger({ 'accounts/globex.mdx': globex.replace(/^name: /m, 'crm: { id: CRM-001 }\nname: ') });
    expect(workspace).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^plans\/accounts\/globex\.mdx:2:12 duplicate-crm-id crm\.id: "CRM-001" is also the CRM id of plans\/accounts\/acme\.yaml, /);
  });

  it('a ledger file that could not be read is reported once, not also as empty', () => {
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    s.write({ 'sales/2026.csv': null });
    const ws = readWorkspace(workingCopy({ plansDir: 'plans', cwd: s.dir })).workspace!;
    // What readLedger's reader does when the open or a read fails (EACCES, EIO): it reports why, and yields nothing more.
    let unread = false;
    function* failing(): Generator<Uint8Array> {
      unread = true;
    }
    const built = buildLedger([{ display: F, chunks: failing(), unread: () => unread }], ws);
    expect(built.diagnostics.map((d) => d.code)).toEqual([]);
    const empty = buildLedger([{ display: F, chunks: [], unread: () => false }], ws);
    expect(empty.diagnostics.map((d) => d.code)).toEqual(['empty-file']);
  });

  it('refuses a row over 4 MB (a cell of 64 MB, or a quote never closed) at the row, instead of holding it all in memory', () => {
    const huge = 'x'.repeat(64 * 1024 * 1024);
    const cell = readLedger({ 'sales/2026.csv': `${HEADER},note\n01/03/2026,acme,5,Acme,,ok\n01/03/2026,acme,5,Acme,,${huge}\n01/03/2026,acme,5,Acme,,ok\n` });
    expect(cell.workspace).toBeUndefined();
    expect(cell.errors).toEqual([`${F}:3:1 ledger-csv-syntax This row is over 4 MB (4194304 bytes), far more than a sale needs: a double quote opened and never closed, or a cell holding a whole document. Close the quote or shorten the cell; the rest of the file is not read.`]);
    const unclosed = readLedger({ 'sales/2026.csv': `${HEADER}\n01/03/2026,acme,5,"Acme,\n${'01/03/2026,acme,5,Acme,\n'.repeat(200_000)}` });
    expect(unclosed.errors).toEqual([`${F}:2:1 ledger-csv-syntax This row is over 4 MB (4194304 bytes), far more than a sale needs: a double quote opened and never closed, or a cell holding a whole document. Close the quote or shorten the cell; the rest of the file is not read.`]);
  });

  it('a header that is not UTF-8 is one error, and no later row is taken for the header', () => {
    const latin1 = new Uint8Array([...Buffer.from('Invoice date,Account ID,Amount,Soci'), 0xe9, ...Buffer.from('t\u00e9\n01/03/2026,acme,5,x\n')]);
    expect(readLedger({ 'sales/2026.csv': latin1 }).errors).toEqual([`${F}:1:32 not-utf8 This cell is not UTF-8 text ("Soci\uFFFDté"). Export the ledger as UTF-8 CSV.`]);
  });

  it('a NUL byte in an account, and a row with a cell too many, are each located', () => {
    expect(readLedger({ 'sales/2026.csv': `${HEADER}\n01/03/2026,ac\u0000me,5,Acme,\n01/03/2026,acme,5,Acme,,extra\n` }).errors).toEqual([
      `${F}:2:12 ledger-control-character Account ID: "ac\\u0000me" holds a control character ("\\u0000"), which no account has. Export the ledger again, or remove the character.`,
      `${F}:3:25 ledger-column-count This row has 6 cells and the header has 5, so its cells cannot be matched to columns. Give every row one cell per column (a comma inside a value needs the value in double quotes).`,
    ]);
  });

  it('a delimiter or decimal separator outside the list (a quote, a letter, a line break) is one located error each in workspace.yaml, and the ledger is not read with it', () => {
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    const workspaceYaml = readFileSync(`${s.plans}/workspace.yaml`, 'utf8');
    s.write({ 'workspace.yaml': workspaceYaml.replace('  date_format: DD/MM/YYYY', '  date_format: DD/MM/YYYY\n  delimiter: "\\""\n  decimal_separator: "\\n"') });
    const { workspace, diagnostics } = readWorkspace(workingCopy({ plansDir: 'plans', cwd: s.dir }));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(workspace).toBeUndefined();
    expect(errors.map((d) => [d.file, d.line, d.path])).toEqual([
      ['plans/workspace.yaml', 15, 'sales.delimiter'],
      ['plans/workspace.yaml', 16, 'sales.decimal_separator'],
    ]);
  });

  it('obeys sales.max_file_bytes, not the plans\' own limit: an export over the plans\' 1 MB reads by default, and is refused under a lower ledger limit', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `01/03/2026,client-${i},5,Client ${i},`);
    const body = `${[HEADER, ...rows].join('\n')}\n`;
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const read = readLedger({ 'sales/2026.csv': body });
    expect(read.errors).toEqual([]);
    expect(read.workspace!.ledger!.rows).toBe(40_000);
    sandbox!.write({ 'workspace.yaml': `${sandboxWorkspace()}  max_file_bytes: 1048576\n` });
    const { diagnostics } = readWorkspace(workingCopy({ plansDir: 'plans', cwd: sandbox!.dir }));
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([`${F}:1:1 file-too-large`]);
  });
});

/** The fixture's workspace.yaml, whose last key is `sales:` with its mapping, so a line can be added under it. */
function sandboxWorkspace(): string {
  const text = readFileSync('tests/fixtures/ledger/workspace.yaml', 'utf8');
  return text.endsWith('\n') ? text : `${text}\n`;
}
