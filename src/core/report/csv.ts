import { stringify } from 'csv-stringify/sync';

/**
 * CSV for the site's downloads: RFC 4180 (comma, CRLF) written by csv-stringify, with two defences on top, since
 * plan and ledger text goes into a spreadsheet here (OWASP's CSV-injection advice):
 *
 * - every text cell is quoted, so a `;` or a tab inside it cannot split it into a cell of its own, and
 * - a text cell that holds a formula character (= + - @, a tab or a carriage return) at its start, or after a
 *   `,` `;` tab `|` or line break (where a spreadsheet whose list separator is `;` or a tab, or that splits a
 *   pasted line, would start a new cell), gets a `'` before it: the spreadsheet shows it as text instead of
 *   running it. Spaces between the separator and the character do not help it through.
 *
 * Numbers are written as numbers, unquoted, so a negative gap stays a number a spreadsheet can sum.
 */
export type CsvCell = string | number | undefined;

const FORMULA = /(?:^|[,;\t|\r\n])[ \u00a0]*[=+\-@\t\r]/;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const records = [header, ...rows].map((row) => row.map(safeCell));
  return stringify(records, { record_delimiter: 'windows', quoted_string: true });
}

/** One cell as toCsv writes it. */
export function csvField(cell: CsvCell): string {
  return stringify([[safeCell(cell)]], { quoted_string: true, eof: false });
}

/** Text defused (a `'` before it when it could start a formula), a finite number as it is, anything else empty. */
function safeCell(cell: CsvCell): string | number | null {
  if (cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  return FORMULA.test(cell) ? `'${cell}` : cell;
}
