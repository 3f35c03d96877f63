import { excerpt } from '../../src/core/shared/suggest.ts';

/**
 * What the operating system refuses in a path the tool writes, checked before any work so that a long name is a
 * clear refusal, not an internal error after the work is done: Linux and macOS take a file or folder name of at
 * most 255 bytes (NAME_MAX) and a path of at most 4,096 bytes with its final NUL (PATH_MAX).
 */
export const NAME_MAX_BYTES = 255;
export const PATH_MAX_BYTES = 4095;

export interface PathTooLong {
  /** The sentence that follows the path in a message: what is too long, by how much. */
  why: string;
}

/**
 * Why the OS would refuse `path`, or undefined: each name at most NAME_MAX bytes, the last one less `nameReserve`
 * (what the tool adds to it, such as `.before-build-<time>`), and the whole at most PATH_MAX less `pathReserve`
 * (the longest path the tool writes below it).
 */
export function pathTooLong(path: string, nameReserve = 0, pathReserve = 0): PathTooLong | undefined {
  const names = path.split(/[\\/]/).filter((n) => n !== '');
  for (const [i, name] of names.entries()) {
    const last = i === names.length - 1;
    const limit = NAME_MAX_BYTES - (last ? nameReserve : 0);
    const bytes = Buffer.byteLength(name, 'utf8');
    if (bytes > limit) {
      const reserved = last && nameReserve > 0 ? ` (${NAME_MAX_BYTES} less the ${nameReserve} the tool adds to it)` : '';
      return { why: `has a name of ${bytes} bytes (${excerpt(name)}), and a file system takes a name of at most ${limit} bytes here${reserved}` };
    }
  }
  const bytes = Buffer.byteLength(path, 'utf8');
  const limit = PATH_MAX_BYTES - pathReserve;
  if (bytes > limit) return { why: `is a path of ${bytes} bytes, and a file system takes at most ${limit} here` };
  return undefined;
}
