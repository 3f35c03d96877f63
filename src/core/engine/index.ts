/**
 * The engine's one door, and the package's main entry: `validate()` and `check()` return exactly what
 * `validate --format json` and `check --json` print; `openRun()` gives the stages themselves to the site, the
 * history and the command line. Everything runs through a Run (run.ts), which computes each stage once.
 */
import { resolve } from 'node:path';
import { workingCopy } from '../load/sources.ts';
import { NPM_SCRIPTS, type Invocation } from '../shared/invocation.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { resolveToday } from '../shared/today.ts';
import { checkJson, checkRun, validateJson } from './check.ts';
import { Run } from './run.ts';

export { Run, InvalidPlans, type Portfolio, type RunContext } from './run.ts';
export { checkRun, checkJson, validateJson, type CheckResult, type CheckOptions } from './check.ts';
export { InputError } from '../shared/input-error.ts';
export { resolveToday, parseDate } from '../shared/today.ts';
export { NPM_SCRIPTS, NPX, type Invocation, type CommandName } from '../shared/invocation.ts';
export type { Diagnostic } from '../diagnostics/diagnostic.ts';
export type { Finding } from '../rules/finding.ts';
export type { Workspace } from '../model.ts';

export interface RunOptions {
  /** The plans folder (default "plans"), relative to `cwd`. */
  plans?: string;
  /** The folder `plans` is relative to (default: the process's). */
  cwd?: string;
  /** YYYY-MM-DD; default the TODAY variable, else the clock. A date that is not real is an InputError. */
  today?: string;
  /** Use the per-file parse cache and the per-plan findings cache in `cwd`'s node_modules/.cache (default false). A recorded run is never replayed. */
  cache?: boolean;
  /** How hints name a command (default: npm scripts). */
  how?: Invocation;
}

export interface CheckApiOptions extends RunOptions {
  /** A git ref: the gate judges what the change since it did, as `check --base` does. */
  base?: string;
  /** Fail on any missed goal, as `check --strict` does. */
  strict?: boolean;
}

/** Opens a run over a plans folder on disk; its stages are computed when first asked for. */
export function openRun(options: RunOptions = {}): Run {
  const cwd = resolve(options.cwd ?? process.cwd());
  const plansDir = options.plans ?? 'plans';
  const today = resolveToday(options.today);
  return Run.of(workingCopy({ plansDir, cwd, cache: options.cache === true }), { today, how: options.how ?? NPM_SCRIPTS });
}

/** Validates a plans folder: `{ ok, diagnostics }`, exactly what `validate --format json` prints. */
export async function validate(options: RunOptions = {}): Promise<{ ok: boolean; diagnostics: Diagnostic[] }> {
  return validateJson(openRun(options));
}

/** Checks a plans folder against its goals: exactly the object `check --json` prints (with `base`, the change judged). */
export async function check(options: CheckApiOptions = {}): Promise<object> {
  const run = openRun(options);
  return checkJson(checkRun(run, { base: options.base, strict: options.strict, plansDir: options.plans ?? 'plans', cwd: resolve(options.cwd ?? process.cwd()), cache: options.cache === true }));
}
