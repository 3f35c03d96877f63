import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { withSalesPreset } from '../src/core/load/sales/preset-settings.ts';
import { WorkspaceSettingsSchema } from '../schemas/index.ts';
import { readLedgerSandbox, totalOf } from './helpers/ledger.ts';
import { makeSandbox, ROOT, runScript, type Sandbox } from './helpers/sandbox.ts';

/*
 * sales.preset: a Salesforce opportunities report and a HubSpot deals export go in as they come, with only the preset
 * set. The two fixtures (tests/fixtures/salesforce-opportunities, tests/fixtures/hubspot-deals) were made for these
 * tests; their figures are worked out by hand in the comments below.
 */
const SF = 'tests/fixtures/salesforce-opportunities';
const HS = 'tests/fixtures/hubspot-deals';
const SF_CSV = readFileSync(`${SF}/sales/opportunities.csv`, 'utf8');
const HS_CSV = readFileSync(`${HS}/sales/deals.csv`, 'utf8');
const SF_WORKSPACE = readFileSync(`${SF}/workspace.yaml`, 'utf8');
const HS_WORKSPACE = readFileSync(`${HS}/workspace.yaml`, 'utf8');

interface Booked {
  revenue: number;
  share: number;
  toCome: number;
  withoutPlan: number;
  through: string;
}
interface CheckJson {
  goals: { label: string; booked?: Booked }[];
  diagnostics: { file: string; line: number; column: number; severity: string; code: string; message: string }[];
}

function checkJson(plans: string, cwd = ROOT): { status: number | null; json: CheckJson } {
  const out = runScript('check', ['--plans', plans, '--json', '--today', '2026-11-24'], { cwd });
  return { status: out.status, json: JSON.parse(out.stdout) as CheckJson };
}

let sandbox: Sandbox | undefined;
afterEach(() => {
  sandbox?.remove();
  sandbox = undefined;
});

/** A copy of a fixture with some files changed, read as the command line reads it. */
function read(fixture: string, changes: Record<string, string | Uint8Array | null>) {
  const s = (sandbox = makeSandbox(fixture));
  s.write(changes);
  const { workspace, diagnostics, said, ledger, booked } = readLedgerSandbox(s, '2026-11-24');
  return { workspace, diagnostics, said, booked, total: totalOf(ledger), clients: [...(ledger?.clients.keys() ?? [])].sort() };
}

describe('the preset as settings', () => {
  const parse = (sales: object) => WorkspaceSettingsSchema.parse({ company: 'C', currency: 'EUR', fiscal_year_start_month: 1, dimensions: {}, sales });

  it('without a preset the settings are the very same object: no ledger changes meaning', () => {
    const settings = parse({ columns: { account: 'Account ID' } });
    expect(withSalesPreset(settings)).toBe(settings);
    expect(settings.sales!.date_format).toBeUndefined();
  });

  it('fills the preset under the hand settings, key by key', () => {
    const settings = withSalesPreset(parse({ preset: 'salesforce-opportunities', columns: { account: 'Company ID', product: 'Product' }, date_format: 'DD/MM/YYYY' }));
    expect(settings.sales).toEqual({
      preset: 'salesforce-opportunities',
      columns: { account: 'Company ID', date: 'Close Date', name: 'Account Name', product: 'Product' },
      where: { Stage: ['Closed Won'] },
      date_format: 'DD/MM/YYYY',
      crm_ids: 'salesforce',
      delimiter: ',',
      decimal_separator: '.',
    });
    expect(withSalesPreset(parse({ preset: 'hubspot-deals', where: { Pipeline: ['Sales'] }, account_separator: '|' })).sales).toMatchObject({
      columns: { account: 'Associated Company IDs', date: 'Close Date' },
      where: { Pipeline: ['Sales'] },
      date_format: 'YYYY-MM-DD HH:mm',
      account_separator: '|',
    });
  });
});

