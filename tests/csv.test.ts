import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../src/core/report/csv.ts';
import { NO_DATA } from '../src/core/report/sentences.ts';
import { accountsView } from '../src/core/views/accounts.ts';
import { accountsTable, bookTable, csvOf, goalsTable } from '../src/core/views/downloads.ts';
import { goalsView } from '../src/core/views/goals.ts';
import { personView } from '../src/core/views/person.ts';
import type { Workspace } from '../src/core/model.ts';
import { parseCsv } from './helpers/csv.ts';
import { example, siteOf } from './views/helpers.ts';

describe('csvField', () => {
  const cases = [
    { name: 'a formula is kept as text', cell: '=HYPERLINK("http://x","y")', out: `"'=HYPERLINK(""http://x"",""y"")"` },
    { name: 'a leading plus is kept as text', cell: '+1+2', out: `"'+1+2"` },
    { name: 'a leading minus in text is kept as text', cell: '-2+3', out: `"'-2+3"` },
    { name: 'a leading at sign is kept as text', cell: '@SUM(A1)', out: `"'@SUM(A1)"` },
    { name: 'a leading tab is kept as text', cell: '\t=1', out: `"'\t=1"` },
    { name: 'a leading carriage return is kept as text and quoted', cell: '\r=1', out: `"'\r=1"` },
    { name: 'a formula after a semicolon (a European list separator) is kept as text', cell: "Dunmore;=cmd|' /C calc'!A0;", out: `"'Dunmore;=cmd|' /C calc'!A0;"` },
    { name: 'a formula after a semicolon and spaces is kept as text', cell: 'Tasman; =2+3;', out: `"'Tasman; =2+3;"` },
    { name: 'a formula after a comma is kept as text', cell: 'Acme,@SUM(1)', out: `"'Acme,@SUM(1)"` },
    { name: 'a formula after a pipe is kept as text', cell: 'a|+1', out: `"'a|+1"` },
    { name: 'a formula after a tab is kept as text', cell: 'a\t-1', out: `"'a\t-1"` },
    { name: 'a formula after a line break is kept as text', cell: 'one\n=1', out: `"'one\n=1"` },
    { name: 'a minus inside a name is no formula, and the name is quoted', cell: 'Acme - Europe', out: '"Acme - Europe"' },
    { name: 'plain text is quoted', cell: 'Acme', out: '"Acme"' },
    { name: 'empty text is an empty quoted cell', cell: '', out: '""' },
    { name: 'a comma is quoted', cell: 'Acme, Inc.', out: '"Acme, Inc."' },
    { name: 'a line break is quoted', cell: 'one\ntwo', out: '"one\ntwo"' },
    { name: 'a negative number stays a number', cell: -401090, out: '-401090' },
    { name: 'no figure is an empty cell', cell: undefined, out: '' },
    { name: 'an infinite number is an empty cell', cell: Number.POSITIVE_INFINITY, out: '' },
  ];
  it.each(cases)('$name', ({ cell, out }) => {
    expect(csvField(cell)).toBe(out);
  });

  it('writes a header and rows with CRLF, which a reader parses back to the same cells', () => {
    const text = toCsv(['a', 'b'], [['x, y', 1], ['"q"', undefined]]);
    expect(text).toBe('"a","b"\r\n"x, y",1\r\n"""q""",\r\n');
    expect(parseCsv(text)).toEqual([['a', 'b'], ['x, y', '1'], ['"q"', '']]);
  });
});

