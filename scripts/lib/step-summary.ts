import { closeSync, constants, fstatSync, lstatSync, openSync, realpathSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { oneLine } from '../../src/core/shared/text.ts';
import type { Output } from './cli.ts';
import { pathTooLong } from './path-limits.ts';

/**
 * $GITHUB_STEP_SUMMARY is the runner's file, not the user's: when it cannot be written, the check still says what it
 * found and exits with its own code, and the comment is still written. So it is looked at before any work (a folder,
 * a pipe, a missing folder or a name too long is a warning then, and nothing is attempted), and a write that fails
 * later is a warning too, never an internal error.
 */
export function stepSummaryFile(env: NodeJS.ProcessEnv, output: Output): string | undefined {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (!file) return undefined;
  const why = refusal(file);
  if (why === undefined) return file;
  output.err(warning(file, why));
  return undefined;
}

/** Appends `markdown` to the summary file; a failure is a warning on stderr. Never throws. */
export function appendStepSummary(file: string, markdown: string, output: Output): void {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a pipe put in its place fails here instead of waiting for a reader; O_NOFOLLOW: never through a link.
    fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644);
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error('not a file'), { code: 'not a regular file' });
    const bytes = Buffer.from(markdown, 'utf8');
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (e) {
    output.err(warning(file, `could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'})`));
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Already closed.
      }
    }
  }
}

function warning(file: string, why: string): string {
  return `warning: GITHUB_STEP_SUMMARY ${oneLine(file, 200)} ${why}, so no step summary was written. The check's result and exit code are unchanged.`;
}

/** Why the file cannot be appended to, found without writing anything; undefined when it looks writable. */
function refusal(file: string): string | undefined {
  const long = pathTooLong(file);
  if (long) return long.why;
  try {
    const stat = lstatSync(file);
    if (stat.isSymbolicLink()) return 'is a symbolic link';
    if (!stat.isFile()) return stat.isDirectory() ? 'is a folder' : 'is not a regular file';
    return undefined;
  } catch {
    try {
      realpathSync(dirname(file));
      return undefined;
    } catch {
      return 'is in a folder that does not exist';
    }
  }
}
