import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gitIn } from '../../src/core/git/run.ts';
import { CACHE_FOLDER } from '../../src/core/load/history/cache.ts';
import { fastest, measure, measureScript, type Sample } from './bench-run.ts';
import type { Output } from './cli.ts';
import { generateWorkspace } from './generate.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DAY = 86_400;

export interface HistoryBenchOptions {
  work: string;
  seed: number;
  runs: number;
  today: string;
  output: Output;
  /** Plans and commits of the history command's repository (default 2,000 and 500). */
  accounts?: number;
  commits?: number;
  /** Plans and commits of the site built with and without history (default 500 and 50). */
  siteAccounts?: number;
  siteCommits?: number;
}

/**
 * The history part of the bench: `npm run history` over a generated repository (cold: no cache; warm: the cache the
 * cold run left), and the site build with its history against the same build with PLANS_HISTORY=off.
 */
export function benchHistory(options: HistoryBenchOptions): { history: { accounts: number; commits: number; cold: Sample; warm: Sample }; site: { accounts: number; commits: number; without: Sample; with: Sample; withCache: Sample; slower: number } } {
  const { work, seed, runs, output, today } = options;
  const accounts = options.accounts ?? 2000;
  const commits = options.commits ?? 500;
  const repo = makeRepo(join(work, `history-${accounts}x${commits}`), accounts, commits, seed);
  const args = ['--plans', join(repo, 'plans'), '--json', '--today', today];
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(join(ROOT, CACHE_FOLDER), { recursive: true, force: true });
    cold.push(measureScript(ROOT, 'history', args));
    warm.push(measureScript(ROOT, 'history', args));
  }

  const siteAccounts = options.siteAccounts ?? 500;
  const siteCommits = options.siteCommits ?? 50;
  const siteRepo = makeRepo(join(work, `history-site-${siteAccounts}x${siteCommits}`), siteAccounts, siteCommits, seed);
  const build = (flag: string) => {
    const before = process.env['PLANS_HISTORY'];
    process.env['PLANS_HISTORY'] = flag;
    try {
      return fastest(Array.from({ length: runs }, () => measureScript(ROOT, 'build', ['--plans', join(siteRepo, 'plans'), '--out', join(work, 'dist-history'), '--force'])));
    } finally {
      if (before === undefined) delete process.env['PLANS_HISTORY'];
      else process.env['PLANS_HISTORY'] = before;
    }
  };
  const without = build('off');
  rmSync(join(ROOT, CACHE_FOLDER), { recursive: true, force: true });
  const withHistory = build('on');
  const withCache = build('on');
  const percent = (x: Sample) => Math.round((x.seconds / without.seconds - 1) * 1000) / 10;
  const slower = percent(withCache);

  const result = {
    history: { accounts, commits, cold: fastest(cold), warm: fastest(warm) },
    site: { accounts: siteAccounts, commits: siteCommits, without, with: withHistory, withCache, slower },
  };
  const mb = (x: Sample) => (x.peakMB === null ? 'n/a' : `${x.peakMB} MB`);
  output.out('');
  output.out(`history | ${accounts} plans, ${commits} commits | cold ${result.history.cold.seconds.toFixed(2)} s (${mb(result.history.cold)}) | cached ${result.history.warm.seconds.toFixed(2)} s (${mb(result.history.warm)})`);
  const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}%`;
  output.out(
    `build | ${siteAccounts} plans, ${siteCommits} commits | without history ${without.seconds.toFixed(2)} s | with history ${withHistory.seconds.toFixed(2)} s (${signed(percent(withHistory))}, no cache), ${withCache.seconds.toFixed(2)} s (${signed(slower)}, cached)`,
  );
  return result;
}

/**
 * A repository whose `plans/` is a generated workspace, then `commits - 1` commits that each raise one plan's
 * first FY2027 quarter, twelve hours apart. Written with one `git fast-import`, which is far faster than a commit
 * per process; then checked out so the working copy is the last commit.
 */
export function makeRepo(dir: string, accounts: number, commits: number, seed: number): string {
  rmSync(dir, { recursive: true, force: true });
  generateWorkspace(join(dir, 'plans'), { accounts, seed, mdx: 0.2 });
  // Through the tool's own git runner (its settings pinned), the one place that runs git.
  const git = gitIn(dir);
  git(['init', '--quiet', '--initial-branch=main']);
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const e of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, e.name);
      if (e.isDirectory()) walk(path);
      else files.set(relative(dir, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(join(dir, 'plans'));
  const plans = [...files.keys()].filter((p) => p.startsWith('plans/accounts/')).sort();
  const start = Date.UTC(2025, 10, 24) / 1000;
  const chunks: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let k = 0; k < commits; k++) {
    const changed = k === 0 ? [...files.keys()] : [plans[(k * 7919) % plans.length]!];
    if (k > 0) {
      const path = changed[0]!;
      files.set(path, files.get(path)!.replace(/(period: FY2027-Q\d, revenue: )(\d+)/, (_, head: string, n: string) => `${head}${Number(n) + k * 1000}`));
    }
    chunks.push(`commit refs/heads/main\ncommitter Bench <bench@example.com> ${start + (k * DAY) / 2} +0000\n${data(`commit ${k}`)}`);
    for (const path of changed) chunks.push(`M 100644 inline ${path}\n${data(files.get(path)!)}`);
  }
  git(['fast-import', '--quiet'], chunks.join(''));
  git(['reset', '--hard', '--quiet', 'main']);
  return dir;
}
