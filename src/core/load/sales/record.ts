import { MAX_AMOUNT, type SalesSettings, type WorkspaceSettings } from '../../../../schemas/index.ts';
import type { DiagnosticCode } from '../../diagnostics/codes.ts';
import { ownValue } from '../../shared/own.ts';
import { fiscalYearOfDate, quarterOfDate } from '../../shared/periods.ts';
import { didYouMean, excerpt } from '../../shared/suggest.ts';
import { headerOf, type ColumnMap, type LedgerField } from './columns.ts';
import { parseLedgerDate, PERIOD } from './dates.ts';

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
}

// Controls other than tab and line breaks; line breaks are allowed only in names, inside quotes.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const NUMBER_DECIMAL_COMMA = /^-?\d+(,\d+)?$/;
// An account id or a client's name is short; a cell of a megabyte is a broken export, and the site would show it whole.
const MAX_TEXT_CHARS = 1000;

/** Checks one row against the column map; returns the row, or every problem of its cells. */
export function readRow(cells: readonly string[], map: ColumnMap, rules: RowRules): { row?: LedgerRow; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  if (cells.length !== map.headers.length) {
    const cell = Math.min(cells.length, map.headers.length);
    const what = cells.length < map.headers.length ? `only ${cells.length}` : `${cells.length}`;
    return { problems: [{ code: 'ledger-column-count', cell, message: `This row has ${what} cells and the header has ${map.headers.length}, so its cells cannot be matched to columns. Give every row one cell per column (a comma inside a value needs the value in double quotes).` }] };
  }
  const sales: SalesSettings | undefined = rules.settings.sales;
  const text = (field: LedgerField | string, i: number | undefined, multiline = false): string | undefined => {
    if (i === undefined) return undefined;
    const value = cells[i]!.trim();
    if (value.length > MAX_TEXT_CHARS) {
      problems.push({ code: 'ledger-value-too-long', cell: i, message: `${headerOf(field, sales)}: ${excerpt(value)} is ${value.length.toLocaleString('en-US')} characters long, and a ledger ${field} may have at most ${MAX_TEXT_CHARS.toLocaleString('en-US')}. Export the ledger again, or shorten the cell.` });
      return undefined;
    }
    const bad = CONTROL.exec(value) ?? (!multiline ? /[\r\n\t]/.exec(value) : null);
    if (bad) {
      problems.push({ code: 'ledger-control-character', cell: i, message: `${headerOf(field, sales)}: ${excerpt(value)} holds a control character (${excerpt(bad[0])}), which no ${field} has. Export the ledger again, or remove the character.` });
      return undefined;
    }
    // A value that starts like a spreadsheet formula (=cmd|…, +1, @SUM) is kept as the text it is: the site shows
    // it as text and the CSV downloads quote it (report/csv.ts), so it is never run, and a client named "@Home Labs" is no error.
    return value;
  };
  const amount = (field: 'revenue' | 'margin', required: boolean): number | undefined => {
    const i = map.fields[field];
    if (i === undefined) return undefined;
    const value = cells[i]!.trim();
    if (value === '') {
      if (required) problems.push({ code: 'ledger-missing-value', cell: i, message: `${headerOf(field, sales)}: the cell is empty, and every row needs its ${field}. Write the amount, such as 1250.50.` });
      return undefined;
    }
    const comma = sales?.decimal_separator === ',';
    if (!(comma ? NUMBER_DECIMAL_COMMA : NUMBER).test(value)) {
      const example = comma ? '1250,50' : '1250.50';
      // An amount written with the other separator: the export's setting, not the row, is what to change.
      const other = (comma ? NUMBER : NUMBER_DECIMAL_COMMA).test(value) ? ` If the export writes every amount so, set sales.decimal_separator: "${comma ? '.' : ','}" in workspace.yaml.` : '';
      problems.push({ code: 'ledger-not-a-number', cell: i, message: `${headerOf(field, sales)}: ${excerpt(value)} is not a number. Write the amount with digits and a decimal ${comma ? 'comma' : 'point'} only, such as ${example} (no currency sign, no thousands separator).${other}` });
      return undefined;
    }
    const n = Number(comma ? value.replace(',', '.') : value);
    // The plans' own bound (schemas/common.ts): a sum of a million such rows is still a finite number.
    if (Math.abs(n) > MAX_AMOUNT) {
      problems.push({ code: 'out-of-range', cell: i, message: `${headerOf(field, sales)}: ${excerpt(value)} is beyond ${MAX_AMOUNT.toExponential()}, the largest amount a row may hold. Correct the amount.` });
      return undefined;
    }
    return n;
  };

  const account = text('account', map.fields.account);
  if (account === '') problems.push({ code: 'ledger-missing-value', cell: map.fields.account!, message: `${headerOf('account', sales)}: the cell is empty, and every row needs the account it was sold to. Write the plan's id or the account's CRM id.` });
  const revenue = amount('revenue', true);
  const margin = amount('margin', false);
  const name = text('name', map.fields.name, true);
  const when = readWhen(cells, map, rules, problems);

  let product = text('product', map.fields.product) ?? '';
  const offerings = rules.settings.offerings.map((o) => o.id);
  if (product !== '' && !offerings.includes(product)) {
    problems.push({ code: 'ledger-unknown-product', cell: map.fields.product!, message: `${headerOf('product', sales)}: ${excerpt(product)} is not an offering in workspace.yaml.${didYouMean(product, offerings)} Add it under offerings, or correct the row.` });
    product = '';
  }
  const currency = text('currency', map.fields.currency) ?? '';
  let rate = 1;
  if (currency !== '' && currency !== rules.settings.currency) {
    const fx = ownValue(rules.settings.fx, currency);
    if (fx === undefined) {
      const known = [rules.settings.currency, ...Object.keys(rules.settings.fx)];
      problems.push({ code: 'ledger-unknown-currency', cell: map.fields.currency!, message: `${headerOf('currency', sales)}: ${excerpt(currency)} has no exchange rate under fx in workspace.yaml, so the row cannot be counted in ${rules.settings.currency}.${didYouMean(currency, known)} Add the rate, or correct the row.` });
    } else rate = fx;
  }
  const dimensions: Record<string, string> = {};
  for (const [dimension, i] of map.dimensions) {
    const value = text(dimension, i);
    if (value === undefined || value === '') continue;
    const allowed = ownValue(rules.settings.dimensions, dimension) ?? [];
    if (!allowed.includes(value)) {
      problems.push({ code: 'ledger-unknown-dimension-value', cell: i, message: `${headerOf(dimension, sales)}: ${excerpt(value)} is not a ${dimension} in workspace.yaml.${didYouMean(value, allowed)}` });
    } else dimensions[dimension] = value;
  }
  if (problems.length > 0 || account === undefined || revenue === undefined || when === undefined) return { problems };
  return {
    row: { account, period: when.period, date: when.date, revenue: revenue * rate, margin: (margin ?? 0) * rate, product, name: name || undefined, dimensions },
    problems,
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
      problems.push({ code: 'ledger-bad-date', cell: i, message: `${headerOf('date', sales)}: ${excerpt(value)} is not a date written ${format}. Write it as ${format}, or set sales.date_format in workspace.yaml to the format the export uses.` });
      return undefined;
    }
    period = quarterOfDate(date, start);
  } else {
    if (!PERIOD.test(value)) {
      problems.push({ code: 'ledger-bad-date', cell: i, message: `${headerOf('period', sales)}: ${excerpt(value)} is not a fiscal period. Write a year or a quarter, such as FY2027 or FY2027-Q1.` });
      return undefined;
    }
    period = value;
  }
  // All the digits: a date late in 9999 falls in FY10000, which the first four would read as FY1000.
  const year = Number(/^FY(\d+)/.exec(period)![1]);
  const { years } = rules;
  if (!years || year < years.first || year > years.last) {
    const known = years ? (years.first === years.last ? `FY${years.first}` : `FY${years.first} to FY${years.last}`) : 'no fiscal year';
    const fy = date ? fiscalYearOfDate(date, start) : `FY${year}`;
    problems.push({ code: 'ledger-date-outside', cell: i, message: `${headerOf(field, sales)}: ${excerpt(value)} falls in ${fy}, and the workspace knows ${known} (the goals' years and the two before them, and the years plans forecast or record). Correct the ${field}, or remove rows from years nobody plans or reviews.` });
    return undefined;
  }
  return { period, date };
}
