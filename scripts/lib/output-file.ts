import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, openSync, realpathSync, writeSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isBelow } from '../../src/core/shared/paths.ts';
import { oneLine } from '../../src/core/shared/text.ts';
import { ExitError } from './cli.ts';
import { pathTooLong } from './path-limits.ts';

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
  const long = pathTooLong(path);
  if (long) refuse(`it ${long.why}.`);
  let folder: string;
  let root: string;
  try {
    folder = realpathSync(dirname(path));
    root = realpathSync(cwd);
  } catch {
    return refuse('the folder it would go in does not exist.');
  }
  const target = resolve(folder, basename(path));
  if (target === root) refuse('it is a folder.');
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
  // A hard link is the same file as another name, possibly outside this folder or in the plans: writing it would change that one too.
  if (stat.nlink > 1) refuse('it has other hard links, so writing it would change a file elsewhere.');
  return target;
}

/**
 * Writes the file without following a link that appeared since the check (O_NOFOLLOW), and truncates it only
 * once the opened file is known to be a regular file with no other name, so nothing else is ever changed.
 */
export function writeOutputFile(path: string, text: string): void {
  let fd: number;
  try {
    // O_NONBLOCK: a pipe put in its place fails here instead of waiting for a reader.
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644);
  } catch (e) {
    throw new ExitError(2, `${oneLine(path, 200)} could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'}); nothing was written.`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.nlink > 1) throw new ExitError(2, `${oneLine(path, 200)} changed into something other than a file of its own while check ran; nothing was written.`);
    ftruncateSync(fd, 0);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
