import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { oneLine } from '../../src/core/shared/text.ts';
import { ExitError } from './cli.ts';
import { pathTooLong } from './path-limits.ts';

/** The file every site the build makes carries, so that a later build knows the folder is its own to replace. */
export const SITE_MARKER = '.account-plans-site';
export const SITE_MARKER_TEXT = 'This folder is a site built by "npm run build" of account plans. The next build replaces all of it.\n';

/** Folders of the project that an output inside it may not be, hold or lie in. Dot folders are the project's too. */
const PROJECT_FOLDERS = ['plans', 'src', 'schemas', 'scripts', 'tests', 'node_modules', 'public'];

/** What is at the output path before the build: nothing, an empty folder, a site of ours, or a folder moved aside with --force. */
export type OutputState = 'none' | 'empty' | 'ours' | 'forced';

export interface OutputTarget {
  /** The output with links resolved: the path that is written. */
  path: string;
  /** The output as the user wrote it, for messages. */
  shown: string;
  state: OutputState;
}

export interface OutputContext {
  cwd: string;
  plansDir: string;
  projectRoot: string;
  force: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Decides, before any work, whether the build may put its site at `out`: never where it would replace
 * the plans, the project, a home folder or `/`, never over a file, and never over a folder with files
 * it did not make unless --force (which moves that folder aside, never deletes it). Throws exit 2.
 */
export function checkOutputFolder(out: string, ctx: OutputContext): OutputTarget {
  const given = resolve(ctx.cwd, out);
  const shown = oneLine(showPath(ctx.cwd, given), 300);
  const refuse = (why: string, todo = 'Pass --out with a folder of its own, such as dist.') => {
    throw new ExitError(2, `The site was not built: --out ${shown} ${why}. ${todo}`);
  };
  const path = realPath(given);
  // The build adds up to 40 bytes to the folder's name (`.<name>-new-XXXXXX`, `<name>.before-build-<time>-<n>`) and
  // writes the site's pages below it: a name or path the file system would refuse is refused now, not after the build.
  const long = pathTooLong(path, 40, 1024);
  if (long) refuse(long.why, 'Pass --out with a shorter folder name, such as dist.');
  const project = realPath(ctx.projectRoot);
  const relation = (other: string, name: string) => {
    const o = realPath(other);
    const where = oneLine(showPath(ctx.cwd, o), 300);
    if (path === o) refuse(`is ${name}, which the build would replace`);
    if (isInside(path, o)) refuse(`is inside ${name} (${where})`);
    if (isInside(o, path)) refuse(`contains ${name} (${where}), which the build would replace`);
  };
  if (path === sep) refuse('is the root of the file system, which the build would replace');
  // Hidden folders hold settings (~/.ssh, .github); a site never needs to be one.
  if (basename(path).startsWith('.')) refuse('is a hidden folder, where tools keep their settings', 'Pass --out with a folder whose name does not start with a dot, such as dist.');
  relation(resolve(ctx.cwd, ctx.plansDir), 'the plans folder');
  for (const home of homes(ctx.env ?? process.env)) {
    if (path === realPath(home) || isInside(realPath(home), path)) refuse(`is or contains a home folder (${oneLine(home, 300)}), which the build would replace`);
  }
  if (isInside(realPath(ctx.cwd), path) || path === realPath(ctx.cwd)) refuse('is or contains the folder the build runs from, which the build would replace');
  if (path === project || isInside(project, path)) refuse(`is or contains the project (${oneLine(project, 300)}), which the build would replace`);
  if (isInside(path, project)) {
    const rel = relative(project, path);
    const top = rel.split(sep)[0]!;
    if (top.startsWith('.') || PROJECT_FOLDERS.includes(top)) refuse(`${rel === top ? 'is' : 'is inside'} the project's own folder ${oneLine(top, 100)}/, which the build would replace`);
  }
  const state = stateOf(path, refuse, ctx);
  checkWritable(path, refuse);
  return { path, shown, state };
}

function stateOf(path: string, refuse: (why: string, todo?: string) => never, ctx: OutputContext): OutputState {
  if (!existsSync(path)) {
    if (lstatOrNull(path)) refuse('is a link to nothing', 'Remove the link, or pass --out with another folder.');
    return 'none';
  }
  if (!statSync(path).isDirectory()) refuse('is a file, not a folder', 'Pass --out with a folder; it is created when it does not exist.');
  const names = readdirSync(path);
  if (names.length === 0) return 'empty';
  if (lstatOrNull(join(path, SITE_MARKER))?.isFile()) return 'ours';
  // A site built into the project's dist/ before sites carried the marker.
  if (path === join(realPath(ctx.projectRoot), 'dist') && names.includes('_astro') && names.includes('pagefind')) return 'ours';
  if (ctx.force) return 'forced';
  return refuse(
    `holds files that the build did not make (it has no ${SITE_MARKER} file)`,
    'Pass --out with a new or empty folder, or add --force to move that folder aside (it is renamed, not deleted) and build there.',
  );
}

/** Tries to make (and removes) an empty folder where the output's folder is or will be: the one check that also holds for root. */
function checkWritable(path: string, refuse: (why: string, todo?: string) => never): void {
  let at = dirname(path);
  while (!existsSync(at)) at = dirname(at);
  if (!statSync(at).isDirectory()) refuse(`cannot be created: ${oneLine(at, 300)} is a file, not a folder`, 'Pass --out with a folder in a place you can write to.');
  try {
    rmdirSync(mkdtempSync(join(at, '.site-write-test-')));
  } catch (e) {
    refuse(`cannot be written: ${oneLine(at, 300)} refuses new folders (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'Pass --out with a folder in a place you can write to.');
  }
}

/**
 * Puts the finished site in place of what was there: the new site is moved next to the output first, so
 * the swap is two renames. The only folder ever deleted is an earlier site carrying the marker; a folder
 * taken over with --force is renamed aside, and an empty one is removed only while it is empty.
 * Returns where a --force folder was moved.
 */
export function putSiteInPlace(from: string, target: OutputTarget): string | undefined {
  const to = target.path;
  mkdirSync(dirname(to), { recursive: true });
  const next = mkdtempSync(join(dirname(to), `.${basename(to)}-new-`));
  const site = join(next, 'site');
  const old = join(next, 'old');
  let aside: string | undefined;
  try {
    try {
      renameSync(from, site);
    } catch {
      // Another file system (dist/ on a different disk, or a temporary folder): copy instead.
      cpSync(from, site, { recursive: true });
    }
    const now = lstatOrNull(to);
    if (target.state === 'none' && now) throw new ExitError(2, `${target.shown} appeared while the site was being built; nothing was replaced. Run the build again.`);
    if (target.state === 'empty') rmdirSync(to); // fails, and keeps everything, if a file arrived meanwhile
    if (target.state === 'ours') {
      if (!lstatOrNull(join(to, SITE_MARKER))?.isFile()) throw new ExitError(2, `${target.shown} lost its ${SITE_MARKER} file while the site was being built; nothing was replaced. Run the build again.`);
      renameSync(to, old);
    }
    if (target.state === 'forced') {
      aside = asideName(to);
      renameSync(to, aside);
    }
    try {
      renameSync(site, to);
    } catch (e) {
      if (target.state === 'ours') renameSync(old, to);
      if (target.state === 'empty') mkdirSync(to);
      if (aside) renameSync(aside, to);
      aside = undefined;
      throw e;
    }
  } finally {
    // `next` is this build's own: the new site if the swap failed, the earlier marked site if it succeeded.
    rmSync(next, { recursive: true, force: true });
  }
  return aside;
}

/** The real path of the nearest existing ancestor, with the rest appended: a link cannot hide where the output is. */
export function realPath(path: string): string {
  const abs = resolve(path);
  let at = abs;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  const real = realpathSync(at);
  return at === abs ? real : join(real, relative(at, abs));
}

function isInside(child: string, parent: string): boolean {
  return child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

function homes(env: NodeJS.ProcessEnv): string[] {
  const list = [env['HOME'], env['USERPROFILE']].filter((h): h is string => typeof h === 'string' && h !== '');
  try {
    list.push(homedir());
  } catch {
    // No home folder known: nothing more to protect.
  }
  return list.filter((h) => existsSync(h));
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** A path as the user would type it: relative below the working directory, absolute elsewhere. */
export function showPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/** A free name beside `path` for a folder moved aside with --force. */
export function asideName(path: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  for (let i = 0; ; i++) {
    const candidate = join(dirname(path), `${basename(path)}.before-build-${stamp}${i === 0 ? '' : `-${i}`}`);
    if (!lstatOrNull(candidate)) return candidate;
  }
}