describe('a Salesforce opportunities report with only preset: salesforce-opportunities', () => {
  it('check --json books exactly the won rows, converted by the workspace rates, ids matched 18 to 15 characters', () => {
    const { status, json } = checkJson(SF);
    expect(status).toBe(1);
    // Closed Won rows: Nordwind 30,000 EUR (1/15) + 120,000 EUR (3/14); Albion 80,000 GBP (6/30) + 12,500 GBP (10/1)
    // at 1.15 = 92,000 + 14,375; Lakeside 200,000 USD (9/9) at 0.90 = 180,000; Fjord Analytics (no plan) 15,000 EUR (11/20).
    // 150,000 + 106,375 + 180,000 + 15,000 = 451,375. Not booked: Closed Lost 45,000 and every open stage (350,000 …).
    const booked = Object.fromEntries(json.goals.map((g) => [g.label, g.booked]));
    expect(booked['FY2026 company']).toEqual({ revenue: 451375, share: 451375 / 600000, toCome: 20000, withoutPlan: 15000, through: '2026-11-20' });
    // Ann Lee's accounts: Nordwind 150,000 + Lakeside 180,000.
    expect(booked['FY2026 owner: Ann Lee']).toMatchObject({ revenue: 330000, withoutPlan: 0 });
    // Q4 (October to December): Albion 14,375 + Fjord 15,000.
    expect(booked['FY2026-Q4 company']).toMatchObject({ revenue: 29375, withoutPlan: 15000 });
    // The footer is read as a footer: one note, no error, no warning.
    expect(json.diagnostics.map((d) => `${d.line} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      '18 info ledger-report-footer The file ends at its report footer, "Grand Totals (15 records)", as sales.preset: salesforce-opportunities reads it: that line and the 2 lines after it were not read as sales (the totals, a confidentiality note, a copyright).',
    ]);
  });

  it('books the won rows by account: the 18-character ids in the file are the 15-character crm.id of each plan', () => {
    const { booked, clients, said } = read(SF, {});
    expect(clients).toEqual(['0015g00000XyZabAAF', 'albion', 'lakeside', 'nordwind']);
    expect([booked('nordwind'), booked('albion'), booked('lakeside'), booked('0015g00000XyZabAAF')]).toEqual([150000, 106375, 180000, 15000]);
    expect(said).toHaveLength(1);
  });

  it('takes Amount (converted) in the workspace currency when the report has no Amount column', () => {
    const csv = SF_CSV.replace('"Amount Currency","Amount"', '"Other Currency","Amount (converted)"');
    const { booked, said, total } = read(SF, { 'sales/opportunities.csv': csv });
    // The same won rows, every amount now taken as EUR: 30,000 + 120,000 + 80,000 + 12,500 + 200,000 + 15,000.
    expect(total).toBe(457500);
    expect(booked('albion')).toBe(92500);
    expect(said.map((s) => s.split(' ')[2])).toEqual(['ledger-report-footer']);
  });

  it('converts Amount (converted) by its own currency column when the report has one', () => {
    const csv = SF_CSV.replace('"Amount Currency","Amount"', '"Amount (converted) Currency","Amount (converted)"');
    const { total } = read(SF, { 'sales/opportunities.csv': csv });
    expect(total).toBe(451375);
  });

  it('a field set by hand replaces that one column: a renamed Account ID column, the rest from the preset', () => {
    const csv = SF_CSV.replace('"Account ID"', '"Account 18-digit ID"');
    const { total, said } = read(SF, { 'workspace.yaml': `${SF_WORKSPACE}  columns: { account: Account 18-digit ID }\n`, 'sales/opportunities.csv': csv });
    expect(total).toBe(451375);
    expect(said).toHaveLength(1);
  });

  it('an amount column set by hand to the converted amount keeps the currency column the preset pairs with it', () => {
    const csv = SF_CSV.replace('"Amount Currency","Amount"', '"Amount (converted) Currency","Amount (converted)"');
    const { total, said } = read(SF, { 'workspace.yaml': `${SF_WORKSPACE}  columns: { revenue: Amount (converted) }\n`, 'sales/opportunities.csv': csv });
    expect(total).toBe(451375);
    expect(said).toHaveLength(1);
  });

  it('an amount column the preset does not know, set by hand, leaves the currency column to be mapped: a warning says so', () => {
    const csv = SF_CSV.replace('"Amount Currency","Amount"', '"Amount Currency","Total Amount"');
    const { total, said } = read(SF, { 'workspace.yaml': `${SF_WORKSPACE}  columns: { revenue: Total Amount }\n`, 'sales/opportunities.csv': csv });
    // Every won amount as EUR: 30,000 + 120,000 + 80,000 + 12,500 + 200,000 + 15,000.
    expect(total).toBe(457500);
    expect(said.map((s) => s.split(' ').slice(1, 3).join(' ')).sort()).toEqual(['info ledger-report-footer', 'warning ledger-unmapped-currency']);
  });

  it('a where set by hand replaces the preset filter whole: here the won and the lost rows', () => {
    const { total } = read(SF, { 'workspace.yaml': `${SF_WORKSPACE}  where: { Stage: [Closed Won, closed lost] }\n` });
    expect(total).toBe(451375 + 45000);
  });

  it('a footer whose record count differs from the rows above it is a warning: the file was cut or edited', () => {
    const csv = SF_CSV.replace('Grand Totals (15 records)', 'Grand Totals (16 records)');
    const { said, total } = read(SF, { 'sales/opportunities.csv': csv });
    expect(total).toBe(451375);
    expect(said).toContain(
      'plans/sales/opportunities.csv:18:1 warning ledger-footer-count The footer "Grand Totals (16 records)" counts 16 records, and the file has 15 rows above it: rows were removed or added after the export, or the file was cut. Export the report again, or check the rows by hand.',
    );
  });

  it('a footer with a thousands separator in its count, and a file ending at its totals line, read the same', () => {
    const rows = SF_CSV.split('\n').slice(0, 16).join('\n');
    const { said } = read(SF, { 'sales/opportunities.csv': `${rows}\n\n"Grand Totals (1,000 records)"\n` });
    expect(said.map((s) => s.split(' ').slice(1, 3).join(' ')).sort()).toEqual(['info ledger-report-footer', 'warning ledger-footer-count']);
    expect(said.find((s) => s.includes('ledger-report-footer'))).toContain('reads it: that line was not read as sales');
    expect(said.find((s) => s.includes('ledger-footer-count'))).toContain('counts 1,000 records, and the file has 15 rows above it');
  });

  it('a sale whose name reads like the totals line, in a full row, is still a sale', () => {
    const csv = SF_CSV.replace('"Nordwind - Q1 add-on"', '"Grand Totals (1 records)"');
    const { total } = read(SF, { 'sales/opportunities.csv': csv });
    expect(total).toBe(451375);
  });

  it('the preset matches the two forms of an id in the duplicate crm.id check too', () => {
    const plan = readFileSync(`${SF}/accounts/lakeside.yaml`, 'utf8').replace('0015g00000kLmNo', '0015g00000NrdWkAAJ');
    const { said } = read(SF, { 'accounts/lakeside.yaml': plan });
    expect(said.find((s) => s.includes('duplicate-crm-id'))).toContain('the 15- and 18-character forms of one Salesforce id');
  });

  it('reads the 15-character form of an id in the report as well', () => {
    const { booked } = read(SF, { 'sales/opportunities.csv': SF_CSV.replaceAll('0015g00000NrdWkAAJ', '0015g00000NrdWk') });
    expect(booked('nordwind')).toBe(150000);
  });
});

describe('a HubSpot deals export with only preset: hubspot-deals', () => {
  it('check --json books exactly the won rows, converted by the workspace rates', () => {
    const { status, json } = checkJson(HS);
    expect(status).toBe(1);
    // Closed Won rows: Acme Robotics 50,000 USD; Brightwave 40,000 EUR at 1.10 = 44,000 (its cell also names a company
    // with no plan: the row counts once, for the plan); Cobalt 30,000 GBP at 1.30 = 39,000 and 10,000 USD; Delta
    // Logistics (no plan) 7,500 USD. 50,000 + 44,000 + 49,000 + 7,500 = 150,500. Not booked: Closed Lost 25,000 and
    // every open stage (Contract Sent 120,000 …), nor the Acme Robotics deal marked won with a close date after today
    // (2026-12-15, 60,000 USD): one warning says so, and the ledger is "through" its last sale up to today.
    const booked = Object.fromEntries(json.goals.map((g) => [g.label, g.booked]));
    expect(booked['FY2026 company']).toEqual({ revenue: 150500, share: 150500 / 200000, toCome: 0, withoutPlan: 7500, through: '2026-11-02' });
    // Partner accounts: Brightwave 44,000 + Cobalt 49,000.
    expect(booked['FY2026 channel: partner']).toMatchObject({ revenue: 93000, withoutPlan: 0 });
    expect(json.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([`${HS}/sales/deals.csv:13:46 warning ledger-future-sales`]);
  });

  it('books by the first id of an Associated Company IDs cell that names a plan', () => {
    const { booked, clients } = read(HS, {});
    expect(clients).toEqual(['18234567888', 'acme-robotics', 'brightwave', 'cobalt']);
    expect([booked('acme-robotics'), booked('brightwave'), booked('cobalt'), booked('18234567888')]).toEqual([50000, 44000, 49000, 7500]);
  });

  it('takes Amount in company currency in the workspace currency when the export has no Amount column', () => {
    const csv = HS_CSV.replace(',Amount,Currency,', ',Amount in company currency,Deal currency code,');
    const { total } = read(HS, { 'sales/deals.csv': csv });
    expect(total).toBe(50000 + 40000 + 30000 + 10000 + 7500);
  });
});

describe('an export with no preset and no filter is never summed silently (check --json)', () => {
  it('a stage column nobody filters, and a currency column nobody maps, are warnings in check --json', () => {
    const s = (sandbox = makeSandbox(SF));
    // The rows dated up to 2026-11-20, the open Negotiation row moved back to 10/30/2026 (the others fall in a year no
    // goal names, an error of their own without a filter).
    const rows = SF_CSV.replace('"2/26/2027"', '"10/30/2026"').split('\n').filter((line) => !/"(\d+\/\d+\/2027|11\/30\/2026|12\/15\/2026)"/.test(line));
    s.write({
      'sales/opportunities.csv': rows.join('\n'),
      'workspace.yaml': SF_WORKSPACE.replace('  preset: salesforce-opportunities\n', '  columns: { account: Account ID, date: Close Date, revenue: Amount }\n  date_format: MM/DD/YYYY\n  crm_ids: salesforce\n  footer: stop-at-blank-line\n'),
    });
    const { json } = checkJson('plans', s.dir);
    const said = json.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);
    expect(said).toEqual([
      'plans/sales/opportunities.csv:1:68 warning ledger-unfiltered-stage',
      'plans/sales/opportunities.csv:1:105 warning ledger-unmapped-currency',
      'plans/sales/opportunities.csv:11:1 info ledger-footer',
    ]);
    // Summed, but never silently: every row, each amount as EUR: 30,000 + 120,000 + 45,000 (lost) + 350,000 (open)
    // + 80,000 + 12,500 + 200,000 + 15,000.
    expect(json.goals.find((g) => g.label === 'FY2026 company')!.booked!.revenue).toBe(852500);
    expect(json.diagnostics[0]!.message).toContain('"Closed Won", "Closed Lost", "Negotiation/Review"');
    expect(json.diagnostics[1]!.message).toContain('its values: "EUR", "GBP", "USD"');
  });

  it('the same with the preset: no warning, the won rows alone', () => {
    const { json } = checkJson(SF);
    expect(json.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('hostile input for the presets', () => {
  const notThatExport = 'plans/sales/opportunities.csv:1:1 error ledger-preset-headers';

  it('a preset on a file that is not that export: one error at the header naming the preset, what it lacks and how to map it', () => {
    const { workspace, said } = read(SF, { 'sales/opportunities.csv': 'Invoice date,Customer,Net\n01/02/2026,acme,5\n' });
    expect(workspace).toBeUndefined();
    expect(said).toEqual([
      `${notThatExport} sales.preset: salesforce-opportunities in workspace.yaml reads a Salesforce opportunities report (CSV, Details Only), and this file's header has no "Account ID" for account, "Close Date" for date, "Amount" (or "Amount (converted)") for revenue, "Stage" for the won-stage filter; it reads: Invoice date, Customer, Net. If your company renamed the field, map it beside the preset: sales: { preset: salesforce-opportunities, columns: { account: "<its header>" } } (anything set by hand wins over the preset). If the file is another export, remove the preset and map its columns under sales.columns.`,
    ]);
  });

  it('HTML and control characters in the header of a file that is not the export are shown as text, escaped', () => {
    const { said } = read(SF, { 'sales/opportunities.csv': '"<script>alert(1)</script>","Close\u0007Date","Stage\u001b[31m"\n"a","b","c"\n' });
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('it reads: <script>alert(1)</script>, Close\\u0007Date, Stage\\u001b[31m.');
    expect(said[0]).not.toMatch(/[\u0000-\u001f]/);
  });

  it('the HubSpot preset on the Salesforce report, and the other way round, are that error', () => {
    const hubspotOnSalesforce = read(SF, { 'workspace.yaml': SF_WORKSPACE.replace('salesforce-opportunities', 'hubspot-deals') });
    expect(hubspotOnSalesforce.said).toHaveLength(1);
    expect(hubspotOnSalesforce.said[0]).toContain('error ledger-preset-headers sales.preset: hubspot-deals in workspace.yaml reads a HubSpot deals export (CSV), and this file\'s header has no "Associated Company IDs" for account, "Deal Stage" for the won-stage filter;');
    const salesforceOnHubspot = read(HS, { 'workspace.yaml': HS_WORKSPACE.replace('hubspot-deals', 'salesforce-opportunities') });
    expect(salesforceOnHubspot.said).toHaveLength(1);
    expect(salesforceOnHubspot.said[0]).toContain('has no "Account ID" for account, "Stage" for the won-stage filter;');
  });

  it('a renamed stage column is named with the where to write', () => {
    const { said } = read(SF, { 'sales/opportunities.csv': SF_CSV.replace('"Stage"', '"Opportunity Stage"') });
    expect(said).toEqual([
      `${notThatExport} sales.preset: salesforce-opportunities in workspace.yaml reads a Salesforce opportunities report (CSV, Details Only), and this file's header has no "Stage" for the won-stage filter; it reads: Opportunity Owner, Account Name, Account ID, Opportunity Name, Opportunity Stage, Fiscal Period, Close Date, Amount Currency, Amount, Probability (%), Type. If your company renamed the field, map it beside the preset: sales: { preset: salesforce-opportunities, where: { "<its header>": [the won value] } } (anything set by hand wins over the preset). If the file is another export, remove the preset and map its columns under sales.columns.`,
    ]);
    // Mapped by hand, the renamed column filters as the preset's did.
    const mapped = read(SF, { 'sales/opportunities.csv': SF_CSV.replace('"Stage"', '"Opportunity Stage"'), 'workspace.yaml': `${SF_WORKSPACE}  where: { Opportunity Stage: [Closed Won] }\n` });
    expect(mapped.total).toBe(451375);
  });

  it('check exits 2 on a file that is not the preset export', () => {
    const s = (sandbox = makeSandbox(SF));
    s.write({ 'sales/opportunities.csv': HS_CSV });
    const before = s.snapshot();
    const out = runScript('check', ['--plans', 'plans', '--json', '--today', '2026-11-24'], { cwd: s.dir });
    expect(out.status).toBe(2);
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect((JSON.parse(out.stdout) as CheckJson).diagnostics.map((d) => d.code)).toEqual(['ledger-preset-headers']);
    expect(s.snapshot()).toEqual(before);
  });

  it.each([
    ['salesforce', '"salesforce"'],
    ['Salesforce-Opportunities', '"Salesforce-Opportunities"'],
    ['[salesforce-opportunities]', ''],
    ['3', ''],
  ])('an unknown preset (%s) is an error at its line in workspace.yaml, naming the presets', (value) => {
    const { workspace, said } = read(SF, { 'workspace.yaml': SF_WORKSPACE.replace('preset: salesforce-opportunities', `preset: ${value}`) });
    expect(workspace).toBeUndefined();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^plans\/workspace\.yaml:14:\d+ error /);
    expect(said[0]).toContain('salesforce-opportunities');
    expect(said[0]).toContain('hubspot-deals');
  });

  it('a UTF-16 export with CRLF line ends and the footer reads the same', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(SF_CSV.replaceAll('\n', '\r\n'), 'utf16le')]);
    const { total, said } = read(SF, { 'sales/opportunities.csv': bytes });
    expect(total).toBe(451375);
    expect(said.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual(['plans/sales/opportunities.csv:18:1 info ledger-report-footer']);
  });

  it('a header refused for a column set by hand is the one error: no warning about columns no row was read from', () => {
    const { workspace, said } = read(SF, { 'workspace.yaml': `${SF_WORKSPACE}  columns: { revenue: Nope }\n` });
    expect(workspace).toBeUndefined();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^plans\/sales\/opportunities\.csv:1:1 error ledger-missing-column /);
  });

  it.each(['Grand Totals (99999999999999999999999 records)', 'Grand Totals (1,0.0 records)'])('%j is no footer, so its count is never misread: the line is the short row it is', (line) => {
    const { workspace, said } = read(SF, { 'sales/opportunities.csv': SF_CSV.replace('Grand Totals (15 records)', line) });
    expect(workspace).toBeUndefined();
    expect(said[0]).toMatch(/^plans\/sales\/opportunities\.csv:18:\d+ error ledger-column-count /);
    expect(said.some((s) => s.includes('ledger-footer-count') || s.includes('ledger-report-footer'))).toBe(false);
  });

  it('a UTF-16 big-endian export (no spreadsheet writes one) is an error, never a silent sum', () => {
    const le = Buffer.from(SF_CSV, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    const { workspace, said } = read(SF, { 'sales/opportunities.csv': new Uint8Array([0xfe, 0xff, ...be]) });
    expect(workspace).toBeUndefined();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^plans\/sales\/opportunities\.csv:1:1 error ledger-csv-syntax This file is written in UTF-16 big-endian \(it starts with the bytes FE FF\), which is not read\. Save or export it as CSV in UTF-8/);
  });

  it('a filter column set by hand that the file does not have is the error it is without a preset', () => {
    const { said, workspace } = read(SF, { 'workspace.yaml': `${SF_WORKSPACE}  where: { Deal Stage: [Closed Won] }\n` });
    expect(workspace).toBeUndefined();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^plans\/sales\/opportunities\.csv:1:1 error ledger-filter-column sales\.where in workspace\.yaml filters on the column "Deal Stage", and this file has no such column/);
  });

  it('a hand setting that contradicts the preset wins: the dates are then read as it says, and refused at their cells', () => {
    const { said, workspace } = read(HS, { 'workspace.yaml': `${HS_WORKSPACE}  date_format: DD/MM/YYYY\n` });
    expect(workspace).toBeUndefined();
    expect(said[0]).toMatch(/^plans\/sales\/deals\.csv:2:41 error ledger-bad-date .*"2026-02-10 09:30".*DD\/MM\/YYYY/);
  });

  it('a footer set by hand wins over the preset footer', () => {
    const { said, total } = read(SF, { 'workspace.yaml': `${SF_WORKSPACE}  footer: stop-at-blank-line\n` });
    expect(total).toBe(451375);
    expect(said.map((s) => s.split(' ')[2])).toEqual(['ledger-footer']);
  });

  it('an account separator set by hand wins over the preset: a cell of two ids is then one id, a client with no plan', () => {
    const { booked, clients } = read(HS, { 'workspace.yaml': `${HS_WORKSPACE}  account_separator: "|"\n` });
    expect(clients).toContain('18234567002;18234567999');
    expect(booked('brightwave')).toBe(0);
  });

  it('HTML and control characters in stage cells match no won stage: the row is no sale, and nothing shows it raw', () => {
    const csv = SF_CSV.replace('"Nordwind - Q1 add-on","Closed Won"', '"Nordwind - Q1 add-on","<b>Closed Won</b>"')
      .replace('"Albion - Services","Closed Won"', '"Albion - Services","Closed\u0007Won"')
      .replace('"Lakeside - Rollout","Closed Won"', '"Lakeside - Rollout","=HYPERLINK(""http://x"",""Closed Won"")"');
    const { total, said } = read(SF, { 'sales/opportunities.csv': csv });
    expect(total).toBe(451375 - 30000 - 14375 - 180000);
    expect(said.map((s) => s.split(' ')[2])).toEqual(['ledger-report-footer']);
    expect(said.join('\n')).not.toMatch(/<b>|\u0007|HYPERLINK/);
  });

  it('surrounding spaces and tabs around the won stage, in any case, still match', () => {
    const csv = SF_CSV.replace('"Nordwind - Q1 add-on","Closed Won"', '"Nordwind - Q1 add-on","  CLOSED WON\t"');
    const { total } = read(SF, { 'sales/opportunities.csv': csv });
    expect(total).toBe(451375);
  });

  it('a totals line in the middle of the rows, after a blank line, is no place to stop: the rows after it are an error at the first', () => {
    const lines = SF_CSV.split('\n');
    const csv = [...lines.slice(0, 3), '', '"Grand Totals (2 records)"', ...lines.slice(3)].join('\n');
    const { workspace, said } = read(SF, { 'sales/opportunities.csv': csv });
    expect(workspace).toBeUndefined();
    expect(said).toContain(
      'plans/sales/opportunities.csv:6:1 error ledger-row-after-footer This row has every column of the header and comes after the report footer, "Grand Totals (2 records)" on line 5, where nothing is read as a sale. Move the row above the footer, or export the report again.',
    );
  });
});
