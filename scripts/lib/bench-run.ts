import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One measurement of a command run in its own process. */
export interface Sample {
  seconds: number;
  /** Peak resident memory of the largest process of the run, in MB; null when it cannot be measured. */
  peakMB: number | null;
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
  const tmp = mkdtempSync(join(tmpdir(), 'bench-'));
  const memFile = join(tmp, 'mem');
  const node = [process.execPath, script, ...args];
  const [command, ...argv] = existsSync(TIME) ? [TIME, '-f', '%M', '-o', memFile, ...node] : node;
  const t0 = performance.now();
  const result = spawnSync(command!, argv, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  const status = result.status ?? -1;
  if (status > okUpTo) throw new Error(`${script} ${args.join(' ')} ended with ${status}: ${String(result.stderr).slice(0, 500)}`);
  const kb = existsSync(memFile) ? Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) : NaN;
  rmSync(tmp, { recursive: true, force: true });
  return { seconds: Math.round(seconds * 1000) / 1000, peakMB: Number.isFinite(kb) ? Math.round(kb / 1024) : null };
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
