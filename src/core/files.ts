import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** One file of the plans folder, as bytes, before parsing. */
export interface PlansFile {
  /** Path inside the plans folder, with forward slashes: accounts/acme.yaml. */
  rel: string;
  /** Path as the user opens it, relative to the working directory: plans/accounts/acme.yaml. */
  display: string;
  bytes: Uint8Array;
}

const PLAN_EXTENSIONS = /\.(ya?ml|mdx|md|json)$/i;

/** Reads every candidate file under a plans folder. The only part of core that touches the file system for plans. */
export function readPlansFolder(plansDir: string, cwd: string = process.cwd()): PlansFile[] {
  const root = resolve(cwd, plansDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new PlansFolderMissing(relative(cwd, root) || '.', existsSync(root));
  }
  const display = (rel: string) => toPosix(relative(cwd, join(root, rel)));
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map(toPosix)
    .filter((rel) => PLAN_EXTENSIONS.test(rel) && !rel.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
    .filter((rel) => statSync(join(root, rel)).isFile())
    .sort()
    .map((rel) => ({ rel, display: display(rel), bytes: readFileSync(join(root, rel)) }));
}

export class PlansFolderMissing extends Error {
  readonly folder: string;
  constructor(folder: string, isFile = false) {
    super(`The plans folder "${folder}" ${isFile ? 'is a file, not a folder' : 'does not exist'}. Run from the repository root, or pass --plans with the folder that holds workspace.yaml.`);
    this.folder = folder;
  }
}

/** How the plans folder is shown in messages, with a trailing slash: "plans/", or "" for the working directory. */
export function displayRoot(plansDir: string, cwd: string = process.cwd()): string {
  const rel = toPosix(relative(cwd, resolve(cwd, plansDir)));
  return rel === '' ? '' : `${rel}/`;
}

/** A path with forward slashes, as plans files and git name them on every platform. */
export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
