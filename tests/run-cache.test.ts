import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { checksum, CHECKSUM_BYTES } from '../src/core/load/cache-folder.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';
import { LONG_LINE, RunCache, type Stream } from '../src/core/load/run-cache.ts';
import { cachedRun } from '../scripts/lib/cached-run.ts';
import type { Output } from '../scripts/lib/cli.ts';
import { plain as plainPaint } from '../src/core/report/diagnostics.ts';

/*
 * The run cache (src/core/load/run-cache.ts): a re-run of validate or check whose inputs are all unchanged prints the
 * last run's output. Each test marks the record (same-length text, so the record stays well formed): a run that
 * prints the mark replayed the record, one that does not computed afresh.
 */

const ROOT = resolve(import.meta.dirname, '..');
const TODAY = ['--today', '2026-11-24'];

let boxes: Sandbox[] = [];
let tool: string | undefined;
afterEach(() => {
  for (const b of boxes) b.remove();
  if (tool) rmSync(tool, { recursive: true, force: true });
  boxes = [];
  tool = undefined;
});

/** A sandbox whose working directory has node_modules/, so the caches live (only) inside it. */
function sandbox(fixture = 'tests/fixtures/minimal'): Sandbox {
  const box = makeSandbox(fixture);
  mkdirSync(join(box.dir, 'node_modules'));
  boxes.push(box);
  return box;
}

const cacheFolder = (s: Sandbox) => join(s.dir, 'node_modules', '.cache', 'account-plans');
const records = (s: Sandbox) => readdirSync(cacheFolder(s)).filter((n) => n.endsWith('.run')).map((n) => join(cacheFolder(s), n));

/** A record's content without its checksum (SHA-1, the last 20 bytes: src/core/load/cache-folder.ts). */
const contentOf = (file: Buffer) => file.subarray(0, file.length - CHECKSUM_BYTES);
/** Content with its checksum, as the tool writes a record. */
const seal = (content: Buffer) => Buffer.concat([content, checksum(content)]);

/**
 * Rewrites every record's "N notes" as "9 notes", with a checksum that matches (as if the tool had written it):
 * a run that prints "9 notes" printed a record.
 */
function mark(s: Sandbox): void {
  const files = records(s);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = contentOf(readFileSync(file)).toString('latin1');
    expect(text).toMatch(/\d notes?\b/);
    writeFileSync(file, seal(Buffer.from(text.replace(/\d (notes?)\b/g, '9 $1'), 'latin1')));
  }
}
const MARK = /9 notes?\b/;

const validate = (s: Sandbox, args: string[] = [], env: Record<string, string | undefined> = {}) => runScript('validate', ['--plans', 'plans', ...args], { cwd: s.dir, env });
const check = (s: Sandbox, args: string[] = [], env: Record<string, string | undefined> = {}) => runScript('check', ['--plans', 'plans', ...TODAY, ...args], { cwd: s.dir, env });

describe('a re-run with every input unchanged', () => {
  it('prints the recorded output and exit code, for validate and for check', () => {
    const s = sandbox('tests/fixtures/ledger');
    const first = { validate: validate(s), check: check(s) };
    expect(first.validate.status).toBe(0);
    expect(first.check.status).toBe(1); // goals missed: the gate fails, and a replay says so too
    // Unmarked, a replay is the first run to the byte.
    expect(validate(s)).toEqual(first.validate);
    expect(check(s)).toEqual(first.check);
    mark(s);
    expect(validate(s).stdout).toMatch(MARK);
    expect(check(s).stdout).toMatch(MARK);
  });

  it('gives the same bytes for check --json, cold and replayed, over the example plans', () => {
    const s = sandbox('plans');
    const cold = check(s, ['--json']);
    expect(cold.status).toBe(1);
    expect(records(s)).toHaveLength(1);
    expect(check(s, ['--json'])).toEqual(cold);
    expect(check(s, ['--json', '--no-cache'])).toEqual(cold);
  });

  it('replays invalid plans too: their diagnostics and exit code 2', () => {
    const s = sandbox();
    s.write({ 'accounts/acme.yaml': 'name: [unclosed\n' });
    const first = validate(s);
    expect(first.status).toBe(2);
    expect(validate(s)).toEqual(first);
    expect(check(s).status).toBe(2);
    expect(check(s).status).toBe(2);
  });
});

