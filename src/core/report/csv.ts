/**
 * CSV as RFC 4180 writes it (comma, CRLF, a field quoted when it holds a comma, quote or line break),
 * for the site's downloads. Plan text goes into a spreadsheet here, so a text cell that starts with
 * = + - @, a tab or a carriage return is prefixed with a single quote (OWASP's advice against formula
 * injection): the spreadsheet shows it as text instead of running it. Numbers are written as numbers,
 * so a negative gap stays a number a spreadsheet can sum.
 */
export type CsvCell = string | number | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvField(cell: CsvCell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
