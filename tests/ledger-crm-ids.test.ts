import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { crmKey, salesforceChecksum } from '../src/core/shared/crm-ids.ts';
import { readLedgerSandbox } from './helpers/ledger.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

/*
 * sales.crm_ids: salesforce (issue 24 item 6): a 15-character Salesforce id and its 18-character form name one record.
 * The pair below is Salesforce's own documented example: 001A0000006Vm9r and 001A0000006Vm9rIAC.
 */
const WORKSPACE = readFileSync('tests/fixtures/ledger/workspace.yaml', 'utf8');
const ACME = readFileSync('tests/fixtures/ledger/accounts/acme.yaml', 'utf8');
const ID15 = '001A0000006Vm9r';
const ID18 = '001A0000006Vm9rIAC';

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

function read(options: { setting: boolean; crmId: string; rows?: string[]; files?: Record<string, string>; sales?: string }) {
  const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
  const csv = ['Invoice date,Account ID,Amount', ...(options.rows ?? []), ''].join('\n');
  s.write({
    'workspace.yaml': WORKSPACE + (options.sales ?? (options.setting ? '  crm_ids: salesforce\n' : '')),
    'accounts/acme.yaml': ACME.replace('CRM-001', options.crmId),
    'sales/2026.csv': csv,
    ...options.files,
  });
  const { workspace, said } = readLedgerSandbox(s);
  const clients = [...(workspace?.ledger?.clients.values() ?? [])].map((c) => `${c.id}${c.hasPlan ? '' : ' (no plan)'}`).sort();
  return { workspace, said, clients };
}

describe('the checksum', () => {
  it('extends a 15-character id as Salesforce does, and only a fitting suffix is read as the same record', () => {
    expect(salesforceChecksum(ID15)).toBe('IAC');
    expect(crmKey(ID18, 'salesforce')).toBe(ID15);
    expect(crmKey('001A0000006Vm9riac', 'salesforce')).toBe(ID15); // the suffix is case-insensitive; the id is not
    expect(crmKey('001A0000006Vm9rAAA', 'salesforce')).toBe('001A0000006Vm9rAAA');
    expect(crmKey(ID18, undefined)).toBe(ID18);
    expect(crmKey('acme-corporat-ion', 'salesforce')).toBe('acme-corporat-ion');
  });
});

describe('sales.crm_ids: salesforce matches the two forms of one id', () => {
  it('an 18-character ledger id books to the plan whose crm.id has 15', () => {
    const { said, clients } = read({ setting: true, crmId: ID15, rows: [`01/03/2026,${ID18},100`] });
    expect(said).toEqual([]);
    expect(clients).toEqual(['acme']);
  });

  it('a 15-character ledger id books to the plan whose crm.id has 18', () => {
    const { said, clients } = read({ setting: true, crmId: ID18, rows: [`01/03/2026,${ID15},100`, `02/03/2026,${ID18},1`] });
    expect(said).toEqual([]);
    expect(clients).toEqual(['acme']);
  });

  it('without the setting, ids match as written (as before)', () => {
    const { said, clients } = read({ setting: false, crmId: ID15, rows: [`01/03/2026,${ID18},100`] });
    expect(said).toEqual([]);
    expect(clients).toEqual([`${ID18} (no plan)`]);
  });

  it('a suffix that is no checksum, or another case, is another record', () => {
    const { clients } = read({ setting: true, crmId: ID15, rows: ['01/03/2026,001A0000006Vm9rAAA,100', '02/03/2026,001a0000006vm9r,5'] });
    expect(clients).toEqual(['001A0000006Vm9rAAA (no plan)', '001a0000006vm9r (no plan)']);
  });
});

describe('the duplicate-crm-id check knows both forms', () => {
  const twin = (crmId: string) => ({ 'accounts/initech.yaml': ACME.replace('CRM-001', crmId).replace('name: Acme', 'name: Initech') });

  it('two plans naming one record in its two forms is an error at the second', () => {
    const { workspace, said } = read({ setting: true, crmId: ID15, files: twin(ID18) });
    expect(workspace).toBeUndefined();
    expect(said).toEqual([
      `plans/accounts/initech.yaml:7:12 error duplicate-crm-id crm.id: "${ID18}" is also the CRM id of plans/accounts/acme.yaml (written "${ID15}" there: the 15- and 18-character forms of one Salesforce id), so the ledger's rows for it would all be booked to one of the two plans. Each plan names its own CRM account: correct one of the ids, or merge the two plans.`,
    ]);
  });

  it('without the setting the two forms are two ids, as before', () => {
    const { said } = read({ setting: false, crmId: ID15, files: twin(ID18) });
    expect(said).toEqual([]);
  });
});

describe('hostile settings', () => {
  it('another CRM, or another case, is an error at its line', () => {
    for (const value of ['hubspot', 'Salesforce', '[salesforce]', '""']) {
      const { workspace, said } = read({ setting: false, crmId: ID15, sales: `  crm_ids: ${value}\n` });
      expect(workspace).toBeUndefined();
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/^plans\/workspace\.yaml:15:\d+ error /);
    }
  });
});
