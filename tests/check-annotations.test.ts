import { describe, expect, it } from 'vitest';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { renderCheckAnnotations } from '../src/core/report/github.ts';
import { rollUp } from '../src/core/rollup/rollup.ts';
import type { Finding } from '../src/core/rules/finding.ts';
import type { CheckReport } from '../src/core/report/check-report.ts';

/* tests/fixtures/minimal misses two goals (FY2027 company and channel: direct), each one error annotation. */
const ws = readWorkspace(workingCopy({ plansDir: 'tests/fixtures/minimal' })).workspace!;
const rollup = rollUp(ws);
const finding = (i: number, severity: Finding['severity'], file = 'plans/accounts/old.yaml'): Finding => ({ rule: `r-${severity}`, severity, file, line: i + 1, column: 1, message: `${severity} ${i}` });
const levelOf = (line: string) => /^::(\w+) /.exec(line)?.[1];

function annotate(findings: Finding[], isNew: boolean[] = [], touched: string[] = []): string[] {
  const report: CheckReport = {
    company: 'Minimal Co',
    rollup,
    diagnostics: [],
    findings,
    ...(isNew.length > 0 && { findingChange: { isNew, resolved: [] } }),
    ...(touched.length > 0 && { base: { ref: 'main', valid: true, errors: 0, goals: [], renames: [], touched } }),
  };
  return renderCheckAnnotations(report, ws);
}

describe('check’s annotations stay within GitHub’s 10 per level', () => {
  it.each([
    { name: 'few findings: every one is shown and no notice is added', errors: 1, warnings: 3, notes: 2, shown: { error: 3, warning: 3, notice: 2 }, more: 0 },
    { name: 'many warnings: ten are shown and the notice counts the rest', errors: 0, warnings: 14, notes: 0, shown: { error: 2, warning: 10, notice: 1 }, more: 4 },
    { name: 'many notes: nine are shown, so the notice is the tenth', errors: 0, warnings: 0, notes: 12, shown: { error: 2, warning: 0, notice: 10 }, more: 3 },
    { name: 'many errors: the missed goals come first and take two of the ten', errors: 12, warnings: 0, notes: 0, shown: { error: 10, warning: 0, notice: 1 }, more: 4 },
  ])('$name', ({ errors, warnings, notes, shown, more }) => {
    const findings = [
      ...Array.from({ length: errors }, (_, i) => finding(i, 'error')),
      ...Array.from({ length: warnings }, (_, i) => finding(i, 'warning')),
      ...Array.from({ length: notes }, (_, i) => finding(i, 'info')),
    ];
    const lines = annotate(findings);
    for (const level of ['error', 'warning', 'notice'] as const) expect(lines.filter((l) => levelOf(l) === level)).toHaveLength(shown[level]);
    expect(lines.filter((l) => l.includes('title=Goal missed'))).toHaveLength(2);
    if (more === 0) expect(lines.some((l) => l.includes('title=More findings'))).toBe(false);
    else expect(lines.at(-1)).toBe(`::notice file=tests/fixtures/minimal/workspace.yaml,line=1,col=1,title=More findings::${more} more findings are in the step summary (and in npm run check -- --json).`);
  });

  it('orders new findings before findings in touched files, and those before the rest', () => {
    const findings = [
      ...Array.from({ length: 6 }, (_, i) => finding(i, 'warning')),
      ...Array.from({ length: 6 }, (_, i) => finding(10 + i, 'warning', 'plans/accounts/touched.yaml')),
      ...Array.from({ length: 6 }, (_, i) => finding(20 + i, 'warning', 'plans/accounts/new.yaml')),
    ];
    const isNew = findings.map((f) => f.file.endsWith('new.yaml'));
    const warnings = annotate(findings, isNew, ['plans/accounts/touched.yaml']).filter((l) => levelOf(l) === 'warning');
    expect(warnings.map((l) => /file=plans\/accounts\/(\w+)\.yaml/.exec(l)?.[1])).toEqual([...Array(6).fill('new'), ...Array(4).fill('touched')]);
    expect(warnings[0]).toContain('title=r-warning (new)::');
  });
});

describe('with more findings than are listed', () => {
  it('the change’s own are still listed first, in the terminal and the step summary; the rest are counted by rule', async () => {
    const { renderCheckText } = await import('../src/core/report/check-text.ts');
    const { renderSummary } = await import('../src/core/report/markdown.ts');
    const findings = Array.from({ length: 60 }, (_, i) => finding(i, 'warning'));
    const isNew = findings.map((_, i) => i === 42);
    const report: CheckReport = { company: 'Minimal Co', rollup, diagnostics: [], findings, findingChange: { isNew, resolved: [] } };
    const lines = renderCheckText(report);
    const at = lines.indexOf('Findings (60: the change’s new findings and errors listed, other warnings and notes counted by rule)');
    expect(lines.slice(at + 1, at + 6)).toEqual(['plans/accounts/old.yaml:43:1 warning warning 42 (r-warning, new)', '', 'Rule       Severity  Count  First', `─────────  ────────  ─────  ${'─'.repeat(27)}`, 'r-warning  warning      59  plans/accounts/old.yaml:1:1']);
    const summary = renderSummary(report);
    expect(summary).toContain('- **new** warning `plans/accounts/old.yaml:43:1` warning 42 (r-warning)');
    expect(summary).toContain('| r-warning | warning | 59 | `plans/accounts/old.yaml:1:1` |');
  });
});

describe('more missed goals than GitHub shows', () => {
  it('ten are shown, and the last notice counts the rest as goals, apart from findings', async () => {
    const { makeSandbox } = await import('./helpers/sandbox.ts');
    const sb = makeSandbox();
    try {
      const scopes = ['{}', '{ channel: direct }', '{ channel: partner }', '{ region: americas }', '{ region: emea }', '{ owner: ann-lee }', '{ owner: bo-kim }', '{ manager: max-roe }'];
      const goals = [...scopes.map((s) => `  - { period: FY2027, scope: ${s}, revenue: 1000000 }`), ...[1, 2, 3, 4].map((q) => `  - { period: FY2027-Q${q}, revenue: 1000000 }`)];
      sb.write({ 'goals.yaml': `goals:\n${goals.join('\n')}\n` });
      const many = readWorkspace(workingCopy({ plansDir: sb.plans, cwd: sb.dir })).workspace!;
      const report: CheckReport = { company: 'Minimal Co', rollup: rollUp(many), diagnostics: [], findings: [finding(0, 'warning')] };
      const lines = renderCheckAnnotations(report, many);
      expect(lines.filter((l) => l.includes('title=Goal missed'))).toHaveLength(10);
      expect(lines.filter((l) => levelOf(l) === 'warning')).toHaveLength(1);
      expect(lines.at(-1)).toBe('::notice file=plans/workspace.yaml,line=1,col=1,title=More findings::2 more missed goals are in the step summary (and in npm run check -- --json).');
    } finally {
      sb.remove();
    }
  });
});
