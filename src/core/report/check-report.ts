import type { Finding } from '../rules/index.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { GoalChange } from '../rollup/diff.ts';
import type { Rollup } from '../rollup/rollup.ts';

/** A rule finding, as src/core/rules reports it. */
export type ReportFinding = Finding;

/** The plans as they were at --base, compared with the working copy. */
export interface BaseReport {
  ref: string;
  /** False when the plans at the ref do not validate (or do not exist): then `goals` is empty. */
  valid: boolean;
  /** Why there is nothing to compare, when not valid. */
  message?: string;
  /** How many errors the plans at the ref have. */
  errors: number;
  goals: GoalChange[];
}

/** Everything check found, in one value that the terminal, JSON and step summary render. */
export interface CheckReport {
  company: string;
  rollup: Rollup;
  /** Warnings and notes from validation (errors stop check before a report exists). */
  diagnostics: Diagnostic[];
  findings: ReportFinding[];
  base?: BaseReport;
}

/** Past this many, warnings and notes are counted by rule rather than listed, so the goals stay in view; errors are always listed. */
export const FINDINGS_LISTED = 50;

export interface RuleCount {
  rule: string;
  severity: ReportFinding['severity'];
  count: number;
  /** The first finding of the rule, to point at an example. */
  first: ReportFinding;
}

/** Warnings and notes counted by rule, most frequent first. */
export function countFindingsByRule(findings: readonly ReportFinding[]): RuleCount[] {
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

/** The documented `check --json` shape: { ok, currency, goals, diagnostics }, plus findings and base. */
export function toJson(report: CheckReport): object {
  const { rollup } = report;
  return {
    ok: !isFailing(report),
    currency: rollup.currency,
    count: rollup.count,
    tolerance: rollup.tolerance,
    goals: rollup.goals.map((g) => ({
      period: g.period,
      scope: g.scope,
      ...(g.name !== undefined && { name: g.name }),
      label: g.label,
      goal: g.goal,
      planned: g.planned,
      gap: g.gap,
      met: g.met,
      coverage: g.coverage,
      threshold: g.threshold,
      stretch: g.stretch,
      notPhased: g.notPhased,
      contributions: g.contributions.filter((c) => c.planned !== 0),
      levers: g.levers,
    })),
    diagnostics: report.diagnostics,
    findings: report.findings,
    ...(report.base && { base: report.base }),
  };
}

/** The JSON for plans that do not validate: nothing is summed, so no currency and no goals. */
export function toInvalidJson(diagnostics: readonly Diagnostic[]): object {
  return { ok: false, currency: null, goals: [], diagnostics, findings: [] };
}
