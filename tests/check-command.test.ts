import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../scripts/commands/check.ts';
import { validateCommand } from '../scripts/commands/validate.ts';
import { ExitError } from '../scripts/lib/cli.ts';
import { plain } from '../src/core/report/diagnostics.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { escapeMarkdown } from '../src/core/report/escape.ts';

const BASIC = 'tests/fixtures/rollup-basic';
const MET = 'tests/fixtures/rollup-met';
const DOUBLE = 'tests/fixtures/rollup-double';
const TODAY = ['--today', '2026-11-01'];

async function run(argv: string[], env: NodeJS.ProcessEnv = {}, command = checkCommand) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(argv, { out: (l) => out.push(l), err: (l) => err.push(l), paint: plain }, process.cwd(), env);
  return { code, out, err, text: out.join('\n') };
}

async function misuse(argv: string[]): Promise<ExitError> {
  try {
    await run(argv);
  } catch (e) {
    if (e instanceof ExitError) return e;
    throw e;
  }
  throw new Error('expected the command to refuse its arguments');
}

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'check-')), 'summary.md');
}

describe('check: exit codes', () => {
  it('exits 0 when every goal is met: 400,000 + 150,000 (count full) ≥ 500,000', async () => {
    const r = await run([...TODAY, '--plans', MET]);
    expect(r.code).toBe(0);
    expect(r.out.slice(0, 5)).toEqual([
      'Met Co: plans against goals (EUR, forecast at full value, tolerance 0%)',
      '',
      'Goal              Target   Planned       Gap  Coverage  Status',
      '──────────────  ────────  ────────  ────────  ────────  ──────',
      'FY2027 company  €500,000  €550,000  +€50,000      110%     met',
    ]);
  });

  it('exits 1 when a goal is missed, and says by how much and what could close it', async () => {
    const r = await run([...TODAY, '--plans', BASIC]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FY2027 company                               $2,000   $1,640  −$360       82%  MISSED');
    expect(r.out).toContain('FY2027 company is $360 short of $2,000; even with the 10% tolerance it needs $160 more.');
    expect(r.out).toContain('    umbrella  bought $2,000 in FY2026 but has no forecast for FY2027 (top 25% of direct)');
    expect(r.out.at(-1)).toMatch(/^3 of 6 goals missed; 0 rule errors, \d+ warnings, \d+ notes?\.$/);
  });

  it('exits 2 on double counting, printing exactly what validate prints and summing nothing', async () => {
    const r = await run(['--plans', DOUBLE]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual((await run(['--plans', DOUBLE], {}, validateCommand)).out);
    expect(r.text).toMatch(/acme\.yaml:6:15 error forecast\[0\]: FY2027 is given as a year and also by quarter/);
    expect(r.text).not.toMatch(/Planned/);
  });

  it('exits 1 on a rule finding of error severity even when every goal is met', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-rule-'));
    cpSync(MET, dir, { recursive: true });
    writeFileSync(join(dir, 'workspace.yaml'), `${readFileSync(join(MET, 'workspace.yaml'), 'utf8')}rules:\n  no-next-action: error\n`);
    const r = await run([...TODAY, '--plans', dir]);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/accounts\/acme\.yaml:\d+:\d+ error The plan has no actions.*\(no-next-action\)/);
    expect(r.out.at(-1)).toBe('The goal is met; 2 rule errors, 2 warnings, 0 notes.'); // the second warning: review-missing (no review for the last complete month)
  });

  it.each([
    { name: 'a --today that is no date', argv: ['--today', '2026-02-30'], message: /--today must be a real date written YYYY-MM-DD/ },
    { name: 'an unknown option', argv: ['--format', 'json'], message: /Unknown option '--format'/ },
    { name: 'an empty --base', argv: ['--base', ''], message: /--base needs a git ref/ },
  ])('exits 2 on misuse: $name', async ({ argv, message }) => {
    const e = await misuse([...argv, '--plans', MET]);
    expect(e.code).toBe(2);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/Usage: npm run check --/);
  });

  it('the real script prints the table and exits with the code', () => {
    const r = spawnSync('node_modules/.bin/node', ['scripts/check.ts', '--plans', BASIC, ...TODAY], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Rollup Co: plans against goals/);
    expect(r.stdout).toMatch(/First quarter\s+\$300\s+\$350\s+\+\$50\s+117%\s+met/);
    expect(r.stderr).toBe('');
  });
});