const PNG = readFileSync(join(ROOT, 'tests/fixtures/site-hostile/accounts/chart.png'));
const withImage = (s: Sandbox) => {
  const globex = readFileSync(join(s.plans, 'accounts/globex.mdx'), 'utf8');
  s.write({ 'accounts/globex.mdx': `${globex}\n![The plan](./chart.png)\n`, 'accounts/chart.png': PNG });
};

describe('a run computes afresh when an input changed', () => {
  const cases: { name: string; fixture?: string; prepare?: (s: Sandbox) => void; act?: (s: Sandbox) => void; args?: string[]; env?: Record<string, string> }[] = [
    { name: 'a plan is edited', act: (s) => s.write({ 'accounts/acme.yaml': `${readFileSync(join(s.plans, 'accounts/acme.yaml'), 'utf8')}# edited\n` }) },
    { name: 'a plan is added', act: (s) => s.write({ 'accounts/initech.yaml': readFileSync(join(s.plans, 'accounts/acme.yaml'), 'utf8') }) },
    { name: 'a plan is removed', act: (s) => s.write({ 'accounts/globex.mdx': null }) },
    { name: 'a file that is not a plan appears where plans are', act: (s) => s.write({ 'accounts/notes.md': 'a note\n' }) },
    { name: 'a plan is replaced by a folder of that name', act: (s) => {
      s.write({ 'accounts/acme.yaml': null });
      mkdirSync(join(s.plans, 'accounts/acme.yaml'));
    } },
    { name: 'a ledger file is edited', fixture: 'tests/fixtures/ledger', act: (s) => s.write({ 'sales/2026.csv': `${readFileSync(join(s.plans, 'sales/2026.csv'), 'utf8')}01/06/2026,acme,not a number,sensors,1,,,,\n` }) },
    { name: 'a ledger file is added', fixture: 'tests/fixtures/ledger', act: (s) => s.write({ 'sales/2027.csv': readFileSync(join(s.plans, 'sales/2026.csv'), 'utf8') }) },
    { name: 'a ledger file is replaced by a link to itself elsewhere in the folder', fixture: 'tests/fixtures/ledger', act: (s) => {
      mkdirSync(join(s.plans, 'archive'));
      cpSync(join(s.plans, 'sales/2026.csv'), join(s.plans, 'archive/2026.csv'));
      rmSync(join(s.plans, 'sales/2026.csv'));
      symlinkSync(join(s.plans, 'archive/2026.csv'), join(s.plans, 'sales/2026.csv'));
    } },
    { name: 'an image a narrative shows is removed', prepare: withImage, act: (s) => s.write({ 'accounts/chart.png': null }) },
    { name: 'an image a narrative shows is replaced by a link outside the plans folder', prepare: withImage, act: (s) => {
      writeFileSync(join(s.bystander, 'chart.png'), PNG);
      s.write({ 'accounts/chart.png': null });
      symlinkSync(join(s.bystander, 'chart.png'), join(s.plans, 'accounts/chart.png'));
    } },
    { name: 'the run says --no-cache', args: ['--no-cache'] },
    { name: 'ACCOUNT_PLANS_CACHE=0 is set', env: { ACCOUNT_PLANS_CACHE: '0' } },
    { name: 'another day is --today', args: ['--today', '2027-01-04'] },
    { name: 'the run asks for --json', args: ['--json'] },
    { name: 'the run is --strict', args: ['--strict'] },
    { name: 'the run is in GitHub Actions (annotations)', env: { GITHUB_ACTIONS: 'true' } },
  ];
  it.each(cases)('$name', ({ fixture, prepare, act, args = [], env = {} }) => {
    const s = sandbox(fixture);
    prepare?.(s);
    expect(check(s).status).not.toBeNull();
    mark(s);
    act?.(s);
    const run = check(s, args, env);
    expect(run.stdout).not.toMatch(MARK);
    // What a run without any cache prints.
    expect(run).toEqual(check(s, [...args, '--no-cache'], env));
  });

  // The ledger's sales after today are a warning of validate's (and not booked), so the date is part of its key too.
  it.each([
    { name: '--today', again: ['--today', '2026-05-01'], env: {} },
    { name: 'the TODAY variable', again: [], env: { TODAY: '2026-05-01' } },
  ])('validate on another day, given by $name, is not a replay', ({ again, env }) => {
    const s = sandbox('tests/fixtures/ledger');
    expect(validate(s, ['--today', '2026-11-24']).stdout).toBe('0 errors, 0 warnings, 0 notes in 2 account plans.\n');
    mark(s);
    expect(validate(s, ['--today', '2026-11-24']).stdout).toMatch(MARK);
    const other = validate(s, again, env);
    expect(other.stdout).not.toMatch(MARK);
    expect(other.stdout).toContain('after today (2026-05-01)');
    expect(other).toEqual(validate(s, [...again, '--no-cache'], env));
  });

  it('writes no record, and prints afresh, when the run also writes a comment or a step summary', () => {
    const s = sandbox();
    check(s);
    mark(s);
    const comment = check(s, ['--comment', 'comment.md']);
    expect(comment.stdout).not.toMatch(MARK);
    expect(readFileSync(join(s.dir, 'comment.md'), 'utf8')).toMatch(/goal/i);
    const summary = join(s.dir, 'summary.md');
    const withSummary = check(s, [], { GITHUB_STEP_SUMMARY: summary });
    expect(withSummary.stdout).not.toMatch(MARK);
    expect(readFileSync(summary, 'utf8').length).toBeGreaterThan(0);
    // The marked record is still the one from before: those runs did not replace it.
    expect(check(s).stdout).toMatch(MARK);
  });

  it('computes afresh when a command of the tool is edited (its scripts are part of the key)', () => {
    const s = sandbox();
    tool = mkdtempSync(join(tmpdir(), 'tool-copy-'));
    for (const part of ['scripts', 'src', 'schemas', 'package.json', 'package-lock.json']) cpSync(join(ROOT, part), join(tool, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(tool, 'node_modules'));
    const run = () => spawnSync(process.execPath, [join(tool!, 'scripts/validate.ts'), '--plans', 'plans'], { cwd: s.dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: undefined } });
    expect(run().stdout).toBe('0 errors, 0 warnings, 0 notes in 2 account plans.\n');
    const command = join(tool, 'scripts/commands/validate-print.ts');
    const text = readFileSync(command, 'utf8');
    expect(text).toContain('account plans');
    writeFileSync(command, text.replace('account plans', 'plans of accounts'));
    expect(run().stdout).toBe('0 errors, 0 warnings, 0 notes in 2 plans of accounts.\n');
  });
});

