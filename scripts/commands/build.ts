import { spawn } from 'node:child_process';
import * as nodeModule from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitError, parseOptions, plansDirOption, todayOption, type Output } from '../lib/cli.ts';
import { checkOutputFolder, putSiteInPlace, showPath, SITE_MARKER, SITE_MARKER_TEXT } from '../lib/out-folder.ts';
import { oneLine } from '../../src/core/shared/text.ts';
import { packageRoot } from '../lib/package.ts';
import type { BuildMessage, ValidateSpec } from '../lib/astro-build.ts';
import { NPX } from '../../src/core/shared/invocation.ts';

export const BUILD_USAGE = 'Usage: npm run build -- [--plans DIR] [--out DIR] [--force] [--no-cache] [--verbose]   (PLANS_DIR, SITE, BASE, TODAY and PLANS_HISTORY=off are read from the environment)';

/** The package's own folder (this repository, or node_modules/account-plans in a user's repository). */
const PACKAGE_ROOT = packageRoot();

/** Starts Astro's build: the .ts runner here, its compiled .js in an installed copy. */
const ASTRO_RUNNER = fileURLToPath(new URL(`../lib/astro-build${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/**
 * Validates the plans, then builds the site with Astro, which indexes it with Pagefind as it goes
 * (src/astro/search-index.ts). Both happen in one process of their own (lib/astro-build.ts): the pages reuse the
 * validated plans, and this process holds none of them. The site is built into a temporary folder next to the output
 * and moved into place only when every step succeeded, so a failed build never leaves a partial site and never touches
 * the previous one. An output folder it may not replace (see out-folder.ts) is refused before any of that.
 * Returns 0 when built, 2 when the output is refused or the plans are invalid; a failing Astro or Pagefind step is exit 1.
 */
export async function buildCommand(argv: string[], output: Output, cwd = process.cwd()): Promise<number> {
  const values = parseOptions(
    argv,
    { plans: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, 'no-cache': { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    BUILD_USAGE,
  );
  if (values.help) {
    output.out(BUILD_USAGE);
    return 0;
  }
  const plansDir = plansDirOption(values.plans);
  const root = projectRoot(cwd);
  // TODAY dates every page: one that is not a real date is refused before any work, as every command refuses it.
  todayOption(undefined, process.env, BUILD_USAGE);
  // Where the site may go is settled before any work, so a refused output costs nothing and changes nothing.
  const target = checkOutputFolder(values.out ?? 'dist', { cwd, plansDir, projectRoot: root, force: Boolean(values.force) });

  const noCache = Boolean(values['no-cache']);
  // The same diagnostics, in the same words and colours, as `npm run validate` prints here.
  const validate: ValidateSpec = {
    argv: ['--plans', plansDir, ...(noCache ? ['--no-cache'] : [])],
    cwd,
    colour: output.paint.red('x') !== 'x',
    npx: output.how === NPX,
    command: output.command !== undefined,
  };

  // Node's compile cache, as the folder it was turned on with (Node keeps each version's entries in a folder below it).
  const compileCacheDir = nodeModule.getCompileCacheDir?.();
  const compileCache = compileCacheDir && dirname(compileCacheDir);

  // Astro's intermediate modules must resolve packages from the project's node_modules, so the staging
  // folder lives below it (in the user's repository, never in the installed package); each build gets its own,
  // so two builds at once never collide.
  const work = join(root, 'node_modules/.cache');
  mkdirSync(work, { recursive: true });
  const staging = mkdtempSync(join(work, 'site-build-'));
  const cache = mkdtempSync(join(work, 'site-cache-'));
  try {
    const env = {
      ...withoutViteVariables(process.env),
      NODE_ENV: 'production',
      PLANS_DIR: relative(root, resolve(cwd, plansDir)) || '.',
      PLANS_CWD: root,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...(noCache && { ACCOUNT_PLANS_CACHE: '0' }),
      // The build's process uses this one's compile cache (scripts/account-plans.ts turns it on), so it neither loads
      // Node's TypeScript stripper nor strips and compiles the tool's, Astro's and Vite's modules afresh on every
      // build (about 0.6 s of CPU before validation). NODE_DISABLE_COMPILE_CACHE leaves it off, here and there.
      ...(compileCache && { NODE_COMPILE_CACHE: compileCache }),
    };
    // Astro keeps its intermediate files inside the output folder only when that folder is below the
    // working directory (else in one shared .astro/ folder that two builds at once would overwrite).
    const args = [...youngGeneration(process.env), ASTRO_RUNNER, JSON.stringify({ root, outDir: staging, cacheDir: cache, validate, verbose: Boolean(values.verbose) })];
    const { code, stop } = await run(process.execPath, args, { cwd: staging, env }, output);
    if (stop && 'invalid' in stop) {
      output.err(`The site was not built because the plans are invalid. Fix the errors above; ${target.shown} is unchanged.`);
      return 2;
    }
    if (stop && 'exit' in stop) throw new ExitError(stop.exit, stop.message);
    if (code !== 0) throw new ExitError(1, `astro build failed (exit code ${code}); see its output above. ${target.shown} is unchanged.`);
    rmSync(join(staging, '.prerender'), { recursive: true, force: true });
    writeFileSync(join(staging, SITE_MARKER), SITE_MARKER_TEXT);
    const aside = putSiteInPlace(staging, target);
    if (aside) output.out(`Moved the files that were in ${target.shown} to ${oneLine(showPath(cwd, aside), 300)} (--force); delete that folder when you no longer need it.`);
  } finally {
    // Both are this build's own temporary folders below node_modules/.cache.
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
  output.out(`Built the site into ${target.shown}.`);
  return 0;
}

/**
 * V8's young generation for the build's process: semi-spaces of 16 MB, as the npm scripts give validate and check.
 * Left to itself V8 grows them to 64 MB on a machine with this much memory, and each scavenge then copies the
 * validated plans and rendered pages that live to the end of the build again; at 16 MB they move to the old
 * generation sooner, which is marked on the other core. The 2,000-account build: 0.97 of the time and of the CPU, 90 MB
 * less at its peak (6 pairs). A size the user set in NODE_OPTIONS is theirs to keep.
 */
export function youngGeneration(env: NodeJS.ProcessEnv): string[] {
  // Node takes V8's options with hyphens or underscores.
  return /--max[-_]semi[-_]space[-_]size\b/.test(env['NODE_OPTIONS'] ?? '') ? [] : ['--max-semi-space-size=16'];
}

/**
 * The Astro project to build: the repository the command runs in (the nearest folder upwards with a package.json
 * that has node_modules, as npm run sees it), or this package's own folder when there is none (the tool's sources
 * run on a plans folder anywhere). Its node_modules/.cache holds the build's working files.
 */
function projectRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'node_modules'))) return dir;
    if (dirname(dir) === dir) return PACKAGE_ROOT;
  }
}

type Stop = Extract<BuildMessage, { invalid: true } | { exit: number }>;

/**
 * Runs the build's process: validation's lines come over IPC and are printed as they are (validate made them safe);
 * Astro's output is passed through one safe line at a time. `stop` says why it stopped before Astro, if it did.
 */
function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }, output: Output): Promise<{ code: number; stop: Stop | undefined }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let stop: Stop | undefined;
    child.on('message', (message: BuildMessage) => {
      if ('out' in message) output.out(message.out);
      else if ('err' in message) output.err(message.err);
      else if ('command' in message) (output.command ?? output.out)(message.command);
      else stop = message;
    });
    const pipe = (stream: NodeJS.ReadableStream | null, write: (line: string) => void) => {
      if (!stream) return;
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) write(line);
      });
      stream.on('end', () => rest && write(rest));
    };
    // Astro may quote plan text (a file name, a frontmatter value) in a warning: one safe line each.
    pipe(child.stdout, (line) => output.out(oneLine(line)));
    pipe(child.stderr, (line) => output.err(oneLine(line)));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stop }));
  });
}

/**
 * Vite reads BASE_URL, MODE, DEV, PROD and SSR from the environment into import.meta.env, so a build
 * started from a Vite-based tool (a test runner, a dev server) would otherwise inherit its base URL.
 */
function withoutViteVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...rest } = env;
  return rest;
}
