import type { Diagnostic } from '../../src/core/diagnostics/diagnostic.ts';
import { rollUp, type Rollup } from '../../src/core/rollup/rollup.ts';
import { Run } from '../../src/core/engine/run.ts';
import type { Finding } from '../../src/core/rules/finding.ts';
import { loadWorkspace } from '../../src/core/load/workspace.ts';
import type { LoadResult } from '../../src/core/model.ts';
import { type CaseFiles, ROOT, toPlansFiles } from './case.ts';

/** The date the rules measure from: fixed, so a case replays the same way on any day. */
export const TODAY = '2026-11-24';

export interface CoreRun {
  result: LoadResult;
  rollup?: Rollup;
  findings?: Finding[];
}

/** Reader, validation, link, rollup and rules over files in memory, as check runs them. Anything thrown escapes. */
export function runCore(files: CaseFiles, order?: readonly string[]): CoreRun {
  const result = loadWorkspace(toPlansFiles(files, order), { root: ROOT });
  if (!result.workspace) return { result };
  return { result, rollup: rollUp(result.workspace), findings: Run.ofWorkspace(result.workspace, { today: TODAY }).findings };
}

/** Lines as an editor counts them: CR, LF and CRLF each end a line, and a final newline opens an empty last line. */
export function lineCount(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.split(/\r\n|\r|\n/).length;
}

const SEVERITIES = new Set(['error', 'warning', 'info']);
const REQUIRED = ['workspace.yaml', 'team.yaml', 'goals.yaml'];

/** A display path of an input file, or of a shared file that is missing (reported at 1:1). */
export function namesInputOrMissing(files: CaseFiles, display: string): 'input' | 'missing' | undefined {
  if (display.startsWith(ROOT) && Object.hasOwn(files, display.slice(ROOT.length))) return 'input';
  return REQUIRED.some((name) => display === `${ROOT}${name}` && !Object.hasOwn(files, name)) ? 'missing' : undefined;
}

/**
 * Every diagnostic and finding names a file of the input (or a missing shared file, at 1:1) and a line inside it.
 * Returns what is wrong, one string each, so a failing case says which diagnostic broke which rule.
 */
export function locationProblems(files: CaseFiles, located: readonly Pick<Diagnostic, 'file' | 'line' | 'column' | 'severity' | 'message'>[]): string[] {
  const byDisplay = new Map(Object.entries(files).map(([rel, bytes]) => [`${ROOT}${rel}`, bytes]));
  const problems: string[] = [];
  for (const d of located) {
    const where = `${d.file}:${d.line}:${d.column} "${String(d.message).slice(0, 120)}"`;
    if (!SEVERITIES.has(d.severity)) problems.push(`${where}: severity ${String(d.severity)} is not error, warning or info`);
    if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`${where}: no message`);
    if (!Number.isInteger(d.line) || !Number.isInteger(d.column) || d.column < 1 || d.line < 1) {
      problems.push(`${where}: line and column must be whole numbers from 1`);
      continue;
    }
    const bytes = byDisplay.get(d.file);
    if (bytes === undefined) {
      if (namesInputOrMissing(files, d.file) !== 'missing') problems.push(`${where}: names a file that is not in the input`);
      else if (d.line !== 1 || d.column !== 1) problems.push(`${where}: a missing file is located at 1:1`);
      continue;
    }
    const lines = lineCount(bytes);
    if (d.line > lines) problems.push(`${where}: line ${d.line} is past the end of the file (${lines} lines)`);
  }
  return problems;
}

/** Nothing throws, everything is located, and a valid workspace has finite totals. Returns the problems found. */
export function coreProblems(files: CaseFiles): string[] {
  const run = runCore(files);
  const problems = locationProblems(files, run.result.diagnostics);
  if (run.findings) problems.push(...locationProblems(files, run.findings).map((p) => `finding ${p}`));
  if (run.rollup) {
    for (const g of run.rollup.goals) {
      // A total that is not a finite number makes the gate meaningless: Infinity meets every goal.
      for (const [k, v] of Object.entries({ planned: g.planned, gap: g.gap, stretch: g.stretch, coverage: g.coverage })) {
        if (!Number.isFinite(v)) problems.push(`goal ${g.label}: ${k} is ${v}`);
      }
    }
  }
  return problems;
}

/** The figures of a rollup that a change of form must not move: per goal and per account, by id. */
export function totals(r: Rollup, options: { annualOnly?: boolean } = {}) {
  const goals = r.goals
    .filter((g) => !options.annualOnly || !g.period.includes('-Q'))
    .map((g) => ({ period: g.period, scope: g.scope, goal: g.goal, planned: g.planned, gap: g.gap, stretch: g.stretch, met: g.met, contributions: g.contributions }));
  const accounts = [...r.accounts]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((a) => ({ id: a.id, history: a.history, stretch: a.stretch, forecastByYear: a.forecastByYear, ...(!options.annualOnly && { forecast: a.forecast }) }));
  return { currency: r.currency, goals, accounts, families: r.families };
}
