import { checkRun } from '../../src/core/engine/check.ts';
import { Run } from '../../src/core/engine/run.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import { formatCount, formatDiagnostic } from '../../src/core/report/diagnostics.ts';
import { renderCheckAnnotations, renderDiagnosticAnnotations } from '../../src/core/report/github.ts';
import { safeJson } from '../../src/core/report/escape.ts';
import { safeJsonPieces } from '../../src/core/report/json-pieces.ts';
import { failsGate } from '../../src/core/report/check-report.ts';
import { renderComment, renderInvalidComment } from '../../src/core/report/comment.ts';
import { toInvalidJson, toJson } from '../../src/core/report/json.ts';
import { renderCheckText } from '../../src/core/report/check-text.ts';
import { renderInvalidSummary, renderSummary } from '../../src/core/report/markdown.ts';
import type { PlansFile } from '../../src/core/load/files.ts';
import { howOf, type Output } from '../lib/cli.ts';
import { writeOutputFile } from '../lib/output-file.ts';
import { appendStepSummary } from '../lib/step-summary.ts';

/** What check was asked for, resolved by its command (commands/check.ts). */
export interface CheckPrint {
  plansDir: string;
  cwd: string;
  today: string;
  json: boolean;
  base: string | undefined;
  strict: boolean | undefined;
  /** Whether the tool's caches may be used (not --no-cache). */
  cache: boolean;
  /** Running in GitHub Actions: annotations go with the text report. */
  github: boolean;
  summaryFile: string | undefined;
  commentFile: string | undefined;
}

/**
 * check's run over the files its command read: the engine, and everything it prints and writes. Apart from the command,
 * which is loaded on every run, so that a run whose output the run cache replays never loads the engine. Returns the exit code.
 */
export function printCheck(files: readonly PlansFile[], output: Output, options: CheckPrint): number {
  const { plansDir, cwd: root, today, github, summaryFile, commentFile } = options;
  const annotation = output.command ?? output.out;

  const run = Run.of(workingCopy({ plansDir, cwd: root, cache: options.cache, files }), { today, how: howOf(output) });
  const result = checkRun(run, { base: options.base, strict: options.strict, plansDir, cwd: root, cache: options.cache });
  if (!result.valid) {
    const { diagnostics } = result;
    // Exactly what validate prints: nothing is summed over invalid plans.
    if (options.json) output.out(safeJson(toInvalidJson(diagnostics)));
    else {
      for (const d of diagnostics) output.out(formatDiagnostic(d, output.paint));
      output.out(`${formatCount(diagnostics, output.paint)}.`);
      if (github) for (const line of renderDiagnosticAnnotations(diagnostics, 'listed above and in the step summary').lines) annotation(line);
    }
    if (summaryFile) appendStepSummary(summaryFile, renderInvalidSummary(diagnostics, howOf(output)), output);
    if (commentFile) writeOutputFile(commentFile, renderInvalidComment(diagnostics));
    return 2;
  }
  const { report, workspace } = result;

  // Piece by piece: at 50,000 plans the JSON is about 100 MB, never held as one string.
  if (options.json) for (const piece of safeJsonPieces(toJson(report))) output.out(piece);
  else {
    for (const line of renderCheckText(report, output.paint)) output.out(line);
    // Annotations would break the JSON, so they only go with the text report.
    if (github) for (const line of renderCheckAnnotations(report, workspace)) annotation(line);
  }
  if (summaryFile) appendStepSummary(summaryFile, renderSummary(report), output);
  if (commentFile) writeOutputFile(commentFile, renderComment(report));
  return failsGate(report) ? 1 : 0;
}
