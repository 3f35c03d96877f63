import { diagnose } from '../../diagnostics/diagnose.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';

/** Past this many problems in one file the rest is not read: a ledger exported with the wrong settings fails on every row. */
export const MAX_PROBLEMS_PER_FILE = 50;

export function tooManyProblems(file: string, line: number): Diagnostic {
  return diagnose(file, { line, column: 1 }, 'ledger-too-many-problems', { max: MAX_PROBLEMS_PER_FILE });
}
