import type { SalesSettings } from '../../../../schemas/index.ts';
import { ownValue } from '../../shared/own.ts';
import { closest } from '../../shared/suggest.ts';
import { oneLine } from '../../shared/text.ts';

/** The fields a ledger row can carry, beside the workspace's dimensions. */
export const LEDGER_FIELDS = ['date', 'period', 'account', 'revenue', 'product', 'margin', 'currency', 'name'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** Where each field is in a file's rows: a column index, or undefined when the file has no such column. */
export interface ColumnMap {
  fields: Partial<Record<LedgerField, number>>;
  /** Dimension name → column index, for the dimensions the file has a column for. */
  dimensions: Map<string, number>;
  /** The header as written, for messages. */
  headers: string[];
}

export type HeaderProblem =
  | { kind: 'missing'; field: string; header: string }
  | { kind: 'delimiter'; delimiter: string }
  | { kind: 'duplicate'; header: string; index: number };

/** The header each field is read from: workspace.yaml's `sales.columns`, else the field's own name. */
export function headerOf(field: string, settings: SalesSettings | undefined): string {
  return (settings && ownValue(settings.columns, field)) ?? field;
}

/** Maps a file's header row to the fields. Columns nobody asked for are ignored: an export is dropped in unchanged. */
export function mapColumns(header: readonly string[], settings: SalesSettings | undefined, dimensions: readonly string[]): { map: ColumnMap; problems: HeaderProblem[] } {
  const problems: HeaderProblem[] = [];
  const at = new Map<string, number>();
  const wanted = new Set([...LEDGER_FIELDS, ...dimensions].map((f) => headerOf(f, settings)));
  header.forEach((h, i) => {
    const name = h.trim();
    // Two columns an export repeats (two blank headers, two "Notes") are ignored like any column nobody reads.
    if (at.has(name)) {
      if (wanted.has(name)) problems.push({ kind: 'duplicate', header: name, index: i });
    } else at.set(name, i);
  });
  const fields: ColumnMap['fields'] = {};
  for (const field of LEDGER_FIELDS) {
    const i = at.get(headerOf(field, settings));
    if (i !== undefined) fields[field] = i;
  }
  const dims = new Map<string, number>();
  for (const d of dimensions) {
    const i = at.get(headerOf(d, settings));
    if (i !== undefined) dims.set(d, i);
  }
  // One column whose name holds a ; or a tab: the file is separated by another character than the one declared,
  // which is one mistake, not a missing column for each field.
  const declared = settings?.delimiter ?? ',';
  const other = header.length === 1 ? DELIMITERS.find((d) => d !== declared && header[0]!.includes(d)) : undefined;
  if (other !== undefined && fields.account === undefined) problems.push({ kind: 'delimiter', delimiter: other });
  else for (const field of ['account', 'revenue'] as const) {
    if (fields[field] === undefined) problems.push({ kind: 'missing', field, header: headerOf(field, settings) });
  }
  if (other === undefined && fields.date === undefined && fields.period === undefined) {
    problems.push({ kind: 'missing', field: 'date', header: headerOf('date', settings) });
  }
  return { map: { fields, dimensions: dims, headers: header.map((h) => h.trim()) }, problems };
}

const HEADERS_SHOWN = 12;
const DELIMITERS = [',', ';', '\t', '|'];

/** The message for a header problem. */
export function describeHeaderProblem(p: HeaderProblem, map: ColumnMap, settings: SalesSettings | undefined): string {
  if (p.kind === 'delimiter') {
    const d = JSON.stringify(p.delimiter);
    return `The header reads as one column, "${oneLine(map.headers[0] ?? '', 80)}": its cells seem to be separated by ${d}, not by ${JSON.stringify(settings?.delimiter ?? ',')}. Set sales.delimiter: ${d} in workspace.yaml, or export the ledger with the delimiter it names.`;
  }
  if (p.kind === 'duplicate') {
    return `The header names the column "${oneLine(p.header, 80)}" twice, so it is not clear which one to read. Rename or remove one of them.`;
  }
  // A header of thousands of columns is named by its first few: the message stays one readable line.
  const shown = map.headers.slice(0, HEADERS_SHOWN).map((h) => oneLine(h, 40)).join(', ');
  const more = map.headers.length - HEADERS_SHOWN;
  const header = more > 0 ? `${shown} … and ${more.toLocaleString('en-US')} more` : shown;
  const alt = p.field === 'date' ? ` (or a "${headerOf('period', settings)}" column of fiscal periods such as FY2027-Q1)` : '';
  const near = closest(p.header, map.headers);
  const hint = near === undefined ? '' : ` Did you mean "${oneLine(near, 80)}"? Headers are matched exactly.`;
  return `The ledger has no "${oneLine(p.header, 80)}" column for ${p.field}${alt}; its header reads: ${header}.${hint} Add the column, or name the header that holds ${p.field} under sales.columns in workspace.yaml, such as ${p.field}: "${p.field === 'revenue' ? 'Amount' : p.field === 'account' ? 'Account ID' : 'Invoice date'}".`;
}
