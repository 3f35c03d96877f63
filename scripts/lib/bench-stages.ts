import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readPlansFolder } from '../../src/core/load/files.ts';
import { loadWorkspace } from '../../src/core/load/workspace.ts';
import type { Output } from './cli.ts';

/**
 * The per-stage table, in this process: reading, parsing + validation + linking, the rollup, the rules, and
 * locating errors. It says where the time of a command goes, which the per-command table cannot.
 */
export async function stageTable(dirs: { accounts: number; dir: string }[], output: Output): Promise<void> {
  // Through the engine's run (the one door), so a stage is timed as the commands run it; an older tree without
  // the engine (the bench compares builds across commits) shows n/a.
  const engine = existsSync(join(import.meta.dirname, '../../src/core/engine/run.ts')) ? await import('../../src/core/engine/run.ts') : undefined;
  output.out('');
  output.out('Stages, in one process (ms):');
  output.out('accounts | read | parse+validate+link | rollup | rules | locate 100 errors | heap MB');
  for (const { accounts, dir } of dirs) {
    globalThis.gc?.();
    const t0 = performance.now();
    const files = readPlansFolder(dir);
    const t1 = performance.now();
    const { workspace, diagnostics } = loadWorkspace(files);
    const t2 = performance.now();
    if (!workspace) throw new Error(`The generated workspace is invalid: ${diagnostics[0]?.message}`);
    const run = engine?.Run.ofWorkspace(workspace, { today: '2026-11-24' });
    const rolled = run?.rollup;
    const t3 = performance.now();
    const findings = run?.findings;
    const t4 = performance.now();
    for (const account of workspace.accounts.slice(0, 100)) account.source.locate(['stakeholders', 1, 'reports_to']);
    const t5 = performance.now();
    const heap = process.memoryUsage().heapUsed / 1e6;
    const ms = (a: number, b: number) => (b - a).toFixed(0);
    output.out(
      `${accounts} | ${ms(t0, t1)} | ${ms(t1, t2)} | ${rolled ? ms(t2, t3) : 'n/a'} | ${findings ? `${ms(t3, t4)} (${findings.length} findings)` : 'n/a'} | ${ms(t4, t5)} | ${heap.toFixed(0)}`,
    );
  }
}
