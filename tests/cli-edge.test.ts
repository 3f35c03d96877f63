import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/sandbox.ts';

/** Runs a script whose reader has gone before it writes a byte: stdout (or stderr) is a pipe with its reading end closed. */
function runWithClosedReader(args: string[], closed: 'stdout' | 'stderr'): Promise<{ code: number | null; other: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GITHUB_ACTIONS: undefined } });
    child[closed].destroy();
    let other = '';
    const open = closed === 'stdout' ? child.stderr : child.stdout;
    open.setEncoding('utf8');
    open.on('data', (chunk: string) => (other += chunk));
    child.on('close', (code) => done({ code, other }));
  });
}

describe('a reader that goes away early ends the output quietly, with the command’s exit code', () => {
  it.each([
    { name: 'check, its table unread', args: ['scripts/check.ts', '--plans', 'tests/fixtures/minimal', '--today', '2026-11-24'], code: 1 },
    { name: 'check --json, unread', args: ['scripts/check.ts', '--plans', 'tests/fixtures/minimal', '--json', '--today', '2026-11-24'], code: 1 },
    { name: 'validate of invalid plans, unread', args: ['scripts/validate.ts', '--plans', 'tests/fixtures/site-invalid'], code: 2 },
    { name: 'validate --format github, unread', args: ['scripts/validate.ts', '--plans', 'tests/fixtures/minimal', '--format', 'github'], code: 0 },
    { name: 'build --help, unread', args: ['scripts/build.ts', '--help'], code: 0 },
  ])('$name', async ({ args, code }) => {
    const r = await runWithClosedReader(args, 'stdout');
    expect(r.other).toBe('');
    expect(r.code).toBe(code);
  });

  it('a misuse whose stderr reader has gone still exits 2, printing nothing on stdout', async () => {
    const r = await runWithClosedReader(['scripts/check.ts', '--no-such-option'], 'stderr');
    expect(r.code).toBe(2);
    expect(r.other).toBe('');
  });

  it('check | head -1 in a shell: the first line, then a quiet end with check’s own exit code', () => {
    const script = `"$0" scripts/check.ts --plans tests/fixtures/minimal --today 2026-11-24 2>err.log | head -1; echo "exit \${PIPESTATUS[0]}"; cat err.log; rm err.log`;
    const r = spawnSync('bash', ['-c', script, process.execPath], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toBe('Minimal Co: plans against goals (USD, forecast weighted by confidence, tolerance 0%)\nexit 1\n');
  });
});

/** Runs `main` of scripts/lib/cli.ts with a command that fails in a way no command should. */
function internal(body: string, env: Record<string, string> = {}) {
  const code = `const { main } = await import(${JSON.stringify(join(ROOT, 'scripts/lib/cli.ts'))}); await main(${body});`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DEBUG: undefined, ...env } });
}

const BUG = 'This is a bug in the tool, not in your plans; please report it (set DEBUG=1 for details).\n';

describe('an unexpected exception is one line, exit 2, and no stack trace', () => {
  it.each([
    { name: 'thrown by the command', body: `() => { throw new Error('boom') }`, message: 'boom' },
    { name: 'with plan text that tries to start a line', body: `() => { throw new Error('bad\\n::error::forged') }`, message: 'bad\\n::error::forged' },
    { name: 'thrown later, outside the command', body: `() => { setTimeout(() => { throw new Error('late') }, 10); return 0 }`, message: 'late' },
    { name: 'a rejected promise nobody awaited', body: `() => { Promise.reject(new Error('lost')); return 0 }`, message: 'lost' },
    { name: 'something thrown that is not an Error', body: `() => { throw 'text' }`, message: 'text' },
  ])('$name', ({ body, message }) => {
    const r = internal(body);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Internal error: ${message}. ${BUG}`);
  });

  it('shows the stack with DEBUG=1', () => {
    const r = internal(`() => { throw new Error('boom') }`, { DEBUG: '1' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Internal error: boom\. This is a bug in the tool, not in your plans; please report it\.\nError: boom\n\s+at /);
  });
});
