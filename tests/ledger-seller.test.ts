import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { rollUp } from '../src/core/rollup/rollup.ts';
import { readLedgerSandbox } from './helpers/ledger.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

/*
 * The ledger's `owner` column (issue 25 item 3): booked follows the person who sold, when the ledger says who.
 * tests/fixtures/ledger: ann-lee and bo-kim report to max-roe, who reports to eva-cho; acme (crm.id CRM-001) is
 * ann-lee's, globex bo-kim's; the fiscal year starts in February (FY2027-Q1 is February to April 2026).
 */
const BASE = readFileSync('tests/fixtures/ledger/workspace.yaml', 'utf8');
const COLUMNS = '  columns: { date: Invoice date, account: Account ID, revenue: Amount, owner: Sold by }\n';
const F = 'plans/sales/2026.csv';
const GOALS = [
  'goals:',
  '  - { period: FY2027-Q1, revenue: 1000 }',
  '  - { period: FY2027-Q1, scope: { owner: ann-lee }, revenue: 100 }',
  '  - { period: FY2027-Q1, scope: { owner: bo-kim }, revenue: 100 }',
  '  - { period: FY2027-Q1, scope: { manager: max-roe }, revenue: 100 }',
  '  - { period: FY2027-Q1, scope: { owner: bo-kim, channel: direct }, revenue: 100 }',
  '',
].join('\n');

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

/** The fixture with the owner column mapped (unless `mapped` is false), `files` written over it; booked per goal. */
function booked(csv: string, options: { mapped?: boolean; sales?: string; files?: Record<string, string> } = {}) {
  const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
  const workspace = (options.mapped === false ? BASE : BASE.replace(/^ {2}columns: .*\n/m, COLUMNS)) + (options.sales ?? '');
  s.write({ 'workspace.yaml': workspace, 'goals.yaml': GOALS, 'sales/2026.csv': csv, ...options.files });
  const read = readLedgerSandbox(s);
  const { said } = read;
  const goals = read.workspace ? rollUp(read.workspace).goals : [];
  const by = Object.fromEntries(goals.map((g) => [g.label, g.booked?.revenue]));
  return { said, by, goals };
}

const HANDED = { 'accounts/acme.yaml': readFileSync('tests/fixtures/ledger/accounts/acme.yaml', 'utf8').replace('owner: ann-lee', 'owner: bo-kim') };
const SOLD = ['Invoice date,Account ID,Amount,Sold by', '01/03/2026,acme,100,ann-lee', '02/03/2026,acme,40,', '03/03/2026,globex,7,bo-kim', ''].join('\n');

describe('a handover, when the ledger says who sold', () => {
  it('without the column, the old owner\'s sales move with the account to the new owner (as before)', () => {
    const { said, by } = booked(SOLD.replace('Sold by', 'Seller'), { mapped: false, files: HANDED });
    expect(said).toEqual([]);
    expect(by).toMatchObject({ 'FY2027-Q1 owner: Ann Lee': 0, 'FY2027-Q1 owner: Bo Kim': 147 });
  });

  it('with the column, the old owner keeps what she sold; an unsigned row follows the current owner', () => {
    const { said, by } = booked(SOLD, { files: HANDED });
    expect(said).toEqual([]);
    expect(by).toMatchObject({ 'FY2027-Q1 owner: Ann Lee': 100, 'FY2027-Q1 owner: Bo Kim': 47, 'FY2027-Q1 team of Max Roe': 147, 'FY2027-Q1 company': 147 });
  });

  it('the rest of a goal\'s scope still applies to what its people sold elsewhere', () => {
    // bo-kim sold on acme (direct, now ann-lee's) and on globex (no channel): only acme is in "owner bo-kim, channel direct".
    const csv = ['Invoice date,Account ID,Amount,Sold by', '01/03/2026,acme,100,bo-kim', '03/03/2026,globex,7,bo-kim', ''].join('\n');
    const { said, goals } = booked(csv);
    expect(said).toEqual([]);
    const of = (label: string) => goals.find((g) => g.label.startsWith(label))?.booked?.revenue;
    expect(of('FY2027-Q1 owner: Bo Kim, channel')).toBe(100);
    expect(of('FY2027-Q1 owner: Bo Kim')).toBe(107);
    expect(of('FY2027-Q1 owner: Ann Lee')).toBe(0);
  });

  it('a seller written by name is mapped with sales.values', () => {
    const csv = ['Invoice date,Account ID,Amount,Sold by', '01/03/2026,acme,100,Ann Lee', ''].join('\n');
    const { said, by } = booked(csv, { files: HANDED, sales: '  values: { owner: { "Ann Lee": ann-lee } }\n' });
    expect(said).toEqual([]);
    expect(by).toMatchObject({ 'FY2027-Q1 owner: Ann Lee': 100, 'FY2027-Q1 owner: Bo Kim': 0 });
  });
});

