import type { Run } from '../../src/core/engine/run.ts';
import { cachedRun } from '../lib/cached-run.ts';
import { formatOption, parseOptions, plansDirOption, todayOption, type Output } from '../lib/cli.ts';
import { fromRepositoryRoot } from '../lib/repository-root.ts';

export const VALIDATE_USAGE = 'Usage: npm run validate -- [--plans DIR] [--format text|json|github] [--today YYYY-MM-DD] [--no-cache]';

/**
 * Validates the plans folder; returns the exit code: 0 valid, 2 invalid. `validated` is given the Run when one was
 * made (not when the run cache printed the output of an earlier run), with the folder and root its paths are shown in.
 */
export async function validateCommand(
  argv: string[],
  output: Output,
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
  validated?: (run: Run, plansDir: string, cwd: string) => void,
): Promise<number> {
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
  // A run handed to the site's pages (`validated`, by the build) is read whole at once, as the site reads its own
  // (src/lib/workspace.ts): the pages render for seconds while the files may change, and never stop on one that did.
  const spec = { command: 'validate', options: [format, today], plansDir, cwd: root, cacheable: !values['no-cache'], index: !values['no-cache'] && validated === undefined, env };
  // The engine is loaded only when the output is not replayed from the run cache: a replay loads none of it.
  return cachedRun(spec, output, async (files, output) => {
    const { printValidation } = await import('./validate-print.ts');
    return printValidation(files, output, { plansDir, cwd: root, today, format, cache: !values['no-cache'] }, validated);
  });
}
