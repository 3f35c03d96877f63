import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { gateOptions } from '../scripts/commands/gate.ts';
import { initCommand, type Ask } from '../scripts/commands/init.ts';
import { ExitError } from '../scripts/lib/cli.ts';
import { captured } from './helpers/git-history.ts';
import { ROOT, runScript, snapshotTree } from './helpers/sandbox.ts';

/*
 * `account-plans init` in process: what it writes, what it refuses (exit 2, nothing written), and the questions it
 * asks on a terminal. tests/install.test.ts runs the written repository with the packed package installed.
 */
const TODAY = '2026-11-24';
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function temp(): string {
  dir = mkdtempSync(join(tmpdir(), 'account-plans-init-'));
  return dir;
}

async function init(args: string[], cwd: string, ask?: Ask): Promise<{ code: number | undefined; out: string[]; err: string }> {
  const c = captured();
  try {
    return { code: await initCommand(args, c.output, cwd, { today: TODAY, ...(ask && { ask }) }), out: c.out, err: '' };
  } catch (e) {
    if (e instanceof ExitError) return { code: e.code, out: c.out, err: e.message };
    throw e;
  }
}

describe('account-plans init', () => {
  it('writes a repository whose plans validate, with the flags\' company, currency and fiscal year', async () => {
    const cwd = temp();
    const r = await init(['acme-plans', '--company', 'Acme: "West"', '--currency', 'gbp', '--fiscal-year-start', '4'], cwd);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const repo = join(cwd, 'acme-plans');
    const ws = load(readFileSync(join(repo, 'plans/workspace.yaml'), 'utf8')) as Record<string, unknown>;
    expect(ws).toMatchObject({ company: 'Acme: "West"', currency: 'GBP', fiscal_year_start_month: 4 });
    // April start: 2026-11-24 is in FY2027 (April 2026 – March 2027).
    expect(readFileSync(join(repo, 'plans/goals.yaml'), 'utf8')).toContain('period: FY2027,');
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.name).toBe('acme-plans');
    expect(pkg.scripts).toMatchObject({ validate: 'account-plans validate', check: 'account-plans check', build: 'account-plans build', new: 'account-plans new', history: 'account-plans history' });
    const validate = runScript('validate', ['--plans', join(repo, 'plans')], { cwd: repo });
    expect(validate.stdout).toContain('0 errors');
    expect(validate.status).toBe(0);
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toMatch(/^# Acme: "West" account plans\n/);
  });

  it('a hostile company name stays text: one line in YAML, escaped in the README heading, and the plans still validate', async () => {
    const cwd = temp();
    const name = 'Evil\n# <script>alert(1)</script> `x` \u001b[31m';
    expect((await init(['--company', name, '--yes'], cwd)).code).toBe(0);
    const workspace = readFileSync(join(cwd, 'plans/workspace.yaml'), 'utf8');
    expect(workspace.split('\n').filter((l) => l.startsWith('company:'))).toHaveLength(1);
    expect(workspace).not.toContain('\u001b');
    const heading = readFileSync(join(cwd, 'README.md'), 'utf8').split('\n')[0]!;
    expect(heading).toContain('\\<script\\>');
    expect(heading).not.toMatch(/<script>/);
    expect(runScript('validate', ['--plans', 'plans'], { cwd }).status).toBe(0);
  });

  it('CODEOWNERS puts goals, package.json, the lockfile and .github/ under the sales leaders', async () => {
    const cwd = temp();
    expect((await init(['--yes'], cwd)).code).toBe(0);
    const owners = readFileSync(join(cwd, '.github/CODEOWNERS'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(/\s+/)[0]);
    expect(owners).toEqual(expect.arrayContaining(['/plans/goals.yaml', '/plans/changes/', '/package.json', '/package-lock.json', '/.github/']));
  });

  it('asks on a terminal for what the flags leave out, taking the default on an empty answer', async () => {
    const cwd = temp();
    const asked: string[] = [];
    const r = await init(['--currency', 'EUR'], cwd, async (question, fallback) => {
      asked.push(question);
      return question.startsWith('Company') ? 'Nordwind GmbH' : fallback;
    });
    expect(r.code).toBe(0);
    expect(asked).toEqual(['Company name', 'Month the fiscal year starts in (1-12)']);
    expect(load(readFileSync(join(cwd, 'plans/workspace.yaml'), 'utf8'))).toMatchObject({ company: 'Nordwind GmbH', currency: 'EUR', fiscal_year_start_month: 1 });
  });

  it.each([
    { name: 'without a terminal, a missing --company is refused', args: ['--currency', 'USD', '--fiscal-year-start', '1'], says: 'init needs --company (or --yes for the defaults)' },
    { name: 'a currency that is not a three-letter code', args: ['--yes', '--currency', 'dollars'], says: 'The currency "DOLLARS" is not a three-letter code' },
    { name: 'a fiscal year start that is not a month', args: ['--yes', '--fiscal-year-start', '13'], says: 'is not a month number from 1 to 12' },
    { name: 'an empty company name', args: ['--company', '  ', '--yes'], says: 'The company name is empty' },
    { name: 'two folders', args: ['a', 'b', '--yes'], says: 'init takes one folder, not 2' },
    { name: 'an unknown option', args: ['--compnay', 'X'], says: "Unknown option '--compnay'" },
  ])('refuses with exit 2 and writes nothing: $name', async ({ args, says }) => {
    const cwd = temp();
    const r = await init(args, cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain(says);
    expect(r.err).toContain('Nothing was written');
    expect(snapshotTree(cwd).size).toBe(0);
  });

  it('never overwrites: one file already there, and nothing is written', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'README.md'), 'our own readme\n');
    const before = snapshotTree(cwd);
    const r = await init(['--yes'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain('already has README.md; init never overwrites a file, so it wrote nothing.');
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('never writes through a link: a plans folder that is a link elsewhere is refused', async () => {
    const cwd = temp();
    const elsewhere = join(cwd, 'elsewhere');
    mkdirSync(join(cwd, 'repo'), { recursive: true });
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(cwd, 'repo', 'plans'));
    const r = await init(['repo', '--yes'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain('repo/plans is a link; init writes only into real folders. Nothing was written.');
    expect(snapshotTree(elsewhere).size).toBe(0);
    expect(snapshotTree(join(cwd, 'repo')).size).toBe(1);
  });

  it('a dangling link where a file would go is refused, not followed', async () => {
    const cwd = temp();
    symlinkSync(join(cwd, 'target-that-does-not-exist'), join(cwd, '.gitignore'));
    const r = await init(['--yes'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toContain('already has .gitignore');
  });
});

describe('account-plans gate', () => {
  it.each([
    { name: 'a pull request: the change against its base branch, with the comment file', env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main' }, options: ['--base', 'origin/main', '--comment', 'check-comment.md'] },
    { name: 'a push to main: what the push did, against the commit main pointed at before', env: { GITHUB_EVENT_NAME: 'push', GITHUB_BASE_REF: '', GATE_BEFORE: 'a'.repeat(40) }, options: ['--base', 'a'.repeat(40)] },
    { name: 'the first push of a branch (before is all zeros): the state, reported', env: { GITHUB_EVENT_NAME: 'push', GATE_BEFORE: '0'.repeat(40) }, options: [] },
    { name: 'a push whose before is not a commit id: the state, reported', env: { GITHUB_EVENT_NAME: 'push', GATE_BEFORE: '--strict; rm -rf /' }, options: [] },
    { name: 'a push with no before at all: the state, reported', env: { GITHUB_EVENT_NAME: 'push' }, options: [] },
    { name: 'a terminal: every goal', env: {}, options: ['--strict'] },
  ])('$name', ({ env, options }) => {
    expect(gateOptions(env)).toEqual(options);
  });
});

describe('account-plans gate, reading the push event from GITHUB_EVENT_PATH', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gate-event-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const event = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
  const before = (path: string) => gateOptions({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path });

  it('takes the before commit from the payload when GATE_BEFORE is not set', () => {
    expect(before(event('push.json', JSON.stringify({ before: 'b'.repeat(40), after: 'c'.repeat(40) })))).toEqual(['--base', 'b'.repeat(40)]);
  });

  it.each([
    { name: 'a payload that is not JSON', text: '{ before: ' },
    { name: 'a payload that is a list', text: '["' + 'b'.repeat(40) + '"]' },
    { name: 'a before that is not a commit id', text: JSON.stringify({ before: '--upload-pack=touch /tmp/pwned' }) },
    { name: 'a before that is a number', text: JSON.stringify({ before: 12345 }) },
  ])('reports the state, never passing on what it read, for $name', ({ name, text }) => {
    expect(before(event(`${name.replaceAll(' ', '-')}.json`, text))).toEqual([]);
  });

  it('reports the state for a path that is a folder, a pipe or missing, without reading or waiting on it', () => {
    expect(before(dir)).toEqual([]);
    expect(before(join(dir, 'missing.json'))).toEqual([]);
    const fifo = join(dir, 'event.fifo');
    if (spawnSync('mkfifo', [fifo]).status === 0) expect(before(fifo)).toEqual([]);
  });
});

describe('the account-plans command', () => {
  const bin = (args: string[], node = process.execPath) => spawnSync(node, [join(ROOT, 'scripts/account-plans.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

  it('--version prints the package version; an unknown command is exit 2 with the list of commands', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(bin(['--version']).stdout).toBe(`${version}\n`);
    const wrong = bin(['vaildate']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('"vaildate" is not a command of account-plans.');
    expect(wrong.stderr).toContain('  validate  check the plans against the schemas');
  });

  it('runs a command with its own options', () => {
    const r = bin(['validate', '--plans', 'tests/fixtures/minimal']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 errors');
  });

  // The machines here ship Node 20, which npx uses in an empty folder: the compiled bin (npm install compiled it) must
  // run init there, and say what it needs for the rest.
  const node20 = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
  const old = node20.status === 0 && Number(/^v(\d+)/.exec(node20.stdout)?.[1]) < 22;
  it.skipIf(!old || !existsSync(join(ROOT, 'compiled/scripts/account-plans.js')))('on the system Node 20, --version and init run, and check says it needs Node 22.12', () => {
    const compiled = (args: string[], cwd = ROOT) => spawnSync('/usr/bin/node', [join(ROOT, 'compiled/scripts/account-plans.js'), ...args], { encoding: 'utf8', cwd });
    expect(compiled(['--version']).status).toBe(0);
    const cwd = temp();
    const init = compiled(['init', 'x', '--yes'], cwd);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const check = compiled(['check']);
    expect(check.status).toBe(2);
    expect(check.stderr).toContain('account-plans check needs Node 22.12 or later; this is Node 20.');
  });
});
