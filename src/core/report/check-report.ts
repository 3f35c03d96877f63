import type { Finding } from '../rules/finding.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { BaseReport } from './base-report.ts';
import type { Rollup } from '../rollup/rollup.ts';
import type { CompPerson } from '../comp/comp.ts';
import { countBySeverity, type FindingChange } from './finding-change.ts';
import { describeFindingChange } from './sentences.ts';
import type { Gate } from './gate.ts';
import type { Invocation } from '../shared/invocation.ts';
import type { Names } from './explain.ts';

/** Everything check found, in one value that the terminal, JSON and step summary render. */
export interface CheckReport {
  company: string;
  rollup: Rollup;
  /** Warnings and notes from validation (errors stop check before a report exists). */
  diagnostics: Diagnostic[];
  findings: Finding[];
  /** comp.yaml's people with attainment and payout; only when the file exists. Pay: only the JSON shows it, never the terminal, summary or comment. */
  comp?: CompPerson[];
  base?: BaseReport;
  /** With --base: which findings are new and which the change fixed. */
  findingChange?: FindingChange;
  /** The verdict that sets the exit code (report/gate.ts); absent, the state is judged (isFailing). */
  gate?: Gate;
  /** How hints name a command (shared/invocation.ts); npm scripts when absent. Never part of the JSON. */
  how?: Invocation;
  /** Account and people names, for the sentences a reader reads (handovers, the gate, the comment). Never part of the JSON. */
  names?: Names;
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
  // The state, not the verdict: `ok` in the JSON keeps this meaning; the gate's verdict is gate.passed.
  return !report.rollup.ok || report.findings.some((f) => f.severity === 'error');
}

/** Whether check exits 1: the gate's verdict when there is one, else the state. */
export function failsGate(report: Pick<CheckReport, 'rollup' | 'findings' | 'gate'>): boolean {
  return report.gate ? !report.gate.passed : isFailing(report);
}

/** A finding with whether the change introduced it (false without --base). */
export interface MarkedFinding {
  finding: Finding;
  isNew: boolean;
}

/** The findings as every output lists them: with --base the change's own first, each group in file order. */
export function findingsNewFirst(report: Pick<CheckReport, 'findings' | 'findingChange'>): MarkedFinding[] {
  const marked = report.findings.map((finding, i) => ({ finding, isNew: report.findingChange?.isNew[i] === true }));
  return [...marked.filter((m) => m.isNew), ...marked.filter((m) => !m.isNew)];
}

/** "this change adds 1 warning and resolves 2", or undefined without a comparable base. */
export function findingChangeSentence(report: Pick<CheckReport, 'findings' | 'findingChange'>): string | undefined {
  const change = report.findingChange;
  if (!change) return undefined;
  return describeFindingChange(countBySeverity(report.findings.filter((_, i) => change.isNew[i])), change.resolved.length);
}
