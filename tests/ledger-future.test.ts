import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine/index.ts';
import { compareWithBase } from '../src/core/engine/base.ts';
import { Run } from '../src/core/engine/run.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { plain } from '../src/core/report/diagnostics.ts';
import { validateCommand } from '../scripts/commands/validate.ts';
import { ExitError } from '../scripts/lib/cli.ts';
import { baseRepos } from './helpers/git.ts';
import { readLedgerSandbox } from './helpers/ledger.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

/*
 * A sale dated after today is no sale yet (an open deal, a mistyped year): it counts in no figure, each file that has
 * such rows says so once, at the first, and the ledger's "through" date never passes today. Today is the run's date
 * (--today, TODAY, the clock), for check, validate, the base of check --base and the site alike.
 */
const WORKSPACE = readFileSync('tests/fixtures/ledger/workspace.yaml', 'utf8');
const F = 'plans/sales/2026.csv';
const HEADER = 'Invoice date,Account ID,Amount';

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

function sandboxWith(files: Record<string, string>): Sandbox {
  const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
  s.write(files);
  return s;
}

/** The fixture's ledger changed by `files`, read through the engine's door on `today`. */
function read(files: Record<string, string>, today: string | undefined) {
  const s = sandboxWith(files);
  const { workspace, ledger, said, booked } = readLedgerSandbox(s, today);
  return { workspace, ledger, said, booked };
}

const future = (file: string, at: string, cell: string, today: string, more: number) =>
  `${file}:${at} warning ledger-future-sales ${cell} after today (${today}), so ${more === 0 ? 'this row is' : `this row and ${more} more of this file are`} not booked: a sale counts once its date has come, and until then it is in no figure. If ${more === 0 ? 'it is an open deal' : 'they are open deals'}, leave ${more === 0 ? 'it' : 'them'} out with sales.where; if a date is mistyped, correct it; if today is not ${today}, set --today or TODAY.`;

