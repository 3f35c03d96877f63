import type { SalesSettings } from '../../../../schemas/index.ts';
import { ownValue } from '../../shared/own.ts';
import { problem, type Problem } from '../../diagnostics/diagnose.ts';

/** The fields a ledger row can carry, beside the workspace's dimensions. */
export const LEDGER_FIELDS = ['date', 'period', 'account', 'revenue', 'product', 'margin', 'currency', 'name'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** Where each field is in a file's rows: a column index, or undefined when the file has no such column. */
export interface ColumnMap {
  fields: Partial<Record<LedgerField, number>>;
  /** Dimension name → column index, for the dimensions the file has a column for. */
  dimensions: Map<string, number>;
  /** The seller's column (sales.columns.owner), read only when the workspace maps it. */
  seller: number | undefined;
  /** The header as written, for messages. */
  headers: string[];
}

/** Fields read only when sales.columns names their header: a column that happens to be called so in an existing ledger keeps meaning nothing. */
export const MAPPED_ONLY_FIELDS = ['owner'] as const;

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
  const sellerHeader = settings ? ownValue(settings.columns, 'owner') : undefined;
  const wanted = new Set([...LEDGER_FIELDS, ...dimensions].map((f) => headerOf(f, settings)));
  if (sellerHeader !== undefined) wanted.add(sellerHeader);
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
  const seller = sellerHeader === undefined ? undefined : at.get(sellerHeader);
  return { map: { fields, dimensions: dims, seller, headers: header.map((h) => h.trim()) }, problems };
}

const DELIMITERS = [',', ';', '\t', '|'];

/** A header problem as the code and data of its diagnostic (ledger-duplicate-column or ledger-missing-column). */
export function headerProblem(p: HeaderProblem, map: ColumnMap, settings: SalesSettings | undefined): Problem {
  if (p.kind === 'duplicate') return problem('ledger-duplicate-column', { header: p.header });
  if (p.kind === 'delimiter') return problem('ledger-missing-column', { by: 'delimiter', headers: map.headers, delimiter: p.delimiter, declared: settings?.delimiter ?? ',' });
  return problem('ledger-missing-column', { by: 'header', field: p.field, header: p.header, headers: map.headers, periodHeader: headerOf('period', settings) });
}
