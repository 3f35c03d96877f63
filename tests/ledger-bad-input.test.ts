import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';

/**
 * The sales ledger is an export nobody reviewed line by line: every bad row or cell is an error at file:line:column,
 * exit 2, nothing summed, nothing written. The fixture maps "Invoice date", "Account ID" and "Amount" and reads
 * dates as DD/MM/YYYY (tests/fixtures/ledger/workspace.yaml).
 */
const HEADER = 'Invoice date,Account ID,Amount,product,margin,currency,name,channel,region';
const GOOD = '01/02/2026,acme,50,sensors,10,,Acme,,';
const F = 'plans/sales/2026.csv';

interface Case {
  name: string;
  /** Rows after the header, or the whole file as bytes. */
  csv: string | Uint8Array;
  expected: string[];
}

const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

const cases: Case[] = [
  // Columns
  { name: 'column: the mapped revenue header is missing', csv: 'Invoice date,Account ID,Revenue\n01/02/2026,acme,5\n', expected: [`${F}:1:1 error The ledger has no "Amount" column for revenue; its header reads: Invoice date, Account ID, Revenue. Add the column, or name the header that holds revenue under sales.columns in workspace.yaml, such as revenue: "Amount".`] },
  { name: 'column: no date and no period', csv: 'Account ID,Amount\nacme,5\n', expected: [`${F}:1:1 error The ledger has no "Invoice date" column for date (or a "period" column of fiscal periods such as FY2027-Q1); its header reads: Account ID, Amount. Add the column, or name the header that holds date under sales.columns in workspace.yaml, such as date: "Invoice date".`] },
  { name: 'column: a header named twice', csv: 'Invoice date,Account ID,Amount,Amount\n01/02/2026,acme,5,6\n', expected: [`${F}:1:32 error The header names the column "Amount" twice, so it is not clear which one to read. Rename or remove one of them.`] },
  // Column counts
  { name: 'count: a row with a cell too few', csv: csv(GOOD, '01/02/2026,acme,50,sensors,10,,Acme,'), expected: [`${F}:3:37 error This row has only 8 cells and the header has 9, so its cells cannot be matched to columns. Give every row one cell per column (a comma inside a value needs the value in double quotes).`] },
  { name: 'count: a row with an unquoted comma in the name', csv: csv('01/02/2026,acme,50,sensors,10,,Acme, Inc,,'), expected: [`${F}:2:43 error This row has 10 cells and the header has 9, so its cells cannot be matched to columns. Give every row one cell per column (a comma inside a value needs the value in double quotes).`] },
  { name: 'count: a lone value on a line', csv: csv(GOOD, 'oops'), expected: [`${F}:3:5 error This row has only 1 cells and the header has 9, so its cells cannot be matched to columns. Give every row one cell per column (a comma inside a value needs the value in double quotes).`] },
  // Numbers
  { name: 'amount: written with a unit', csv: csv('01/02/2026,acme,1.2M,sensors,10,,Acme,,'), expected: [`${F}:2:17 error Amount: "1.2M" is not a number. Write the amount with digits and a decimal point, such as 1250.50, -1250.50 or (1250.50); one currency sign or code may stand before or after it (€1250.50, 1250.50 EUR), and sales.thousands_separator reads 1,250.50.`] },
  { name: 'amount: a currency sign and a thousands separator no setting declares', csv: csv('01/02/2026,acme,"$1,250.00",sensors,10,,Acme,,'), expected: [`${F}:2:17 error Amount: "$1,250.00" is not read under the workspace's separators. If the export writes every amount so, set sales.thousands_separator: "," in workspace.yaml (it then reads 1250).`] },
  { name: 'amount: an empty revenue and a text margin', csv: csv('01/02/2026,acme,,sensors,ten,,Acme,,'), expected: [`${F}:2:17 error Amount: the cell is empty, and every row needs its revenue. Write the amount, such as 1250.50.`, `${F}:2:26 error margin: "ten" is not a number. Write the amount with digits and a decimal point, such as 1250.50, -1250.50 or (1250.50); one currency sign or code may stand before or after it (€1250.50, 1250.50 EUR), and sales.thousands_separator reads 1,250.50.`] },
  // Names and values
  { name: 'value: an unknown product', csv: csv('01/02/2026,acme,50,sensor,10,,Acme,,'), expected: [`${F}:2:20 error product: "sensor" is not an offering in workspace.yaml. Did you mean "sensors"? Add it under offerings, or correct the row.`] },
  { name: 'value: an unknown currency', csv: csv('01/02/2026,acme,50,sensors,10,JPY,Acme,,'), expected: [`${F}:2:31 error currency: "JPY" has no exchange rate under fx in workspace.yaml, so the row cannot be counted in USD. Write one of: USD, EUR. Add the rate, or correct the row.`] },
  { name: 'value: an unknown channel of a client without a plan', csv: csv('01/02/2026,hooli,50,,,,Hooli,retail,emea'), expected: [`${F}:2:30 error channel: "retail" is not a channel in workspace.yaml. Write one of: direct, partner.`] },
  { name: 'value: an empty account', csv: csv('01/02/2026,,50,sensors,10,,Acme,,'), expected: [`${F}:2:12 error Account ID: the cell is empty, and every row needs the account it was sold to. Write the plan's id or the account's CRM id.`] },
  // Dates
  { name: 'date: ISO where DD/MM/YYYY is declared', csv: csv('2026-02-01,acme,50,sensors,10,,Acme,,'), expected: [`${F}:2:1 error Invoice date: "2026-02-01" is not a date written DD/MM/YYYY. Write it as DD/MM/YYYY, or set sales.date_format in workspace.yaml to the format the export uses.`] },
  { name: 'date: a day that does not exist', csv: csv('30/02/2026,acme,50,sensors,10,,Acme,,'), expected: [`${F}:2:1 error Invoice date: "30/02/2026" is not a date written DD/MM/YYYY. Write it as DD/MM/YYYY, or set sales.date_format in workspace.yaml to the format the export uses.`] },
  { name: 'date: a year the workspace does not know', csv: csv('01/03/2031,acme,50,sensors,10,,Acme,,'), expected: [`${F}:2:1 error Invoice date: "01/03/2031" falls in FY2032, and the workspace knows FY2025 to FY2027 (the goals' years and the two before them, and the years plans forecast or record). Correct the date, or remove rows from years nobody plans or reviews.`] },
  // The goals name FY2027: FY2025 and FY2026 are the two years of sales step 1 reviews, so FY2024 is outside.
  { name: 'date: before the two years the goals look back on', csv: csv('31/01/2024,acme,50,sensors,10,,Acme,,'), expected: [`${F}:2:1 error Invoice date: "31/01/2024" falls in FY2024, and the workspace knows FY2025 to FY2027 (the goals' years and the two before them, and the years plans forecast or record). Correct the date, or remove rows from years nobody plans or reviews.`] },
  // All the digits of the year: 31/12/9999 falls in FY10000 (the fiscal year starts in February), not FY1000.
  { name: 'date: the last day of 9999', csv: csv('31/12/9999,acme,50,sensors,10,,Acme,,'), expected: [`${F}:2:1 error Invoice date: "31/12/9999" falls in FY10000, and the workspace knows FY2025 to FY2027 (the goals' years and the two before them, and the years plans forecast or record). Correct the date, or remove rows from years nobody plans or reviews.`] },
  { name: 'date: a period outside the known years', csv: 'Account ID,Amount,period\nacme,5,FY2028-Q1\n', expected: [`${F}:2:8 error period: "FY2028-Q1" falls in FY2028, and the workspace knows FY2025 to FY2027 (the goals' years and the two before them, and the years plans forecast or record). Correct the period, or remove rows from years nobody plans or reviews.`] },
  // Amounts and text beyond any real export
  { name: 'amount: beyond the largest amount a row may hold', csv: csv(`01/02/2026,acme,${'9'.repeat(400)},sensors,10,,Acme,,`), expected: [`${F}:2:17 error Amount: "${'9'.repeat(59)}…" is beyond 1e+15, the largest amount a row may hold. Correct the amount.`] },
  { name: 'text: a name of a megabyte', csv: csv(`01/02/2026,acme,50,sensors,10,,${'x'.repeat(1024 * 1024)},,`), expected: [`${F}:2:32 error name: "${'x'.repeat(59)}…" is 1,048,576 characters long, and a ledger name may have at most 1,000. Export the ledger again, or shorten the cell.`] },
  { name: 'control: an escape sequence in the name', csv: csv('01/02/2026,acme,50,sensors,10,,"Acme\u001b[31m",,'), expected: [`${F}:2:32 error name: "Acme\\u001b[31m" holds a control character ("\\u001b"), which no name has. Export the ledger again, or remove the character.`] },
  { name: 'control: a quoted line break in the account', csv: csv('01/02/2026,"ac\nme",50,sensors,10,,Acme,,'), expected: [`${F}:2:12 error Account ID: "ac\\nme" holds a control character ("\\n"), which no account has. Export the ledger again, or remove the character.`] },
  { name: 'control: a NUL byte in the product', csv: csv('01/02/2026,acme,50,sens\u0000ors,10,,Acme,,'), expected: [`${F}:2:20 error product: "sens\\u0000ors" holds a control character ("\\u0000"), which no product has. Export the ledger again, or remove the character.`] },
  // CSV syntax
  { name: 'syntax: a quote never closed', csv: csv(GOOD, '01/02/2026,acme,50,sensors,10,,"Acme,,', GOOD), expected: [`${F}:3:1 error A double quote opened in this row is never closed, so the rest of the file would be read as one cell. Close the quote, or double a quote that belongs to the value ("").`] },
  { name: 'syntax: text after a closing quote', csv: csv('01/02/2026,acme,50,sensors,10,,"Acme" Inc,,'), expected: [`${F}:2:1 error A quoted cell in this row has text after its closing quote. Double a quote that belongs to the value (""), or quote the whole cell.`] },
  { name: 'syntax: a quote in the middle of unquoted text', csv: csv('01/02/2026,acme,50,sensors,10,,Acme "Big" Inc,,'), expected: [`${F}:2:1 error A cell in this row has a double quote in the middle of unquoted text. Put the whole cell in double quotes and double the quote inside it ("").`] },
  { name: 'syntax: not UTF-8', csv: new Uint8Array([...new TextEncoder().encode(`${HEADER}\n01/02/2026,acme,50,sensors,10,,Acm`), 0xe9, 0x0a]), expected: [`${F}:2:32 error This cell is not UTF-8 text ("Acm�"). Export the ledger as UTF-8 CSV.`] },
  { name: 'syntax: an empty file', csv: '', expected: [`${F}:1:1 error The ledger file is empty. Give it a header row (date, account, revenue …) and one row per sale, or remove it.`] },
];

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

