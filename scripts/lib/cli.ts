import pc from 'picocolors';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PlansFolderMissing } from '../../src/core/files.ts';
import type { Paint } from '../../src/core/report.ts';

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
  paint: Paint;
}

export function consoleOutput(): Output {
  const colour = Boolean(process.stdout.isTTY) && pc.isColorSupported;
  const c = pc.createColors(colour);
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    paint: { red: c.red, yellow: c.yellow, blue: c.blue, dim: c.dim, bold: c.bold, green: c.green },
  };
}

/** Parses arguments, turning a misuse into a clear message and exit code 2. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values;
  } catch (e) {
    throw new ExitError(2, `${(e as Error).message.replace(/\.$/, '')}.\n${usage}`);
  }
}

/** The one place that turns a command's result into an exit code. */
export async function main(run: (argv: string[], output: Output) => Promise<number> | number): Promise<void> {
  const output = consoleOutput();
  try {
    process.exitCode = await run(process.argv.slice(2), output);
  } catch (e) {
    if (e instanceof ExitError) {
      if (e.message) output.err(e.message);
      process.exitCode = e.code;
    } else if (e instanceof PlansFolderMissing) {
      output.err(e.message);
      process.exitCode = 2;
    } else {
      output.err(`Internal error: ${(e as Error).message}. This is a bug in the tool, not in your plans; please report it${process.env['DEBUG'] ? '' : ' (set DEBUG=1 for details)'}.`);
      if (process.env['DEBUG']) output.err(String((e as Error).stack));
      process.exitCode = 2;
    }
  }
}

export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function formatOption(value: string | undefined, usage: string): Format {
  const format = value ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new ExitError(2, `--format must be one of ${FORMATS.join(', ')}, not "${format}".\n${usage}`);
  }
  return format as Format;
}

export function plansDirOption(value: string | undefined): string {
  return value ?? process.env['PLANS_DIR'] ?? 'plans';
}
