import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseRepos, git } from './helpers/git.ts';
import { runScript, type Sandbox } from './helpers/sandbox.ts';

/*
 * The base of a pull request has a sales ledger too: its findings (history-differs-from-ledger, a top client without a
 * plan) and booked figures exist on both sides, so a change that does not touch the ledger is not credited with them.
 */
const ledgerRepo = (() => { const repo = baseRepos(); return () => repo('tests/fixtures/ledger'); })();

interface Json {
  findings: { rule: string; account?: string; new: boolean }[];
  resolvedFindings: { rule: string; account?: string }[];
  goals: { label: string; booked?: { revenue: number } }[];
}

function checkJson(sb: Sandbox): Json {
  const r = runScript('check', ['--plans', 'plans', '--base', 'main', '--today', '2026-11-24', '--json'], { cwd: sb.dir });
  return JSON.parse(r.stdout) as Json;
}

const ledgerFindings = (j: Json) => j.findings.filter((f) => f.rule === 'history-differs-from-ledger' || (f.rule === 'top-account-without-plan' && f.account === 'initech'));

describe('check --base reads the sales ledger at the base as well', () => {
  it('a change to a plan name leaves the ledger findings old', () => {
    const sb = ledgerRepo();
    const file = join(sb.plans, 'accounts/globex.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Globex', 'name: Globex Inc'));
    const j = checkJson(sb);
    expect(ledgerFindings(j).map((f) => [f.rule, f.account, f.new])).toEqual([
      ['history-differs-from-ledger', 'acme', false],
      ['top-account-without-plan', 'initech', false],
    ]);
    expect(j.findings.filter((f) => f.new)).toEqual([]);
  });

  it('a change that removes a client from the ledger resolves its finding, and adds none', () => {
    const sb = ledgerRepo();
    const file = join(sb.plans, 'sales/2026.csv');
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').filter((l) => !l.includes(',initech,')).join('\n'));
    const j = checkJson(sb);
    expect(j.findings.filter((f) => f.new)).toEqual([]);
    expect(j.resolvedFindings.map((f) => [f.rule, f.account])).toEqual([['top-account-without-plan', 'initech']]);
  });

  // The base is read through the same door as the working copy: a link in sales/ is an error there as here, so such a
  // base does not validate (before the one engine, it was compared without its ledger).
  it('a base whose ledger is a link does not validate, as the working copy would not, and the working copy still reads its own', () => {
    const sb = ledgerRepo();
    const file = join(sb.plans, 'sales/2026.csv');
    const rows = readFileSync(file, 'utf8');
    rmSync(file);
    symlinkSync('../../bystander/keep.txt', file);
    git(sb.plans, 'add', '-A');
    git(sb.plans, 'commit', '--quiet', '-m', 'a link in the ledger');
    git(sb.plans, 'branch', 'linked');
    rmSync(file);
    writeFileSync(file, rows);
    const r = runScript('check', ['--plans', 'plans', '--base', 'linked', '--today', '2026-11-24', '--json'], { cwd: sb.dir });
    const j = JSON.parse(r.stdout) as Json & { base: { valid: boolean; errors: number; message: string } };
    expect(j.base).toMatchObject({ valid: false, errors: 1 });
    expect(j.base.message).toContain('do not validate (1 error)');
    expect(j.goals[0]?.booked?.revenue).toBe(820);
  });
});
