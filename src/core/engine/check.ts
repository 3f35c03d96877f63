import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Workspace } from '../model.ts';
import type { CheckReport } from '../report/check-report.ts';
import { compareFindings } from '../report/finding-change.ts';
import { judgeGate } from '../report/gate.ts';
import { toInvalidJson, toJson } from '../report/json.ts';
import { compareWithBase } from './base.ts';
import { namesOf } from '../report/explain.ts';
import { notesNamingNothing } from './notes-at-base.ts';
import type { Run } from './run.ts';

export interface CheckOptions {
  /** A git ref to judge the change against (its merge base with HEAD): the gate then judges the change, not the state. */
  base?: string | undefined;
  /** Fail on any missed goal or rule error, even with a base (workspace.yaml `gate: strict` does the same). */
  strict?: boolean | undefined;
  /** The plans folder and the folder it is relative to, for reading the base from git. */
  plansDir: string;
  cwd: string;
  /** Whether the base may use the working copy's caches (the parse cache, the per-plan findings): as the head run does. */
  cache?: boolean | undefined;
}

/** What check found: the report of valid plans, or the diagnostics of invalid ones (nothing is summed then). */
export type CheckResult = { valid: true; report: CheckReport; workspace: Workspace } | { valid: false; diagnostics: Diagnostic[] };

/**
 * Check over a run: the rollup and the rules, with a base the same run over the base and the change between them,
 * and the gate's verdict. The one assembly of check's report, for the command line and the API.
 */
export function checkRun(run: Run, options: CheckOptions): CheckResult {
  const { workspace, diagnostics } = run.loaded;
  if (!workspace) return { valid: false, diagnostics };
  const report: CheckReport = { company: workspace.settings.company, rollup: run.rollup, diagnostics, findings: run.findings, how: run.how, names: namesOf(workspace), ...(workspace.comp && { comp: run.comp }) };
  if (options.base !== undefined) {
    const { base, run: baseRun } = compareWithBase(options.base, options.plansDir, options.cwd, run, { cache: options.cache === true });
    // A note of this change that names a plan found neither here nor at the base explains nothing: the plans are invalid.
    const nowhere = notesNamingNothing(workspace, base, baseRun?.workspace);
    if (nowhere.length > 0) return { valid: false, diagnostics: sortDiagnostics([...diagnostics.filter((d) => !nowhere.some((n) => sameSpot(n, d))), ...nowhere]) };
    report.base = base;
    if (baseRun?.workspace) report.names = namesOf(workspace, baseRun.workspace);
    if (baseRun) report.findingChange = compareFindings(report.findings, baseRun.findings, new Map(base.renames.map((r) => [r.from, r.to])));
  }
  const strict = options.strict === true || workspace.settings.gate === 'strict' || options.base === undefined;
  report.gate = judgeGate(report, strict ? 'strict' : 'change', workspace.settings.gate_measure ?? 'planned');
  return { valid: true, report, workspace };
}

/** check's result as `check --json` prints it. */
export function checkJson(result: CheckResult): object {
  return result.valid ? toJson(result.report) : toInvalidJson(result.diagnostics);
}

/** validate's result as `validate --format json` prints it. */
export function validateJson(run: Run): { ok: boolean; diagnostics: Diagnostic[] } {
  const { diagnostics } = run.loaded;
  return { ok: !hasErrors(diagnostics), diagnostics };
}

function sameSpot(a: Diagnostic, b: Diagnostic): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column && b.code === 'note-unknown-account';
}
