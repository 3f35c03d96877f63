import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCommand } from '../scripts/commands/build.ts';
import { parseLog, readLastCommits, repoPathOf } from '../src/core/git/log.ts';
import { plain } from '../src/core/report/diagnostics.ts';
import { SITE_MARKER, SITE_MARKER_TEXT } from '../scripts/lib/out-folder.ts';

function previousSite(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'site-build-')), 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), '<p>the previous site</p>');
  writeFileSync(join(out, SITE_MARKER), SITE_MARKER_TEXT);
  return out;
}

describe('npm run build on invalid plans', () => {
  it('prints the same diagnostics as validate, exits 2 and leaves the previous site untouched', async () => {
    const out = previousSite();
    const lines: string[] = [];
    const errors: string[] = [];
    const code = await buildCommand(['--plans', 'tests/fixtures/site-invalid', '--out', out], { out: (l) => lines.push(l), err: (l) => errors.push(l), paint: plain });
    expect(code).toBe(2);
    expect(lines).toEqual([
      'tests/fixtures/site-invalid/accounts/acme.yaml:4:11 error strategy: "grw" is not allowed. Did you mean "grow"? Write one of: acquire, grow, reactivate, retain, retire.',
      '1 error, 0 warnings, 0 notes.',
    ]);
    expect(errors).toEqual([`The site was not built because the plans are invalid. Fix the errors above; ${out} is unchanged.`]);
    expect(readdirSync(out)).toEqual([SITE_MARKER, 'index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>the previous site</p>');
    expect(readdirSync(join(out, '..'))).toEqual(['dist']);
  });

  it('does the same when run as a program, with PLANS_DIR instead of --plans', () => {
    const out = previousSite();
    const r = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], { encoding: 'utf8', env: { ...process.env, PLANS_DIR: 'tests/fixtures/site-invalid' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('tests/fixtures/site-invalid/accounts/acme.yaml:4:11 error strategy: "grw" is not allowed.');
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>the previous site</p>');
  });

  it('refuses an unknown option with the usage and exit 2', async () => {
    await expect(buildCommand(['--plan', 'x'], { out: () => {}, err: () => {}, paint: plain })).rejects.toMatchObject({ code: 2, message: expect.stringContaining('Usage: npm run build') });
  });
});

describe('last-updated dates from git', () => {
  const log = [
    '\x1eaaa\x1f2026-11-02\x1fJane Doe\x1fRaise the Acme forecast',
    'plans/accounts/acme.yaml',
    '',
    '\x1ebbb\x1f2026-10-01\x1fOmar Haddad\x1fFirst plans',
    'plans/accounts/acme.yaml',
    'plans/accounts/globex.mdx',
    'README.md',
    '',
  ].join('\n');

  it('takes each file\'s newest commit, and the newest commit overall as the last change', () => {
    const history = parseLog(log, 'plans');
    expect(history.last).toEqual({ hash: 'aaa', time: 0, date: '2026-11-02', author: 'Jane Doe', subject: 'Raise the Acme forecast', changes: [] });
    expect(history.byFile.get('accounts/acme.yaml')?.hash).toBe('aaa');
    expect(history.byFile.get('accounts/globex.mdx')?.date).toBe('2026-10-01');
    expect(history.byFile.has('README.md')).toBe(false);
  });

  it('gives no dates, and no error, for a folder outside git', () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-git-'));
    const history = readLastCommits(dir);
    expect(history).toEqual({ repoPath: undefined, last: undefined, byFile: new Map() });
    expect(repoPathOf(history, 'accounts/acme.yaml', 'plans')).toBe('plans/accounts/acme.yaml');
  });

  it('reads the committed fixtures of this repository', () => {
    const history = readLastCommits('tests/fixtures/minimal');
    expect(history.repoPath).toBe('tests/fixtures/minimal');
    expect(history.byFile.get('accounts/acme.yaml')?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(repoPathOf(history, 'accounts/acme.yaml', 'ignored')).toBe('tests/fixtures/minimal/accounts/acme.yaml');
    expect(existsSync('tests/fixtures/minimal/accounts/acme.yaml')).toBe(true);
  });
});
