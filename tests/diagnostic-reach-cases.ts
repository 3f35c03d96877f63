import { chmodSync, mkdirSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { DiagnosticCode } from '../src/core/diagnostics/codes.ts';
import type { Diagnostic } from '../src/core/diagnostics/diagnostic.ts';
import { readPlansFolder } from '../src/core/load/files.ts';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { loadWorkspace } from '../src/core/load/workspace.ts';
import { notesNamingNothing } from '../src/core/engine/notes-at-base.ts';

const NOTE_REASON = 'The customer froze its budget until the second quarter.';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';
import { fixtureFiles, load, withFiles } from './helpers/workspace.ts';
import { rulesBase, type Edits } from './rules-fixture.ts';
import { acme, acmeWith, goals, workspace } from './values/edit.ts';

/**
 * One case for each code that the fixtures and the tables of bad input (bad-input-cases.ts, values/, narrative-cases.ts)
 * do not reach: the code's own situation, made as small as it can be, run through the loader that meets it.
 * tests/diagnostic-codes.test.ts runs them all and fails unless, together, they raise every code of the catalog.
 */
export interface ReachCase {
  code: DiagnosticCode;
  name: string;
  diagnostics(): Diagnostic[] | Promise<Diagnostic[]>;
}

/** A copy of a fixture as plans/, changed, read as the command line reads it (on `today`, when given), then removed. */
function inSandbox(fixture: string, change: (sb: Sandbox) => void, today?: string): Diagnostic[] {
  const sb = makeSandbox(fixture);
  try {
    change(sb);
    return readWorkspace(workingCopy({ plansDir: 'plans', cwd: sb.dir }), today).diagnostics;
  } finally {
    sb.remove();
  }
}

/** The minimal fixture with its acme plan changed between the folder's listing and the reading of the file. */
function afterListing(change: (path: string) => void): Diagnostic[] {
  const sb = makeSandbox();
  try {
    return loadWorkspace(readPlansFolder(sb.plans, sb.dir, { afterListing: () => change(join(sb.plans, 'accounts/acme.yaml')) })).diagnostics;
  } finally {
    sb.remove();
  }
}

const minimal = (changes: Record<string, string | null>) => load(withFiles(fixtureFiles('minimal'), changes)).diagnostics;
/** A comp.yaml for the minimal fixture: one plan whose covered people (and accelerators) are `who`, then `more` plans. */
const compYaml = (who: string, more = '', weight = '1') =>
  `plans:\n  - id: ae\n    period: FY2027\n${who}    target_pay: 1000\n    measures: [{ measure: own-revenue, weight: ${weight} }]\n${more}`;
const reviews = (edits: Edits, added: Record<string, string> = {}) =>
  loadWorkspace([...rulesBase(edits), ...Object.entries(added).map(([rel, text]) => ({ rel, display: `rules-base/${rel}`, bytes: new TextEncoder().encode(text) }))]).diagnostics;

const ANN = 'reviews/2026-09/ann-lee.yaml';
const LATER = 'reviewer: max-roe\ndate: 2026-10-15\naccounts:\n  - { account: acme, expectation: grow }\nactions:\n  - { description: Book the pilot, owner: ann-lee, due: 2026-11-10, account: acme, serves: expand-servce }\n';

const HEADER = 'Invoice date,Account ID,Amount,product,margin,currency,name,channel,region';
const GOOD = '01/02/2026,acme,50,sensors,10,,Acme,,';
const ledger = (csv: string) => inSandbox('tests/fixtures/ledger', (sb) => sb.write({ 'sales/2026.csv': csv }));
const rows = (...lines: string[]) => [HEADER, ...lines].join('\n') + '\n';

export const REACH: ReachCase[] = [
  // Reading the plans folder
  {
    code: 'unreadable-file',
    name: 'a plan replaced by a socket after the listing cannot be opened',
    async diagnostics() {
      const sb = makeSandbox();
      const parked = join(sb.plans, 'accounts/socket');
      const server = createServer();
      try {
        await new Promise<void>((done) => server.listen(parked, done));
        const path = join(sb.plans, 'accounts/acme.yaml');
        return loadWorkspace(readPlansFolder(sb.plans, sb.dir, { afterListing: () => (rmSync(path), renameSync(parked, path)) })).diagnostics;
      } finally {
        server.close();
        sb.remove();
      }
    },
  },
  { code: 'not-a-file', name: 'a folder named like a plan', diagnostics: () => inSandbox('tests/fixtures/minimal', (sb) => mkdirSync(join(sb.plans, 'accounts/beta.yaml'))) },
  { code: 'file-vanished', name: 'a plan removed after the listing', diagnostics: () => afterListing((p) => rmSync(p)) },
  { code: 'file-changed', name: 'a plan replaced by a link after the listing', diagnostics: () => afterListing((p) => (rmSync(p), symlinkSync('/etc/hostname', p))) },
  {
    code: 'link-loop',
    name: 'two links that point at each other',
    diagnostics: () => inSandbox('tests/fixtures/minimal', (sb) => (symlinkSync('b.yaml', join(sb.plans, 'accounts/a.yaml')), symlinkSync('a.yaml', join(sb.plans, 'accounts/b.yaml')))),
  },
  { code: 'link-dangling', name: 'a link to a plan that does not exist', diagnostics: () => inSandbox('tests/fixtures/minimal', (sb) => symlinkSync('gone.yaml', join(sb.plans, 'accounts/beta.yaml'))) },
  { code: 'link-outside', name: 'a link to a file outside the plans folder', diagnostics: () => inSandbox('tests/fixtures/minimal', (sb) => symlinkSync('../../bystander/keep.txt', join(sb.plans, 'accounts/beta.yaml'))) },
  {
    code: 'link-hidden',
    name: 'a link to a hidden file inside the plans folder',
    diagnostics: () => inSandbox('tests/fixtures/minimal', (sb) => (sb.write({ '.hidden/beta.yaml': 'name: Beta\n' }), symlinkSync('../.hidden/beta.yaml', join(sb.plans, 'accounts/beta.yaml')))),
  },
  { code: 'link-to-folder', name: 'a link to a folder inside the plans folder', diagnostics: () => inSandbox('tests/fixtures/minimal', (sb) => symlinkSync('.', join(sb.plans, 'accounts/again'))) },
  { code: 'invisible-name', name: 'a plan whose name holds a zero-width space', diagnostics: () => inSandbox('tests/fixtures/minimal', (sb) => sb.write({ 'accounts/be\u200Bta.yaml': 'name: Beta\n' })) },
  { code: 'duplicate-file', name: 'workspace.yml beside workspace.yaml', diagnostics: () => inSandbox('tests/fixtures/minimal', (sb) => sb.write({ 'workspace.yml': 'company: Other\n' })) },
  // Text, YAML and fields
  { code: 'empty-file', name: 'an empty plan', diagnostics: () => minimal({ 'accounts/acme.yaml': '' }) },
  { code: 'yaml-indentation', name: 'a field indented less than the one above it', diagnostics: () => minimal({ 'accounts/acme.yaml': 'a:\n  b: 1\n c: 2\n' }) },
  { code: 'invalid-key', name: 'a dimension whose name is not an id', diagnostics: () => minimal(workspace('channel: [direct, partner]', '"Bad Dim": [direct, partner]')) },
  { code: 'empty-value', name: 'an empty name', diagnostics: () => minimal(acme('name: Acme', 'name: ""')) },
  { code: 'wrong-size', name: 'a dimension with no values', diagnostics: () => minimal(workspace('channel: [direct, partner]', 'channel: []')) },
  { code: 'money-three-decimals', name: 'revenue: 250.000 in a plan', diagnostics: () => minimal(acme('revenue: 200, confidence', 'revenue: 250.000, confidence')) },
  // Links between files
  {
    code: 'duplicate-crm-id',
    name: 'two opportunities of one plan with the same CRM deal id',
    diagnostics: () => minimal(acmeWith('opportunities:\n  - { id: pilot, name: Pilot, revenue: 10, crm_id: OPP-1 }\n  - { id: rollout, name: Rollout, revenue: 20, crm_id: OPP-1 }')),
  },
  { code: 'duplicate-offering', name: 'an offering listed twice under penetration', diagnostics: () => minimal(acmeWith('penetration:\n  - { offering: sensors, status: won }\n  - { offering: sensors, status: open }')) },
  { code: 'duplicate-goal', name: 'the same goal twice', diagnostics: () => minimal(goals('goals:\n', 'goals:\n  - { period: FY2027, revenue: 5 }\n')) },
  { code: 'unknown-objective', name: 'an action that serves an objective the plan lacks', diagnostics: () => minimal(acmeWith('actions:\n  - { description: Call, owner: ann-lee, due: 2026-10-01, objective: nope }')) },
  { code: 'icp-score-above-scale', name: 'an ICP score above the scale', diagnostics: () => minimal({ ...acmeWith('icp: { budget: 9 }'), 'icp.yaml': 'scale: 5\ncriteria:\n  - { id: budget, name: Budget, weight: 2 }\n' }) },
  { code: 'no-icp', name: 'a plan scoring the ICP without icp.yaml', diagnostics: () => minimal(acmeWith('icp: { budget: 3 }')) },
  { code: 'review-folder', name: 'a review in a folder that is not a month', diagnostics: () => reviews({}, { 'reviews/2026-13/ann-lee.yaml': 'reviewer: max-roe\ndate: 2026-10-15\n' }) },
  { code: 'review-person', name: 'a review whose person differs from its file name', diagnostics: () => reviews({ [ANN]: [['reviewer: ', 'person: bo-kim\nreviewer: ']] }) },
  { code: 'review-account-gone', name: 'a review naming an account removed since', diagnostics: () => reviews({ [ANN]: [['account: acme, expectation', 'account: acme-old, expectation']] }) },
  { code: 'serves-without-account', name: 'serves without an account', diagnostics: () => reviews({ [ANN]: [['due: 2026-10-30 }', 'due: 2026-10-30, serves: expand-service }']] }) },
  { code: 'unknown-serves', name: 'serves in the latest review naming an id the plan lacks', diagnostics: () => reviews({}, { 'reviews/2026-10/ann-lee.yaml': LATER }) },
  { code: 'review-serves-gone', name: 'serves in an earlier review that the plan has moved on from', diagnostics: () => reviews({}, { 'reviews/2026-08/ann-lee.yaml': LATER.replace('2026-10-15', '2026-08-15') }) },
  {
    code: 'review-offering-gone',
    name: 'an offering retired since an earlier review',
    diagnostics: () => reviews({ [ANN]: [['next_90_days: 250000 }', 'next_90_days: 250000, upsell: [retired-kit] }']] }, { 'reviews/2026-10/ann-lee.yaml': LATER.replace('serves: expand-servce', 'serves: expand-service') }),
  },
  { code: 'new-action-without-due', name: 'a new action without a due date', diagnostics: () => reviews({ [ANN]: [['owner: ann-lee, due: 2026-10-30 }', 'owner: ann-lee }']] }) },
  { code: 'slipped-without-due', name: 'a slipped action without its new date', diagnostics: () => reviews({ [ANN]: [['due: 2026-10-30 }', 'status: slipped }']] }) },
  { code: 'dropped-without-reason', name: 'a dropped action without a reason', diagnostics: () => reviews({ [ANN]: [['due: 2026-10-30 }', 'due: 2026-10-30, status: dropped }']] }) },
  // Narratives
  {
    code: 'narrative-image-too-large',
    name: 'an image of 6 MB',
    diagnostics: () =>
      inSandbox('tests/fixtures/minimal', (sb) => {
        sb.write({ 'accounts/big.png': '' });
        truncateSync(join(sb.plans, 'accounts/big.png'), 6 * 1024 * 1024);
        writeFileSync(join(sb.plans, 'accounts/globex.mdx'), `${readFixture('accounts/globex.mdx')}\n![big](./big.png)\n`);
      }),
  },
  {
    code: 'site-logo',
    name: 'an SVG logo in workspace.yaml',
    diagnostics: () => inSandbox('tests/fixtures/minimal', (sb) => sb.write({ 'workspace.yaml': `${readFixture('workspace.yaml')}site:\n  logo: logo.svg\n`, 'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' })),
  },
  // The sales ledger
  { code: 'ledger-link', name: 'a link to the ledger beside it', diagnostics: () => inSandbox('tests/fixtures/ledger', (sb) => symlinkSync('2026.csv', join(sb.plans, 'sales/copy.csv'))) },
  { code: 'ledger-csv-syntax', name: 'a quote never closed', diagnostics: () => ledger(rows(GOOD, '01/02/2026,acme,50,sensors,10,,"Acme,,', GOOD)) },
  { code: 'ledger-missing-column', name: 'no revenue column', diagnostics: () => ledger('Invoice date,Account ID,Revenue\n01/02/2026,acme,5\n') },
  { code: 'ledger-duplicate-column', name: 'a header named twice', diagnostics: () => ledger('Invoice date,Account ID,Amount,Amount\n01/02/2026,acme,5,6\n') },
  { code: 'ledger-column-count', name: 'a row with a cell too few', diagnostics: () => ledger(rows(GOOD, '01/02/2026,acme,50,sensors,10,,Acme,')) },
  { code: 'ledger-missing-value', name: 'an empty account', diagnostics: () => ledger(rows('01/02/2026,,50,sensors,10,,Acme,,')) },
  { code: 'ledger-not-a-number', name: 'an amount with a unit', diagnostics: () => ledger(rows('01/02/2026,acme,1.2M,sensors,10,,Acme,,')) },
  { code: 'ledger-amount-separator', name: 'a thousands comma with no thousands separator set', diagnostics: () => ledger(rows('01/02/2026,acme,"1,200",sensors,10,,Acme,,')) },
  { code: 'ledger-currency-mismatch', name: 'an amount in euros on a row whose currency is USD', diagnostics: () => ledger(rows('01/02/2026,acme,€50,sensors,10,USD,Acme,,')) },
  { code: 'ledger-bad-date', name: 'an ISO date where DD/MM/YYYY is declared', diagnostics: () => ledger(rows('2026-02-01,acme,50,sensors,10,,Acme,,')) },
  { code: 'ledger-date-outside', name: 'a year the workspace does not know', diagnostics: () => ledger(rows('01/03/2031,acme,50,sensors,10,,Acme,,')) },
  { code: 'ledger-unknown-product', name: 'an unknown product', diagnostics: () => ledger(rows('01/02/2026,acme,50,sensor,10,,Acme,,')) },
  { code: 'ledger-unknown-currency', name: 'an unknown currency', diagnostics: () => ledger(rows('01/02/2026,acme,50,sensors,10,JPY,Acme,,')) },
  { code: 'ledger-unknown-dimension-value', name: 'an unknown channel', diagnostics: () => ledger(rows('01/02/2026,hooli,50,,,,Hooli,retail,emea')) },
  { code: 'ledger-control-character', name: 'an escape sequence in a name', diagnostics: () => ledger(rows('01/02/2026,acme,50,sensors,10,,"Acme\u001b[31m",,')) },
  { code: 'ledger-value-too-long', name: 'a name of 2,000 characters', diagnostics: () => ledger(rows(`01/02/2026,acme,50,sensors,10,,${'x'.repeat(2000)},,`)) },
  { code: 'ledger-too-many-problems', name: 'sixty rows with an amount that is not a number', diagnostics: () => ledger(rows(...Array.from({ length: 60 }, () => '01/02/2026,acme,lots,sensors,10,,Acme,,'))) },
  // Incentive plans (comp.yaml)
  { code: 'comp-person-twice', name: 'a person in two comp plans of one period', diagnostics: () => minimal({ 'comp.yaml': compYaml('    people: [ann-lee]\n', '  - { id: ae2, period: FY2027, people: [ann-lee], target_pay: 500, measures: [{ measure: own-revenue, weight: 1 }] }\n') }) },
  { code: 'comp-weights', name: 'measure weights adding up to 0.9', diagnostics: () => minimal({ 'comp.yaml': compYaml('    people: [ann-lee]\n', '', '0.9') }) },
  { code: 'comp-accelerator-order', name: 'accelerators out of order', diagnostics: () => minimal({ 'comp.yaml': compYaml('    people: [ann-lee]\n    accelerators: [{ above: 1.2, rate: 2 }, { above: 1.0, rate: 1.5 }]\n') }) },
  { code: 'comp-unknown-period', name: 'a comp plan for a period without goals', diagnostics: () => minimal({ 'comp.yaml': compYaml('    people: [ann-lee]\n').replace('period: FY2027', 'period: FY2030') }) },
  { code: 'comp-no-people', name: 'a comp plan for a role nobody holds', diagnostics: () => minimal({ 'comp.yaml': compYaml('    role: customer-success\n') }) },
  // Change notes (changes/*.yaml)
  { code: 'text-length', name: 'a change note whose reason is too short', diagnostics: () => load(withFiles(fixtureFiles('minimal'), { 'changes/cut.yaml': 'accounts: [acme]\nreason: Budget cut.\n' })).diagnostics },
  { code: 'note-unknown-account', name: 'a change note naming an account with no plan', diagnostics: () => load(withFiles(fixtureFiles('minimal'), { 'changes/cut.yaml': `accounts: [initech]\nreason: ${NOTE_REASON}\n` })).diagnostics },
  { code: 'note-unknown-goal', name: 'a change note naming a goal no goal prints', diagnostics: () => load(withFiles(fixtureFiles('minimal'), { 'changes/cut.yaml': `goals: ["FY2027 mars"]\nreason: ${NOTE_REASON}\n` })).diagnostics },
  {
    code: 'note-account-nowhere',
    name: 'with --base, a note of the change naming an account found neither now nor at the base',
    diagnostics() {
      const ws = load(withFiles(fixtureFiles('minimal'), { 'changes/cut.yaml': `accounts: [initech]\nreason: ${NOTE_REASON}\n` })).workspace!;
      const base = { ref: 'main', valid: true, errors: 0, goals: [], renames: [], touched: ['minimal/changes/cut.yaml'] };
      return notesNamingNothing(ws, base, ws);
    },
  },
  {
    code: 'ledger-filter-column',
    name: 'a filter on a column the export does not have',
    diagnostics: () => inSandbox('tests/fixtures/ledger', (sb) => sb.write({ 'workspace.yaml': `${readLedgerFixture('workspace.yaml')}  where: { Stage: [Closed Won] }\n` })),
  },
  {
    code: 'ledger-footer',
    name: 'a report footer after a blank line, with stop-at-blank-line',
    diagnostics: () =>
      inSandbox('tests/fixtures/ledger', (sb) =>
        sb.write({ 'workspace.yaml': `${readLedgerFixture('workspace.yaml')}  footer: stop-at-blank-line\n`, 'sales/2026.csv': 'Invoice date,Account ID,Amount\n01/02/2026,acme,5\n\n"Grand Totals (1 records)"\n' }),
      ),
  },
  {
    code: 'ledger-preset-headers',
    name: 'a Salesforce preset on a file that is not a Salesforce report',
    diagnostics: () => inSandbox('tests/fixtures/ledger', (sb) => sb.write({ 'workspace.yaml': `${readLedgerFixture('workspace.yaml')}  preset: salesforce-opportunities\n`.replace(/  columns: .*\n/, '').replace(/  date_format: .*\n/, '') })),
  },
  {
    code: 'ledger-report-footer',
    name: 'a Salesforce report ending in its footer',
    diagnostics: () => inSandbox('tests/fixtures/salesforce-opportunities', () => undefined),
  },
  {
    code: 'ledger-footer-count',
    name: 'a Salesforce footer counting more records than the report has',
    diagnostics: () =>
      inSandbox('tests/fixtures/salesforce-opportunities', (sb) =>
        sb.write({ 'sales/opportunities.csv': '"Account ID","Stage","Close Date","Amount"\n"0015g00000NrdWkAAJ","Closed Won","3/14/2026","5"\n\n"Grand Totals (2 records)"\n' }),
      ),
  },
  {
    code: 'ledger-row-after-footer',
    name: 'a row of every column after a Salesforce footer',
    diagnostics: () =>
      inSandbox('tests/fixtures/salesforce-opportunities', (sb) =>
        sb.write({ 'sales/opportunities.csv': '"Account ID","Stage","Close Date","Amount"\n\n"Grand Totals (0 records)"\n"0015g00000NrdWkAAJ","Closed Won","3/14/2026","5"\n' }),
      ),
  },
  {
    code: 'ledger-values-unknown-id',
    name: 'a label mapped to a region workspace.yaml does not list',
    diagnostics: () => inSandbox('tests/fixtures/ledger', (sb) => sb.write({ 'workspace.yaml': `${readLedgerFixture('workspace.yaml')}  values: { region: { DACH: dach } }\n` })),
  },
  {
    code: 'ledger-unknown-seller',
    name: 'an owner column naming a seller who is not in team.yaml',
    diagnostics: () =>
      inSandbox('tests/fixtures/ledger', (sb) =>
        sb.write({
          'workspace.yaml': readLedgerFixture('workspace.yaml').replace('revenue: Amount }', 'revenue: Amount, owner: Sold by }'),
          'sales/2026.csv': 'Invoice date,Account ID,Amount,Sold by\n01/02/2026,acme,5,jo-left\n',
        }),
      ),
  },
  {
    code: 'ledger-account-two-plans',
    name: 'an account cell naming two plans, with account_separator',
    diagnostics: () =>
      inSandbox('tests/fixtures/ledger', (sb) =>
        sb.write({ 'workspace.yaml': `${readLedgerFixture('workspace.yaml')}  account_separator: ";"\n`, 'sales/2026.csv': 'Invoice date,Account ID,Amount\n01/02/2026,acme;globex,5\n' }),
      ),
  },
  {
    code: 'ledger-future-sales',
    name: 'a sale dated after today',
    diagnostics: () => inSandbox('tests/fixtures/ledger', (sb) => sb.write({ 'sales/2026.csv': 'Invoice date,Account ID,Amount\n01/02/2026,acme,5\n01/06/2026,acme,5\n' }), '2026-03-01'),
  },
  { code: 'ledger-unmapped-currency', name: 'a currency column nobody mapped', diagnostics: () => ledger('Invoice date,Account ID,Amount,Amount Currency\n01/02/2026,acme,5,GBP\n') },
  { code: 'ledger-unfiltered-stage', name: 'a stage column and no filter', diagnostics: () => ledger('Invoice date,Account ID,Amount,Stage\n01/02/2026,acme,5,Closed Lost\n') },
];

/**
 * Codes that only the operating system can raise, and not for every user: a folder that cannot be listed. Run as root
 * (a container), permissions do not bind and the folder is listed; the case then says so instead of raising the code.
 */
export const OS_ONLY: ReachCase[] = [
  {
    code: 'unreadable-folder',
    name: 'a folder of plans without read permission',
    diagnostics() {
      const sb = makeSandbox();
      const locked = join(sb.plans, 'accounts/locked');
      try {
        sb.write({ 'accounts/locked/beta.yaml': 'name: Beta\n' });
        chmodSync(locked, 0o000);
        return readWorkspace(workingCopy({ plansDir: 'plans', cwd: sb.dir })).diagnostics;
      } finally {
        chmodSync(locked, 0o755);
        sb.remove();
      }
    },
  },
];

/** Whether permissions bind this process (they do not bind root). */
export const PERMISSIONS_BIND = process.getuid?.() !== 0;

function readFixture(rel: string): string {
  return new TextDecoder().decode(fixtureFiles('minimal').find((f) => f.rel === rel)!.bytes);
}

function readLedgerFixture(rel: string): string {
  return new TextDecoder().decode(fixtureFiles('ledger').find((f) => f.rel === rel)!.bytes);
}
