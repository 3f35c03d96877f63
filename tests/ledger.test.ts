import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { computeRevenue } from '../src/core/portfolio/portfolio.ts';
import { assignTiers } from '../src/core/portfolio/tiers.ts';
import { ledgerByYearProduct } from '../src/core/rollup/accounts.ts';
import { bookGoal } from '../src/core/rollup/booked.ts';
import { rollUp } from '../src/core/rollup/rollup.ts';
import { Run } from '../src/core/engine/run.ts';
import { portfolioView } from '../src/core/views/portfolio.ts';
import { makeSandbox, ROOT, type Sandbox } from './helpers/sandbox.ts';
import { siteOf } from './views/helpers.ts';

/**
 * tests/fixtures/ledger, worked out by hand. Fiscal years start in February, so FY2027-Q1 is 2026-02-01 to 2026-04-30.
 * acme (EUR plan, crm id CRM-001): 2026-02-01 EUR 100 by its CRM id (= $110), 2026-04-30 $50, 2026-05-01 $30 (Q2);
 * FY2026 $200 + EUR 300 (= $330) = $530, while its plan types EUR 500 (= $550) for FY2026.
 * globex (target plan): 2026-07-20 $70. initech (no plan, partner): FY2027 $500, FY2026 $900. umbrella (no plan, direct):
 * FY2026 $150, FY2027 $60. The ledger's last date is 2026-07-20, in FY2027-Q2.
 */
const load = (plansDir = 'tests/fixtures/ledger', cwd = ROOT) => readWorkspace(workingCopy({ plansDir, cwd }));

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