describe('check --json', () => {
  it('prints the documented shape: ok, currency, goals with period, scope, goal, planned, gap, met; diagnostics', async () => {
    const r = await run([...TODAY, '--plans', BASIC, '--json']);
    const json = JSON.parse(r.text);
    expect(r.code).toBe(1);
    expect(json).toMatchObject({ ok: false, currency: 'USD', diagnostics: [] });
    expect(json.goals[0]).toMatchObject({ period: 'FY2027', scope: {}, goal: 2000, planned: 1640, gap: -360, met: false });
    expect(json.goals[4]).toMatchObject({ period: 'FY2027-Q1', scope: { channel: 'direct', region: 'americas' }, goal: 250, planned: 200, gap: -50, met: false });
    expect(json.goals[5]).toMatchObject({ name: 'First quarter', notPhased: ['globex', 'hooli'], met: true });
    expect(json.goals[0].levers[0]).toMatchObject({ kind: 'no-forecast', account: 'umbrella', amount: 2000 });
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.findings[0]).toEqual(expect.objectContaining({ rule: expect.any(String), severity: expect.any(String), file: expect.any(String), line: expect.any(Number) }));
  });

  it('on invalid plans: ok false, no goals, the diagnostics, exit 2', async () => {
    const r = await run(['--plans', DOUBLE, '--json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.text);
    expect(json).toMatchObject({ ok: false, currency: null, goals: [] });
    expect(json.diagnostics[0]).toMatchObject({ file: `${DOUBLE}/accounts/acme.yaml`, line: 6, column: 15, severity: 'error', code: 'double-counting' });
  });
});

describe('check in GitHub Actions', () => {
  it('annotates each missed goal at its line in goals.yaml, and every finding where it is', async () => {
    const r = await run([...TODAY, '--plans', BASIC], { GITHUB_ACTIONS: 'true' });
    const annotations = r.out.filter((l) => l.startsWith('::'));
    expect(annotations.filter((l) => l.includes('title=Goal missed')).map((l) => l.slice(0, l.indexOf('::', 2)))).toEqual([
      `::error file=${BASIC}/goals.yaml,line=2,col=5,title=Goal missed`,
      `::error file=${BASIC}/goals.yaml,line=5,col=5,title=Goal missed`,
      `::error file=${BASIC}/goals.yaml,line=6,col=5,title=Goal missed`,
    ]);
    expect(annotations[0]).toMatch(/::FY2027 company is \$360 short of \$2,000; even with the 10%25 tolerance it needs \$160 more \(planned \$1,640, coverage 82%25\)\. Largest levers: umbrella/);
    expect(annotations.some((l) => /^::warning file=.*acme\.yaml,line=\d+,col=\d+,title=stale-plan::/.test(l))).toBe(true);
  });

  it('prints no annotation outside GitHub Actions', async () => {
    expect((await run([...TODAY, '--plans', BASIC])).out.some((l) => l.startsWith('::'))).toBe(false);
  });

  it('annotates diagnostics of invalid plans', async () => {
    const r = await run(['--plans', DOUBLE], { GITHUB_ACTIONS: 'true' });
    expect(r.out.at(-1)).toMatch(new RegExp(`^::error file=${DOUBLE}/accounts/acme\\.yaml,line=6,col=15::forecast\\[0\\]: FY2027 is given`));
  });

  it('appends a Markdown report to $GITHUB_STEP_SUMMARY', async () => {
    const file = tempFile();
    writeFileSync(file, '# Earlier step\n');
    await run([...TODAY, '--plans', BASIC], { GITHUB_STEP_SUMMARY: file });
    const md = readFileSync(file, 'utf8');
    expect(md.startsWith('# Earlier step\n## ❌ Rollup Co: plans against goals\n')).toBe(true);
    expect(md).toContain('| FY2027 company | $2,000 | $1,640 | −$360 | 82% | **missed** |');
    expect(md).toContain('| First quarter | $300 | $350 | +$50 | 117% | met |');
    expect(md).toContain('- `umbrella`: bought $2,000 in FY2026 but has no forecast for FY2027 (top 25% of direct)');
    expect(md).toContain('**First quarter**\\: 2 plans are annual-only for FY2027 and not counted in the quarter (not phased): `globex`, `hooli`. Split their forecast into quarters to count them.');
  });

  it('writes the diagnostics to the step summary when the plans are invalid', async () => {
    const file = tempFile();
    await run(['--plans', DOUBLE], { GITHUB_STEP_SUMMARY: file });
    expect(readFileSync(file, 'utf8')).toMatch(/^## ❌ The plans do not validate\n\n1 error: nothing was summed against the goals\./);
  });

  it('escapes plan text in the summary, so a name cannot inject Markdown or HTML', () => {
    expect(escapeMarkdown('Q1 | <img src=x onerror=alert(1)> *big*')).toBe('Q1 \\| &lt;img src=x onerror=alert(1)&gt; \\*big\\*');
  });
});

describe('check with many findings', () => {
  it('lists errors but counts warnings and notes by rule past 50, so the goals stay in view', async () => {
    const { readWorkspace } = await import('../src/core/load/read-workspace.ts');
    const { rollUp } = await import('../src/core/rollup/rollup.ts');
    const { renderCheckText } = await import('../src/core/report/check-text.ts');
    const { renderSummary } = await import('../src/core/report/markdown.ts');
    const ws = readWorkspace(workingCopy({ plansDir: MET })).workspace!;
    const finding = (i: number, rule: string, severity: 'error' | 'warning' | 'info') => ({ rule, severity, file: `p/a${i}.yaml`, line: i + 1, column: 1, message: `${rule} ${i}` });
    // 40 stale-plan warnings + 20 no-champion notes + 1 error = 61 findings.
    const findings = [
      ...Array.from({ length: 40 }, (_, i) => finding(i, 'stale-plan', 'warning')),
      ...Array.from({ length: 20 }, (_, i) => finding(i, 'no-champion', 'info')),
      finding(99, 'strategic-limit', 'error'),
    ];
    const report = { company: 'Met Co', rollup: rollUp(ws), diagnostics: [], findings };
    const lines = renderCheckText(report);
    expect(lines).toContain('p/a99.yaml:100:1 error strategic-limit 99 (strategic-limit)');
    expect(lines.some((l) => l.includes('stale-plan 3'))).toBe(false);
    expect(lines).toContain('stale-plan   warning      40  p/a0.yaml:1:1');
    expect(lines).toContain('no-champion  info         20  p/a0.yaml:1:1');
    expect(lines.at(-1)).toBe('The goal is met; 1 rule error, 40 warnings, 20 notes.');
    expect(renderSummary(report)).toContain('| stale-plan | warning | 40 | `p/a0.yaml:1:1` |');
  });
});

describe('check on the example organisation in plans/', () => {
  it('exits 1 for the goals the example leaves short on purpose: the EMEA region and Henrik Aalto’s book', async () => {
    const r = await run(['--today', '2026-11-24', '--json']);
    const json = JSON.parse(r.text);
    expect(r.code).toBe(1);
    expect(json.goals.filter((g: { met: boolean }) => !g.met).map((g: { scope: object }) => g.scope)).toEqual([{ region: 'emea' }, { owner: 'henrik-aalto' }]);
    expect(json.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
  });
});