describe('a damaged or hostile record is ignored: never a crash, never a write outside the cache folder', () => {
  /** Changes each record's content; `sealed` gives it a matching checksum, so what is tested is the check of its structure. */
  const rewrite = (s: Sandbox, change: (b: Buffer) => Buffer, sealed = true) => {
    for (const file of records(s)) {
      const changed = change(Buffer.from(contentOf(readFileSync(file))));
      writeFileSync(file, sealed ? seal(changed) : changed);
    }
  };
  const cases: { name: string; act: (s: Sandbox) => void }[] = [
    { name: 'a record cut short', act: (s) => rewrite(s, (b) => b.subarray(0, b.length - 5)) },
    { name: 'a record cut in the middle of a line', act: (s) => rewrite(s, (b) => Buffer.concat([b.subarray(0, b.length - 30), b.subarray(b.length - 12)])) },
    { name: 'garbage after the head', act: (s) => rewrite(s, (b) => Buffer.concat([b.subarray(0, 90), Buffer.from('\x00\xff garbage \xfe'.repeat(40), 'latin1'), b.subarray(b.length - 12)])) },
    { name: 'a line length that points past the end', act: (s) => rewrite(s, (b) => (b.writeUInt32LE(0xfffffff0, b.indexOf('\n', b.indexOf('\n') + 1) + 2), b)) },
    { name: 'a count of lines one too many', act: (s) => rewrite(s, (b) => (b.writeUInt32LE(b.readUInt32LE(b.length - 12) + 1, b.length - 12), b)) },
    { name: 'an exit code no command returns', act: (s) => rewrite(s, (b) => (b.writeInt32LE(-7, b.length - 8), b)) },
    { name: 'a record for another key', act: (s) => rewrite(s, (b) => Buffer.from(b.toString('latin1').replace(/run 3\n[0-9a-f]/, (m) => `${m.slice(0, -1)}${m.endsWith('0') ? '1' : '0'}`), 'latin1')) },
    // Well formed in every other way: only the checksum tells "9 notes" from what the run printed.
    { name: 'one byte of a line changed, the checksum not', act: (s) => rewrite(s, (b) => Buffer.from(b.toString('latin1').replace(/\d (notes?)\b/, '8 $1'), 'latin1'), false) },
    { name: 'the checksum itself changed', act: (s) => {
      for (const file of records(s)) {
        const b = readFileSync(file);
        b[b.length - 1] = b[b.length - 1]! ^ 1;
        writeFileSync(file, b);
      }
    } },
    { name: 'a record that is a FIFO (opening it would wait for a writer forever)', act: (s) => {
      for (const file of records(s)) {
        rmSync(file);
        execFileSync('mkfifo', [file]);
      }
    } },
    { name: 'a record that is a link to a file outside', act: (s) => {
      for (const file of records(s)) {
        writeFileSync(join(s.bystander, 'record'), readFileSync(file));
        rmSync(file);
        symlinkSync(join(s.bystander, 'record'), file);
      }
    } },
  ];
  it.each(cases)('$name', ({ act }) => {
    const s = sandbox();
    const fresh = validate(s);
    mark(s);
    act(s);
    const outside = () => new Map([...s.snapshot()].filter(([path]) => !path.startsWith('node_modules/.cache/account-plans/')));
    const before = outside();
    expect(validate(s)).toEqual(fresh);
    expect(outside()).toEqual(before);
    // The next run reads what this one left: still the truth.
    expect(validate(s)).toEqual(fresh);
  });
});

