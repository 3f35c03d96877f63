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
import { ExitError, howOf, parseOptions, plansDirOption, todayOption, type Output } from '../lib/cli.ts';
import { outputFileOption, writeOutputFile } from '../lib/output-file.ts';
import { appendStepSummary, stepSummaryFile } from '../lib/step-summary.ts';
import { cachedRun } from '../lib/cached-run.ts';
import { fromRepositoryRoot } from '../lib/repository-root.ts';

export const CHECK_USAGE = 'Usage: npm run check -- [--plans DIR] [--json] [--base REF] [--strict] [--comment FILE] [--today YYYY-MM-DD] [--no-cache]';

/**
 * Validates the plans, sums them against the goals and runs the method's rules.
 * Returns the exit code: 0 the gate passes, 1 it fails, 2 invalid plans or misuse. Without --base (or with --strict,
 * or `gate: strict` in workspace.yaml) the gate fails on any missed goal or rule error; with --base it judges the change.
 * `env` carries GITHUB_ACTIONS and GITHUB_STEP_SUMMARY, so tests pass their own.
 */
export function checkCommand(argv: string[], output: Output, cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): number {
  const values = parseOptions(
    argv,
    { plans: { type: 'string' }, json: { type: 'boolean' }, base: { type: 'string' }, strict: { type: 'boolean' }, comment: { type: 'string' }, today: { type: 'string' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    CHECK_USAGE,
  );
  if (values.help) {
    output.out(CHECK_USAGE);
    return 0;
  }
  const today = todayOption(values.today, env, CHECK_USAGE);
  if (values.base !== undefined && values.base.trim() === '') {
    throw new ExitError(2, `--base needs a git ref, such as origin/main.\n${CHECK_USAGE}`);
  }
  const commentFile = values.comment === undefined ? undefined : outputFileOption('comment', values.comment, cwd, plansDirOption(values.plans), CHECK_USAGE);
  // Paths in the report, the annotations, the summary and the comment are relative to the repository root.
  const { plansDir, cwd: root } = fromRepositoryRoot(plansDirOption(values.plans), cwd, env);
  const github = env['GITHUB_ACTIONS'] === 'true';
  const summaryFile = stepSummaryFile(env, output);
  // A run that writes a comment or a step summary, or compares with git, is computed every time: its record would
  // hold only what it printed. The rest print exactly what the last run with the same inputs printed.
  const cacheable = !values['no-cache'] && values.base === undefined && commentFile === undefined && summaryFile === undefined;
  const spec = { command: 'check', options: [today, values.json === true, values.strict === true, github], plansDir, cwd: root, cacheable, env };
  return cachedRun(spec, output, (files, output) => {
    const annotation = output.command ?? output.out;

    const run = Run.of(workingCopy({ plansDir, cwd: root, cache: !values['no-cache'], files }), { today, how: howOf(output) });
    const result = checkRun(run, { base: values.base, strict: values.strict, plansDir, cwd: root });
    if (!result.valid) {
      const { diagnostics } = result;
      // Exactly what validate prints: nothing is summed over invalid plans.
      if (values.json) output.out(safeJson(toInvalidJson(diagnostics)));
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
    if (values.json) for (const piece of safeJsonPieces(toJson(report))) output.out(piece);
    else {
      for (const line of renderCheckText(report, output.paint)) output.out(line);
      // Annotations would break the JSON, so they only go with the text report.
      if (github) for (const line of renderCheckAnnotations(report, workspace)) annotation(line);
    }
    if (summaryFile) appendStepSummary(summaryFile, renderSummary(report), output);
    if (commentFile) writeOutputFile(commentFile, renderComment(report));
    return failsGate(report) ? 1 : 0;
  });
}
