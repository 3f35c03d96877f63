import type { Output } from '../lib/cli.ts';
import { checkCommand } from './check.ts';

export const GATE_USAGE = 'Usage: npm run gate -- [check options]   (in GitHub Actions: reads GITHUB_EVENT_NAME and GITHUB_BASE_REF)';

/**
 * What the workflow's check job runs, decided here rather than in the workflow, so that upgrading the package upgrades
 * the gate: on a pull request, check judges the change against its base branch and writes the comment file
 * (check-comment.md) the comment job posts; anywhere else (a push to main, a person at a terminal) every goal, --strict.
 * Further options are passed to check; the exit code is check's.
 */
export function gateCommand(argv: string[], output: Output, cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): number {
  if (argv.includes('--help') || argv.includes('-h')) return (output.out(GATE_USAGE), 0);
  return checkCommand([...gateOptions(env), ...argv], output, cwd, env);
}

/** check's options for this run of the workflow. */
export function gateOptions(env: NodeJS.ProcessEnv): string[] {
  const base = env['GITHUB_BASE_REF'];
  return env['GITHUB_EVENT_NAME'] === 'pull_request' && base ? ['--base', `origin/${base}`, '--comment', 'check-comment.md'] : ['--strict'];
}