describe('a seller who is not in team.yaml', () => {
  it('is a warning at the first row naming them, and their sales follow the account\'s current owner', () => {
    const csv = ['Invoice date,Account ID,Amount,Sold by', '01/03/2026,acme,100,jo-left', '02/03/2026,acme,5,jo-left', '03/03/2026,acme,1,Ann Lee', ''].join('\n');
    const { said, by } = booked(csv, { files: HANDED });
    expect(said).toEqual([
      `${F}:2:21 warning ledger-unknown-seller Sold by: "jo-left" is nobody in team.yaml, so its 2 sales in this file (this is the first) follow the account's current owner. Write a person's id: ann-lee, bo-kim, max-roe, eva-cho.`,
      `${F}:4:19 warning ledger-unknown-seller Sold by: "Ann Lee" is nobody in team.yaml, so this sale follows the account's current owner. It is the name of ann-lee: map it with sales.values: { owner: { "Ann Lee": ann-lee } } in workspace.yaml.`,
    ]);
    expect(by).toMatchObject({ 'FY2027-Q1 owner: Ann Lee': 0, 'FY2027-Q1 owner: Bo Kim': 106 });
  });

  it('a name mapped to someone who left is a warning at the row, not an error at the setting', () => {
    const csv = ['Invoice date,Account ID,Amount,Sold by', '01/03/2026,acme,100,Jo Left', ''].join('\n');
    const { said, by } = booked(csv, { sales: '  values: { owner: { "Jo Left": jo-left } }\n' });
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^plans\/sales\/2026\.csv:2:21 warning ledger-unknown-seller Sold by: "Jo Left" \("jo-left" by sales\.values\.owner\) is nobody in team\.yaml/);
    expect(by['FY2027-Q1 owner: Ann Lee']).toBe(100);
  });

  it('many departed sellers: twenty warnings, the last counting the others', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `01/03/2026,acme,1,gone-${i}`);
    const { said } = booked(['Invoice date,Account ID,Amount,Sold by', ...rows, ''].join('\n'));
    expect(said).toHaveLength(20);
    expect(said[19]).toContain('10 other sellers of this file are not in team.yaml either.');
  });
});

describe('the column is read only when sales.columns maps it', () => {
  it('an existing ledger with a column called "owner" keeps its meaning', () => {
    const csv = ['Invoice date,Account ID,Amount,owner', '01/03/2026,acme,100,bo-kim', '02/03/2026,acme,1,someone', ''].join('\n');
    const { said, by } = booked(csv, { mapped: false });
    expect(said).toEqual([]);
    expect(by).toMatchObject({ 'FY2027-Q1 owner: Ann Lee': 101, 'FY2027-Q1 owner: Bo Kim': 0 });
  });

  it('hostile seller cells: HTML is a name nobody has, a control character is an error at its cell', () => {
    const csv = ['Invoice date,Account ID,Amount,Sold by', '01/03/2026,acme,100,<img src=x onerror=alert(1)>', '02/03/2026,acme,1,"ann\u0007lee"', ''].join('\n');
    const { said } = booked(csv);
    expect(said[0]).toContain('warning ledger-unknown-seller Sold by: "<img src=x onerror=alert(1)>" is nobody in team.yaml');
    expect(said[1]).toMatch(/:3:19 error ledger-control-character/);
  });

  it('a mapped column a file lacks is read as no seller: every sale follows its account\'s owner', () => {
    const { said, by } = booked(['Invoice date,Account ID,Amount', '01/03/2026,acme,100', ''].join('\n'));
    expect(said).toEqual([]);
    expect(by['FY2027-Q1 owner: Ann Lee']).toBe(100);
  });
});
