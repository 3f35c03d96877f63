import { closeSync, constants, lstatSync, openSync, realpathSync, writeSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isBelow } from '../../src/core/shared/paths.ts';
import { oneLine } from '../../src/core/shared/text.ts';
import { ExitError } from './cli.ts';

/**
 * Checks, before anything is read, that `--<option> FILE` names a file check may write: inside the working
 * folder, outside the plans folder, not a link, not a folder, in a folder that exists. Returns the absolute path.
 * A path that fails is exit 2 and nothing is written.
 */
export function outputFileOption(option: string, file: string, cwd: string, plansDir: string, usage: string): string {
  const shown = oneLine(file, 200);
  const refuse = (why: string): never => {
    throw new ExitError(2, `--${option} ${shown}: ${why} Name a new or regular file inside the folder check runs in, such as --${option} check-comment.md.\n${usage}`);
  };
  if (file.trim() === '') refuse('the file name is empty.');
  const path = resolve(cwd, file);
  let folder: string;
  let root: string;
  try {
    folder = realpathSync(dirname(path));
    root = realpathSync(cwd);
  } catch {
    return refuse('the folder it would go in does not exist.');
  }
  const target = resolve(folder, basename(path));
  if (!isBelow(root, target)) refuse('it is outside the folder check runs in, and check writes nothing outside it.');
  let plansReal: string | undefined;
  try {
    plansReal = realpathSync(resolve(cwd, plansDir));
  } catch {
    plansReal = undefined;
  }
  if (plansReal !== undefined && (target === plansReal || isBelow(plansReal, target))) refuse('it is inside the plans folder, which check only reads.');
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return target;
  }
  if (stat.isSymbolicLink()) refuse('it is a symbolic link, and check never writes through a link.');
  if (stat.isDirectory()) refuse('it is a folder.');
  if (!stat.isFile()) refuse('it is not a regular file.');
  return target;
}

/** Writes the file without following a link that appeared since the check (O_NOFOLLOW). */
export function writeOutputFile(path: string, text: string): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
