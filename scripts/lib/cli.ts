import pc from 'picocolors';
import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../../src/core/shared/input-error.ts';
import { NPM_SCRIPTS, type Invocation } from '../../src/core/shared/invocation.ts';
import { resolveToday } from '../../src/core/shared/today.ts';
import { type Paint } from '../../src/core/report/diagnostics.ts';
import { defuseCommands } from '../../src/core/report/escape.ts';
import { oneLine } from '../../src/core/shared/text.ts';

/** Thrown by a command to end with an exit code; anything else reaching `main` is a bug. */
export class ExitError extends Error {
  readonly code: number;
  constructor(code: number, message = '') {
    super(message);
    this.code = code;
  }
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** A GitHub workflow command the tool means to emit (an annotation); `out` when absent. */
  command?(line: string): void;
  /**
   * Lines as bytes, each followed by its line break (a long line and its line break may come in two calls), printed
   * exactly as `out`, `err` or `command` would print them one by one (a replayed output: load/run-cache.ts); absent
   * where an output takes lines only. `bytes` may be a view of a buffer the caller fills again once this returns:
   * an output that keeps bytes beyond the call keeps a copy.
   */
  writeLines?(stream: 'out' | 'err' | 'command', bytes: Uint8Array): void;
  paint: Paint;
  /** How hints name a command: as npm scripts (the default) or through the package's own command. */
  how?: Invocation;
}

/** How hints of a command's output name a command. */
export function howOf(output: Output): Invocation {
  return output.how ?? NPM_SCRIPTS;
}

/**
 * stdout and stderr, guarded: a line that GitHub Actions would read as a workflow command is defused
 * (only `command` may print one), and a reader that goes away (`check | head -1`) ends the output quietly
 * instead of in an EPIPE stack trace; the command still runs to its end and sets its exit code.
 */
export function consoleOutput(how: Invocation = NPM_SCRIPTS): Output {
  const colour = Boolean(process.stdout.isTTY) && pc.isColorSupported;
  const c = pc.createColors(colour);
  const stdout = guarded(process.stdout);
  const stderr = guarded(process.stderr);
  // Node writes to a file or a device that is not a terminal (/dev/null) before write() returns; to a pipe it may
  // write later, holding the bytes it was given, so those get a copy of their own.
  const atOnce = [writesAtOnce(1), writesAtOnce(2)];
  return {
    out: (line) => stdout(`${defuseCommands(line)}\n`),
    err: (line) => stderr(`${defuseCommands(line)}\n`),
    command: (line) => stdout(`${line}\n`),
    // What defuseCommands changes starts with "::" or "##[": bytes without either are written as they are, and the
    // others are defused as one text, which is the same as line by line (it looks only at a line's start and "##[").
    writeLines: (stream, bytes) => {
      const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const raw = stream === 'command' || (b.indexOf('::') === -1 && b.indexOf('##[') === -1);
      const err = stream === 'err';
      (err ? stderr : stdout)(!raw ? defuseCommands(b.toString('utf8')) : atOnce[err ? 1 : 0] ? b : Buffer.from(b));
    },
    paint: { red: c.red, yellow: c.yellow, blue: c.blue, dim: c.dim, bold: c.bold, green: c.green },
    how,
  };
}

/** Whether Node writes to this descriptor synchronously: a regular file, or a device that is not a terminal. */
function writesAtOnce(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFile() || (stat.isCharacterDevice() && !isatty(fd));
  } catch {
    return false;
  }
}

function guarded(stream: NodeJS.WriteStream): (text: string | Uint8Array) => void {
  let open = true;
  // EPIPE when the reader left; any other error on our own output has nowhere to be reported either.
  stream.on('error', () => {
    open = false;
  });
  return (text) => {
    if (open && !stream.destroyed) stream.write(text);
  };
}

/** Parses arguments, turning a misuse into a clear message and exit code 2. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values;
  } catch (e) {
    // Node writes some of these messages on several lines; they read as one sentence after another.
    throw new ExitError(2, `${oneLine((e as Error).message.replace(/\s*\n\s*/g, ' ')).replace(/\.$/, '')}.\n${usage}`);
  }
}

/** The one place that turns a command's result into an exit code. */
export async function main(run: (argv: string[], output: Output) => Promise<number> | number, how: Invocation = NPM_SCRIPTS): Promise<void> {
  const output = consoleOutput(how);
  const internal = (e: unknown) => {
    reportInternalError(e, output);
    process.exitCode = 2;
  };
  process.on('uncaughtException', internal);
  process.on('unhandledRejection', internal);
  try {
    process.exitCode = await run(process.argv.slice(2), output);
  } catch (e) {
    if (e instanceof ExitError) {
      if (e.message) output.err(e.message);
      process.exitCode = e.code;
    } else if (e instanceof InputError) {
      // Bad input (a folder, a ref, a date): its message says what to do.
      output.err(e.message.split('\n').map((line) => oneLine(line)).join('\n'));
      process.exitCode = 2;
    } else internal(e);
  }
}

/** One line, never a stack trace unless DEBUG=1 asks for it: the message may quote plan text. */
function reportInternalError(e: unknown, output: Output): void {
  const message = oneLine(e instanceof Error ? e.message : String(e), 500);
  const debug = Boolean(process.env['DEBUG']);
  output.err(`Internal error: ${message}. This is a bug in the tool, not in your plans; please report it${debug ? '' : ' (set DEBUG=1 for details)'}.`);
  if (debug) output.err(String(e instanceof Error ? e.stack : e));
}

export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function formatOption(value: string | undefined, usage: string): Format {
  const format = value ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new ExitError(2, `--format must be one of ${FORMATS.join(', ')}, not "${oneLine(format, 100)}".\n${usage}`);
  }
  return format as Format;
}

export function plansDirOption(value: string | undefined): string {
  return value ?? process.env['PLANS_DIR'] ?? 'plans';
}

/** The date a command counts as today: --today, else TODAY, else the clock (shared/today.ts), with the usage on misuse. */
export function todayOption(value: string | undefined, env: NodeJS.ProcessEnv, usage: string): string {
  return withUsage(usage, () => resolveToday(value, env));
}

/** Reads an option through core's parser: its InputError becomes a misuse, exit 2, with the command's usage under it. */
export function withUsage<T>(usage: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof InputError) throw new ExitError(2, `${e.message}\n${usage}`);
    throw e;
  }
}
