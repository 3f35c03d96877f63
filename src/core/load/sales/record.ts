import { MAX_AMOUNT, type SalesSettings, type WorkspaceSettings } from '../../../../schemas/index.ts';
import type { DiagnosticCode } from '../../diagnostics/codes.ts';
import { problem } from '../../diagnostics/diagnose.ts';
import { ownValue } from '../../shared/own.ts';
import { fiscalYearOfDate, quarterOfDate } from '../../shared/periods.ts';
import { headerOf, type ColumnMap, type LedgerField } from './columns.ts';
import { parseLedgerDate, PERIOD } from './dates.ts';
import { readAmount, type AmountFormat } from './amount.ts';
import { rateOf } from '../../shared/money.ts';

/** One ledger row, checked, in the workspace currency. Never kept: the ledger sums it and lets it go. */
export interface LedgerRow {
  account: string;
  /** The quarter of a dated row, or the period a row gives (a quarter or a year). */
  period: string;
  date: string | undefined;
  revenue: number;
  margin: number;
  product: string;
  name: string | undefined;
  dimensions: Record<string, string>;
  /** The person who sold it (the `owner` column, a person's id in team.yaml), or undefined: the account's current owner. */
  seller: string | undefined;
}

/** A seller the `owner` column names who is not in team.yaml: the row is read, and follows the account's current owner. */
export interface UnknownSeller {
  cell: number;
  /** The cell as written. */
  value: string;
  /** The id sales.values.owner maps it to, when it maps it. */
  id: string | undefined;
}

/** A problem with one cell of a row. `cell` is the column index; a missing cell points past the row. */
export interface CellProblem {
  code: DiagnosticCode;
  cell: number;
  message: string;
}

/** What every row is checked against, worked out once per ledger. */
export interface RowRules {
  settings: WorkspaceSettings;
  /** The first and last fiscal year the workspace knows (goals and the two years before them, forecasts, history), or undefined when it names none. */
  years: { first: number; last: number } | undefined;
  /** sales.values: field → trimmed label → id, for the fields whose labels are mapped. */
  labels: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The people of team.yaml by id: the sellers an `owner` column may name. */
  people: ReadonlySet<string>;
}

/** sales.values as lookups: field → trimmed label → id. */
export function labelMaps(sales: SalesSettings | undefined): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [field, labels] of Object.entries(sales?.values ?? {})) {
    out.set(field, new Map(Object.entries(labels).map(([label, id]) => [label.trim(), id])));
  }
  return out;
}

// Controls other than tab and line breaks; line breaks are allowed only in names, inside quotes.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// An account id or a client's name is short; a cell of a megabyte is a broken export, and the site would show it whole.
const MAX_TEXT_CHARS = 1000;