describe('sales ledger: reading', () => {
  it('maps the export\'s own headers (Invoice date, Account ID, Amount) and reads DD/MM/YYYY dates', () => {
    const { workspace, diagnostics } = load();
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ledger = workspace!.ledger!;
    expect(ledger.rows).toBe(10);
    expect([...ledger.clients.keys()].sort()).toEqual(['acme', 'globex', 'initech', 'umbrella']);
    expect(ledger.through).toBe('2026-07-20');
    expect([...ledger.years].sort()).toEqual(['FY2026', 'FY2027']);
    // A CRM id finds its plan: the EUR row by CRM-001 is acme's, converted at 1.1.
    expect(ledger.clients.get('acme')!.byPeriod.get('FY2027-Q1')).toEqual({ revenue: 160, margin: 64 });
    expect(ledger.clients.get('initech')).toMatchObject({ hasPlan: false, name: 'Initech', dimensions: { channel: 'partner', region: 'americas' }, at: { file: 'tests/fixtures/ledger/sales/2026.csv', line: 8, column: 12 } });
  });

  it('reads default headers, ISO dates, a BOM, CRLF line ends and a line break inside a quoted name', () => {
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    s.write({
      'workspace.yaml': 'company: Minimal Co\ncurrency: USD\nfiscal_year_start_month: 2\ndimensions:\n  channel: [direct, partner]\n  region: [americas, emea]\nfx: { EUR: 1.1 }\nofferings:\n  - { id: sensors, name: Sensors }\n',
      'sales/2026.csv': '\uFEFFdate,account,revenue,name\r\n2026-02-01,acme,10,"Acme\r\nLabs"\r\n\r\n2026-03-01,CRM-001,5.50,Acme\r\n',
      'sales/extra.csv': 'account,revenue,period\nglobex,7,FY2027-Q3\nglobex,1,FY2027\n',
    });
    const { workspace, diagnostics } = load('plans', s.dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ledger = workspace!.ledger!;
    expect(ledger.files).toEqual(['plans/sales/2026.csv', 'plans/sales/extra.csv']);
    expect(ledger.clients.get('acme')!.byPeriod.get('FY2027-Q1')).toEqual({ revenue: 15.5, margin: 0 });
    expect(ledger.clients.get('globex')!.byPeriod).toEqual(new Map([['FY2027-Q3', { revenue: 7, margin: 0 }], ['FY2027', { revenue: 1, margin: 0 }]]));
  });

  it('locates a bad cell on the right line after a quoted line break and a blank line (CRLF)', () => {
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    s.write({ 'sales/2026.csv': 'Invoice date,Account ID,Amount,name\r\n01/02/2026,acme,10,"Acme\r\nLabs"\r\n\r\n01/03/2026,acme,ten,Acme\r\n' });
    const { workspace, diagnostics } = load('plans', s.dir);
    expect(workspace).toBeUndefined();
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['plans/sales/2026.csv:5:17 ledger-not-a-number']);
  });

  it('reads the two fiscal years before the goals\' even when no plan types a history for them, so the ledger can replace it', () => {
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    // The goals name FY2027 and acme types FY2026 only; 2024-03-15 is in FY2025, the earliest year step 1 reviews.
    s.write({ 'sales/2025.csv': 'Invoice date,Account ID,Amount\n15/03/2024,acme,40\n' });
    const { workspace, diagnostics } = load('plans', s.dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(rollUp(workspace!).accounts.find((a) => a.id === 'acme')!.history).toEqual({ FY2025: 40, FY2026: 530, FY2027: 190 });
  });

  it('reads an export separated by semicolons with decimal commas, as declared, and names a wrong delimiter once', () => {
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    const workspaceYaml = readFileSync('tests/fixtures/ledger/workspace.yaml', 'utf8');
    s.write({ 'sales/2026.csv': 'Invoice date;Account ID;Amount;margin;name\n01/02/2026;acme;12,50;-3,25;"Acme; Ltd"\n01/03/2026;acme;ten;;\n' });
    // Declared as comma-separated (the default): one error for the whole header, not one per missing column.
    expect(load('plans', s.dir).diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      '1:1 ledger-missing-column The header reads as one column, "Invoice date;Account ID;Amount;margin;name": its cells seem to be separated by ";", not by ",". Set sales.delimiter: ";" in workspace.yaml, or export the ledger with the delimiter it names.',
    ]);
    s.write({ 'workspace.yaml': `${workspaceYaml.trimEnd()}\n  delimiter: ";"\n  decimal_separator: ","\n` });
    // The bad cell is found by counting semicolons.
    expect(load('plans', s.dir).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['3:17 ledger-not-a-number']);
    s.write({ 'sales/2026.csv': 'Invoice date;Account ID;Amount;margin;name\n01/02/2026;acme;12,50;-3,25;"Acme; Ltd"\n' });
    const { workspace, diagnostics } = load('plans', s.dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(workspace!.ledger!.clients.get('acme')!.byPeriod.get('FY2027-Q1')).toEqual({ revenue: 12.5, margin: -3.25 });
  });

  it('a plans folder without sales/ has no ledger, and nothing changes', () => {
    const { workspace } = load('tests/fixtures/minimal');
    expect(workspace!.ledger).toBeUndefined();
    expect(rollUp(workspace!).goals.every((g) => g.booked === undefined)).toBe(true);
  });
});

describe('sales ledger: history, ranking and booked against plan', () => {
  const ws = load().workspace!;
  const rollup = rollUp(ws);

  it('history by fiscal year and product comes from the ledger, the largest product first', () => {
    // FY2026: sensors $200, service EUR 300 = $330; FY2027: sensors EUR 100 = $110 + $30, service $50.
    expect(ledgerByYearProduct(ws.ledger!.clients.get('acme'))).toEqual([
      { year: 'FY2026', product: 'service', revenue: 330, margin: 99 },
      { year: 'FY2026', product: 'sensors', revenue: 200, margin: 80 },
      { year: 'FY2027', product: 'sensors', revenue: 140, margin: 54 },
      { year: 'FY2027', product: 'service', revenue: 50, margin: 20 },
    ]);
  });

  it('a quarterly goal counts only quarterly forecasts still to come, as its planned total does', () => {
    // globex forecasts FY2027 as a whole ($400 at 0.5 = $200 counted): not phased, so nothing of it is to come in FY2027-Q3.
    const inScope = rollup.accounts.filter((a) => a.id === 'globex');
    const options = { startMonth: 2, count: 'weighted' as const };
    expect(bookGoal(ws.ledger!, { period: 'FY2027-Q3', revenue: 100, scope: { owner: 'bo-kim' } }, inScope, options).toCome).toBe(0);
    // The year spreads it over its quarters: Q3 and Q4 are ahead of the ledger's 2026-07-20 (Q2, covered by the $70 booked).
    expect(bookGoal(ws.ledger!, { period: 'FY2027', revenue: 100, scope: { owner: 'bo-kim' } }, inScope, options).toCome).toBe(100);
  });

  it('history comes from the ledger for the years it covers, with its source', () => {
    const acme = rollup.accounts.find((a) => a.id === 'acme')!;
    expect(acme.history).toEqual({ FY2026: 530, FY2027: 190 });
    expect(acme.historyFromLedger).toEqual(['FY2026', 'FY2027']);
  });

  it('warns where the hand-typed history differs from the ledger', () => {
    const findings = Run.ofWorkspace(ws, { today: '2026-08-01' }).findings.filter((f) => f.rule === 'history-differs-from-ledger');
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      'tests/fixtures/ledger/accounts/acme.yaml:9:32 warning The history typed here for FY2026 sums to $550, and the sales ledger booked $530 for this account that year. The ledger\'s figure is the one used: correct the history for FY2026, or remove it and let the ledger speak.',
    ]);
  });

  it('a plan no ledger row names gets told how to link it, by a client of the same name when there is one', () => {
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    const plan = (name: string) => `name: ${name}\nstatus: current\nstrategy: grow\nowner: ann-lee\ndimensions: { channel: direct, region: emea }\nhistory:\n  - { period: FY2026, revenue: 300 }\n`;
    s.write({
      'accounts/hooli.yaml': plan('Hooli'),
      'accounts/stark.yaml': plan('Stark Industries'),
      'sales/more.csv': 'Invoice date,Account ID,Amount,name,channel\n01/06/2025,C-77,300,HOOLI,direct\n',
    });
    const more = load('plans', s.dir).workspace!;
    const messages = Run.ofWorkspace(more, { today: '2026-08-01' }).findings.filter((f) => f.rule === 'history-differs-from-ledger' && f.account !== 'acme').map((f) => `${f.account}: ${f.message}`);
    expect(messages).toEqual([
      'hooli: The history typed here for FY2026 sums to $300, and the sales ledger booked $0 for this account that year. The ledger\'s figure is the one used: correct the history for FY2026, or remove it and let the ledger speak. No row names this plan, but the ledger has a client of the same name under "C-77": if it is this account, add crm: { id: "C-77" } to the plan.',
      'stark: The history typed here for FY2026 sums to $300, and the sales ledger booked $0 for this account that year. The ledger\'s figure is the one used: correct the history for FY2026, or remove it and let the ledger speak. No row of the ledger names this plan, by its id "stark" or a crm.id: if its sales are there under another id, add crm: { id: "…" } with that id.',
    ]);
  });

  it('a top client the ledger names in capitals, or under a plan\'s name, is pointed at that plan rather than a new one', () => {
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    s.write({ 'sales/more.csv': 'Invoice date,Account ID,Amount,name,channel\n01/06/2025,GLOBEX,5000,Globex Americas,partner\n01/06/2025,C-9,4000,acme,direct\n' });
    const found = Run.ofWorkspace(load('plans', s.dir).workspace!, { today: '2026-08-01' }).findings.filter((f) => f.rule === 'top-account-without-plan' && f.file.endsWith('more.csv'));
    expect(found.map((f) => `${f.line}:${f.column} ${f.account}: ${f.message}`)).toEqual([
      '2:12 GLOBEX: "Globex Americas" ("GLOBEX" in the ledger) is #1 of 2 in channel partner by FY2026 sales ($5,000, top 25%), and no plan names it. The plan "accounts/globex.mdx" looks like the same client: if it is, add crm: { id: "GLOBEX" } to it so the ledger\'s rows find it; otherwise write this client\'s plan.',
      '3:12 C-9: "acme" ("C-9" in the ledger) is #1 of 3 in channel direct by FY2026 sales ($4,000, top 25%), and no plan names it. The plan "accounts/acme.yaml" looks like the same client: if it is, add crm: { id: "C-9" } to it so the ledger\'s rows find it; otherwise write this client\'s plan.',
    ]);
  });

  it('finds a client without a plan among the top of its channel, at its first ledger row', () => {
    const findings = Run.ofWorkspace(ws, { today: '2026-08-01' }).findings.filter((f) => f.rule === 'top-account-without-plan');
    expect(findings.map((f) => [f.file, f.line, f.column, f.account])).toEqual([
      ['tests/fixtures/ledger/accounts/acme.yaml', 1, 1, 'acme'],
      ['tests/fixtures/ledger/sales/2026.csv', 8, 12, 'initech'],
    ]);
    expect(findings[1]!.message).toBe('"Initech" ("initech" in the ledger) is #1 of 1 in channel partner by FY2026 sales ($900, top 25%), and has no plan. The top accounts carry most of the revenue: write one, such as accounts/initech.yaml with crm: { id: "initech" } so the ledger\'s rows find it.');
  });

  it('ranks a client whose rows give no channel in no channel: it is never top of a group, and the portfolio says so', () => {
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    s.write({ 'sales/more.csv': 'Invoice date,Account ID,Amount,name,region\n01/06/2025,hooli,5000,Hooli,emea\n' });
    const more = load('plans', s.dir).workspace!;
    const top = Run.ofWorkspace(more, { today: '2026-08-01' }).findings.filter((f) => f.rule === 'top-account-without-plan').map((f) => f.account);
    expect(top).toEqual(['acme', 'initech']);
    const channel = portfolioView(siteOf(more, '2026-08-01')).clients!.dimensions.find((d) => d.name === 'channel')!;
    expect(channel.unplaced).toBe('1 client without a plan has no channel in the sales ledger, so it is ranked in no channel. Add a channel column to the export, or write its plan.');
    expect(channel.groups.flatMap((g) => g.rows.map((r) => r.id))).not.toContain('hooli');
  });

  // Ranked by FY2026 sales, 3 with sales: the top 20% (1) A, the next 30% (to 2) B, the next 30% (to 3) C, the rest D.
  it('puts the ledger\'s clients without a plan in the A–D categories', () => {
    const revenue = computeRevenue(ws, '2026-08-01', rollup);
    // Initech's rows give no margin: its margin is unknown, not 0 (it is not ranked by margin).
    expect(revenue.withoutPlan.get('initech')).toMatchObject({ lastYear: 900 });
    expect(revenue.withoutPlan.get('initech')!.lastYearMargin).toBeUndefined();
    expect(Object.fromEntries(assignTiers(ws, revenue))).toEqual({ initech: 'A', acme: 'B', umbrella: 'C', globex: 'D' });
  });

  it('books each goal in its period and scope: a plan-currency row, the first and last day of a quarter', () => {
    expect(rollup.goals.map((g) => [g.label, g.booked])).toEqual([
      // 110 + 50 + 30 (acme) + 70 (globex) + 500 (initech) + 60 (umbrella); to come: acme Q2 110 − 30, globex 200 ÷ 4 × 2 (Q3, Q4; Q2 is covered by its $70).
      ['FY2027 company', { revenue: 820, share: 0.82, toCome: 180, through: '2026-07-20', withoutPlan: 560 }],
      // acme 190 + umbrella 60 (no plan, direct in the ledger); to come: acme's Q2 beyond what is booked.
      ['FY2027 channel: direct', { revenue: 250, share: 250 / 600, toCome: 80, through: '2026-07-20', withoutPlan: 60 }],
      // 2026-02-01 (EUR 100 = $110) and 2026-04-30 ($50) are in Q1; 2026-05-01 is not. Clients without a plan have no owner.
      ['FY2027-Q1 owner: Ann Lee', { revenue: 160, share: 1.6, toCome: 0, through: '2026-07-20', withoutPlan: 0 }],
    ]);
  });
});
