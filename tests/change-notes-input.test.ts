import { describe, expect, it } from 'vitest';
import { checkCommand } from '../scripts/commands/check.ts';
import { plain } from '../src/core/report/diagnostics.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseRepos, git } from './helpers/git.ts';
import { editPlan } from './helpers/sandbox.ts';
import { diagnosticLines, fixtureFiles, load, withFiles } from './helpers/workspace.ts';

/*
 * A change note is plan text like any other: untrusted. Every way it can be wrong is an error at its line, and what
 * it says is escaped wherever a report shows it.
 */
const minimal = fixtureFiles('minimal');
const REASON = 'The customer froze its budget until the second quarter.';
const lines = (note: string, path = 'changes/freeze.yaml') => diagnosticLines(withFiles(minimal, { [path]: note }));

describe('a change note that is not valid', () => {
  it.each([
    { name: 'a reason under 20 characters', note: 'accounts: [acme]\nreason: Budget cut.\n', line: '2:9 error reason must be at least 20 characters (it has 11).' },
    { name: 'a reason over 1,000 characters', note: `accounts: [acme]\nreason: ${'x'.repeat(5000)}\n`, line: '2:9 error reason must be at most 1000 characters (it has 5000).' },
    { name: 'no reason', note: 'accounts: [acme]\n', line: '1:1 error reason is missing.' },
    { name: 'an unknown key', note: `accounts: [acme]\nreason: ${REASON}\nauthor: ann\n`, line: '3:1 error "author" is not a field of a change note. Write one of the known fields: accounts, goals, reason.' },
    { name: 'naming nothing', note: `reason: ${REASON}\n`, line: '1:1 error a change note: a note names at least one account (accounts: [id]) or goal (goals: ["label"]).' },
    { name: 'accounts as text', note: `accounts: acme\nreason: ${REASON}\n`, line: '1:11 error accounts: expected a list' },
    { name: 'an account that is not an id', note: `accounts: ["Acme Corp"]\nreason: ${REASON}\n`, line: '1:12 error accounts[0]: "Acme Corp" is not valid: an id is lower-case letters, digits and hyphens, such as "jane-doe". Write acme-corp.' },
    { name: 'a list, not a mapping', note: '- acme\n', line: '1:1 error The file is a list, but a change note is a set of "key: value" lines.' },
  ])('$name is an error at its line', ({ note, line }) => {
    const out = lines(note);
    expect(out.some((l) => l.startsWith(`minimal/changes/freeze.yaml:${line}`)), out.join('\n')).toBe(true);
    expect(load(withFiles(minimal, { 'changes/freeze.yaml': note })).workspace).toBeUndefined();
  });

  it('a note naming 10,000 accounts is one error for the list, not one per id', () => {
    const accounts = Array.from({ length: 10_000 }, (_, i) => `account-${i}`).join(', ');
    const out = lines(`accounts: [${accounts}]\nreason: ${REASON}\n`);
    expect(out.filter((l) => l.includes(' error '))).toEqual(['minimal/changes/freeze.yaml:1:11 error accounts needs at most 200 items.']);
  });

  it('an account with no plan is a warning in validate, which has no base', () => {
    const r = load(withFiles(minimal, { 'changes/freeze.yaml': `accounts: [acme, initech]\nreason: ${REASON}\n` }));
    expect(r.workspace?.notes).toHaveLength(1);
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(['minimal/changes/freeze.yaml:1:18 warning note-unknown-account']);
  });

  it('a goal label no goal prints is a warning', () => {
    const r = load(withFiles(minimal, { 'changes/target.yaml': `goals: ["FY2027 company", "FY2027 region: mars"]\nreason: ${REASON}\n` }));
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['1:27 note-unknown-goal']);
  });

  it('a note in a folder under changes/ is not read, and a note in capitals is an error', () => {
    expect(lines(`accounts: [acme]\nreason: ${REASON}\n`, 'changes/2027/freeze.yaml')).toEqual([expect.stringContaining('warning This file is not read as part of the plans.')]);
    expect(lines(`accounts: [acme]\nreason: ${REASON}\n`, 'Changes/freeze.yaml')[0]).toContain('error This file is not read: plans are found by lower-case names');
  });
});

