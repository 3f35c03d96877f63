import { isPlanPath } from '../shared/paths.ts';
import type { BaseRef } from './ref.ts';
import { relInFolder } from './repo.ts';

/** An account plan the change moved or renamed: the same account under a new id. */
export interface Rename {
  from: string;
  to: string;
}

/** What the change did to the plans folder's files, as git sees it. */
export interface FileChanges {
  /** Account plans git found renamed (or moved), by account id. */
  renames: Rename[];
  /** Every plan file the change added, changed or renamed, as the working copy shows its path. */
  touched: string[];
}

/** The same rule as the loader's: an account's id is its file name without the extension, anywhere under accounts/. */
const ACCOUNT = /^accounts\/(?:.+\/)?([^/]+)\.(ya?ml|mdx)$/;

/**
 * The files the change touched since the base commit, with git's rename detection (-M), comparing the base
 * with the working tree (so an uncommitted `git mv` counts too; a file git does not track is not seen).
 * Paths come from git in -z form, so no name is ever split or unquoted wrongly; git does not refresh its
 * index while it looks (run.ts), so the repository is left exactly as it was.
 */
export function readFileChanges(base: BaseRef, display: (rel: string) => string): FileChanges {
  const { repo } = base;
  const out = repo
    .git(['diff', '--name-status', '-M', '-z', '--no-ext-diff', '--no-textconv', base.commit, '--', ...(repo.folder ? [repo.folder] : [])])
    .toString('utf8')
    .split('\0');
  const toRel = (name: string) => relInFolder(repo, name) ?? name;
  const renames: Rename[] = [];
  const touched = new Set<string>();
  for (let i = 0; i < out.length; ) {
    const status = out[i] ?? '';
    if (status === '') break;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = toRel(out[i + 1] ?? '');
      const to = toRel(out[i + 2] ?? '');
      i += 3;
      if (isPlanPath(to)) touched.add(display(to));
      const a = ACCOUNT.exec(from)?.[1];
      const b = ACCOUNT.exec(to)?.[1];
      if (status.startsWith('R') && a !== undefined && b !== undefined && a !== b) renames.push({ from: a, to: b });
      continue;
    }
    const rel = toRel(out[i + 1] ?? '');
    i += 2;
    if (!status.startsWith('D') && isPlanPath(rel)) touched.add(display(rel));
  }
  return { renames, touched: [...touched].sort() };
}
