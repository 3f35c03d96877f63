import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCommand } from '../scripts/commands/check.ts';
import { validateCommand } from '../scripts/commands/validate.ts';
import { appendStepSummary } from '../scripts/lib/step-summary.ts';
import type { Diagnostic } from '../src/core/diagnostics/diagnostic.ts';
import { plain } from '../src/core/report/diagnostics.ts';
import { renderInvalidSummary } from '../src/core/report/markdown.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

/*
 * GitHub shows 10 annotations of each level per step and refuses a step summary over 1 MiB; the runner's summary
 * file is not the user's to fix. Invalid plans obey the same limits as valid ones, and a summary that cannot be
 * written is a warning that keeps the gate's own exit code and still writes the comment.
 */
const TODAY = ['--today', '2026-11-01'];
let box: Sandbox | undefined;
afterEach(() => box?.remove());

type Command = typeof checkCommand;
async function run(command: Command, argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const commands: string[] = [];
  const code = await command(argv, { out: (l) => out.push(l), err: (l) => err.push(l), command: (l) => commands.push(l), paint: plain }, cwd, env);
  return { code, out, err, commands };
}

/** The minimal fixture with 40 plans, each with one schema error: 40 errors. */
function manyErrors(): Sandbox {
  box = makeSandbox();
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`accounts/bad-${i}.yaml`] = `name: Bad ${i}\nstatus: current\nstrategy: grw\nowner: ann-lee\n`;
  box.write(files);
  return box;
}

const levelOf = (line: string) => /^::(\w+) /.exec(line)?.[1];

describe('annotations for invalid plans stay within GitHub’s 10 per level', () => {
  it('check: ten errors and a notice that counts the rest, and every problem still in the log', async () => {
    const s = manyErrors();
    const r = await run(checkCommand, ['--plans', 'plans', ...TODAY, '--no-cache'], s.dir, { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(2);
    expect(r.commands.filter((l) => levelOf(l) === 'error')).toHaveLength(10);
    expect(r.commands.filter((l) => levelOf(l) === 'notice')).toEqual([expect.stringMatching(/^::notice file=plans\/accounts\/bad-[\d]+\.yaml,line=1,col=1,title=More findings::30 more findings are listed above and in the step summary\.$/)]);
    expect(r.out.filter((l) => / error strategy: "grw"/.test(l))).toHaveLength(40);
  });

  it('validate --format github: ten errors, a notice, and the other thirty as lines of the log', async () => {
    const s = manyErrors();
    const r = await run(validateCommand as unknown as Command, ['--plans', 'plans', '--format', 'github', '--no-cache'], s.dir);
    expect(r.code).toBe(2);
    expect(r.commands.filter((l) => levelOf(l) === 'error')).toHaveLength(10);
    expect(r.commands.filter((l) => levelOf(l) === 'notice')).toHaveLength(1);
    expect(r.commands.at(-1)).toMatch(/::30 more findings are listed in the log of this step\.$/);
    expect(r.out.filter((l) => / error strategy: "grw"/.test(l))).toHaveLength(30);
    expect(r.out.at(-1)).toBe('40 errors, 0 warnings, 0 notes.');
  });
});

describe('the step summary of invalid plans fits GitHub’s 1 MiB', () => {
  it('cuts 20,000 diagnostics at a whole line, with a closing note', () => {
    const diagnostics: Diagnostic[] = Array.from({ length: 20_000 }, (_, i) => ({ file: `plans/accounts/a${i}.yaml`, line: 3, column: 11, severity: 'error', code: 'invalid-value', message: `strategy: "grw" is not allowed. Did you mean "grow"? Write one of: acquire, grow, reactivate, retain, retire. ${'x'.repeat(100)}` }));
    const md = renderInvalidSummary(diagnostics);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1_000_000);
    expect(md.trimEnd().split('\n').at(-1)).toBe('*The list was cut here to fit GitHub’s step summary; `npm run validate` lists every problem.*');
    expect(md).toContain('`plans/accounts/a0.yaml:3:11`');
  });
});

describe('a step summary that cannot be written is a warning, not an internal error', () => {
  const cases: { name: string; make: (dir: string) => string; why: RegExp }[] = [
    { name: 'a folder', make: (dir) => (mkdirSync(join(dir, 'summary')), join(dir, 'summary')), why: /is a folder/ },
    { name: 'a FIFO', make: (dir) => (execFileSync('mkfifo', [join(dir, 'fifo')]), join(dir, 'fifo')), why: /is not a regular file/ },
    { name: 'a file in a folder that does not exist', make: (dir) => join(dir, 'gone', 'summary.md'), why: /is in a folder that does not exist/ },
    { name: 'a name of 300 bytes', make: (dir) => join(dir, `${'s'.repeat(300)}.md`), why: /has a name of 303 bytes/ },
  ];
  it.each(cases)('$name: the gate keeps its exit code, and the comment is written', async ({ make, why }) => {
    box = makeSandbox('tests/fixtures/rollup-basic');
    const summary = make(mkdtempSync(join(tmpdir(), 'summary-')));
    const r = await run(checkCommand, ['--plans', 'plans', ...TODAY, '--comment', 'comment.md'], box.dir, { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1); // rollup-basic misses a goal: the gate's own code
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^warning: GITHUB_STEP_SUMMARY .* so no step summary was written\. The check's result and exit code are unchanged\.$/);
    expect(r.err[0]).toMatch(why);
    expect(readFileSync(join(box.dir, 'comment.md'), 'utf8')).toContain('<!-- account-plans:check -->');
  });

  it('a write that fails after the check (the file became a FIFO) is a warning and throws nothing', () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'summary-')), 'fifo');
    execFileSync('mkfifo', [fifo]);
    const err: string[] = [];
    appendStepSummary(fifo, '## report\n', { out: () => {}, err: (l) => err.push(l), paint: plain });
    expect(err).toEqual([expect.stringMatching(/^warning: GITHUB_STEP_SUMMARY .*fifo could not be written \((ENXIO|not a regular file)\), so no step summary was written\./)]);
  });

  it('--comment with a name the file system refuses is refused before any work, exit 2', async () => {
    box = makeSandbox('tests/fixtures/rollup-basic');
    const before = box.snapshot();
    await expect(run(checkCommand, ['--plans', 'plans', ...TODAY, '--comment', `${'c'.repeat(300)}.md`], box!.dir)).rejects.toThrow(/^--comment c+… \(cut: \d+ characters\): it has a name of 303 bytes \("c+…"\), and a file system takes a name of at most 255 bytes here\. Name a new or regular file/);
    expect(box.snapshot()).toEqual(before);
  });

  it('a summary that can be written is appended as before', async () => {
    box = makeSandbox('tests/fixtures/rollup-basic');
    const summary = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const r = await run(checkCommand, ['--plans', 'plans', ...TODAY], box.dir, { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    expect(r.err).toEqual([]);
    expect(readFileSync(summary, 'utf8')).toMatch(/^# Earlier step\n## ❌ /);
  });
});