/** Checks one row against the column map; returns the row, or every problem of its cells. */
export function readRow(cells: readonly string[], map: ColumnMap, rules: RowRules): { row?: LedgerRow; problems: CellProblem[]; unknownSeller?: UnknownSeller } {
  const problems: CellProblem[] = [];
  if (cells.length !== map.headers.length) {
    const cell = Math.min(cells.length, map.headers.length);
    return { problems: [{ cell, ...problem('ledger-column-count', { cells: cells.length, headers: map.headers.length }) }] };
  }
  const sales: SalesSettings | undefined = rules.settings.sales;
  const text = (field: LedgerField | string, i: number | undefined, multiline = false): string | undefined => {
    if (i === undefined) return undefined;
    const value = cells[i]!.trim();
    if (value.length > MAX_TEXT_CHARS) {
      problems.push({ cell: i, ...problem('ledger-value-too-long', { column: headerOf(field, sales), field, value, max: MAX_TEXT_CHARS }) });
      return undefined;
    }
    const bad = CONTROL.exec(value) ?? (!multiline ? /[\r\n\t]/.exec(value) : null);
    if (bad) {
      problems.push({ cell: i, ...problem('ledger-control-character', { column: headerOf(field, sales), field, value, character: bad[0] }) });
      return undefined;
    }
    // A value that starts like a spreadsheet formula (=cmd|…, +1, @SUM) is kept as the text it is: the site shows
    // it as text and the CSV downloads quote it (report/csv.ts), so it is never run, and a client named "@Home Labs" is no error.
    return value;
  };
  // The row's currency, read first: an amount's own sign or code must agree with it.
  const currency = text('currency', map.fields.currency) ?? '';
  const currencyProblems = problems.splice(0);
  const rowCurrency = currency === '' ? rules.settings.currency : currency;
  const known = currency === '' || currency === rules.settings.currency || ownValue(rules.settings.fx, currency) !== undefined;
  const format: AmountFormat = { decimal: sales?.decimal_separator ?? '.', thousands: sales?.thousands_separator };
  const amount = (field: 'revenue' | 'margin', required: boolean): number | undefined => {
    const i = map.fields[field];
    if (i === undefined) return undefined;
    const value = cells[i]!.trim();
    const column = headerOf(field, sales);
    if (value === '') {
      if (required) problems.push({ cell: i, ...problem('ledger-missing-value', { column, field }) });
      return undefined;
    }
    const comma = format.decimal === ',';
    const read = readAmount(value, format);
    if (!read.ok) {
      // An amount written with the other decimal separator alone: the export's setting, not the row, is what to change.
      const [only, ...others] = read.readings;
      const otherSeparator = only !== undefined && others.length === 0 && only.thousands_separator === undefined;
      if (read.readings.length === 0 || otherSeparator) problems.push({ cell: i, ...problem('ledger-not-a-number', { column, value, comma, otherSeparator }) });
      else problems.push({ cell: i, ...problem('ledger-amount-separator', { column, value, readings: read.readings }) });
      return undefined;
    }
    const n = read.amount;
    // The plans' own bound (schemas/common.ts): a sum of a million such rows is still a finite number.
    if (!Number.isFinite(n) || Math.abs(n) > MAX_AMOUNT) {
      problems.push({ cell: i, ...problem('out-of-range', { in: 'ledger', column, value, max: MAX_AMOUNT }) });
      return undefined;
    }
    // A currency cell that is itself in error says nothing the amount could disagree with.
    if (read.written && known && currencyProblems.length === 0 && !read.written.currencies.includes(rowCurrency)) {
      const by = map.fields.currency === undefined ? 'workspace' : currency === '' ? 'empty' : 'column';
      problems.push({ cell: i, ...problem('ledger-currency-mismatch', { column, value, mark: read.written.mark, currencies: read.written.currencies, rowCurrency, by, currencyColumn: headerOf('currency', sales) }) });
      return undefined;
    }
    return n;
  };

  const account = text('account', map.fields.account);
  if (account === '') problems.push({ cell: map.fields.account!, ...problem('ledger-missing-value', { column: headerOf('account', sales), field: 'account' }) });
  const revenue = amount('revenue', true);
  const margin = amount('margin', false);
  const name = text('name', map.fields.name, true);
  const when = readWhen(cells, map, rules, problems);

  // A label sales.values maps is read as its id; any other cell as it is written.
  const mapped = (field: string, value: string): string => rules.labels.get(field)?.get(value) ?? value;
  let product = mapped('product', text('product', map.fields.product) ?? '');
  const offerings = rules.settings.offerings.map((o) => o.id);
  if (product !== '' && !offerings.includes(product)) {
    problems.push({ cell: map.fields.product!, ...problem('ledger-unknown-product', { column: headerOf('product', sales), product, offerings }) });
    product = '';
  }
  // Said here, after the amounts and the product, so a row's problems stay in the order they always came in.
  problems.push(...currencyProblems);
  if (!known) {
    const rates = [rules.settings.currency, ...Object.keys(rules.settings.fx)];
    problems.push({ cell: map.fields.currency!, ...problem('ledger-unknown-currency', { column: headerOf('currency', sales), currency, workspaceCurrency: rules.settings.currency, known: rates }) });
  }
  const dimensions: Record<string, string> = {};
  for (const [dimension, i] of map.dimensions) {
    const written = text(dimension, i);
    if (written === undefined || written === '') continue;
    const value = mapped(dimension, written);
    const allowed = ownValue(rules.settings.dimensions, dimension) ?? [];
    if (!allowed.includes(value)) {
      problems.push({ cell: i, ...problem('ledger-unknown-dimension-value', { column: headerOf(dimension, sales), dimension, value, allowed }) });
    } else dimensions[dimension] = value;
  }
  // Who sold it: a person of team.yaml (by id, or by a label sales.values.owner maps); anyone else is a warning, and the row follows the account's owner.
  let seller: string | undefined;
  let unknownSeller: UnknownSeller | undefined;
  const sold = text('owner', map.seller);
  if (sold !== undefined && sold !== '') {
    const id = mapped('owner', sold);
    if (rules.people.has(id)) seller = id;
    else unknownSeller = { cell: map.seller!, value: sold, id: id === sold ? undefined : id };
  }
  if (problems.length > 0 || account === undefined || revenue === undefined || when === undefined) return { problems };
  // The one conversion of the workspace (shared/money.ts), as plans' amounts are converted.
  const rate = rateOf(rules.settings, rowCurrency);
  return {
    row: { account, period: when.period, date: when.date, revenue: revenue * rate, margin: (margin ?? 0) * rate, product, name: name || undefined, dimensions, seller },
    problems,
    ...(unknownSeller && { unknownSeller }),
  };
}

/** The row's fiscal period, from its date (in the declared format) or its period column; checked against the workspace's years. */
function readWhen(cells: readonly string[], map: ColumnMap, rules: RowRules, problems: CellProblem[]): { period: string; date: string | undefined } | undefined {
  const sales = rules.settings.sales;
  const start = rules.settings.fiscal_year_start_month;
  const i = map.fields.date ?? map.fields.period!;
  const field = map.fields.date !== undefined ? 'date' : 'period';
  const value = cells[i]!.trim();
  let period: string;
  let date: string | undefined;
  if (field === 'date') {
    const format = sales?.date_format ?? 'YYYY-MM-DD';
    date = parseLedgerDate(value, format);
    if (date === undefined) {
      problems.push({ cell: i, ...problem('ledger-bad-date', { of: 'date', column: headerOf('date', sales), value, format }) });
      return undefined;
    }
    period = quarterOfDate(date, start);
  } else {
    if (!PERIOD.test(value)) {
      problems.push({ cell: i, ...problem('ledger-bad-date', { of: 'period', column: headerOf('period', sales), value }) });
      return undefined;
    }
    period = value;
  }
  // All the digits: a date late in 9999 falls in FY10000, which the first four would read as FY1000.
  const year = Number(/^FY(\d+)/.exec(period)![1]);
  const { years } = rules;
  if (!years || year < years.first || year > years.last) {
    const fy = date ? fiscalYearOfDate(date, start) : `FY${year}`;
    problems.push({ cell: i, ...problem('ledger-date-outside', { column: headerOf(field, sales), field, value, fiscalYear: fy, years }) });
    return undefined;
  }
  return { period, date };
}