function run(s: Sandbox) {
  const before = s.snapshot();
  const text = runScript('validate', ['--plans', 'plans'], { cwd: s.dir });
  const json = runScript('check', ['--plans', 'plans', '--json', '--today', '2026-08-01'], { cwd: s.dir });
  expect(s.snapshot()).toEqual(before);
  return { text, json };
}

describe('sales ledger: bad rows and cells are located errors, exit 2, nothing summed', () => {
  it.each(cases)('$name', (c) => {
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    s.write({ 'sales/2026.csv': c.csv });
    const { text, json } = run(s);
    expect(text.status).toBe(2);
    expect(text.stderr).toBe('');
    expect(text.stdout.trim().split('\n').slice(0, -1)).toEqual(c.expected);
    expect(json.status).toBe(2);
    const parsed = JSON.parse(json.stdout) as { goals: unknown[]; diagnostics: { code: string }[] };
    expect(parsed.goals).toEqual([]);
    expect(parsed.diagnostics.length).toBe(c.expected.length);
    expect(text.stdout).not.toContain('\u001b');
  });
});

describe('sales ledger: files that are not plain ledger files', () => {
  const fileCases: { name: string; setup(s: Sandbox): void; expected: string }[] = [
    { name: 'a link to a CSV outside the plans folder', setup: (s) => (writeFileSync(join(s.bystander, 'other.csv'), `${HEADER}\n${GOOD}\n`), symlinkSync('../../bystander/other.csv', join(s.plans, 'sales/other.csv'))), expected: `plans/sales/other.csv:1:1 error This symbolic link points outside the plans folder, and the ledger is read only from inside it. Copy the file into sales/ instead of linking to it.` },
    { name: 'a link to the ledger beside it', setup: (s) => symlinkSync('2026.csv', join(s.plans, 'sales/copy.csv')), expected: `plans/sales/copy.csv:1:1 error This ledger file is a symbolic link, and links in sales/ are not followed (their rows would be counted twice). Copy the file here, or remove the link.` },
    { name: 'a dangling link', setup: (s) => symlinkSync('gone.csv', join(s.plans, 'sales/gone-link.csv')), expected: `plans/sales/gone-link.csv:1:1 error This symbolic link points to a file that does not exist. Replace it with the ledger file itself, or remove it.` },
    { name: 'a 2 GB ledger over the ledger\'s 256 MB limit is refused unread', setup: (s) => (writeFileSync(join(s.plans, 'sales/huge.csv'), ''), truncateSync(join(s.plans, 'sales/huge.csv'), 2 * 1024 ** 3)), expected: `plans/sales/huge.csv:1:1 error The file is 2048 MB (2147483648 bytes), and a ledger file may be at most 256 MB (268435456 bytes), so it was not read. Split the export into several files in sales/, or raise sales.max_file_bytes in workspace.yaml.` },
    { name: 'an upper-case .CSV extension', setup: (s) => writeFileSync(join(s.plans, 'sales/extra.CSV'), `${HEADER}\n${GOOD}\n`), expected: `plans/sales/extra.CSV:1:1 error This file is not read: ledger files end in lower-case .csv. Rename it to extra.csv.` },
  ];
  it.each(fileCases)('$name', (c) => {
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    c.setup(s);
    const before = s.snapshot();
    const text = runScript('validate', ['--plans', 'plans'], { cwd: s.dir });
    expect(s.snapshot()).toEqual(before);
    expect(text.status).toBe(2);
    expect(text.stdout.trim().split('\n').slice(0, -1)).toEqual([c.expected]);
    expect(text.stdout).not.toContain('bystander');
    // The 2 GB case takes seconds even on a quiet machine (the run cache's key hashes every ledger file whole,
    // before and after the run: scripts/lib/cached-run.ts), so the case has room beside other files running at once.
  }, 120_000);
});
