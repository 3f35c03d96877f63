import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readPlansFolder } from '../src/core/load/files.ts';
import { loadWorkspace } from '../src/core/load/workspace.ts';
import { ExitError, main, parseOptions } from './lib/cli.ts';
import { generateWorkspace } from './lib/generate.ts';

const USAGE = 'Usage: npm run bench -- [--accounts N[,N…]] [--seed N] [--site N]';

/**
 * Measures the pipeline on generated workspaces: reading, parsing + validation + linking,
 * the rollup, the rules, and locating errors in a broken file. `--site N` also times
 * `npm run build` on N generated plans. Reports time and peak memory; asserts nothing.
 */
await main(async (argv, output) => {
  const values = parseOptions(argv, { accounts: { type: 'string' }, seed: { type: 'string' }, site: { type: 'string' } }, USAGE);
  const sizes = (values.accounts ?? '1000,10000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new ExitError(2, `--accounts takes whole numbers, such as 1000,10000.\n${USAGE}`);
  const seed = Number(values.seed ?? 42);
  const rollup = existsSync(join(import.meta.dirname, '../src/core/rollup/rollup.ts')) ? await import('../src/core/rollup/rollup.ts') : undefined;
  const rules = existsSync(join(import.meta.dirname, '../src/core/rules/index.ts')) ? await import('../src/core/rules/index.ts') : undefined;

  output.out(`node ${process.version}, ${process.platform}/${process.arch}`);
  output.out('accounts | read ms | parse+validate+link ms | rollup ms | rules ms | locate 100 errors ms | heap MB');
  for (const n of sizes) {
    const dir = join('bench-workspaces', `accounts-${n}`);
    generateWorkspace(dir, { accounts: n, seed, mdx: 0.2 });
    globalThis.gc?.();
    const t0 = performance.now();
    const files = readPlansFolder(dir);
    const t1 = performance.now();
    const { workspace, diagnostics } = loadWorkspace(files);
    const t2 = performance.now();
    if (!workspace) throw new ExitError(2, `The generated workspace is invalid: ${diagnostics[0]?.message}`);
    const rolled = rollup?.rollUp(workspace);
    const t3 = performance.now();
    const findings = rules?.runRules(workspace, { today: '2026-11-24' });
    const t4 = performance.now();
    for (const account of workspace.accounts.slice(0, 100)) account.source.locate(['stakeholders', 1, 'reports_to']);
    const t5 = performance.now();
    const heap = process.memoryUsage().heapUsed / 1e6;
    const ms = (a: number, b: number) => (b - a).toFixed(0);
    output.out(`${n} | ${ms(t0, t1)} | ${ms(t1, t2)} | ${rolled ? ms(t2, t3) : 'n/a'} | ${findings ? `${ms(t3, t4)} (${findings.length} findings)` : 'n/a'} | ${ms(t4, t5)} | ${heap.toFixed(0)}`);
  }

  if (values.site) {
    const n = Number(values.site);
    const dir = join('bench-workspaces', `site-${n}`);
    generateWorkspace(dir, { accounts: n, seed, mdx: 0.2 });
    const t0 = performance.now();
    execFileSync(process.execPath, ['scripts/build.ts', '--plans', dir, '--out', join('bench-workspaces', `dist-${n}`)], { stdio: 'inherit' });
    output.out(`site build of ${n} plans: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return 0;
});
