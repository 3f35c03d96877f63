import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { readLedgerSandbox } from './helpers/ledger.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

/*
 * Money as CRMs write it (issue 24 item 4): sales.thousands_separator, currency signs and codes around amounts,
 * parentheses for negatives, and the row's currency column converting each amount by the workspace's fx rates.
 * tests/fixtures/ledger counts in USD with fx { EUR: 1.1 } and reads DD/MM/YYYY dates.
 */
const WORKSPACE = readFileSync('tests/fixtures/ledger/workspace.yaml', 'utf8');
const F = 'plans/sales/2026.csv';
const PLAIN = 'Invoice date,Account ID,Amount';
const WITH_CURRENCY = 'Invoice date,Account ID,Amount,currency';

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

/** The ledger fixture with `sales` lines added to its sales: block (and `extra` after it), and its ledger replaced by `csv`. */
function read(sales: string, csv: string, extra = '') {
  const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
  s.write({ 'workspace.yaml': WORKSPACE + sales + extra, 'sales/2026.csv': csv });
  const { workspace, said, booked } = readLedgerSandbox(s);
  return { workspace, said, booked };
}

/** One ledger file: a header and rows, each row a list of cells quoted as CSV. */
const csv = (header: string, ...rows: string[][]) => [header, ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n') + '\n';
const amounts = (...values: string[]) => csv(PLAIN, ...values.map((v) => ['01/03/2026', 'acme', v]));

describe('amounts with a thousands separator, as the settings declare it', () => {
  it.each([
    ['  thousands_separator: ","\n', ['1,200.50', '1200', '12,345,678.90'], 1200.5 + 1200 + 12345678.9],
    ['  thousands_separator: "."\n  decimal_separator: ","\n', ['1.200,50', '1200', '12.345.678,90'], 1200.5 + 1200 + 12345678.9],
    ['  thousands_separator: " "\n  decimal_separator: ","\n', ['1 200,50', '1\u00a0200', '12\u202f345\u202f678,90'], 1200.5 + 1200 + 12345678.9],
    ['  thousands_separator: "\'"\n', ["1'200.50", '1200', "12'345'678.90"], 1200.5 + 1200 + 12345678.9],
  ])('%j reads its amounts', (sales, values, total) => {
    const { said, booked } = read(sales, amounts(...values));
    expect(said).toEqual([]);
    expect(booked('acme')).toBeCloseTo(total, 6);
  });

  it('checks the groups: 1,20,0 and ,200 are no amounts, and 1,2000 reads only as a European 1.2', () => {
    const { said } = read('  thousands_separator: ","\n', amounts('1,20,0', '1,2000', ',200'));
    expect(said.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
      `${F}:2:21 error ledger-not-a-number`,
      `${F}:3:21 error ledger-amount-separator`,
      `${F}:4:21 error ledger-not-a-number`,
    ]);
  });

  it('with none set, 1,200 is ambiguous, and the error says both settings', () => {
    const { said, workspace } = read('', amounts('1,200'));
    expect(said).toEqual([
      `${F}:2:21 error ledger-amount-separator Amount: "1,200" is ambiguous: it reads 1200 with sales.thousands_separator: ",", or 1.2 with sales.decimal_separator: ",". Set the one the export uses in workspace.yaml.`,
    ]);
    expect(workspace?.ledger).toBeUndefined();
  });

  it('with none set, 1,250.50 says the one setting that reads it', () => {
    const { said } = read('', amounts('1,250.50'));
    expect(said).toEqual([
      `${F}:2:21 error ledger-amount-separator Amount: "1,250.50" is not read under the workspace's separators. If the export writes every amount so, set sales.thousands_separator: "," in workspace.yaml (it then reads 1250.5).`,
    ]);
  });

  it('a European amount under the default settings names both settings it needs', () => {
    const { said } = read('', amounts('1.250,50'));
    expect(said).toEqual([
      `${F}:2:21 error ledger-amount-separator Amount: "1.250,50" is not read under the workspace's separators. If the export writes every amount so, set sales.decimal_separator: "," and sales.thousands_separator: "." in workspace.yaml (it then reads 1250.5).`,
    ]);
  });

  it('no existing ledger changes meaning: 1250.50, 1.200 and a decimal comma read as before', () => {
    expect(read('', amounts('1250.50', '1.200')).booked('acme')).toBeCloseTo(1251.7, 9);
    const comma = read('  decimal_separator: ","\n', amounts('1250,50'));
    expect(comma.said).toEqual([]);
    expect(comma.booked('acme')).toBe(1250.5);
    // A decimal comma alone keeps its old error and hint.
    expect(read('', amounts('1250,50')).said).toEqual([
      `${F}:2:21 error ledger-not-a-number Amount: "1250,50" is not a number. Write the amount with digits and a decimal point, such as 1250.50, -1250.50 or (1250.50); one currency sign or code may stand before or after it (€1250.50, 1250.50 EUR), and sales.thousands_separator reads 1,250.50. If the export writes every amount so, set sales.decimal_separator: "," in workspace.yaml.`,
    ]);
  });

  it('a thousands separator that is the decimal separator is refused at the setting', () => {
    const { said } = read('  thousands_separator: "."\n', amounts('5'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^plans\/workspace\.yaml:\d+:\d+ error .*the thousands separator cannot be the decimal separator \("\."\)/);
  });

  it.each([['";"'], ['"_"'], ['[","]'], ['",,"']])('thousands_separator: %s is refused at the setting', (value) => {
    const { said } = read(`  thousands_separator: ${value}\n`, amounts('5'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^plans\/workspace\.yaml:\d+:\d+ error /);
    expect(said[0]).toContain('thousands_separator');
  });
});

describe('currency signs, codes and parentheses', () => {
  it('reads a sign or code before or after the amount, and parentheses as a negative', () => {
    const { said, booked } = read('  thousands_separator: ","\n', amounts('$1,200.00', '1,200.00 USD', 'USD 300', 'USD300', '(1,200.00)', '($100.00)', '-$50', '$-25', '(25 USD)'));
    expect(said).toEqual([]);
    expect(booked('acme')).toBeCloseTo(1200 + 1200 + 300 + 300 - 1200 - 100 - 50 - 25 - 25, 9);
  });

  it('a sign of the row\'s currency column is read and converted by the fx rates', () => {
    const { said, booked } = read(
      '  thousands_separator: "."\n  decimal_separator: ","\n',
      csv(WITH_CURRENCY, ['01/03/2026', 'acme', '€1.200,00', 'EUR'], ['02/03/2026', 'acme', '1.200,00 EUR', 'EUR'], ['03/03/2026', 'acme', '(100,00 €)', 'EUR'], ['04/03/2026', 'acme', '$10', 'USD']),
    );
    expect(said).toEqual([]);
    expect(booked('acme')).toBeCloseTo((1200 + 1200 - 100) * 1.1 + 10, 6);
  });

  it('a sign that disagrees with the row\'s currency column is an error at the amount', () => {
    const { said, workspace } = read('', csv(WITH_CURRENCY, ['01/03/2026', 'acme', '£300', 'EUR'], ['02/03/2026', 'acme', 'EUR 5', 'USD'], ['03/03/2026', 'acme', '$5', 'EUR']));
    expect(said).toEqual([
      `${F}:2:21 error ledger-currency-mismatch Amount: "£300" is written in £ (GBP), and the row's currency column says EUR. Correct the amount or the currency cell.`,
      `${F}:3:21 error ledger-currency-mismatch Amount: "EUR 5" is written in EUR, and the row's currency column says USD. Correct the amount or the currency cell.`,
      `${F}:4:21 error ledger-currency-mismatch Amount: "$5" is written in $ (USD, CAD, AUD, NZD, SGD, HKD, MXN), and the row's currency column says EUR. Correct the amount or the currency cell.`,
    ]);
    expect(workspace?.ledger).toBeUndefined();
  });

  it('with no currency column, a sign of another currency than the workspace\'s is an error that says to map the column', () => {
    const { said } = read('', amounts('€1200', 'GBP 300'));
    expect(said).toEqual([
      `${F}:2:21 error ledger-currency-mismatch Amount: "€1200" is written in € (EUR), and the file has no currency column, so every amount counts in USD, the workspace currency. Map the export's currency column under sales.columns in workspace.yaml (currency: "Currency"), so each row is converted by the fx rates.`,
      `${F}:3:21 error ledger-currency-mismatch Amount: "GBP 300" is written in GBP, and the file has no currency column, so every amount counts in USD, the workspace currency. Map the export's currency column under sales.columns in workspace.yaml (currency: "Currency"), so each row is converted by the fx rates.`,
    ]);
  });

  it('an empty currency cell counts in the workspace currency, so a euro sign there is an error', () => {
    const { said } = read('', csv(WITH_CURRENCY, ['01/03/2026', 'acme', '€5', '']));
    expect(said).toEqual([
      `${F}:2:21 error ledger-currency-mismatch Amount: "€5" is written in € (EUR), and the row's currency cell is empty, so it would count in USD, the workspace currency. Write the row's currency in that cell.`,
    ]);
  });

  it('a currency column mapped under sales.columns converts each row, and an unknown code names the rates known', () => {
    const header = 'Invoice date,Account ID,Amount,Amount Currency';
    const ok = read('', csv(header, ['01/03/2026', 'acme', '100', 'EUR'], ['02/03/2026', 'acme', '50', 'USD']), '');
    expect(ok.said.map((s) => s.split(' ')[2])).toEqual(['ledger-unmapped-currency']);
    const mapped = WORKSPACE.replace('revenue: Amount }', 'revenue: Amount, currency: Amount Currency }');
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    s.write({ 'workspace.yaml': mapped, 'sales/2026.csv': csv(header, ['01/03/2026', 'acme', '100', 'EUR'], ['02/03/2026', 'acme', '50', 'USD'], ['03/03/2026', 'acme', '7', 'JPY']) });
    const { diagnostics } = readWorkspace(workingCopy({ plansDir: 'plans', cwd: s.dir }));
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      `${F}:4:25 ledger-unknown-currency Amount Currency: "JPY" has no exchange rate under fx in workspace.yaml, so the row cannot be counted in USD. Write one of: USD, EUR. Add the rate, or correct the row.`,
    ]);
    s.write({ 'sales/2026.csv': csv(header, ['01/03/2026', 'acme', '100', 'EUR'], ['02/03/2026', 'acme', '50', 'USD']) });
    const again = readWorkspace(workingCopy({ plansDir: 'plans', cwd: s.dir }));
    expect(again.diagnostics).toEqual([]);
    expect([...again.workspace!.ledger!.clients.get('acme')!.byPeriod.values()].reduce((t, a) => t + a.revenue, 0)).toBeCloseTo(160, 9);
  });
});

