import { isAbsolute, relative, sep } from 'node:path';

/**
 * Paths and names inside a plans folder, written once for the folder walk (load/files.ts) and the reading
 * of a git ref (load/git-ref.ts), so the working copy and the base see the same files.
 */

/** A path with forward slashes, as plans files and git name them on every platform. */
export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** The extensions of a plans file, or of a file a person may have meant as one (any case, so a wrong case is reported). */
export const PLAN_EXTENSIONS = /\.(ya?ml|mdx|md|json)$/i;

/** The four shared files at the top of a plans folder, in any case (a wrong case is reported, never read silently). */
export const SHARED_FILE_ANY_CASE = /^(workspace|team|goals|icp)\.ya?ml$/i;

/** A name the tools never enter or read: hidden files and folders (.git, .env) and node_modules. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** A path inside the plans folder that may be a plans file: a plan's extension, and no skipped part. */
export function isPlanPath(rel: string): boolean {
  return PLAN_EXTENSIONS.test(rel) && !rel.split('/').some(isSkippedName);
}

/** The id a text would have as lower-case letters, digits and hyphens: "Acme Corp" → acme-corp. */
export function toIdSlug(text: string): string {
  return text.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Whether `path` lies strictly below `root` (both absolute, links already resolved): the one test of "inside the plans folder". */
export function isBelow(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
