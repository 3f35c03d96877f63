import type { Finding } from '../rules/finding.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { BaseReport } from '../rollup/base.ts';
import type { Rollup } from '../rollup/rollup.ts';

/** Everything check found, in one value that the terminal, JSON and step summary render. */
export interface CheckReport {
  company: string;
  rollup: Rollup;
  /** Warnings and notes from validation (errors stop check before a report exists). */
  diagnostics: Diagnostic[];
  findings: Finding[];
  base?: BaseReport;
}

/** Past this many, warnings and notes are counted by rule rather than listed, so the goals stay in view; errors are always listed. */
export const FINDINGS_LISTED = 50;

export interface RuleCount {
  rule: string;
  severity: Finding['severity'];
  count: number;
  /** The first finding of the rule, to point at an example. */
  first: Finding;
}

/** Warnings and notes counted by rule, most frequent first. */
export function countFindingsByRule(findings: readonly Finding[]): RuleCount[] {
  const byRule = new Map<string, RuleCount>();
  for (const f of findings) {
    if (f.severity === 'error') continue;
    const entry = byRule.get(f.rule) ?? { rule: f.rule, severity: f.severity, count: 0, first: f };
    entry.count++;
    byRule.set(f.rule, entry);
  }
  return [...byRule.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

/** Whether the report fails the gate: a missed goal or a finding of error severity. */
export function isFailing(report: Pick<CheckReport, 'rollup' | 'findings'>): boolean {
  return !report.rollup.ok || report.findings.some((f) => f.severity === 'error');
}
