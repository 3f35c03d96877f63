import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readPlansFolder } from '../src/core/load/files.ts';
import { formatDiagnostic } from '../src/core/report/diagnostics.ts';
import { loadWorkspace } from '../src/core/load/workspace.ts';
import { BAD_CASES } from './bad-input-cases.ts';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';
import { diagnosticLines, fixtureFiles, withFiles } from './helpers/workspace.ts';

/**
 * Inputs built to be slow: many keys, aliases, sizes. These pin behaviour (what is reported), never time:
 * before the fix the 60,000-key cases took minutes, which a test run would show as a timeout.
 */
const ACME = readFileSync('tests/fixtures/minimal/accounts/acme.yaml', 'utf8');
const base = fixtureFiles('minimal');
const WORKSPACE = readFileSync('tests/fixtures/minimal/workspace.yaml', 'utf8');
/** Room for the 1.2 MB plans below: the limit is configurable. */
const roomy = { 'workspace.yaml': `${WORKSPACE}max_file_bytes: 2097152\n` };

describe('big inputs are read in time linear in their size', () => {
  it('a plan with 60,000 unknown keys and one alias reports each key once', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${String(i).padStart(6, '0')}: 1\n`).join('');
    const lines = diagnosticLines(withFiles(base, { 'accounts/acme.yaml': `${ACME.replace('name: Acme\n', 'name: Acme\nx_anchor: &a 1\nx_alias: *a\n')}${keys}` }));
    expect(lines).toHaveLength(60_002);
    expect(lines[0]).toBe('minimal/accounts/acme.yaml:2:1 error "x_anchor" is not a field of an account plan. Remove it, or see schemas/json/account.schema.json.');
    expect(lines.at(-1)).toBe('minimal/accounts/acme.yaml:60020:1 error "k059999" is not a field of an account plan. Remove it, or see schemas/json/account.schema.json.');
  });

  it('a valid plan with 20,000 actions (60,000 keys) sharing one aliased owner validates', () => {
    const actions = Array.from({ length: 20_000 }, (_, i) => `  - { description: Step ${i}, owner: ${i === 0 ? '&o ann-lee' : '*o'}, due: 2026-12-15 }\n`).join('');
    const { workspace, diagnostics } = loadWorkspace(withFiles(base, { ...roomy, 'accounts/acme.yaml': `${ACME}actions:\n${actions}` }));
    expect(diagnostics).toEqual([]);
    expect(workspace?.accountById.get('acme')?.plan.actions).toHaveLength(20_000);
  });

  it('a wrong value deep in a 60,000-key plan with an alias is located on its line', () => {
    const actions = Array.from({ length: 20_000 }, (_, i) => `  - { description: Step ${i}, owner: ${i === 0 ? '&o ann-lee' : '*o'}, due: ${i === 19_999 ? '2026-13-01' : '2026-12-15'} }\n`).join('');
    expect(diagnosticLines(withFiles(base, { ...roomy, 'accounts/acme.yaml': `${ACME}actions:\n${actions}` }))).toEqual([
      'minimal/accounts/acme.yaml:20019:48 error actions[19999].due: this date does not exist in the calendar.',
    ]);
  });

  it('a syntax error at the end of a large file is reported by the fast parser alone', () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `k${i}: [1, 2]\n`).join('');
    const lines = diagnosticLines(withFiles(base, { ...roomy, 'accounts/acme.yaml': `${ACME}${keys}bad: [1, 2\n` }));
    expect(lines).toEqual(['minimal/accounts/acme.yaml:30019:11 error The YAML cannot be read here (unexpected end of the stream within a flow collection). Check the indentation and the quotes on this line.']);
  });
});

describe('every diagnostic points inside its file', () => {
  const sources = { 'accounts/acme.yaml': ACME, 'accounts/globex.mdx': readFileSync('tests/fixtures/minimal/accounts/globex.mdx', 'utf8') };
  const cuts = Object.entries(sources).flatMap(([rel, text]) => Array.from({ length: Math.ceil(text.length / 5) }, (_, i) => ({ rel, text: `${text.slice(0, i * 5)}${i % 2 ? '\n\n' : ''}` })));
  const broken = BAD_CASES.map((c) => c.changes);

  it.each([
    ['each prefix of a plan', cuts.map(({ rel, text }) => ({ [rel]: text }))],
    ['each bad-input case', broken],
  ])('%s', (_name, variants) => {
    for (const changes of variants) {
      const files = withFiles(base, changes as Record<string, string | Uint8Array | null>);
      const lineCount = new Map(files.map((f) => [f.display, Math.max(1, new TextDecoder().decode(f.bytes).replace(/\n$/, '').split('\n').length)]));
      for (const d of loadWorkspace(files).diagnostics) {
        const lines = lineCount.get(d.file);
        if (lines === undefined) continue; // a missing file, reported at 1:1
        expect(d.line, formatDiagnostic(d)).toBeLessThanOrEqual(lines);
        expect(d.line, formatDiagnostic(d)).toBeGreaterThanOrEqual(1);
        expect(d.column, formatDiagnostic(d)).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('the folder changes between listing and reading', () => {
  let sandbox: Sandbox | undefined;
  afterEach(() => sandbox?.remove());

  it.each([
    ['a file removed', (p: string) => rmSync(p), 'file-vanished: The file disappeared while the plans were being read (was it moved or deleted meanwhile?). Run the check again.'],
    ['a file replaced by a folder', (p: string) => (rmSync(p), mkdirSync(p)), 'not-a-file: This is a folder, not a file, so it is not read. Plans files are ordinary text files: replace it with one, or remove it.'],
    ['a file replaced by a link out of the folder', (p: string) => (rmSync(p), symlinkSync('/etc/hostname', p)), 'file-changed: This file was replaced by a symbolic link while the plans were being read. Replace the link with the file itself, then run the check again.'],
  ])('%s is reported at the file, and the other files are read', (_name, change, expected) => {
    sandbox = makeSandbox();
    const plans = sandbox.plans;
    const files = readPlansFolder(plans, sandbox.dir, { afterListing: () => change(join(plans, 'accounts/acme.yaml')) });
    const acme = files.find((f) => f.rel === 'accounts/acme.yaml');
    expect(`${acme?.problem?.code}: ${acme?.problem?.message}`).toBe(expected);
    expect(files.filter((f) => !f.problem).map((f) => f.rel)).toEqual(['accounts/globex.mdx', 'goals.yaml', 'team.yaml', 'workspace.yaml']);
    expect(loadWorkspace(files).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['plans/accounts/acme.yaml:1:1 ' + expected.split(':')[0]]);
  });
});

describe('a read error the walk could not foresee', () => {
  let sandbox: Sandbox | undefined;
  let server: Server | undefined;
  afterEach(() => (server?.close(), sandbox?.remove()));

  it('a file replaced by a socket after the listing cannot be opened (ENXIO): unreadable, at the file', async () => {
    sandbox = makeSandbox();
    const path = join(sandbox.plans, 'accounts/acme.yaml');
    const parked = join(sandbox.plans, 'accounts/socket');
    const socket = createServer();
    server = socket;
    await new Promise<void>((done) => socket.listen(parked, done));
    const files = readPlansFolder(sandbox.plans, sandbox.dir, { afterListing: () => (rmSync(path), renameSync(parked, path)) });
    expect(files.find((f) => f.rel === 'accounts/acme.yaml')?.problem).toEqual({
      code: 'unreadable-file',
      message: 'The file cannot be read (ENXIO). Make it readable by the user who runs the check, then run it again.',
    });
    expect(loadWorkspace(files).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['plans/accounts/acme.yaml:1:1 unreadable-file']);
  });
});

describe('validate: the size limit from workspace.yaml', () => {
  let sandbox: Sandbox | undefined;
  afterEach(() => sandbox?.remove());

  it('refuses a plan over the limit with exit 2, checks the rest, and writes nothing', () => {
    sandbox = makeSandbox();
    const workspace = readFileSync(join(sandbox.plans, 'workspace.yaml'), 'utf8');
    sandbox.write({ 'workspace.yaml': `${workspace}max_file_bytes: 300\n`, 'accounts/globex.mdx': readFileSync(join(sandbox.plans, 'accounts/globex.mdx'), 'utf8').replace('strategy: acquire', 'strategy: aquire') });
    writeFileSync(join(sandbox.plans, 'reviews.yaml'), 'x');
    const before = sandbox.snapshot();
    const r = runScript('validate', ['--plans', 'plans'], { cwd: sandbox.dir });
    expect(r.status).toBe(2);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'plans/accounts/acme.yaml:1:1 error The file is 392 bytes. Plans files may be at most 300 bytes, so it was not parsed. Shorten it, or raise "max_file_bytes" in workspace.yaml if plans this large are intended.',
      'plans/accounts/globex.mdx:4:11 error strategy: "aquire" is not allowed. Did you mean "acquire"? Write one of: acquire, grow, reactivate, retain, retire.',
    ]);
    expect(sandbox.snapshot()).toEqual(before);
  });
});

describe('many findings in one big mapping', () => {
  it('an unknown key after 200,000 blank lines is located (the fast index once scanned each run of blanks from every line)', () => {
    const lines = diagnosticLines(withFiles(base, { 'accounts/acme.yaml': `${ACME}${' \n'.repeat(200_000)}strategi: grow\n` }));
    expect(lines).toEqual(['minimal/accounts/acme.yaml:200019:1 error "strategi" is not a field of an account plan. Did you mean "strategy"?']);
  });

  it('a misspelt period padded with 100,000 spaces gets no suggestion, at once', () => {
    const lines = diagnosticLines(withFiles(base, { 'accounts/acme.yaml': ACME.replace('period: FY2027-Q1', `period: "2027${' '.repeat(100_000)}x"`) }));
    expect(lines).toEqual(['minimal/accounts/acme.yaml:8:15 error forecast[0].period: "2027                                                       …" is not valid: a period is a fiscal year or quarter, such as FY2027 or FY2027-Q1.']);
  });

  it('60,000 unknown keys without an alias are each located by the fast index', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${String(i).padStart(6, '0')}: 1\n`).join('');
    const lines = diagnosticLines(withFiles(base, { 'accounts/acme.yaml': `${ACME}${keys}` }));
    expect(lines).toHaveLength(60_000);
    expect(lines[30_000]).toBe('minimal/accounts/acme.yaml:30019:1 error "k030000" is not a field of an account plan. Remove it, or see schemas/json/account.schema.json.');
  });
});