describe('a record is replayed in its order, whatever its lines\' lengths', () => {
  it('short lines, long lines, empty lines and characters across the read window\'s end come back as recorded, line by line and in chunks', () => {
    const s = sandbox();
    const cache = RunCache.open(s.plans, s.dir, { command: 'test', options: [], files: [], extra: [] })!;
    // More than one window (1 MB) of short lines whose characters take two bytes, so some line and some character
    // straddles a window's end; long lines (64 KB and more) between short ones of the same stream.
    const lines: [Stream, string][] = [
      ['out', 'first'],
      ['out', 'é'.repeat(70_000)],
      ['out', ''],
      ...Array.from({ length: 3000 }, (_, i): [Stream, string] => [i % 500 === 0 ? 'err' : 'out', `${i} ${'é'.repeat(200 + (i % 37))}`]),
      ['err', 'x'.repeat(2_500_000)],
      ['command', '::notice::kept'],
      ['out', 'last'],
    ];
    const recorder = cache.record()!;
    for (const [stream, line] of lines) recorder.add(stream, line);
    recorder.finish(1);

    const byLine: [Stream, string][] = [];
    expect(cache.replay((stream, line) => byLine.push([stream, line]))).toBe(1);
    expect(byLine).toEqual(lines);

    const chunks: [Stream, Buffer][] = [];
    expect(cache.replayChunks((stream, bytes) => chunks.push([stream, Buffer.from(bytes)]))).toBe(1);
    // Joined stream by stream, in the order they came, the chunks are the lines with their line breaks.
    const runs: [Stream, string][] = [];
    for (const [stream, bytes] of chunks) {
      const last = runs[runs.length - 1];
      if (last && last[0] === stream) last[1] += bytes.toString('utf8');
      else runs.push([stream, bytes.toString('utf8')]);
    }
    const expected: [Stream, string][] = [];
    for (const [stream, line] of lines) {
      const last = expected[expected.length - 1];
      if (last && last[0] === stream) last[1] += `${line}\n`;
      else expected.push([stream, `${line}\n`]);
    }
    expect(runs).toEqual(expected);
    // No chunk is larger than a window unless it is one long line (and its line break comes apart).
    for (const [, bytes] of chunks) expect(bytes.length <= 1 << 20 || bytes.length === 2_500_000).toBe(true);
  });
});

