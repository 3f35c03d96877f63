import { validateJson } from '../../src/core/engine/check.ts';
import { Run } from '../../src/core/engine/run.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import { formatCount, formatDiagnostic } from '../../src/core/report/diagnostics.ts';
import { renderDiagnosticAnnotations } from '../../src/core/report/github.ts';
import { safeJson } from '../../src/core/report/escape.ts';
import type { PlansFile } from '../../src/core/load/files.ts';
import { howOf, type Output } from '../lib/cli.ts';

/** What validate was asked for, resolved by its command (commands/validate.ts). */
export interface ValidatePrint {
  plansDir: string;
  cwd: string;
  today: string;
  format: 'text' | 'json' | 'github';
  /** Whether the tool's caches may be used (not --no-cache). */
  cache: boolean;
}

/**
 * validate's run over the files its command read, and what it prints. Apart from the command, which is loaded on every
 * run, so that a run whose output the run cache replays never loads the engine. Returns the exit code: 0 valid, 2 invalid.
 */
export function printValidation(files: readonly PlansFile[], output: Output, options: ValidatePrint, validated?: (run: Run, plansDir: string, cwd: string) => void): number {
  const { plansDir, cwd: root, today, format } = options;
  const run = Run.of(workingCopy({ plansDir, cwd: root, cache: options.cache, files }), { today, how: howOf(output) });
  const { ok, diagnostics } = validateJson(run);
  const { workspace } = run;
  if (format === 'json') {
    output.out(safeJson({ ok, diagnostics }));
  } else {
    const annotate = output.command ?? output.out;
    if (format === 'github') {
      // GitHub shows 10 annotations of each kind: the rest are listed in the log, after a notice that counts them.
      const { lines, dropped } = renderDiagnosticAnnotations(diagnostics, 'listed in the log of this step');
      for (const line of lines) annotate(line);
      for (const d of dropped) output.out(formatDiagnostic(d, output.paint));
    } else for (const d of diagnostics) output.out(formatDiagnostic(d, output.paint));
    const plans = workspace ? ` in ${workspace.accounts.length} account plans` : '';
    output.out(`${formatCount(diagnostics, output.paint)}${plans}.`);
  }
  if (ok) validated?.(run, plansDir, root);
  return ok ? 0 : 2;
}
