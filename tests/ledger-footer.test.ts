import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readLedgerSandbox } from './helpers/ledger.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

/*
 * sales.footer: stop-at-blank-line. A report exported "with details" ends in a blank line and a footer (the totals,
 * a confidentiality note, a copyright), which are no rows. With the setting the file ends at its first blank line and
 * one note counts what was left; without it, the footer's short rows stay the errors they were.
 */
const WORKSPACE = readFileSync('tests/fixtures/ledger/workspace.yaml', 'utf8');
const F = 'plans/sales/2026.csv';
const ROWS = ['Invoice date,Account ID,Amount', '01/03/2026,acme,100', '02/03/2026,acme,20'];
const FOOTER = ['', '', '"Grand Totals (2 records)"', '"Confidential Information - Do Not Distribute"', '"Copyright (c) 2000-2026 example.com, inc. All rights reserved."', ''];

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

function read(sales: string, csv: string | Uint8Array) {
  const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
  s.write({ 'workspace.yaml': WORKSPACE + sales, 'sales/2026.csv': csv });
  const { workspace, said, booked } = readLedgerSandbox(s);
  return { workspace, said, booked: booked('acme') };
}

const STOP = '  footer: stop-at-blank-line\n';
const NOTE = (blank: number, line: number, rows: string) =>
  `${F}:${line}:1 info ledger-footer The file ends at the blank line ${blank}, as sales.footer: stop-at-blank-line says: ${rows} after it were not read as sales (a report footer: totals, a confidentiality note, a copyright). If a sale is among them, remove the blank line.`;

describe('a report footer after a blank line', () => {
  it('is not read with stop-at-blank-line: the rows above are booked, one note counts the lines left', () => {
    const { said, booked } = read(STOP, [...ROWS, ...FOOTER].join('\n'));
    expect(said).toEqual([NOTE(5, 6, '3 lines')]);
    expect(booked).toBe(120);
  });

  it('stays the error it was without the setting', () => {
    const { workspace, said } = read('', [...ROWS, ...FOOTER].join('\n'));
    expect(workspace).toBeUndefined();
    expect(said[0]).toBe(`${F}:6:27 error ledger-column-count This row has only 1 cells and the header has 3, so its cells cannot be matched to columns. Give every row one cell per column (a comma inside a value needs the value in double quotes).`);
  });

  it('a file with no blank line is read whole, with no note', () => {
    const { said, booked } = read(STOP, [...ROWS, ''].join('\n'));
    expect(said).toEqual([]);
    expect(booked).toBe(120);
  });

  it('reads the same from a UTF-16 export with CRLF line ends', () => {
    const text = [...ROWS, ...FOOTER].join('\r\n');
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const { said, booked } = read(STOP, bytes);
    expect(said).toEqual([NOTE(5, 6, '3 lines')]);
    expect(booked).toBe(120);
  });

  it('a footer that is not valid CSV (a quote never closed) is no error: it is not read', () => {
    const { said, booked } = read(STOP, [...ROWS, '', 'Total,"120', 'more', ''].join('\n'));
    expect(said).toEqual([NOTE(4, 5, 'the lines after it (not all of them valid CSV)').replace('CSV) after it were', 'CSV) were')]);
    expect(booked).toBe(120);
  });

  it('a blank line among the sales ends the file there, and the note says so', () => {
    const { said, booked } = read(STOP, [ROWS[0], ROWS[1], '', ROWS[2], ''].join('\n'));
    expect(said).toEqual([NOTE(3, 4, '1 line').replace('lines after it were', 'line after it was').replace('1 line after it were', '1 line after it was')]);
    expect(booked).toBe(100);
  });

  it('a blank line under the header leaves a file of no sales, which is no error', () => {
    const { said, workspace } = read(STOP, [ROWS[0], '', ROWS[1], ''].join('\n'));
    expect(said).toEqual([NOTE(2, 3, '1 line').replace('1 line after it were', '1 line after it was')]);
    expect(workspace!.ledger!.rows).toBe(0);
  });

  it.each([
    { name: 'another value', footer: 'stop-at-footer' },
    { name: 'true', footer: 'true' },
  ])('footer: $name is an error in workspace.yaml at its line', ({ footer }) => {
    const { workspace, said } = read(`  footer: ${footer}\n`, ROWS.join('\n'));
    expect(workspace).toBeUndefined();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^plans\/workspace\.yaml:15:\d+ error invalid-value sales\.footer: /);
  });
});
