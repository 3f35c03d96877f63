import { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes.ts';
import type { Diagnostic, Position } from './diagnostic.ts';

type Catalog = typeof DIAGNOSTIC_CODES;

/** The data a code's message is written from: `[]` for a message that needs none, `[data]` otherwise. */
export type DataOf<C extends DiagnosticCode> = Parameters<Catalog[C]['message']>;

/** A code with its message, before it has a place (a file's problem found while reading it, an image check). */
export interface Problem {
  code: DiagnosticCode;
  message: string;
}

/** Where a diagnostic points: a position, and the field's dot path when there is one. */
export type Place = Position & { path?: string };

/** The message the catalog writes for a code from its data. */
export function messageOf<C extends DiagnosticCode>(code: C, ...data: DataOf<C>): string {
  const write = DIAGNOSTIC_CODES[code].message as (...a: unknown[]) => string;
  return write(...data);
}

/** A code and its message, from the catalog. */
export function problem<C extends DiagnosticCode>(code: C, ...data: DataOf<C>): Problem {
  return { code, message: messageOf(code, ...data) };
}

/** Raises a diagnostic: its severity and message come from the catalog entry of its code. */
export function diagnose<C extends DiagnosticCode>(file: string, at: Place, code: C, ...data: DataOf<C>): Diagnostic {
  return placed(file, at, problem(code, ...data));
}

/** A problem found before its place was known, now at one. */
export function placed(file: string, at: Place, { code, message }: Problem): Diagnostic {
  return {
    file,
    line: at.line,
    column: at.column,
    severity: DIAGNOSTIC_CODES[code].severity,
    code,
    message,
    ...(at.path !== undefined && { path: at.path }),
  };
}
