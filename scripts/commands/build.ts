import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { ExitError, parseOptions, plansDirOption, type Output } from '../lib/cli.ts';
import { validateCommand } from './validate.ts';

export const BUILD_USAGE = 'Usage: npm run build -- [--plans DIR] [--out DIR]   (PLANS_DIR, SITE and BASE are read from the environment)';

/** The repository root, where astro.config.mjs and src/ are. */
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Validates the plans, then builds the site with Astro and indexes it with Pagefind. The site is built
 * into a temporary folder next to the output and moved into place only when every step succeeded, so a
 * failed build never leaves a partial site and never touches the previous one.
 * Returns 0 when built, 2 when the plans are invalid; a failing Astro or Pagefind step is exit 1.
 */
export async function buildCommand(argv: string[], output: Output, cwd = process.cwd()): Promise<number> {
  const values = parseOptions(argv, { plans: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, BUILD_USAGE);
  if (values.help) {
    output.out(BUILD_USAGE);
    return 0;
  }
  const plansDir = plansDirOption(values.plans);
  const outDir = resolve(cwd, values.out ?? 'dist');

  // The same diagnostics, in the same words, as `npm run validate`.
  if (validateCommand(['--plans', plansDir], output, cwd) !== 0) {
    output.err(`The site was not built because the plans are invalid. Fix the errors above; ${shown(cwd, outDir)} is unchanged.`);
    return 2;
  }

  const staging = mkdtempSync(join(dirname(outDir), `.${basename(outDir)}-building-`));
  const cache = mkdtempSync(join(tmpdir(), 'account-plans-astro-'));
  try {
    const env = { ...process.env, PLANS_DIR: relative(PROJECT_ROOT, resolve(cwd, plansDir)) || '.', ASTRO_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' };
    const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
    const code = await run(process.execPath, [astro, 'build', '--outDir', staging], { cwd: PROJECT_ROOT, env }, output);
    if (code !== 0) throw new ExitError(1, `astro build failed (exit code ${code}); see its output above. ${shown(cwd, outDir)} is unchanged.`);
    await indexForSearch(staging);
    rmSync(outDir, { recursive: true, force: true });
    renameSync(staging, outDir);
  } finally {
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
  output.out(`Built the site into ${shown(cwd, outDir)}.`);
  return 0;
}

async function indexForSearch(site: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new ExitError(1, `Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new ExitError(1, `Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length > 0) throw new ExitError(1, `Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/** Runs a child process, passing its output through line by line. */
function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }, output: Output): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const pipe = (stream: NodeJS.ReadableStream, write: (line: string) => void) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) write(line);
      });
      stream.on('end', () => rest && write(rest));
    };
    pipe(child.stdout, output.out);
    pipe(child.stderr, output.err);
    child.on('error', fail);
    child.on('close', (code) => done(code ?? 1));
  });
}

/** A path as the user would type it: relative below the working directory, absolute elsewhere. */
function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