describe('what a note says, in the reports', () => {
  const repo = baseRepos();

  it('links, HTML and mentions in the reason stay text in the comment and the summary; a line break cannot start a line', async () => {
    const sb = repo('tests/fixtures/rollup-met');
    git(sb.plans, 'checkout', '--quiet', '-b', 'change');
    editPlan(sb, 'accounts/acme.yaml', 'revenue: 400000', 'revenue: 300000');
    const reason = 'Cut after @octo-org/sales said so <img src=x onerror=alert(1)> see [this](https://evil.example/x) and #12\n::error::injected';
    sb.write({ 'changes/acme.yaml': `accounts: [acme]\nreason: ${JSON.stringify(reason)}\n` });
    git(sb.plans, 'add', '-A');
    git(sb.plans, 'commit', '--quiet', '-m', 'cut');
    const out: string[] = [];
    const summary = join(sb.dir, 'summary.md');
    const code = await checkCommand(['--base', 'main', '--comment', 'comment.md', '--today', '2026-11-01'], { out: (l) => out.push(l), err: (l) => out.push(l), paint: plain }, sb.dir, { GITHUB_STEP_SUMMARY: summary });
    expect(code).toBe(0);
    for (const md of [readFileSync(join(sb.dir, 'comment.md'), 'utf8'), readFileSync(summary, 'utf8')]) {
      expect(md).toContain('@&#8203;octo-org/sales');
      expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(md).toContain('\\[this\\](https&#8203;://evil.example/x)');
      expect(md).toContain('#&#8203;12');
      expect(md).not.toContain('<img');
      expect(md).not.toMatch(/^::error::/m);
    }
    const text = out.join('\n');
    expect(text).not.toMatch(/^::error::/m);
    expect(text).toContain('explained in plans/changes/acme.yaml: Cut after @octo-org/sales said so');
  });
});

describe('a note naming many plans, in the reports', () => {
  const repo = baseRepos();

  it('names ten of them and counts the rest, in every report, and still explains the cut', async () => {
    const sb = repo('tests/fixtures/rollup-met');
    git(sb.plans, 'checkout', '--quiet', '-b', 'change');
    editPlan(sb, 'accounts/acme.yaml', 'revenue: 400000', 'revenue: 300000');
    const many = [...Array.from({ length: 150 }, (_, i) => `gone-${i}`), 'acme'];
    sb.write({ 'changes/acme.yaml': `accounts: [${many.join(', ')}]\nreason: ${REASON}\n` });
    git(sb.plans, 'add', '-A');
    git(sb.plans, 'commit', '--quiet', '-m', 'cut');
    const out: string[] = [];
    // The 150 ids have a plan neither here nor at main: the note is refused at the first of them.
    expect(await checkCommand(['--base', 'main', '--today', '2026-11-01'], { out: (l) => out.push(l), err: (l) => out.push(l), paint: plain }, sb.dir, {})).toBe(2);
    expect(out.filter((l) => l.includes('note-account-nowhere') || l.includes('has a plan neither here nor at main'))).toHaveLength(150);
    sb.write({ 'changes/acme.yaml': `accounts: [acme, globex]\ngoals: [${Array.from({ length: 12 }, (_, i) => `"FY2027 goal ${i}"`).join(', ')}]\nreason: ${REASON}\n` });
    git(sb.plans, 'commit', '--quiet', '-am', 'fix the note');
    out.length = 0;
    expect(await checkCommand(['--base', 'main', '--today', '2026-11-01'], { out: (l) => out.push(l), err: (l) => out.push(l), paint: plain }, sb.dir, {})).toBe(0);
    expect(out.join('\n')).toContain('Change note plans/changes/acme.yaml (Acme, Globex, FY2027 goal 0');
    expect(out.join('\n')).toContain('FY2027 goal 9 and 2 more): The customer froze its budget');
  });
});