describe('hostile amounts are errors at their cell, never a guess', () => {
  const NOT = (line: number) => `${F}:${line}:21 error ledger-not-a-number`;
  it.each([
    ['1e5'],
    ['--5'],
    ['(5'],
    ['5)'],
    ['(-5)'],
    ['€€5'],
    ['€5 EUR'],
    ['\u0661\u0662\u0663'], // Arabic-Indic digits
    ['\uff11\uff12\uff13'], // full-width digits
    ['\u200f1200'], // a right-to-left mark
    ['1200\u200e'], // a left-to-right mark
    ['\u202e0021'], // a right-to-left override
    ['eur 5'],
    ['Infinity'],
    ['0x10'],
    ['5 -'],
    ['- 5'],
    ['<b>5</b>'],
    ['.5'],
    ['5.'],
  ])('%j', (value) => {
    const { said, workspace } = read('  thousands_separator: ","\n', amounts(value));
    expect(said).toHaveLength(1);
    expect(said[0]!.startsWith(`${NOT(2)} Amount: `)).toBe(true);
    expect(workspace?.ledger).toBeUndefined();
  });

  it('invisible characters are shown escaped in the message', () => {
    const { said } = read('', amounts('\u200f1200'));
    expect(said[0]).toContain('"\\u200f1200"');
    expect(said[0]).not.toContain('\u200f');
  });

  it('a huge number of digits is out of range, its value cut short in the message', () => {
    const { said } = read('  thousands_separator: ","\n', amounts('9'.repeat(5000), `$${'9'.repeat(400)}.00`, `(${'9'.repeat(3)}${',999'.repeat(200)})`));
    expect(said.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([`${F}:2:21 error out-of-range`, `${F}:3:21 error out-of-range`, `${F}:4:21 error out-of-range`]);
    for (const s of said) expect(s.length).toBeLessThan(400);
  });

  it('a currency code holding HTML is an unknown currency, quoted as text', () => {
    const { said } = read('', csv(WITH_CURRENCY, ['01/03/2026', 'acme', '5', '<img src=x onerror=alert(1)>']));
    expect(said).toEqual([
      `${F}:2:25 error ledger-unknown-currency currency: "<img src=x onerror=alert(1)>" has no exchange rate under fx in workspace.yaml, so the row cannot be counted in USD. Write one of: USD, EUR. Add the rate, or correct the row.`,
    ]);
  });

  it('a code in the amount that the workspace has no rate for is a mismatch with the row, never converted', () => {
    const { said } = read('', csv(WITH_CURRENCY, ['01/03/2026', 'acme', 'JPY 5', 'USD'], ['02/03/2026', 'acme', '__proto__', 'USD']));
    expect(said.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([`${F}:2:21 error ledger-currency-mismatch`, `${F}:3:21 error ledger-not-a-number`]);
  });

  it('an unknown code close to a known one is suggested, and the rates known are still named', () => {
    const { said } = read('', csv(WITH_CURRENCY, ['01/03/2026', 'acme', '5', 'EUT']));
    expect(said).toEqual([
      `${F}:2:25 error ledger-unknown-currency currency: "EUT" has no exchange rate under fx in workspace.yaml, so the row cannot be counted in USD. Did you mean "EUR"? The workspace knows USD, EUR. Add the rate, or correct the row.`,
    ]);
  });

  it('a currency cell __proto__ or toString is unknown, not a rate from the prototype', () => {
    const { said } = read('', csv(WITH_CURRENCY, ['01/03/2026', 'acme', '5', '__proto__'], ['02/03/2026', 'acme', '5', 'toString']));
    expect(said.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([`${F}:2:25 error ledger-unknown-currency`, `${F}:3:25 error ledger-unknown-currency`]);
  });

  it("a row's problems come in the order of its cells, and a currency cell in error adds no mismatch", () => {
    const { said } = read('', csv(WITH_CURRENCY, ['01/03/2026', 'acme', 'ten', 'XXX'], ['02/03/2026', 'acme', '€5', 'EUR\u0007']));
    expect(said.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
      `${F}:2:21 error ledger-not-a-number`,
      `${F}:2:27 error ledger-unknown-currency`,
      `${F}:3:26 error ledger-control-character`,
    ]);
  });

  it('a margin is read the same way', () => {
    const { said, workspace } = read('  thousands_separator: ","\n', csv('Invoice date,Account ID,Amount,margin', ['01/03/2026', 'acme', '$1,000', '($200)'], ['02/03/2026', 'acme', '5', '€€1']));
    expect(said.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([`${F}:3:25 error ledger-not-a-number`]);
    expect(workspace?.ledger).toBeUndefined();
  });
});
