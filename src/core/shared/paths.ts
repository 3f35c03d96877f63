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

/** The five shared files at the top of a plans folder, in any case (a wrong case is reported, never read silently). */
export const SHARED_FILE_ANY_CASE = /^(workspace|team|goals|icp|comp)\.ya?ml$/i;

/** A name the tools never enter or read: hidden files and folders (.git, .env) and node_modules. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** A path inside the plans folder that may be a plans file: a plan's extension, and no skipped part. */
export function isPlanPath(rel: string): boolean {
  // A name that hides a space or control character after its extension is still taken, so the loader reports it.
  return PLAN_EXTENSIONS.test(visibleName(rel)) && !rel.split('/').some(isSkippedName);
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

/**
 * What a person cannot see in a file or folder name, so that a plan named so would be left out (or read under a
 * name nobody can type) without anyone noticing: a control character (a line break, a tab, an escape), an invisible
 * formatting character (a direction mark, a zero-width space), a space other than the ASCII one (a no-break space),
 * or a space at the start or end. Undefined when the name is plain to see.
 */
export function invisibleInName(name: string): string | undefined {
  if (/\p{Cc}/u.test(name)) return 'holds a control character (a line break, tab or escape)';
  if (/[\p{Cf}\p{Zl}\p{Zp}]/u.test(name)) return 'holds an invisible character (a direction mark, or a zero-width or line separator)';
  if (/(?! )\p{Zs}/u.test(name)) return 'holds a space that is not an ordinary one (such as a no-break space)';
  if (/^ | $/.test(name)) return name.endsWith(' ') ? 'ends in a space' : 'starts with a space';
  return undefined;
}

/** The name with what invisibleInName finds taken out: the name the user most likely meant. */
export function visibleName(name: string): string {
  return name.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '').replace(/\p{Zs}/gu, ' ').trim();
}

/**
 * The id a file name would have, for a message to suggest: accents folded (über → uber), other characters as
 * hyphens. Undefined when that would drop a letter or digit (an emoji, another script) or leave nothing.
 */
export function suggestId(name: string): string | undefined {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '');
  if (/[\p{L}\p{N}]/u.test(folded.replace(/[A-Za-z0-9]/g, ''))) return undefined;
  const slug = toIdSlug(folded);
  return slug === '' ? undefined : slug;
}
