import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../scripts/commands/check.ts';
import { validateCommand } from '../../scripts/commands/validate.ts';
import { ExitError, type Output } from '../../scripts/lib/cli.ts';
import { PlansFolderMissing } from '../../src/core/load/files.ts';
import { plain } from '../../src/core/report/diagnostics.ts';
import { snapshotTree } from '../helpers/sandbox.ts';
import { type CaseFiles, writeTree } from './case.ts';
import { namesInputOrMissing, TODAY } from './invariants.ts';

/** An Output that keeps what a command prints, with colours off. */
function collect(): Output & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l), paint: plain };
}

/** Runs a command function as scripts/lib/cli.ts `main` does: an ExitError or a missing folder is an exit code, anything else escapes. */
async function exitCode(run: (output: Output) => Promise<number>, output: Output): Promise<number> {
  try {
    return await run(output);
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
export async function commandProblems(files: CaseFiles): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-cmd-'));
  try {
    writeTree(join(dir, 'plans'), files);
    mkdirSync(join(dir, 'bystander'));
    writeFileSync(join(dir, 'bystander', 'keep.txt'), 'not yours\n');
    const before = snapshotTree(dir);
    const summary = join(dir, 'bystander', 'summary.md');
    const problems: string[] = [];
    const plans = ['--plans', 'plans'];
    const outputs = { validate: collect(), 'validate --format github': collect(), check: collect(), 'check in GitHub Actions': collect() };
    const runs = {
      validate: await exitCode((o) => validateCommand(plans, o, dir), outputs.validate),
      'validate --format github': await exitCode((o) => validateCommand([...plans, '--format', 'github'], o, dir), outputs['validate --format github']),
      check: await exitCode((o) => checkCommand([...plans, '--today', TODAY], o, dir, {}), outputs.check),
      'check in GitHub Actions': await exitCode((o) => checkCommand([...plans, '--today', TODAY], o, dir, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary }), outputs['check in GitHub Actions']),
    };
    for (const [name, o] of Object.entries(outputs)) problems.push(...outputProblems(files, o.lines).map((p) => `${name}: ${p}`));
    const json = collect();
    const jsonCode = await exitCode((o) => checkCommand([...plans, '--today', TODAY, '--json'], o, dir, {}), json);
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

const ANNOTATION = /^::(error|warning|notice) file=([^,]*),line=(\d+)/;
const unescapeProperty = (s: string) => s.replace(/%(0D|0A|3A|2C|25)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A file whose name holds a control character or a workflow command cannot be named both faithfully and safely: a safe rendering of it will do. */
function escapedName(files: CaseFiles, property: string): boolean {
  return !CONTROL.test(property) && Object.keys(files).some((rel) => CONTROL.test(rel) || /##\[|::/.test(rel));
}

/**
 * With colours off, what plan text reaches the terminal carries no control character (ESC would let a plan rewrite
 * the screen), and every line that GitHub Actions would read as a workflow command (`::cmd`, after blanks, or
 * `##[cmd]` anywhere) is an annotation of an input file.
 */
export function outputProblems(files: CaseFiles, printed: readonly string[]): string[] {
  const problems: string[] = [];
  for (const line of printed.flatMap((l) => l.split('\n'))) {
    const shown = JSON.stringify(line.slice(0, 160));
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/.test(line)) problems.push(`a control character is printed: ${shown}`);
    if (!/^[\s\u0085]*::/.test(line) && !line.includes('##[')) continue;
    const match = ANNOTATION.exec(line);
    if (!match || line.includes('##[') || !(namesInputOrMissing(files, unescapeProperty(match[2]!)) !== undefined || escapedName(files, match[2]!))) {
      problems.push(`a workflow command that is not an annotation of an input file: ${shown}`);
    }
  }
  return problems;
}