describe('formula injection, whatever the text', () => {
  const piece = fc.constantFrom('a', ' ', '\u00a0', '=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '|', '"', "'", '1', 'é');
  const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
  const STARTS_FORMULA = /(?:^|[,;\t|\r\n])[ \u00a0]*[=+\-@\t\r]/;

  it('reads every text cell back as one cell, whatever separator the spreadsheet uses, as itself or with a quote before a formula', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), fc.integer(), (cells, n) => {
        const [, row] = parse(toCsv(['h'], [[...cells, n]]), { relax_column_count: true }) as string[][];
        expect(row).toEqual([...cells.map((c) => (STARTS_FORMULA.test(c) ? `'${c}` : c)), String(n)]);
        // Every text cell is quoted, so a spreadsheet whose list separator is another one keeps it whole too.
        for (const delimiter of [';', '\t', '|']) for (const c of cells) expect(parse(toCsv([c], []), { delimiter })).toEqual([[STARTS_FORMULA.test(c) ? `'${c}` : c]]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the CSV downloads', () => {
  it('lists every account with the figures of the accounts page, an empty cell where the page shows a dash', () => {
    // Without its sales ledger the example has plans that record no sales for last year: those show a dash.
    const noLedger = siteOf(withoutLedger(example.ws));
    const view = accountsView(noLedger);
    const [header, ...rows] = parseCsv(csvOf(accountsTable(noLedger)));
    expect(header).toContain(`sold ${view.lastYear} (USD)`);
    expect(rows).toHaveLength(view.rows.length);
    const sold = header!.indexOf(`sold ${view.lastYear} (USD)`);
    for (const [i, row] of rows.entries()) {
      const a = view.rows[i]!;
      expect(row[0]).toBe(a.id);
      expect(row[sold]).toBe(a.lastYear.text === NO_DATA ? '' : String(a.lastYear.value));
    }
    expect(view.rows.some((a) => a.lastYear.text === NO_DATA)).toBe(true);
  });

  it('lists every goal, the years first, with its status word and the raw figures', () => {
    const view = goalsView(example);
    const [header, ...rows] = parseCsv(csvOf(goalsTable(example)));
    expect(header).toEqual(['goal', 'period', 'scope', 'target (USD)', 'planned (USD)', 'gap (USD)', 'coverage', 'stretch (USD)', 'plans', 'booked (USD)', 'booked share', 'forecast to come (USD)', 'stretch or forecast (USD)']);
    expect(rows.map((r) => r[0])).toEqual([...view.annual, ...view.quarterly].map((g) => g.label));
    expect(rows.map((r) => r[8])).toEqual([...view.annual, ...view.quarterly].map((g) => (g.met ? 'covered' : 'short')));
    expect(rows.map((r) => Number(r[5]))).toEqual([...view.annual, ...view.quarterly].map((g) => g.result.gap));
    expect(rows.map((r) => Number(r[9]))).toEqual([...view.annual, ...view.quarterly].map((g) => g.result.booked?.revenue));
  });

  it('has no booked columns without a sales ledger', () => {
    const [header] = parseCsv(csvOf(goalsTable(siteOf(withoutLedger(example.ws)))));
    expect(header).toHaveLength(10);
    expect(header?.at(-1)).toBe('stretch or forecast (USD)');
  });

  it("lists a person's book as their page does", () => {
    const owner = example.ws.accounts[0]!.plan.owner;
    const view = personView(example, owner);
    const rows = parseCsv(csvOf(bookTable(example, owner))).slice(1);
    expect(rows.map((r) => r[1])).toEqual(view.book.map((a) => a.name));
    expect(rows.map((r) => (r[6] === '' ? undefined : Number(r[6])))).toEqual(view.book.map((a) => a.amount));
  });
});

/** The example as if it had no sales ledger. */
function withoutLedger(ws: Workspace): Workspace {
  const { ledger: _ledger, ...rest } = ws;
  return rest;
}

/** The example with one plan's name replaced, as if its file said so. */
function renamed(name: string): Workspace {
  const ws = example.ws;
  const first = ws.accounts[0]!;
  const changed = { ...first, plan: { ...first.plan, name } };
  const accounts = ws.accounts.map((a) => (a === first ? changed : a));
  return { ...ws, accounts, accountById: new Map(accounts.map((a) => [a.id, a])) };
}

describe('a plan that forecasts nothing for the year', () => {
  it("shows a dash on its owner's page and an empty cell in their book's CSV, not $0", () => {
    const first = example.ws.accounts[0]!;
    const accounts = example.ws.accounts.map((a) => (a === first ? { ...first, plan: { ...first.plan, forecast: [] } } : a));
    const data = siteOf({ ...example.ws, accounts, accountById: new Map(accounts.map((a) => [a.id, a])) });
    const row = personView(data, first.plan.owner).book.find((a) => a.id === first.id)!;
    expect([row.planned, row.amount]).toEqual([NO_DATA, undefined]);
    const csv = parseCsv(csvOf(bookTable(data, first.plan.owner)));
    expect(csv.find((r) => r[0] === first.id)![6]).toBe('');
    expect(accountsView(data).rows.find((a) => a.id === first.id)!.planned.text).toBe(NO_DATA);
  });
});

describe('plan text in a CSV download', () => {
  const cases = [
    { name: 'a formula as the account name stays text', text: '=cmd|" /C calc"!A0', cell: `'=cmd|" /C calc"!A0` },
    { name: 'a name with a quote, a comma and a line break stays one cell', text: 'Acme "Best", Inc.\nEvil,,,', cell: 'Acme "Best", Inc.\nEvil,,,' },
    { name: 'a name starting with a tab and an at sign stays text', text: '\t@SUM(1+1)', cell: "'\t@SUM(1+1)" },
  ];
  it.each(cases)('$name', ({ text, cell }) => {
    const data = siteOf(renamed(text));
    const rows = parseCsv(csvOf(accountsTable(data)));
    const width = rows[0]!.length;
    expect(rows.every((r) => r.length === width)).toBe(true);
    expect(rows).toHaveLength(example.ws.accounts.length + 1);
    expect(rows[1]![1]).toBe(cell);
  });
});
