import { ExitError, parseOptions, plansDirOption, todayOption, type Output } from '../lib/cli.ts';
import { outputFileOption } from '../lib/output-file.ts';
import { stepSummaryFile } from '../lib/step-summary.ts';
import { cachedRun } from '../lib/cached-run.ts';
import { fromRepositoryRoot } from '../lib/repository-root.ts';

export const CHECK_USAGE = 'Usage: npm run check -- [--plans DIR] [--json] [--base REF] [--strict] [--comment FILE] [--today YYYY-MM-DD] [--no-cache]';

/**
 * Validates the plans, sums them against the goals and runs the method's rules.
 * Returns the exit code: 0 the gate passes, 1 it fails, 2 invalid plans or misuse. Without --base (or with --strict,
 * or `gate: strict` in workspace.yaml) the gate fails on any missed goal or rule error; with --base it judges the change.
 * `env` carries GITHUB_ACTIONS and GITHUB_STEP_SUMMARY, so tests pass their own.
 */
export async function checkCommand(argv: string[], output: Output, cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
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
  const spec = { command: 'check', options: [today, values.json === true, values.strict === true, github], plansDir, cwd: root, cacheable, index: !values['no-cache'], env };
  // The engine is loaded only when the output is not replayed from the run cache: a replay loads none of it.
  return cachedRun(spec, output, async (files, output) => {
    const { printCheck } = await import('./check-print.ts');
    return printCheck(files, output, { plansDir, cwd: root, today, json: values.json === true, base: values.base, strict: values.strict, cache: !values['no-cache'], github, summaryFile, commentFile });
  });
}
