import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The folder every reported path is relative to: the repository root, so that GitHub attaches an annotation
 * (file=plans/accounts/x.yaml) to the pull request's file whatever folder the tool ran in. GITHUB_WORKSPACE when
 * set, else the git top level (the nearest folder upwards holding .git), else the working folder; one that does
 * not hold the plans folder is not used. Returns the plans folder and the folder to run in, rewritten onto that
 * root: they name the same files, only the paths printed change (and the run cache's key, which holds both).
 */
export function fromRepositoryRoot(plansDir: string, cwd: string, env: NodeJS.ProcessEnv = process.env): { plansDir: string; cwd: string } {
  const plans = resolve(cwd, plansDir);
  const workspace = env['GITHUB_WORKSPACE'];
  for (const root of [workspace && isAbsolute(workspace) ? resolve(workspace) : undefined, gitTop(cwd)]) {
    if (root === undefined || root === resolve(cwd)) continue;
    if (plans === root || plans.startsWith(root + sep)) return { plansDir: relative(root, plans) || '.', cwd: root };
  }
  return { plansDir, cwd };
}

function gitTop(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
