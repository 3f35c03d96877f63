import { join } from 'node:path';
import { countPages, fastest, measure, measureScript, type Rated, type Sample } from './bench-run.ts';
import { benchBaselines, type Baselines } from './bench-baselines.ts';
import { generateWorkspace } from './generate.ts';

/** The site build at `accounts` plans and at a tenth of that, and from the two, its fixed cost and its cost per page. */
export interface SiteBench {
  accounts: number;
  pages: number;
  floor: Rated;
  build: Rated;
  /** The smaller build the line through the two is drawn from. */
  small: { accounts: number; pages: number; seconds: number; peakMB: number | null };
  /** Seconds a build of no page would take (start-up, bundling, Pagefind's start), and milliseconds per page. */
  fixedSeconds: number;
  perPageMs: number;
  /** Hugo and a bare Astro site over the same plans (bench-baselines.ts), and the build's ratio to each. */
  baselines: Baselines & { overHugo: number | null; overAstro: number };
}

export function benchSite(options: { work: string; accounts: number; seed: number; runs: number; script: (name: string) => string; toolRoot: string; floorOf: (dir: string) => Sample; clearCache: () => void }): SiteBench {
  const { work, accounts, seed, runs, script } = options;
  const buildOf = (n: number) => {
    const dir = join(work, `site-${n}`);
    generateWorkspace(dir, { accounts: n, seed, mdx: 0.2 });
    const out = join(work, `dist-${n}`);
    // Each build starts without the cache, as the first build on a new machine does, and runs as `npm run build` runs it.
    const sample = fastest(Array.from({ length: runs }, () => (options.clearCache(), measureScript(options.toolRoot, 'build', ['--plans', dir, '--out', out]))));
    return { dir, sample, pages: countPages(out) };
  };
  const smallAccounts = Math.max(1, Math.round(accounts / 10));
  const small = buildOf(smallAccounts);
  const large = buildOf(accounts);
  const floor = options.floorOf(large.dir);
  const perPage = large.pages > small.pages ? (large.sample.seconds - small.sample.seconds) / (large.pages - small.pages) : 0;
  const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
  const baselines = benchBaselines({ plansDir: large.dir, pages: large.pages, runs, toolRoot: options.toolRoot });
  const over = (b: Sample) => round(large.sample.seconds / b.seconds, 2);
  return {
    accounts,
    pages: large.pages,
    floor: { ...floor, ratio: 1 },
    build: { ...large.sample, ratio: round(large.sample.seconds / floor.seconds, 2) },
    small: { accounts: smallAccounts, pages: small.pages, ...small.sample },
    fixedSeconds: round(small.sample.seconds - perPage * small.pages, 2),
    perPageMs: round(perPage * 1000, 2),
    baselines: { ...baselines, overHugo: 'sample' in baselines.hugo ? over(baselines.hugo.sample) : null, overAstro: over(baselines.astro.sample) },
  };
}
