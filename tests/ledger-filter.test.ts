import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readLedgerSandbox } from './helpers/ledger.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

/*
 * sales.where: which rows of an export are sales. An opportunities report holds every stage; summing the open and
 * lost deals with the won ones is a figure silently wrong, so a stage column nobody filters is a warning, and a filter
 * naming a column the file lacks is an error. tests/fixtures/ledger reads DD/MM/YYYY; its goals name FY2027 (Feb–Jan).
 */
const WORKSPACE = readFileSync('tests/fixtures/ledger/workspace.yaml', 'utf8');
const F = 'plans/sales/2026.csv';
const HEADER = 'Invoice date,Account ID,Amount,Stage';

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

/** The ledger fixture with its sales: block extended by `sales` lines, and its ledger replaced by `csv`. */
function read(sales: string, csv: string) {
  const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
  s.write({ 'workspace.yaml': WORKSPACE + sales, 'sales/2026.csv': csv });
  const { workspace, said, booked } = readLedgerSandbox(s);
  return { workspace, said, booked };
}

const REPORT = [
  HEADER,
  '01/03/2026,acme,100,Closed Won',
  '02/03/2026,acme,45000,Closed Lost',
  '03/03/2026,acme,350000,Negotiation',
  '04/03/2026,acme,20, closed won ',
  '05/03/2026,acme,lots,Prospecting', // not a sale, so its amount is never read
  '',
].join('\n');

describe('sales.where keeps only the rows that are sales', () => {
  it('books the won rows alone, their stage matched whatever its case and spaces', () => {
    const { said, booked } = read('  where: { Stage: [CLOSED WON] }\n', REPORT);
    expect(said).toEqual([]);
    expect(booked('acme')).toBe(120);
  });

  it('with several columns, a row is a sale when every one of them matches', () => {
    const csv = ['Invoice date,Account ID,Amount,Stage,Type', '01/03/2026,acme,100,Won,New', '02/03/2026,acme,7,Won,Renewal', '03/03/2026,acme,9,Open,New', ''].join('\n');
    const { said, booked } = read('  where: { Stage: [won], Type: [new, upsell] }\n', csv);
    expect(said).toEqual([]);
    expect(booked('acme')).toBe(100);
  });

  it('a row of another shape is still the error it was, filter or not', () => {
    const { workspace, said } = read('  where: { Stage: [Closed Won] }\n', `${HEADER}\n01/03/2026,acme,100\n`);
    expect(workspace).toBeUndefined();
    expect(said).toEqual([`${F}:2:20 error ledger-column-count This row has only 3 cells and the header has 4, so its cells cannot be matched to columns. Give every row one cell per column (a comma inside a value needs the value in double quotes).`]);
  });
});

describe('a filter the file cannot answer is an error, never an empty ledger', () => {
  it('a filter column the file does not have is an error at its header, with the closest header', () => {
    const { workspace, said } = read('  where: { Stages: [Closed Won] }\n', REPORT);
    expect(workspace).toBeUndefined();
    expect(said).toEqual([
      `${F}:1:1 error ledger-filter-column sales.where in workspace.yaml filters on the column "Stages", and this file has no such column; its header reads: Invoice date, Account ID, Amount, Stage. Did you mean "Stage"? Headers are matched exactly. Write the header as the export writes it, or remove the filter.`,
    ]);
  });

  it.each([
    { name: 'a filter that lists no value', where: '{ Stage: [] }', code: 'wrong-size' },
    { name: 'a filter value that is a word, not a list', where: '{ Stage: Closed Won }', code: 'wrong-type' },
    { name: 'a filter whose value is empty text', where: '{ Stage: [""] }', code: 'empty-value' },
    { name: 'a filter on "__proto__"', where: '{ __proto__: [x] }', code: 'invalid-value' },
    { name: 'a filter that is a list', where: '[Stage, Closed Won]', code: 'wrong-type' },
  ])('$name is an error in workspace.yaml at its line', ({ where, code }) => {
    const { workspace, said } = read(`  where: ${where}\n`, REPORT);
    expect(workspace).toBeUndefined();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(new RegExp(`^plans/workspace\\.yaml:15:\\d+ error ${code} `));
  });
});