describe('a sale dated after today', () => {
  it('is in no figure; one warning per file, at its first such row, counts them; "through" stays on or before today', () => {
    // The fixture's ledger has two rows after 2026-05-01 (20/07/2026 globex, 01/06/2026 umbrella); 01/05/2026 is today.
    const { ledger, said, booked } = read({ 'sales/2027.csv': `${HEADER}\n02/05/2026,acme,1000\n` }, '2026-05-01');
    expect(said).toEqual([
      future(F, '7:1', 'Invoice date: "20/07/2026" is', '2026-05-01', 1),
      future('plans/sales/2027.csv', '2:1', 'Invoice date: "02/05/2026" is', '2026-05-01', 0),
    ]);
    expect(ledger!.rows).toBe(8);
    expect(ledger!.through).toBe('2026-05-01');
    expect(ledger!.clients.has('globex')).toBe(false);
    expect(booked('umbrella')).toBe(150);
    expect(booked('acme')).toBe(100 * 1.1 + 50 + 30 + 200 + 300 * 1.1);
  });

  it('with a today on or after every row, the ledger reads as before: no warning, every row booked', () => {
    const later = read({}, '2026-11-24');
    const asWritten = read({}, undefined);
    expect(later.said).toEqual([]);
    expect(later.ledger!.rows).toBe(10);
    expect(later.ledger!.through).toBe('2026-07-20');
    expect(asWritten.ledger).toEqual(later.ledger);
  });

  it('on today\'s date counts, whatever time of day the cell gives (the date as written, no time zone)', () => {
    const { ledger, said } = read(
      {
        'workspace.yaml': WORKSPACE.replace('date_format: DD/MM/YYYY', 'date_format: YYYY-MM-DD HH:mm'),
        'sales/2026.csv': `${HEADER}\n2026-05-01 23:59,acme,5\n2026-05-01 00:00,acme,6\n2026-05-02 00:00,acme,7\n`,
      },
      '2026-05-01',
    );
    expect(said).toEqual([future(F, '4:1', 'Invoice date: "2026-05-02 00:00" is', '2026-05-01', 0)]);
    expect(ledger!.rows).toBe(2);
    expect(ledger!.through).toBe('2026-05-01');
  });

  it('a ledger whose every row is after today is valid and books nothing, and check still reports', async () => {
    const rows = ['01/06/2026,acme,5', '02/06/2026,globex,6', '03/06/2026,initech,7'];
    const { workspace, ledger, said } = read({ 'sales/2026.csv': `${HEADER}\n${rows.join('\n')}\n` }, '2026-05-01');
    expect(workspace).toBeDefined();
    expect(said).toEqual([future(F, '2:1', 'Invoice date: "01/06/2026" is', '2026-05-01', 2)]);
    expect(ledger).toMatchObject({ rows: 0, through: undefined });
    expect(ledger!.clients.size).toBe(0);
    const report = (await check({ plans: 'plans', cwd: sandbox!.dir, today: '2026-05-01' })) as { goals: { booked?: { revenue: number; through?: string } }[]; diagnostics: { code: string }[] };
    expect(report.goals[0]!.booked).toMatchObject({ revenue: 0 });
    expect(report.goals[0]!.booked!.through).toBeUndefined();
    expect(report.diagnostics.map((d) => d.code)).toEqual(['ledger-future-sales']);
  });

  it('9999-12-31 stays the error of a year nobody plans, not a sale still to come', () => {
    const { workspace, said } = read({ 'sales/2026.csv': `${HEADER}\n01/03/2026,acme,5\n31/12/9999,acme,6\n` }, '2026-05-01');
    expect(workspace).toBeUndefined();
    expect(said).toEqual([
      `${F}:3:1 error ledger-date-outside Invoice date: "31/12/9999" falls in FY10000, and the workspace knows FY2025 to FY2027 (the goals' years and the two before them, and the years plans forecast or record). Correct the date, or remove rows from years nobody plans or reviews.`,
    ]);
  });

  it('a row that gives a period is after today when its period starts after today', () => {
    const ws = WORKSPACE.replace('columns: { date: Invoice date,', 'columns: { period: Period,');
    const { ledger, said } = read({ 'workspace.yaml': ws, 'sales/2026.csv': 'Period,Account ID,Amount\nFY2027,acme,1\nFY2027-Q2,acme,2\nFY2027-Q3,acme,4\nFY2027-Q4,acme,8\n' }, '2026-05-01');
    // FY2027 starts in February 2026, its Q2 on 1 May 2026 (today), its Q3 in August.
    expect(said).toEqual([future(F, '4:1', 'Period: "FY2027-Q3" starts', '2026-05-01', 1)]);
    expect(ledger!.rows).toBe(2);
  });

  it('a bad row after today is still the error it is: the date does not excuse its cells', () => {
    const { workspace, said } = read({ 'sales/2026.csv': `${HEADER}\n01/06/2026,acme,ten\n` }, '2026-05-01');
    expect(workspace).toBeUndefined();
    expect(said.map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([`${F}:2:17 error ledger-not-a-number`]);
  });
});

const repos = baseRepos();

describe('the base of check --base', () => {
  it('reads its ledger up to the same today as the head', () => {
    const sb = repos('tests/fixtures/ledger');
    const head = Run.of(workingCopy({ plansDir: 'plans', cwd: sb.dir }), { today: '2026-05-01' });
    const { run } = compareWithBase('main', 'plans', sb.dir, head);
    expect(run!.loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['7:1 ledger-future-sales']);
    expect(run!.valid.ledger).toEqual(head.valid.ledger);
    expect(run!.valid.ledger!.rows).toBe(8);
  });
});

describe('validate --today', () => {
  async function validate(argv: string[], env: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const code = await validateCommand(['--plans', 'plans', '--no-cache', ...argv], { out: (l) => out.push(l), err: (l) => out.push(l), paint: plain }, sandbox!.dir, env);
    return { code, out };
  }

  it('reports the sales after the date it is given, by --today or by TODAY, and none before it', async () => {
    sandboxWith({});
    const early = await validate(['--today', '2026-05-01']);
    expect(early.code).toBe(0);
    expect(early.out).toEqual([
      future(F, '7:1', 'Invoice date: "20/07/2026" is', '2026-05-01', 1).replace(' ledger-future-sales', ''),
      '0 errors, 1 warning, 0 notes in 2 account plans.',
    ]);
    expect((await validate([], { TODAY: '2026-05-01' })).out).toEqual(early.out);
    // --today wins over TODAY, as for check.
    expect((await validate(['--today', '2026-11-24'], { TODAY: '2026-05-01' })).out).toEqual(['0 errors, 0 warnings, 0 notes in 2 account plans.']);
  });

  it.each([
    { name: 'not a date', argv: ['--today', 'tomorrow'], env: {}, message: '--today must be a real date written YYYY-MM-DD, such as 2026-10-15, not "tomorrow".' },
    { name: 'a day that is not in the calendar', argv: ['--today', '2026-02-30'], env: {}, message: '--today must be a real date written YYYY-MM-DD, such as 2026-10-15, not "2026-02-30".' },
    { name: 'a date with a time', argv: ['--today', '2026-05-01 10:00'], env: {}, message: '--today must be a real date written YYYY-MM-DD, such as 2026-10-15, not "2026-05-01 10:00".' },
    { name: 'empty', argv: ['--today', ''], env: {}, message: '--today must be a real date written YYYY-MM-DD, such as 2026-10-15, not "".' },
    { name: 'TODAY not a date', argv: [], env: { TODAY: '13/01/2026' }, message: 'TODAY must be a real date written YYYY-MM-DD, such as 2026-10-15, not "13/01/2026".' },
    { name: 'TODAY an impossible date', argv: [], env: { TODAY: '2026-13-01' }, message: 'TODAY must be a real date written YYYY-MM-DD, such as 2026-10-15, not "2026-13-01".' },
  ])('refuses $name with exit 2, the message check gives, and the usage', async ({ argv, env, message }) => {
    sandboxWith({});
    let thrown: unknown;
    try {
      await validate(argv, env);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ExitError);
    expect((thrown as ExitError).code).toBe(2);
    expect((thrown as ExitError).message).toBe(`${message}\nUsage: npm run validate -- [--plans DIR] [--format text|json|github] [--today YYYY-MM-DD] [--no-cache]`);
  });
});

describe('the site', () => {
  it('reads the ledger up to TODAY, as the build dates its pages', async () => {
    const s = sandboxWith({});
    const saved = { TODAY: process.env['TODAY'], PLANS_DIR: process.env['PLANS_DIR'], PLANS_CWD: process.env['PLANS_CWD'], ACCOUNT_PLANS_CACHE: process.env['ACCOUNT_PLANS_CACHE'] };
    Object.assign(process.env, { TODAY: '2026-05-01', PLANS_DIR: 'plans', PLANS_CWD: s.dir, ACCOUNT_PLANS_CACHE: '0' });
    try {
      const { loadSiteRun } = await import('../src/lib/workspace.ts');
      const run = loadSiteRun();
      expect(run.today).toBe('2026-05-01');
      expect(run.valid.ledger).toMatchObject({ rows: 8, through: '2026-05-01' });
      expect(run.loaded.diagnostics.map((d) => d.code)).toEqual(['ledger-future-sales']);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