describe('a record larger than the window it is read through', () => {
  const inputs = { command: 'test', options: [], files: [], extra: [] };
  const WINDOW = 1 << 20;

  /** The record file's head (magic and key), measured from a record of no line. */
  function headBytes(s: Sandbox): number {
    const cache = RunCache.open(s.plans, s.dir, inputs)!;
    cache.record()!.finish(0);
    return readFileSync(records(s)[0]!).length - 12 - CHECKSUM_BYTES;
  }

  /** Each stream's text as the chunks gave it, in order. */
  function joined(chunks: [Stream, Buffer][]): [Stream, string][] {
    const runs: [Stream, string][] = [];
    for (const [stream, bytes] of chunks) {
      const last = runs[runs.length - 1];
      if (last && last[0] === stream) last[1] += bytes.toString('utf8');
      else runs.push([stream, bytes.toString('utf8')]);
    }
    return runs;
  }

  it('a line whose five-byte head is split between two windows, at every split, comes back as recorded', () => {
    const s = sandbox();
    const head = headBytes(s);
    for (let split = 0; split <= 5; split++) {
      // The first line ends `split` bytes before the window's end, so the second line's head starts there.
      const lines: [Stream, string][] = [['out', 'a'.repeat(WINDOW - head - 5 - split)], ['err', 'b'.repeat(70)], ['out', 'c'.repeat(100_000)], ['out', 'd']];
      const cache = RunCache.open(s.plans, s.dir, inputs)!;
      const recorder = cache.record()!;
      for (const [stream, line] of lines) recorder.add(stream, line);
      recorder.finish(2);
      const chunks: [Stream, Buffer][] = [];
      expect(cache.replayChunks((stream, bytes) => chunks.push([stream, Buffer.from(bytes)]))).toBe(2);
      expect(joined(chunks)).toEqual([['out', `${lines[0]![1]}\n`], ['err', `${lines[1]![1]}\n`], ['out', `${lines[2]![1]}\nd\n`]]);
    }
  });

  it('a record damaged past the first window prints nothing at all: every window is checked before any line goes out', () => {
    const s = sandbox();
    const cache = RunCache.open(s.plans, s.dir, inputs)!;
    const recorder = cache.record()!;
    for (let i = 0; i < 40; i++) recorder.add('out', `${i} ${'x'.repeat(100_000)}`);
    recorder.finish(0);
    const [file] = records(s);
    const whole = readFileSync(file!);
    // A byte of the last line changed, the checksum not: the damage is in the third window.
    const damaged = Buffer.from(whole);
    damaged[whole.length - 100] = 0x79;
    writeFileSync(file!, damaged);
    const chunks: Buffer[] = [];
    expect(cache.replayChunks((_stream, bytes) => chunks.push(Buffer.from(bytes)))).toBeUndefined();
    expect(chunks).toEqual([]);
    // The same change with a checksum that matches it, and a last line's length past the end: nothing either.
    const content = Buffer.from(contentOf(whole));
    content.writeUInt32LE(0x7fffffff, content.length - 12 - 5 - 100_003 + 1);
    writeFileSync(file!, seal(content));
    expect(cache.replayChunks((_stream, bytes) => chunks.push(Buffer.from(bytes)))).toBeUndefined();
    expect(chunks).toEqual([]);
  });

  it('reaches a pipe and a file as recorded: the bytes of a window used again are copied for a pipe, which may write later', () => {
    const s = sandbox();
    const lines: [Stream, string][] = Array.from({ length: 30 }, (_, i): [Stream, string] => [i % 7 === 3 ? 'err' : 'out', i % 2 === 0 ? `${i}`.repeat(150_000) : `short ${i}`]);
    const cache = RunCache.open(s.plans, s.dir, inputs)!;
    const recorder = cache.record()!;
    for (const [stream, line] of lines) recorder.add(stream, line);
    recorder.finish(1);
    const script = [
      `import { RunCache } from ${JSON.stringify(join(ROOT, 'src/core/load/run-cache.ts'))};`,
      `import { consoleOutput } from ${JSON.stringify(join(ROOT, 'scripts/lib/cli.ts'))};`,
      'const out = consoleOutput();',
      `const cache = RunCache.open(${JSON.stringify(s.plans)}, ${JSON.stringify(s.dir)}, ${JSON.stringify(inputs)});`,
      'process.exitCode = cache.replayChunks((stream, bytes) => out.writeLines(stream, bytes)) ?? 9;',
    ].join('\n');
    const expected = (stream: Stream) => lines.filter(([st]) => st === stream).map(([, line]) => `${line}\n`).join('');
    const piped = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: s.dir, maxBuffer: 64 << 20 });
    expect(piped.status).toBe(1);
    expect(piped.stdout.toString('utf8')).toBe(expected('out'));
    expect(piped.stderr.toString('utf8')).toBe(expected('err'));
    const toFile = join(s.dir, 'out.txt');
    const fd = openSync(toFile, 'w');
    const filed = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: s.dir, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    expect(filed.status).toBe(1);
    expect(readFileSync(toFile, 'utf8')).toBe(expected('out'));
  });
});

