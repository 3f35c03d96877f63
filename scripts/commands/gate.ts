import { closeQuietly, openCacheFile, readExactly } from '../../src/core/load/cache-folder.ts';
import type { Output } from '../lib/cli.ts';
import { checkCommand } from './check.ts';

export const GATE_USAGE = 'Usage: npm run gate -- [check options]   (in GitHub Actions: reads GITHUB_EVENT_NAME, GITHUB_BASE_REF and, on a push, the commit main pointed at before it)';

/** GitHub's webhook payloads are at most 25 MB. */
const EVENT_MAX_BYTES = 32 << 20;

/** A commit id as GitHub gives `github.event.before`; all zeros when the push created the branch. */
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** What the gate does in this run of the workflow: check's options, and whether a missed goal only reports. */
export interface GatePlan {
  options: string[];
  /** The first push of a branch has nothing to compare with: the state is reported, and the gate does not fail on it. */
  reportOnly: boolean;
}

/**
 * What the workflow's check job runs, decided here rather than in the workflow, so that upgrading the package upgrades
 * the gate: on a pull request, check judges the change against its base branch and writes the comment file
 * (check-comment.md) the comment job posts; on a push, what the push did (`--base` the commit the branch pointed at
 * before it, so a push of several commits is judged whole), and on the first push the state, without failing; at a
 * terminal every goal, --strict. Further options are passed to check; the exit code is check's.
 */
export async function gateCommand(argv: string[], output: Output, cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return (output.out(GATE_USAGE), 0);
  const plan = gatePlan(env);
  const code = await checkCommand([...plan.options, ...argv], output, cwd, env);
  if (plan.reportOnly && code === 1) {
    output.out('The first push of this branch has nothing to compare with: the state above is reported, and the gate does not fail on it.');
    return 0;
  }
  return code;
}

/** check's options for this run of the workflow. */
export function gateOptions(env: NodeJS.ProcessEnv): string[] {
  return gatePlan(env).options;
}

export function gatePlan(env: NodeJS.ProcessEnv): GatePlan {
  const event = env['GITHUB_EVENT_NAME'];
  const base = env['GITHUB_BASE_REF'];
  if (event === 'pull_request' && base) return { options: ['--base', `origin/${base}`, '--comment', 'check-comment.md'], reportOnly: false };
  if (event === 'push') {
    const before = pushedFrom(env);
    if (before) return { options: ['--base', before], reportOnly: false };
    return { options: [], reportOnly: true };
  }
  return { options: ['--strict'], reportOnly: false };
}

/** The commit the pushed branch pointed at before the push (GATE_BEFORE, which the workflow sets from github.event.before, else the event's payload), or undefined on its first push. */
function pushedFrom(env: NodeJS.ProcessEnv): string | undefined {
  let before = env['GATE_BEFORE'];
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (before === undefined && eventPath) {
    try {
      // Only an ordinary file of an event's size, opened as the caches open theirs (no link followed, the file checked
      // after opening it): a pipe or a device named here would hang the read, a huge file fill memory.
      const file = openCacheFile(eventPath, EVENT_MAX_BYTES);
      if (!file) throw new Error('not an event payload');
      let bytes: Buffer | undefined;
      try {
        bytes = readExactly(file.fd, 0, file.size);
      } finally {
        closeQuietly(file.fd);
      }
      if (!bytes) throw new Error('not an event payload');
      const payload: unknown = JSON.parse(bytes.toString('utf8'));
      const value = payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>)['before'] : undefined;
      before = typeof value === 'string' ? value : undefined;
    } catch {
      before = undefined;
    }
  }
  return before !== undefined && COMMIT.test(before) && !/^0+$/.test(before) ? before : undefined;
}
