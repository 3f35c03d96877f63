import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../scripts/commands/check.ts';
import { validateCommand } from '../../scripts/commands/validate.ts';
import { ExitError, type Output } from '../../scripts/lib/cli.ts';
import { PlansFolderMissing } from '../../src/core/files.ts';
import { plain } from '../../src/core/report.ts';
import { snapshotTree } from '../helpers/sandbox.ts';
import { type CaseFiles, writeTree } from './case.ts';
import { TODAY } from './invariants.ts';

/** An Output that keeps what a command prints, with colours off. */
function collect(): Output & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l), paint: plain };
}

/** Runs a command function as scripts/lib/cli.ts `main` does: an ExitError or a missing folder is an exit code, anything else escapes. */
function exitCode(run: (output: Output) => number, output: Output): number {
  try {
    return run(output);
  } catch (e) {
    if (e instanceof ExitError) return e.code;
    if (e instanceof PlansFolderMissing) return 2;
    throw e;
  }
}

/**
 * validate and check, in-process, over the files written to a temporary plans folder: exit codes are 0, 1 or 2,
 * they agree on validity, --json prints JSON, and neither the plans nor a bystander file change.
 */
export function commandProblems(files: CaseFiles): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-cmd-'));
  try {
    writeTree(join(dir, 'plans'), files);
    mkdirSync(join(dir, 'bystander'));
    writeFileSync(join(dir, 'bystander', 'keep.txt'), 'not yours\n');
    const before = snapshotTree(dir);
    const summary = join(dir, 'bystander', 'summary.md');
    const problems: string[] = [];
    const plans = ['--plans', 'plans'];
    const runs = {
      validate: exitCode((o) => validateCommand(plans, o, dir), collect()),
      'validate --format github': exitCode((o) => validateCommand([...plans, '--format', 'github'], o, dir), collect()),
      check: exitCode((o) => checkCommand([...plans, '--today', TODAY], o, dir, {}), collect()),
      'check in GitHub Actions': exitCode((o) => checkCommand([...plans, '--today', TODAY], o, dir, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary }), collect()),
    };
    const json = collect();
    const jsonCode = exitCode((o) => checkCommand([...plans, '--today', TODAY, '--json'], o, dir, {}), json);
    for (const [name, code] of Object.entries({ ...runs, 'check --json': jsonCode })) {
      if (![0, 1, 2].includes(code)) problems.push(`${name} exited ${code}`);
    }
    if ((runs.validate === 2) !== (runs.check === 2)) problems.push(`validate exited ${runs.validate} but check exited ${runs.check}: they disagree on whether the plans are valid`);
    if (runs.check !== jsonCode) problems.push(`check exited ${runs.check} but check --json exited ${jsonCode}`);
    try {
      JSON.parse(json.lines.join('\n'));
    } catch {
      problems.push(`check --json printed something that is not JSON: ${json.lines.join('\n').slice(0, 200)}`);
    }
    rmSync(summary, { force: true });
    const after = snapshotTree(dir);
    for (const [path, hash] of before) if (after.get(path) !== hash) problems.push(`${path} was changed or deleted`);
    for (const path of after.keys()) if (!before.has(path)) problems.push(`${path} was created`);
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