describe('a run recorded through an output that takes bytes', () => {
  it('long lines of characters of every UTF-8 length are printed and recorded as their bytes, each one whole', async () => {
    const s = sandbox();
    const long = (c: string) => c.repeat(Math.ceil((LONG_LINE + 1) / c.length));
    const lines = [long('é€😀a'), 'short', long('😀'), long('€'), long('a')];
    const spec = { command: 'test-bytes', options: [], plansDir: 'plans', cwd: s.dir, cacheable: true, index: true };
    const capture = () => {
      const got: Buffer[] = [];
      const output: Output = { out: (line) => got.push(Buffer.from(`${line}\n`)), err: () => {}, paint: plainPaint, writeLines: (_stream, bytes) => got.push(Buffer.from(bytes)) };
      return { output, text: () => Buffer.concat(got).toString('utf8') };
    };
    const first = capture();
    let ran = 0;
    const exit = await cachedRun(spec, first.output, (_files, output) => (ran++, lines.forEach((line) => output.out(line)), 0));
    expect([exit, ran]).toEqual([0, 1]);
    expect(first.text()).toBe(lines.map((line) => `${line}\n`).join(''));
    const again = capture();
    expect(await cachedRun(spec, again.output, () => (ran++, 1))).toBe(0);
    expect(ran).toBe(1);
    expect(again.text()).toBe(first.text());
  });
});
