import { validateJson } from '../../src/core/engine/check.ts';
import { Run } from '../../src/core/engine/run.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import { formatCount, formatDiagnostic } from '../../src/core/report/diagnostics.ts';
import { renderDiagnosticAnnotations } from '../../src/core/report/github.ts';
import { safeJson } from '../../src/core/report/escape.ts';
import { cachedRun } from '../lib/cached-run.ts';
import { formatOption, howOf, parseOptions, plansDirOption, todayOption, type Output } from '../lib/cli.ts';
import { fromRepositoryRoot } from '../lib/repository-root.ts';

export const VALIDATE_USAGE = 'Usage: npm run validate -- [--plans DIR] [--format text|json|github] [--today YYYY-MM-DD] [--no-cache]';

/**
 * Validates the plans folder; returns the exit code: 0 valid, 2 invalid. `validated` is given the Run when one was
 * made (not when the run cache printed the output of an earlier run), with the folder and root its paths are shown in.
 */
export function validateCommand(
  argv: string[],
  output: Output,
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
  validated?: (run: Run, plansDir: string, cwd: string) => void,
): number {
  const values = parseOptions(argv, { plans: { type: 'string' }, format: { type: 'string' }, today: { type: 'string' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, VALIDATE_USAGE);
  if (values.help) {
    output.out(VALIDATE_USAGE);
    return 0;
  }
  const format = formatOption(values.format, VALIDATE_USAGE);
  // The ledger's sales dated after today are a warning (and not booked), so the date is part of what is reported.
  const today = todayOption(values.today, env, VALIDATE_USAGE);
  // Paths in the report and the annotations are relative to the repository root.
  const { plansDir, cwd: root } = fromRepositoryRoot(plansDirOption(values.plans), cwd, env);
  const spec = { command: 'validate', options: [format, today], plansDir, cwd: root, cacheable: !values['no-cache'], env };
  return cachedRun(spec, output, (files, output) => {
    const run = Run.of(workingCopy({ plansDir, cwd: root, cache: !values['no-cache'], files }), { today, how: howOf(output) });
    const { ok, diagnostics } = validateJson(run);
    const { workspace } = run;
    if (format === 'json') {
      output.out(safeJson({ ok, diagnostics }));
    } else {
      const annotate = output.command ?? output.out;
      if (format === 'github') {
        // GitHub shows 10 annotations of each kind: the rest are listed in the log, after a notice that counts them.
        const { lines, dropped } = renderDiagnosticAnnotations(diagnostics, 'listed in the log of this step');
        for (const line of lines) annotate(line);
        for (const d of dropped) output.out(formatDiagnostic(d, output.paint));
      } else for (const d of diagnostics) output.out(formatDiagnostic(d, output.paint));
      const plans = workspace ? ` in ${workspace.accounts.length} account plans` : '';
      output.out(`${formatCount(diagnostics, output.paint)}${plans}.`);
    }
    if (ok) validated?.(run, plansDir, root);
    return ok ? 0 : 2;
  });
}
