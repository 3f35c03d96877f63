import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readLedgerSandbox } from './helpers/ledger.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

/*
 * sales.account_separator (issue 24 item 6): an account cell holding several ids, as HubSpot's Associated Company IDs
 * does. tests/fixtures/ledger has the plans acme (crm.id CRM-001) and globex.
 */
const WORKSPACE = readFileSync('tests/fixtures/ledger/workspace.yaml', 'utf8');
const F = 'plans/sales/2026.csv';
const HEADER = 'Invoice date,Account ID,Amount';

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

function read(sales: string, rows: string[]) {
  const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
  s.write({ 'workspace.yaml': WORKSPACE + sales, 'sales/2026.csv': [HEADER, ...rows, ''].join('\n') });
  const { workspace, said, ledger, booked } = readLedgerSandbox(s);
  const clients = [...(ledger?.clients.keys() ?? [])].sort();
  return { workspace, said, total: booked, clients, rows: ledger?.rows };
}

describe('several ids in one account cell', () => {
  it('the row counts once, for the first id that names a plan (by id or crm.id)', () => {
    const { said, total, clients, rows } = read('  account_separator: ";"\n', ['01/03/2026,9911; CRM-001,100', '02/03/2026,acme;9911,5', '03/03/2026,"9911;9922",7']);
    expect(said).toEqual([]);
    expect(rows).toBe(3);
    expect(total('acme')).toBe(105);
    // No id names a plan: the row is a client without a plan, under its first id.
    expect(clients).toEqual(['9911', 'acme']);
    expect(total('9911')).toBe(7);
  });

  it('a cell naming two plans is a warning at its first row, counting its rows; the sale counts for the first', () => {
    const { said, total } = read('  account_separator: "|"\n', ['01/03/2026,globex|acme,100', '02/03/2026,globex|acme,5', '03/03/2026,acme|CRM-001,1']);
    expect(said).toEqual([
      `${F}:2:12 warning ledger-account-two-plans Account ID: "globex|acme" names the plans globex and acme, and a sale counts once, so its 2 rows in this file (this is the first) count for globex alone. If the sale belongs to acme, put its id first, or remove the other id from the cell.`,
    ]);
    expect(total('globex')).toBe(105);
    // Two ids of one plan are one plan: no warning.
    expect(total('acme')).toBe(1);
  });

  it('without the setting, a cell is one id (as before)', () => {
    const { said, clients } = read('', ['01/03/2026,"acme;globex",100']);
    expect(said).toEqual([]);
    expect(clients).toEqual(['acme;globex']);
  });

  it('hostile cells: only separators, HTML between ids, many cells naming two plans', () => {
    const many = Array.from({ length: 25 }, (_, i) => `01/03/2026,acme;globex;x${i},1`);
    const { said, total } = read('  account_separator: ";"\n', ['01/03/2026,;;,3', '01/03/2026,<b>x</b>;acme,2', ...many]);
    expect(total(';;')).toBe(3);
    expect(total('acme')).toBe(27);
    expect(total('globex')).toBe(0);
    // 25 cells name two plans: 20 warnings, the last counting the other 5.
    expect(said).toHaveLength(20);
    expect(said[19]).toContain('5 other cells of this file name two plans as well.');
  });

  it('another separator is an error at its line', () => {
    const { workspace, said } = read('  account_separator: "/"\n', ['01/03/2026,acme,1']);
    expect(workspace).toBeUndefined();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^plans\/workspace\.yaml:15:\d+ error /);
  });
});
