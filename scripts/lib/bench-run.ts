import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One measurement of a command run in its own process. */
export interface Sample {
  seconds: number;
  /** Peak resident memory of the largest process of the run, in MB; null when it cannot be measured. */
  peakMB: number | null;
  /**
   * CPU seconds (user + system) of the run and the processes it waited for, from GNU time; absent without it.
   * On a machine other work shares, this moves less than the seconds on the clock.
   */
  cpuSeconds?: number;
}

/**
 * GNU time reports the peak of the largest process in the tree it waits for, so the site build's Astro child
 * is counted too; `process.resourceUsage()` in a wrapper would only see the wrapper's own process. Without
 * GNU time, memory is reported as n/a rather than as a number that means something else.
 */
const TIME = '/usr/bin/time';
export const memorySource = existsSync(TIME) ? 'GNU time %M (largest process of the run)' : 'n/a (no /usr/bin/time)';

/** Runs `node script ...args` with output discarded, timed around the spawn. Exit codes above `okUpTo` are a failure. */
export function measure(script: string, args: string[], okUpTo = 0): Sample {
  return measureCommand(process.execPath, [script, ...args], { okUpTo });
}

/**
 * What `npm run <name>` runs in the repository at `root`, after `node`: Node's own flags (the young generation's size),
 * the script, and the command's name; so the bench measures a command exactly as its npm script starts it. Throws
 * when the script is not `node [flags] scripts/<file> …`, which the bench would not be measuring as written.
 */
export function npmScript(root: string, name: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const words = scripts?.[name]?.split(/\s+/) ?? [];
  const at = words.findIndex((w) => w.startsWith('scripts/'));
  if (words[0] !== 'node' || at === -1 || !words.slice(1, at).every((w) => w.startsWith('--'))) throw new Error(`package.json's script "${name}" is not \`node [flags] scripts/…\`: ${words.join(' ')}`);
  return [...words.slice(1, at), join(root, words[at]!), ...words.slice(at + 1)];
}

/** Runs a command of the tool as its npm script starts it (npmScript), with `args` after it. */
export function measureScript(root: string, name: string, args: string[], okUpTo = 0): Sample {
  return measureCommand(process.execPath, [...npmScript(root, name), ...args], { okUpTo });
}

/** Runs any program with output discarded, timed around the spawn (the baselines: Hugo, a bare Astro site). */
export function measureCommand(program: string, args: string[], options: { okUpTo?: number; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Sample {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-'));
  const memFile = join(tmp, 'mem');
  const line = [program, ...args];
  const [command, ...argv] = existsSync(TIME) ? [TIME, '-f', '%M %U %S', '-o', memFile, ...line] : line;
  const t0 = performance.now();
  const result = spawnSync(command!, argv, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024, ...(options.env && { env: options.env }), ...(options.cwd && { cwd: options.cwd }) });
  const seconds = (performance.now() - t0) / 1000;
  const status = result.status ?? -1;
  if (status > (options.okUpTo ?? 0)) throw new Error(`${line.join(' ')} ended with ${status}: ${String(result.stderr).slice(0, 500)}`);
  // The last line: GNU time writes "Command exited with non-zero status N" above its figures.
  const [kb, user, system] = existsSync(memFile) ? readFileSync(memFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [];
  rmSync(tmp, { recursive: true, force: true });
  const cpu = (user ?? NaN) + (system ?? NaN);
  return {
    seconds: Math.round(seconds * 1000) / 1000,
    peakMB: kb !== undefined && Number.isFinite(kb) ? Math.round(kb / 1024) : null,
    ...(Number.isFinite(cpu) && { cpuSeconds: Math.round(cpu * 100) / 100 }),
  };
}

/** A sample beside the floor: `ratio` is its seconds over the floor's. */
export type Rated = Sample & { ratio: number };

/** The fastest of `runs` samples (its memory with it): the minimum is the least noisy on a shared machine. */
export function fastest(samples: Sample[]): Sample {
  return samples.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

/** Seconds over the floor's seconds, to two decimals. */
export function ratio(sample: Sample, floor: Sample): number {
  return Math.round((sample.seconds / floor.seconds) * 100) / 100;
}

/** The HTML pages a site build wrote under `dir`. */
export function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}
