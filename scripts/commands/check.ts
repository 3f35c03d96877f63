import { appendFileSync } from 'node:fs';
import { isRealDate } from '../../schemas/common.ts';
import { compareWithBase } from '../../src/core/rollup/base.ts';
import { GitRefError } from '../../src/core/load/git-ref.ts';
import { formatCount, formatDiagnostic } from '../../src/core/report/diagnostics.ts';
import { formatGithubAnnotation, renderCheckAnnotations } from '../../src/core/report/github.ts';
import { safeJson } from '../../src/core/report/escape.ts';
import { oneLine } from '../../src/core/shared/text.ts';
import { readWorkspace } from '../../src/core/load/read-workspace.ts';
import { isFailing, type CheckReport } from '../../src/core/report/check-report.ts';
import { toInvalidJson, toJson } from '../../src/core/report/json.ts';
import { todayIso } from '../../src/core/shared/periods.ts';
import { renderCheckText } from '../../src/core/report/check-text.ts';
import { rollUp } from '../../src/core/rollup/rollup.ts';
import { runRules } from '../../src/core/rules/index.ts';
import { renderInvalidSummary, renderSummary } from '../../src/core/report/markdown.ts';
import { ExitError, parseOptions, plansDirOption, type Output } from '../lib/cli.ts';

export const CHECK_USAGE = 'Usage: npm run check -- [--plans DIR] [--json] [--base REF] [--today YYYY-MM-DD] [--no-cache]';

/**
 * Validates the plans, sums them against the goals and runs the method's rules.
 * Returns the exit code: 0 every goal met, 1 a goal missed or a rule error, 2 invalid plans or misuse.
 * `env` carries GITHUB_ACTIONS and GITHUB_STEP_SUMMARY, so tests pass their own.
 */
export function checkCommand(argv: string[], output: Output, cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): number {
  const values = parseOptions(
    argv,
    { plans: { type: 'string' }, json: { type: 'boolean' }, base: { type: 'string' }, today: { type: 'string' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    CHECK_USAGE,
  );
  if (values.help) {
    output.out(CHECK_USAGE);
    return 0;
  }
  const today = values.today ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isRealDate(today)) {
    throw new ExitError(2, `--today must be a real date written YYYY-MM-DD, such as 2026-10-15, not "${oneLine(today, 100)}".\n${CHECK_USAGE}`);
  }
  if (values.base !== undefined && values.base.trim() === '') {
    throw new ExitError(2, `--base needs a git ref, such as origin/main.\n${CHECK_USAGE}`);
  }
  const plansDir = plansDirOption(values.plans);
  const github = env['GITHUB_ACTIONS'] === 'true';
  const summaryFile = env['GITHUB_STEP_SUMMARY'] || undefined;
  const annotation = output.command ?? output.out;

  const { workspace, diagnostics } = readWorkspace({ plansDir, cwd, cache: !values['no-cache'] });
  if (!workspace) {
    // Exactly what validate prints: nothing is summed over invalid plans.
    if (values.json) output.out(safeJson(toInvalidJson(diagnostics)));
    else {
      for (const d of diagnostics) output.out(formatDiagnostic(d, output.paint));
      output.out(`${formatCount(diagnostics, output.paint)}.`);
      if (github) for (const d of diagnostics) annotation(formatGithubAnnotation(d));
    }
    if (summaryFile) appendFileSync(summaryFile, renderInvalidSummary(diagnostics));
    return 2;
  }

  const rollup = rollUp(workspace);
  const report: CheckReport = {
    company: workspace.settings.company,
    rollup,
    diagnostics,
    findings: runRules(workspace, { today, rollup }),
  };
  if (values.base !== undefined) {
    try {
      report.base = compareWithBase(values.base, plansDir, cwd, rollup);
    } catch (e) {
      if (e instanceof GitRefError) throw new ExitError(2, e.message);
      throw e;
    }
  }

  if (values.json) output.out(safeJson(toJson(report)));
  else {
    for (const line of renderCheckText(report, output.paint)) output.out(line);
    // Annotations would break the JSON, so they only go with the text report.
    if (github) for (const line of renderCheckAnnotations(report, workspace)) annotation(line);
  }
  if (summaryFile) appendFileSync(summaryFile, renderSummary(report));
  return isFailing(report) ? 1 : 0;
}