/** Line:column just after `before` in `text`, as diagnostics count them. */
function after(text: string, before: string): string {
  const end = text.indexOf(before) + before.length;
  const lines = text.slice(0, end).split('\n');
  return `${lines.length}:${lines.at(-1)!.length + 1}`;
}

const TEAM = readFileSync('tests/fixtures/minimal/team.yaml', 'utf8');
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
const circle = (list: string[]) => `${[...list, list[0]].join(' → ')} is a circle.`;
/** The diagnostics of one code, whole: the terminal line cuts messages this long. */
const cycles = (files: Parameters<typeof loadWorkspace>[0], code: string) =>
  loadWorkspace(files).diagnostics.filter((d) => d.code === code).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`);

describe('long circles are found in one pass and reported once (linking once followed every chain from every node)', () => {
  it('2,000 plans whose parents form one circle, and a plan leading into it: one parent-cycle, at the smallest id on the circle', () => {
    const plans = ids('c', 2_000);
    const files: Record<string, string> = { 'accounts/b-lead.yaml': `parent: c0005\n${ACME}` };
    plans.forEach((id, i) => (files[`accounts/${id}.yaml`] = `parent: ${plans[(i + 1) % plans.length]}\n${ACME}`));
    const lines = cycles(withFiles(base, files), 'parent-cycle');
    expect(lines).toEqual([`minimal/accounts/c0000.yaml:1:9 error parent: ${circle(plans)} The top account of a family has no parent: remove one "parent".`]);
  });

  it('1,500 people whose managers form one circle, listed from the middle: one manager-cycle, at the first of them in team.yaml', () => {
    const people = ids('p', 1_500);
    const listed = [...people.slice(700), ...people.slice(0, 700)];
    const rows = listed.map((id) => `  - { id: ${id}, name: P ${id}, role: account-executive, manager: ${people[(people.indexOf(id) + 1) % people.length]} }\n`);
    const team = `${TEAM}${rows.join('')}`;
    const lines = cycles(withFiles(base, { 'team.yaml': team }), 'manager-cycle');
    expect(lines).toEqual([`minimal/team.yaml:${after(team, 'id: p0700, name: P p0700, role: account-executive, manager: ')} error people[4].manager: ${circle(listed)} Someone at the top reports to nobody: remove one "manager".`]);
  });

  it('1,000 stakeholders whose reports_to form one circle, after one who reports into it: one reports-to-cycle, at the first on the circle', () => {
    const people = ids('s', 1_000);
    const rows = people.map((id, i) => `  - { id: ${id}, name: S ${id}, roles: [user], reports_to: ${people[(i + 1) % people.length]} }\n`);
    const plan = ACME.replace('stakeholders:\n', `stakeholders:\n  - { id: lead, name: Lead, roles: [user], reports_to: s0003 }\n${rows.join('')}`);
    const lines = cycles(withFiles(base, { 'accounts/acme.yaml': plan }), 'reports-to-cycle');
    expect(lines).toEqual([`minimal/accounts/acme.yaml:${after(plan, 'id: s0000, name: S s0000, roles: [user], reports_to: ')} error stakeholders[1].reports_to: ${circle(people)} Someone at the top reports to nobody: remove one "reports_to".`]);
  });
});

describe('files that are not plans are never read', () => {
  let sandbox: Sandbox | undefined;
  afterEach(() => sandbox?.remove());

  it('a 2 MB .md note beside the plans and a 2 MB .json export are not read: the note gets the usual warning, neither a size error', () => {
    sandbox = makeSandbox();
    sandbox.write({ 'accounts/notes.md': `# Notes\n${'x'.repeat(2 * 1024 ** 2)}\n`, 'export.json': `[${'1,'.repeat(1024 ** 2)}1]\n` });
    const files = readPlansFolder(sandbox.plans, sandbox.dir);
    expect(files.filter((f) => f.bytes.length === 0).map((f) => f.rel)).toEqual(['accounts/notes.md', 'export.json']);
    const r = runScript('validate', ['--plans', 'plans'], { cwd: sandbox.dir });
    expect(r.stdout).toBe(
      [
        'plans/accounts/notes.md:1:1 warning This file is not read as part of the plans. Account plans are .yaml or .mdx files: rename it.',
        '0 errors, 1 warning, 0 notes in 2 account plans.',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
  });
});
