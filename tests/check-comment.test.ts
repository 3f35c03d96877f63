import { linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseRepos, git } from './helpers/git.ts';
import { runScript, type Sandbox } from './helpers/sandbox.ts';
import { CHECK_USAGE as USAGE } from '../scripts/commands/check.ts';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import type { CheckReport } from '../src/core/report/check-report.ts';
import { renderComment } from '../src/core/report/comment.ts';
import { renderSummary } from '../src/core/report/markdown.ts';
import type { GoalChange } from '../src/core/rollup/diff.ts';
import { rollUp } from '../src/core/rollup/rollup.ts';
import type { Finding } from '../src/core/rules/finding.ts';

const baseRepo = baseRepos();

const refused = (file: string, why: string) => `--comment ${file}: ${why} Name a new or regular file inside the folder check runs in, such as --comment check-comment.md.\n${USAGE}\n`;

describe('check --comment FILE refuses a file it must not write', () => {
  it.each([
    { name: 'a folder', file: 'bystander', setup: () => {}, why: 'it is a folder.' },
    { name: 'a symbolic link to a file outside', file: 'comment.md', setup: (sb: Sandbox) => symlinkSync(join(sb.bystander, 'keep.txt'), join(sb.dir, 'comment.md')), why: 'it is a symbolic link, and check never writes through a link.' },
    { name: 'a path outside the working folder', file: '../escaped-comment.md', setup: () => {}, why: 'it is outside the folder check runs in, and check writes nothing outside it.' },
    { name: 'a file inside the plans folder', file: 'plans/comment.md', setup: () => {}, why: 'it is inside the plans folder, which check only reads.' },
    { name: 'a file in a folder that does not exist', file: 'no/such/comment.md', setup: () => {}, why: 'the folder it would go in does not exist.' },
    { name: 'a file in a linked folder that leads outside', file: 'out/comment.md', setup: (sb: Sandbox) => symlinkSync(join(sb.dir, '..'), join(sb.dir, 'out')), why: 'it is outside the folder check runs in, and check writes nothing outside it.' },
    { name: 'a hard link to a file outside', file: 'comment.md', setup: (sb: Sandbox) => linkSync(join(sb.bystander, 'keep.txt'), join(sb.dir, 'comment.md')), why: 'it has other hard links, so writing it would change a file elsewhere.' },
    { name: 'a hard link to a plan', file: 'comment.md', setup: (sb: Sandbox) => linkSync(join(sb.plans, 'accounts/acme.yaml'), join(sb.dir, 'comment.md')), why: 'it has other hard links, so writing it would change a file elsewhere.' },
    { name: 'the working folder itself', file: '.', setup: () => {}, why: 'it is a folder.' },
    { name: 'the plans folder', file: 'plans', setup: () => {}, why: 'it is inside the plans folder, which check only reads.' },
  ])('$name is exit 2 and nothing is written', ({ file, setup, why }) => {
    const sb = baseRepo();
    setup(sb);
    const before = sb.snapshot();
    const r = runScript('check', ['--plans', 'plans', '--base', 'main', '--today', '2026-11-24', '--comment', file], { cwd: sb.dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(refused(file, why));
    expect(sb.snapshot()).toEqual(before);
    expect(readFileSync(join(sb.bystander, 'keep.txt'), 'utf8')).toBe('a file that belongs to somebody else\n');
  });
});

describe('check --comment FILE writes the pull-request comment', () => {
  it('the verdict, the goals the change moved and the new findings, with plan text that cannot mention, add HTML or break a table', () => {
    const sb = baseRepo();
    const acme = join(sb.plans, 'accounts/acme.yaml');
    writeFileSync(acme, readFileSync(acme, 'utf8').replace('{ period: FY2027-Q1, revenue: 100 }', '{ period: FY2027-Q1, revenue: 150 }').replace('stakeholders:\n', 'stakeholders:\n  - { id: lee, name: "@octocat <img src=x onerror=alert(1)> | x #1 other-org/repo#2 https://evil.example/sso", roles: [decision-maker] }\n'));
    mkdirSync(join(sb.dir, 'out'));
    const before = sb.snapshot();
    const r = runScript('check', ['--plans', 'plans', '--base', 'main', '--today', '2026-11-24', '--comment', 'out/comment.md'], { cwd: sb.dir });
    expect(r.status).toBe(0);
    const after = sb.snapshot();
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual(['out/comment.md']);
    const comment = readFileSync(join(sb.dir, 'out/comment.md'), 'utf8');
    expect(comment.split('\n').slice(0, 4)).toEqual(['<!-- account-plans:check -->', '## ✅ Minimal Co: the plans pass the gate', '', 'Compared with `main`.']);
    expect(comment).toContain('- ℹ️ FY2027 company is still $525 short; this change did not make it worse.');
    expect(comment).toContain('| FY2027-Q1 owner: Ann Lee | $100 | $110 | $165 | +$55 | met | Acme: FY2027-Q1 +$55 |');
    expect(comment).toContain('- Findings: this change adds 2 warnings and resolves none.');
    expect(comment).toContain('### New findings (2)');
    expect(comment).toContain('@&#8203;octocat &lt;img src=x onerror=alert(1)&gt; \\| x \\#&#8203;1 other-org/repo\\#&#8203;2 https&#8203;://evil.example/sso');
    // Neither a reference GitHub would link (#1, org/repo#2, escaped or not) nor an auto-linked URL.
    expect(comment).not.toMatch(/<img|@octocat|(?<!&)#\d|https:\/\//);
  });
});

describe('check --comment FILE on plans that do not validate', () => {
  it('is exit 2 and still writes a comment that says so, so the pull request is not left with an old verdict', () => {
    const sb = baseRepo();
    sb.write({ 'accounts/acme.yaml': 'name: [unclosed\n' });
    const r = runScript('check', ['--plans', 'plans', '--base', 'main', '--today', '2026-11-24', '--comment', 'comment.md'], { cwd: sb.dir });
    expect(r.status).toBe(2);
    expect(readFileSync(join(sb.dir, 'comment.md'), 'utf8')).toBe(
      "<!-- account-plans:check -->\n## ❌ The plans do not validate\n\n1 error: nothing was summed against the goals. The check's log and step summary name each file and line.\n\n" +
        '- **error** `plans/accounts/acme.yaml:1:7` A quote or bracket opened on this line is never closed (Flow sequence in block collection must be sufficiently indented and end with a \\]). Close it on the same line.\n',
    );
  });
});

describe('the comment and the step summary stay within GitHub’s limits', () => {
  const ws = readWorkspace(workingCopy({ plansDir: 'tests/fixtures/minimal' })).workspace!;
  const rollup = rollUp(ws);
  const moved = (i: number, long: boolean): GoalChange => ({ period: 'FY2027', scope: { owner: `p${i}` }, label: `Goal ${i}${long ? ' of a long name'.repeat(120) : ''}`, before: 100, after: 90, change: -10, metBefore: false, metAfter: false, targetBefore: 200, targetAfter: 200, shortBefore: 100, shortAfter: 110, movers: [] });
  const finding = (i: number): Finding => ({ rule: 'stale-plan', severity: 'warning', file: `plans/accounts/a${i}.yaml`, line: 1, column: 1, message: `Finding ${i}.` });
  const report = (goals: number, findings: number, long = false): CheckReport => ({
    company: 'Minimal Co',
    rollup,
    diagnostics: [],
    findings: Array.from({ length: findings }, (_, i) => finding(i)),
    findingChange: { isNew: Array.from({ length: findings }, () => true), resolved: [] },
    base: { ref: 'main', valid: true, errors: 0, goals: Array.from({ length: goals }, (_, i) => moved(i, long)), renames: [], touched: [] },
  });

  it('the comment lists the first 40 goals the change moved and says how many more', () => {
    const comment = renderComment(report(100, 0));
    expect(comment.split('\n').filter((l) => /^\| Goal \d+ \|/.test(l))).toHaveLength(40);
    expect(comment).toContain('… and 60 more goals in the step summary.');
  });

  it('a comment or summary past GitHub’s size is cut at a whole line, and says so', () => {
    const comment = renderComment(report(40, 0, true));
    expect(new TextEncoder().encode(comment).length).toBeLessThanOrEqual(65_000);
    expect(comment.endsWith('\n\n*The comment was cut here to fit GitHub’s limit; the step summary has the whole report.*\n')).toBe(true);
    expect(comment.split('\n').at(-4)).toMatch(/^\| Goal \d+( of a long name)+ \| \$200 \| \$100 \| \$90 \| −\$10 \| missed \|  \|$/);
    const summary = renderSummary(report(600, 0, true));
    expect(new TextEncoder().encode(summary).length).toBeLessThanOrEqual(1_000_000);
    expect(summary.endsWith('\n\n*The report was cut here to fit GitHub’s step summary; `npm run check -- --json` gives all of it.*\n')).toBe(true);
    expect(summary.split('\n').at(-4)).toMatch(/^\| Goal \d+( of a long name)+ \| \$200 \| \$100 \| \$90 \| −\$10 \| missed \|  \|$/);
  });
});

describe('the comment on plans with many errors', () => {
  it('lists the first 20 errors with their lines, then counts the rest', async () => {
    const { load, withFiles, fixtureFiles } = await import('./helpers/workspace.ts');
    const { renderInvalidComment } = await import('../src/core/report/comment.ts');
    const bad = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`accounts/bad-${String(i).padStart(2, '0')}.yaml`, 'name: [unclosed\n']));
    const { diagnostics } = load(withFiles(fixtureFiles('minimal'), bad));
    const comment = renderInvalidComment(diagnostics);
    expect(comment).toContain('25 errors: nothing was summed against the goals.');
    const listed = comment.split('\n').filter((l) => l.startsWith('- **error** `minimal/accounts/bad-'));
    expect(listed).toHaveLength(20);
    expect(listed[0]).toMatch(/^- \*\*error\*\* `minimal\/accounts\/bad-00\.yaml:1:\d+` /);
    expect(comment).toContain('- … and 5 more in the step summary.');
  });
});
