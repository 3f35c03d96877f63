import type { SalesSettings } from '../../../../schemas/index.ts';
import { problem, type Problem } from '../../diagnostics/diagnose.ts';
import type { Position } from '../../diagnostics/diagnostic.ts';

/**
 * Which rows of a ledger file are sales (`sales.where`), and the warnings for a file whose columns say its sum would
 * be silently wrong: a stage column when nothing filters it (an opportunities report has open and lost deals beside
 * the won ones), a currency column nobody mapped (its amounts would be summed as the workspace currency).
 */

/** Headers that name a deal's stage or status, compared trimmed and in lower case. */
const STAGE_HEADERS = new Set(['stage', 'deal stage', 'opportunity stage', 'status', 'won', 'is won', 'closed']);
/** Headers that name a row's currency, compared trimmed and in lower case (a column headed exactly "currency" is read as the currency field). */
const CURRENCY_HEADERS = new Set(['currency', 'amount currency', 'opportunity currency', 'deal currency', 'currency code', 'currency iso code', 'transaction currency']);
/** How many distinct values of a stage column the warning names. */
const STAGE_VALUES_SHOWN = 10;

/** A value as the filter compares it: without its case and surrounding spaces. */
const folded = (value: string) => value.trim().toLowerCase();

export interface RowFilter {
  /** Whether a row of the header's length is a sale. */
  keeps(cells: readonly string[]): boolean;
}

/** The filter of `sales.where` for a file's header, or the problems of the columns it names that the header lacks. */
export function rowFilter(headers: readonly string[], settings: SalesSettings | undefined): { filter?: RowFilter; problems: { problem: Problem }[] } {
  const where = settings?.where;
  if (where === undefined) return { problems: [] };
  const columns: [number, Set<string>][] = [];
  const problems: { problem: Problem }[] = [];
  for (const [column, values] of Object.entries(where)) {
    const i = headers.indexOf(column.trim());
    if (i < 0) problems.push({ problem: problem('ledger-filter-column', { column, headers }) });
    else columns.push([i, new Set(values.map(folded))]);
  }
  if (problems.length > 0) return { problems };
  return { filter: { keeps: (cells) => columns.every(([i, values]) => values.has(folded(cells[i] ?? ''))) }, problems: [] };
}

/**
 * The columns a file has that change what its rows mean but that nothing reads: a stage or status column when no
 * `where` filters the rows, a currency column when no column is mapped to the currency field. Their distinct values
 * are gathered while the rows are read, for one warning each.
 */
export class UnreadColumns {
  private readonly columns: { index: number; at: Position; code: 'ledger-unfiltered-stage' | 'ledger-unmapped-currency'; values: Set<string>; more: boolean }[];

  /** `cellAt` places a cell of the header row; it is asked at once, while the row is at hand. */
  constructor(headers: readonly string[], settings: SalesSettings | undefined, currencyMapped: boolean, cellAt: (index: number) => Position) {
    const filtered = settings?.where !== undefined;
    this.columns = headers.flatMap((h, index) => {
      const code = !filtered && STAGE_HEADERS.has(folded(h)) ? 'ledger-unfiltered-stage' : !currencyMapped && CURRENCY_HEADERS.has(folded(h)) ? 'ledger-unmapped-currency' : undefined;
      return code ? [{ index, at: cellAt(index), code, values: new Set<string>(), more: false }] : [];
    });
  }

  note(cells: readonly string[]): void {
    for (const c of this.columns) {
      const value = cells[c.index]?.trim();
      if (value === undefined || value === '' || c.values.has(value)) continue;
      if (c.values.size < STAGE_VALUES_SHOWN) c.values.add(value);
      else c.more = true;
    }
  }

  /** One warning for each such column, at its header cell. */
  warnings(headers: readonly string[]): { at: Position; problem: Problem }[] {
    return this.columns.map((c) => ({ at: c.at, problem: problem(c.code, { column: headers[c.index]!, values: [...c.values], more: c.more }) }));
  }
}
