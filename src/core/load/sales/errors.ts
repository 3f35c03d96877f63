import type { DiagnosticCode } from '../../diagnostics/codes.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';

/** Past this many problems in one file the rest is not read: a ledger exported with the wrong settings fails on every row. */
export const MAX_PROBLEMS_PER_FILE = 50;

export function ledgerError(file: string, at: { line: number; column: number }, code: DiagnosticCode, message: string): Diagnostic {
  return { file, line: at.line, column: at.column, severity: 'error', code, message };
}

export function tooManyProblems(file: string, line: number): Diagnostic {
  return ledgerError(file, { line, column: 1 }, 'ledger-too-many-problems', `More than ${MAX_PROBLEMS_PER_FILE} problems in this file, so the rest of it is not checked. Fix the ones above (often the column mapping or sales.date_format in workspace.yaml), then run the check again.`);
}

const CSV_FAILURES: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'A double quote opened in this row is never closed, so the rest of the file would be read as one cell. Close the quote, or double a quote that belongs to the value ("").',
  CSV_INVALID_CLOSING_QUOTE: 'A quoted cell in this row has text after its closing quote. Double a quote that belongs to the value (""), or quote the whole cell.',
  CSV_MAX_RECORD_SIZE: 'This row is over 4 MB (4194304 bytes), far more than a sale needs: a double quote opened and never closed, or a cell holding a whole document. Close the quote or shorten the cell; the rest of the file is not read.',
  // csv-parse names this one without its CSV_ prefix.
  INVALID_OPENING_QUOTE: 'A cell in this row has a double quote in the middle of unquoted text. Put the whole cell in double quotes and double the quote inside it ("").',
};

/** What a syntax failure of the CSV parser means, and what to do. */
export function describeCsvFailure(code: string): string {
  return Object.hasOwn(CSV_FAILURES, code) ? CSV_FAILURES[code]! : `This row is not valid CSV (${code}). Export the ledger again as CSV, with the delimiter sales.delimiter names (a comma by default).`;
}
