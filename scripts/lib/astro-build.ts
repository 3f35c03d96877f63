/*
 * Validates the plans and builds the site with Astro's own build(), in a process of its own (scripts/commands/build.ts
 * starts it). Validating here, in the process that renders, lets the pages reuse the validated Run (src/lib/site-run.ts)
 * instead of loading the plans a second time, and leaves no second process holding them while Astro runs.
 * Argument: JSON { root, outDir, cacheDir, validate }. A repository with an astro.config.* of its own is built with it
 * (it adds accountPlans() to its integrations); one without, such as a repository made by `account-plans init`, gets
 * the package's integration and the settings this repository's own astro.config.mjs has.
 * Validation's lines go to the parent over the IPC channel (BuildMessage), exactly as validate prints them; Astro's
 * own output goes to stdout and stderr, which the parent prints one safe line at a time.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { accountPlans } from '../../src/astro/integration.ts';
import { NPM_SCRIPTS, NPX } from '../../src/core/shared/invocation.ts';
import { handOverRun } from '../../src/lib/site-run.ts';
import { validateCommand } from '../commands/validate.ts';
import { ExitError, type Output } from './cli.ts';

/** How the parent's output looks, so validation prints what `npm run validate` would print there. */
export interface ValidateSpec {
  argv: string[];
  cwd: string;
  colour: boolean;
  npx: boolean;
  command: boolean;
}

/** What the runner tells the parent over IPC: a line of validation's output, or why it stopped before Astro. */
export type BuildMessage = { out: string } | { err: string } | { command: string } | { invalid: true } | { exit: number; message: string };

const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'];

const { root, outDir, cacheDir, validate, verbose } = JSON.parse(process.argv[2] ?? '{}') as { root: string; outDir: string; cacheDir: string; validate: ValidateSpec; verbose?: boolean };

const pending: Promise<void>[] = [];
function send(message: BuildMessage): void {
  pending.push(new Promise((done) => (process.send ? process.send(message, () => done()) : done())));
}

/** Validates as `npm run validate` does; true when the plans are valid and Astro may run. */
async function validated(): Promise<boolean> {
  const c = pc.createColors(validate.colour);
  const how = validate.npx ? NPX : NPM_SCRIPTS;
  const output: Output = {
    out: (line) => send({ out: line }),
    err: (line) => send({ err: line }),
    ...(validate.command && { command: (line: string) => send({ command: line }) }),
    paint: { red: c.red, yellow: c.yellow, blue: c.blue, dim: c.dim, bold: c.bold, green: c.green },
    how,
  };
  try {
    // The pages name commands as npm scripts; a Run made for the package's own command stays here.
    const code = await validateCommand(validate.argv, output, validate.cwd, process.env, (run, plansDir, cwd) => how === NPM_SCRIPTS && handOverRun(run, plansDir, cwd));
    if (code === 0) return true;
    send({ invalid: true });
  } catch (e) {
    if (!(e instanceof ExitError)) throw e;
    send({ exit: e.code, message: e.message });
  }
  return false;
}

try {
  const valid = await validated();
  if (valid) send({ out: verbose ? 'Rendering the site with Astro.' : 'Rendering the site with Astro (--verbose lists each page as it is written).' });
  await Promise.all(pending);
  // Every line is delivered; the channel is not needed again and must not keep this process alive.
  process.disconnect?.();
  if (valid) {
    const own = CONFIG_FILES.some((name) => existsSync(join(root, name)));
    const site = process.env['SITE'] || undefined;
    // Astro is loaded only once the plans are known to be valid: refusing invalid plans costs no Astro start-up.
    const { build } = await import('astro');
    await build({
      // Astro's own log lists every page it writes: at 2,000 accounts that was 3% of the build (and 2,100 lines of a
      // CI log). Its warnings and errors are printed either way.
      logLevel: verbose ? 'info' : 'warn',
      root,
      outDir,
      cacheDir,
      ...(own
        ? {}
        : {
            configFile: false,
            ...(site && { site }),
            base: process.env['BASE'] || '/',
            trailingSlash: 'ignore',
            devToolbar: { enabled: false },
            integrations: [accountPlans()],
          }),
    });
  }
} catch (e) {
  // Astro has logged what went wrong; a stack trace would only quote file paths (and maybe plan text) once more.
  console.error(`The site build stopped: ${e instanceof Error ? e.message : String(e)}`);
  if (process.env['DEBUG']) console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
}