describe('filters that would let every row through, or flood the report', () => {
  it('an empty where is an error at its line, never a filter that keeps lost and open deals silently', () => {
    const { workspace, said } = read('  where: {}\n', REPORT);
    expect(workspace).toBeUndefined();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^plans\/workspace\.yaml:15:\d+ error \S+ .*an empty where keeps every row, lost and open deals too/);
  });

  it('a filter naming hundreds of columns the file lacks says "more than 50 problems" once, not once per column', () => {
    const columns = Array.from({ length: 300 }, (_, i) => `C${i}: [x]`).join(', ');
    const { workspace, said } = read(`  where: { ${columns} }\n`, REPORT);
    expect(workspace).toBeUndefined();
    expect(said.filter((line) => line.startsWith(`${F}:1:1 error ledger-filter-column`))).toHaveLength(50);
    expect(said.filter((line) => line.includes('More than 50 problems'))).toHaveLength(1);
    expect(said).toHaveLength(51);
  });
});

describe('a stage column nobody filters is never summed silently', () => {
  it('is a warning at the column, naming its values; the rows are still counted, as before', () => {
    const { said, booked } = read('', REPORT.replace(',lots,', ',5,'));
    expect(said).toEqual([
      `${F}:1:32 warning ledger-unfiltered-stage The column "Stage" looks like a deal's stage or status (its values: "Closed Won", "Closed Lost", "Negotiation", "closed won", "Prospecting"), and every row is counted as a sale whatever it holds. If the file holds open or lost deals, set sales.where in workspace.yaml to the won value, such as where: { "Stage": ["Closed Won"] }.`,
    ]);
    expect(booked('acme')).toBe(100 + 45000 + 350000 + 20 + 5);
  });

  it.each(['Deal Stage', 'opportunity stage', ' STATUS ', 'Is Won', 'Won', 'Closed'])('a column named %j is one', (header) => {
    const { said } = read('', `Invoice date,Account ID,Amount,${header}\n01/03/2026,acme,1,x\n`);
    expect(said.map((s) => s.split(' ').slice(1, 3).join(' '))).toEqual(['warning ledger-unfiltered-stage']);
  });

  it('names the first ten distinct values, and says there are more', () => {
    const rows = Array.from({ length: 14 }, (_, i) => `01/03/2026,acme,1,S${i}`);
    const { said } = read('', [HEADER, ...rows, ''].join('\n'));
    expect(said[0]).toContain('(its values: "S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9" …)');
  });

  it('a filter on any column silences it: the file says which rows are sales', () => {
    const csv = ['Invoice date,Account ID,Amount,Stage,Booked', '01/03/2026,acme,1,Open,yes', ''].join('\n');
    expect(read('  where: { Booked: [yes] }\n', csv).said).toEqual([]);
  });

  it('plan text in the values is shown quoted on one line', () => {
    const { said } = read('', `${HEADER}\n01/03/2026,acme,1,"Won\u001b[31m"\n`);
    expect(said.some((s) => s.includes('ledger-unfiltered-stage') && !s.includes('\u001b'))).toBe(true);
  });
});

describe('a currency column nobody mapped is never summed silently', () => {
  const GBP = ['Invoice date,Account ID,Amount,Amount Currency', '01/03/2026,acme,100,EUR', '02/03/2026,acme,50,GBP', ''].join('\n');

  it('is a warning at the column, naming its values; the amounts are still summed as before', () => {
    const { said, booked } = read('', GBP);
    expect(said).toEqual([
      `${F}:1:32 warning ledger-unmapped-currency The column "Amount Currency" looks like the currency of each amount (its values: "EUR", "GBP"), and nothing reads it, so every amount is summed as the workspace currency. Map it under sales.columns in workspace.yaml, such as currency: "Amount Currency", so each row is converted by the fx rates.`,
    ]);
    expect(booked('acme')).toBe(150);
  });

  it('mapped, it converts each row by the fx rates, and the warning is gone', () => {
    // "currency" is the currency field's own header, so the column is read: EUR at the fixture's rate of 1.1.
    const { said, booked } = read('', ['Invoice date,Account ID,Amount,currency', '01/03/2026,acme,100,EUR', '02/03/2026,acme,50,USD', ''].join('\n'));
    expect(said).toEqual([]);
    expect(booked('acme')).toBeCloseTo(160, 9);
  });

  it.each(['Opportunity Currency', 'Deal Currency', 'CURRENCY CODE', 'Currency ISO Code'])('a column named %j is one', (header) => {
    const { said } = read('', `Invoice date,Account ID,Amount,${header}\n01/03/2026,acme,1,USD\n`);
    expect(said.map((s) => s.split(' ')[2])).toEqual(['ledger-unmapped-currency']);
  });
});
