import { spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../scripts/commands/validate.ts';
import { plain } from '../src/core/report/diagnostics.ts';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await validateCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l), paint: plain });
  return { code, out, err };
}

function brokenCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plans-'));
  cpSync('tests/fixtures/minimal', dir, { recursive: true });
  writeFileSync(join(dir, 'accounts/acme.yaml'), 'name: Acme\nstatus: current\nstrategy: grw\nowner: ann-lee\ndimensions: { channel: direct, region: emea }\n');
  return dir;
}

describe('validate command', () => {
  it('exits 0 and counts the plans on a valid folder', async () => {
    const r = await run(['--plans', 'tests/fixtures/minimal']);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['0 errors, 0 warnings, 0 notes in 2 account plans.']);
  });

  it('prints file:line:column severity message and exits 2 on an invalid folder', async () => {
    const dir = brokenCopy();
    const r = await run(['--plans', dir]);
    expect(r.code).toBe(2);
    expect(r.out[0]).toMatch(/accounts\/acme\.yaml:3:11 error strategy: "grw" is not allowed\. Did you mean "grow"\?/);
    expect(r.out.at(-1)).toBe('1 error, 0 warnings, 0 notes.');
  });

  it('prints GitHub annotations with --format github', async () => {
    const r = await run(['--plans', brokenCopy(), '--format', 'github']);
    expect(r.out[0]).toMatch(/^::error file=.*accounts\/acme\.yaml,line=3,col=11::strategy: "grw" is not allowed/);
  });

  it('prints the diagnostics as JSON with --format json', async () => {
    const r = await run(['--plans', brokenCopy(), '--format', 'json']);
    const json = JSON.parse(r.out.join('\n'));
    expect(json.ok).toBe(false);
    expect(json.diagnostics[0]).toMatchObject({ line: 3, column: 11, severity: 'error', code: 'invalid-value', path: 'strategy' });
  });

  it.each([
    [['--format', 'xml'], /--format must be one of text, json, github, not "xml"/],
    [['--plans'], /Option '--plans <value>' argument missing/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('refuses misuse %j with exit 2 and the usage', async (argv, message) => {
    await expect(run(argv)).rejects.toThrow(message);
  });

  it('names the plans folder when workspace.yaml and team.yaml are missing from an empty folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'empty-'));
    const r = await run(['--plans', dir]);
    expect(r.code).toBe(2);
    expect(r.out[0]).toMatch(/empty-[^/]+\/team\.yaml:1:1 error team\.yaml is missing\./);
    expect(r.out[1]).toMatch(/empty-[^/]+\/workspace\.yaml:1:1 error workspace\.yaml is missing\./);
  });

  it('says so when --plans names a file', async () => {
    await expect(run(['--plans', 'README.md'])).rejects.toThrow('The plans folder "README.md" is a file, not a folder.');
  });

  it('runs as a real process: exit 2, no stack trace, for a missing plans folder', () => {
    const r = spawnSync(process.execPath, ['scripts/validate.ts', '--plans', 'does-not-exist'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('The plans folder "does-not-exist" does not exist. Run from the repository root, or pass --plans with the folder that holds workspace.yaml.\n');
    expect(r.stdout).toBe('');
  });
});
