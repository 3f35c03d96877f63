import { closest, didYouMean, excerpt } from '../../shared/suggest.ts';
import { oneLine } from '../../shared/text.ts';
import type { CatalogEntry } from './entry.ts';

/** The sales ledger (sales/*.csv). `column` is a cell's column as the header names it; `field` the ledger field it holds. */
export const LEDGER = {
  'ledger-link': {
    severity: 'error',
    meaning: 'A ledger file is a symbolic link; links in sales/ are not followed.',
    /** `at` is how a base ref is shown, for a link in the ledger of `check --base`'s base. */
    message: ({ at }: { at: string | undefined }) =>
      at === undefined
        ? 'This ledger file is a symbolic link, and links in sales/ are not followed (their rows would be counted twice). Copy the file here, or remove the link.'
        : `At ${at} this ledger file is a symbolic link, and links in sales/ are not followed. Commit the file itself instead of a link.`,
  },
  'ledger-csv-syntax': {
    severity: 'error',
    meaning: 'A ledger row is not valid CSV (an unclosed or stray double quote).',
    message: ({ parserCode }: { parserCode: string }) =>
      Object.hasOwn(CSV_FAILURES, parserCode)
        ? CSV_FAILURES[parserCode]!
        : `This row is not valid CSV (${parserCode}). Export the ledger again as CSV, with the delimiter sales.delimiter names (a comma by default).`,
  },
  'ledger-missing-column': {
    severity: 'error',
    meaning: 'A ledger file has no column for account, revenue, or date (or period).',
    message: (data: MissingColumn) => missingColumn(data),
  },
  'ledger-duplicate-column': {
    severity: 'error',
    meaning: 'A ledger file\'s header names one column twice.',
    message: ({ header }: { header: string }) => `The header names the column "${oneLine(header, 80)}" twice, so it is not clear which one to read. Rename or remove one of them.`,
  },
  'ledger-column-count': {
    severity: 'error',
    meaning: 'A ledger row has more or fewer cells than the header.',
    message: ({ cells, headers }: { cells: number; headers: number }) =>
      `This row has ${cells < headers ? `only ${cells}` : `${cells}`} cells and the header has ${headers}, so its cells cannot be matched to columns. Give every row one cell per column (a comma inside a value needs the value in double quotes).`,
  },
  'ledger-missing-value': {
    severity: 'error',
    meaning: 'A ledger row leaves its account or revenue empty.',
    message: ({ column, field }: { column: string; field: 'account' | 'revenue' | 'margin' }) =>
      field === 'account'
        ? `${column}: the cell is empty, and every row needs the account it was sold to. Write the plan's id or the account's CRM id.`
        : `${column}: the cell is empty, and every row needs its ${field}. Write the amount, such as 1250.50.`,
  },
  'ledger-not-a-number': {
    severity: 'error',
    meaning: 'A ledger revenue or margin is not a plain number.',
    message: ({ column, value, comma, otherSeparator }: { column: string; value: string; comma: boolean; otherSeparator: boolean }) =>
      `${column}: ${excerpt(value)} is not a number. Write the amount with digits and a decimal ${comma ? 'comma' : 'point'}, such as ${comma ? '1250,50' : '1250.50'}, -${comma ? '1250,50' : '1250.50'} or (${comma ? '1250,50' : '1250.50'}); one currency sign or code may stand before or after it (${comma ? '€1250,50, 1250,50 EUR' : '€1250.50, 1250.50 EUR'}), and sales.thousands_separator reads ${comma ? '1.250,50' : '1,250.50'}.${otherSeparator ? ` If the export writes every amount so, set sales.decimal_separator: "${comma ? '.' : ','}" in workspace.yaml.` : ''}`,
  },
  'ledger-amount-separator': {
    severity: 'error',
    meaning: 'A ledger amount uses a separator the workspace\'s sales.decimal_separator and sales.thousands_separator do not read (1,200 with no thousands separator set).',
    message: ({ column, value, readings }: { column: string; value: string; readings: readonly { decimal_separator?: string; thousands_separator?: string; amount: number }[] }) => {
      const setting = (r: (typeof readings)[number]): string =>
        [r.decimal_separator !== undefined ? `sales.decimal_separator: ${JSON.stringify(r.decimal_separator)}` : '', r.thousands_separator !== undefined ? `sales.thousands_separator: ${JSON.stringify(r.thousands_separator)}` : '']
          .filter((s) => s !== '')
          .join(' and ');
      const amount = (n: number): string => String(n).replace('-', '\u2212');
      if (readings.length === 1) {
        const r = readings[0]!;
        return `${column}: ${excerpt(value)} is not read under the workspace's separators. If the export writes every amount so, set ${setting(r)} in workspace.yaml (it then reads ${amount(r.amount)}).`;
      }
      return `${column}: ${excerpt(value)} is ambiguous: it reads ${readings.map((r) => `${amount(r.amount)} with ${setting(r)}`).join(', or ')}. Set the one the export uses in workspace.yaml.`;
    },
  },
  'ledger-currency-mismatch': {
    severity: 'error',
    meaning: 'A ledger amount is written with a currency sign or code that is not the row\'s currency (its currency column, else the workspace currency).',
    message: ({ column, value, mark, currencies, rowCurrency, by, currencyColumn }: { column: string; value: string; mark: string; currencies: readonly string[]; rowCurrency: string; by: 'column' | 'empty' | 'workspace'; currencyColumn: string }) => {
      const written = currencies.length === 1 && currencies[0] === mark ? mark : `${mark} (${currencies.join(', ')})`;
      const fix =
        by === 'column'
          ? `the row's ${currencyColumn} column says ${rowCurrency}. Correct the amount or the currency cell.`
          : by === 'empty'
            ? `the row's ${currencyColumn} cell is empty, so it would count in ${rowCurrency}, the workspace currency. Write the row's currency in that cell.`
            : `the file has no currency column, so every amount counts in ${rowCurrency}, the workspace currency. Map the export's currency column under sales.columns in workspace.yaml (currency: "Currency"), so each row is converted by the fx rates.`;
      return `${column}: ${excerpt(value)} is written in ${written}, and ${fix}`;
    },
  },
  'ledger-bad-date': {
    severity: 'error',
    meaning: 'A ledger date is not in the declared format, or a period is not a fiscal year or quarter.',
    message: (data: { of: 'date'; column: string; value: string; format: string } | { of: 'period'; column: string; value: string }) =>
      data.of === 'date'
        ? `${data.column}: ${excerpt(data.value)} is not a date written ${data.format}. Write it as ${data.format}, or set sales.date_format in workspace.yaml to the format the export uses.`
        : `${data.column}: ${excerpt(data.value)} is not a fiscal period. Write a year or a quarter, such as FY2027 or FY2027-Q1.`,
  },
  'ledger-date-outside': {
    severity: 'error',
    meaning: 'A ledger row falls outside the fiscal years the workspace knows: its goals\' years and the two before them, and the years plans forecast or record.',
    message: ({ column, field, value, fiscalYear, years }: { column: string; field: 'date' | 'period'; value: string; fiscalYear: string; years: { first: number; last: number } | undefined }) =>
      `${column}: ${excerpt(value)} falls in ${fiscalYear}, and the workspace knows ${years ? (years.first === years.last ? `FY${years.first}` : `FY${years.first} to FY${years.last}`) : 'no fiscal year'} (the goals' years and the two before them, and the years plans forecast or record). Correct the ${field}, or remove rows from years nobody plans or reviews.`,
  },
  'ledger-unknown-product': {
    severity: 'error',
    meaning: 'A ledger row names a product that is not an offering in workspace.yaml.',
    message: ({ column, product, offerings }: { column: string; product: string; offerings: readonly string[] }) =>
      `${column}: ${excerpt(product)} is not an offering in workspace.yaml.${didYouMean(product, offerings)} Add it under offerings, or correct the row.`,
  },
  'ledger-unknown-currency': {
    severity: 'error',
    meaning: 'A ledger row\'s currency has no exchange rate in workspace.yaml.',
    message: ({ column, currency, workspaceCurrency, known }: { column: string; currency: string; workspaceCurrency: string; known: readonly string[] }) => {
      const hint = didYouMean(currency, known);
      // didYouMean lists up to 12 currencies when it has no close match; otherwise the rates known are named here.
      const listed = hint.startsWith(' Write') ? '' : ` The workspace knows ${known.length <= 12 ? known.join(', ') : `${known.slice(0, 12).join(', ')} and ${known.length - 12} more`}.`;
      return `${column}: ${excerpt(currency)} has no exchange rate under fx in workspace.yaml, so the row cannot be counted in ${workspaceCurrency}.${hint}${listed} Add the rate, or correct the row.`;
    },
  },
  'ledger-unknown-dimension-value': {
    severity: 'error',
    meaning: 'A ledger row gives a dimension value workspace.yaml does not list.',
    message: ({ column, dimension, value, allowed }: { column: string; dimension: string; value: string; allowed: readonly string[] }) =>
      `${column}: ${excerpt(value)} is not a ${dimension} in workspace.yaml.${didYouMean(value, allowed)}`,
  },
  'ledger-control-character': {
    severity: 'error',
    meaning: 'A ledger cell holds a control character (a line break outside a name).',
    message: ({ column, field, value, character }: { column: string; field: string; value: string; character: string }) =>
      `${column}: ${excerpt(value)} holds a control character (${excerpt(character)}), which no ${field} has. Export the ledger again, or remove the character.`,
  },
  'ledger-value-too-long': {
    severity: 'error',
    meaning: 'A ledger text cell (account, name, product …) is over 1,000 characters.',
    message: ({ column, field, value, max }: { column: string; field: string; value: string; max: number }) =>
      `${column}: ${excerpt(value)} is ${value.length.toLocaleString('en-US')} characters long, and a ledger ${field} may have at most ${max.toLocaleString('en-US')}. Export the ledger again, or shorten the cell.`,
  },
  'ledger-too-many-problems': {
    severity: 'error',
    meaning: 'A ledger file has more than 50 problems; the rest of it is not checked.',
    message: ({ max }: { max: number }) =>
      `More than ${max} problems in this file, so the rest of it is not checked. Fix the ones above (often the column mapping or sales.date_format in workspace.yaml), then run the check again.`,
  },
  'ledger-filter-column': {
    severity: 'error',
    meaning: 'sales.where names a column a ledger file does not have, so its rows cannot be told apart.',
    message: ({ column, headers }: { column: string; headers: readonly string[] }) =>
      `sales.where in workspace.yaml filters on the column "${oneLine(column, 80)}", and this file has no such column; its header reads: ${shownHeaders(headers)}.${hintHeader(column, headers)} Write the header as the export writes it, or remove the filter.`,
  },
  'ledger-unfiltered-stage': {
    severity: 'warning',
    meaning: 'A ledger file has a column named like a deal\'s stage or status and sales.where sets no filter, so every row is counted as a sale.',
    /** `values` are the column's first distinct values; `more` whether it holds others. */
    message: ({ column, values, more }: { column: string; values: readonly string[]; more: boolean }) => {
      const shown = values.length === 0 ? 'it is empty' : `its values: ${values.map((v) => excerpt(v)).join(', ')}${more ? ' …' : ''}`;
      const example = values[0] ?? 'Closed Won';
      return `The column "${oneLine(column, 80)}" looks like a deal's stage or status (${shown}), and every row is counted as a sale whatever it holds. If the file holds open or lost deals, set sales.where in workspace.yaml to the won value, such as where: { ${JSON.stringify(column)}: [${JSON.stringify(example)}] }.`;
    },
  },
  'ledger-unmapped-currency': {
    severity: 'warning',
    meaning: 'A ledger file has a column named like a currency that no column mapping reads, so its amounts are summed as the workspace currency.',
    /** `values` are the column's first distinct values; `more` whether it holds others. */
    message: ({ column, values, more }: { column: string; values: readonly string[]; more: boolean }) => {
      const shown = values.length === 0 ? 'it is empty' : `its values: ${values.map((v) => excerpt(v)).join(', ')}${more ? ' …' : ''}`;
      return `The column "${oneLine(column, 80)}" looks like the currency of each amount (${shown}), and nothing reads it, so every amount is summed as the workspace currency. Map it under sales.columns in workspace.yaml, such as currency: ${JSON.stringify(column)}, so each row is converted by the fx rates.`;
    },
  },
  'ledger-values-unknown-id': {
    severity: 'error',
    meaning: 'sales.values maps a label to an id the field does not have (a dimension value, an offering).',
    /** `field` is the key under sales.values; `allowed` the ids it has. */
    message: ({ field, label, id, allowed }: { field: string; label: string; id: string; allowed: readonly string[] }) =>
      `sales.values.${oneLine(field, 80)}: the label ${excerpt(label)} maps to ${excerpt(id)}, which is not ${field === 'product' ? 'an offering' : `a ${oneLine(field, 80)}`} in workspace.yaml.${didYouMean(id, allowed, 'one of its ids') || ' Add the id to workspace.yaml, or map the label to an id it lists.'}`,
  },
  'ledger-unknown-seller': {
    severity: 'warning',
    meaning: 'A ledger row\'s owner column names a seller who is not in team.yaml; the sale follows the account\'s current owner.',
    /**
     * `value` is the cell as written, `id` what sales.values.owner maps it to (if it does); `rows` how many rows of the
     * file name this seller; `person` the id of a person whose name is the cell; `more` how many other unknown sellers
     * the file names that get no warning of their own.
     */
    message: ({ column, value, id, rows, person, ids, more }: { column: string; value: string; id: string | undefined; rows: number; person: string | undefined; ids: readonly string[]; more: number }) => {
      const who = id === undefined ? excerpt(value) : `${excerpt(value)} (${excerpt(id)} by sales.values.owner)`;
      const fix =
        person !== undefined
          ? ` It is the name of ${person}: map it with sales.values: { owner: { ${JSON.stringify(value)}: ${person} } } in workspace.yaml.`
          : `${didYouMean(id ?? value, ids, 'a person\'s id') || ' If they left, this is as it should be; else add them to team.yaml, or map the name under sales.values.owner.'}`;
      const others = more > 0 ? ` ${more} other ${more === 1 ? 'seller' : 'sellers'} of this file ${more === 1 ? 'is' : 'are'} not in team.yaml either.` : '';
      return `${column}: ${who} is nobody in team.yaml, so ${rows === 1 ? 'this sale follows' : `its ${rows.toLocaleString('en-US')} sales in this file (this is the first) follow`} the account's current owner.${fix}${others}`;
    },
  },
  'ledger-account-two-plans': {
    severity: 'warning',
    meaning: 'A ledger account cell holds several ids (sales.account_separator) that name two plans; the row counts once, for the first.',
    /** `cell` the account cell as written; `plan` the plan the rows count for, `also` the other one; `rows` how many rows of the file hold this cell; `more` how many other such cells get no warning of their own. */
    message: ({ column, cell, plan, also, rows, more }: { column: string; cell: string; plan: string; also: string; rows: number; more: number }) =>
      `${column}: ${excerpt(cell)} names the plans ${plan} and ${also}, and a sale counts once, so ${rows === 1 ? 'this row counts' : `its ${rows.toLocaleString('en-US')} rows in this file (this is the first) count`} for ${plan} alone. If the sale belongs to ${also}, put its id first, or remove the other id from the cell.${more > 0 ? ` ${more} other ${more === 1 ? 'cell' : 'cells'} of this file name${more === 1 ? 's' : ''} two plans as well.` : ''}`,
  },
  'ledger-future-sales': {
    severity: 'warning',
    meaning: 'A ledger file has rows dated after today: they are not booked, and count in no figure.',
    /** `value` the first such row's date (or period) cell as written; `dated` false for a period column; `rows` how many rows of the file come after today. */
    message: ({ column, value, dated, today, rows }: { column: string; value: string; dated: boolean; today: string; rows: number }) =>
      `${column}: ${excerpt(value)} ${dated ? 'is after' : 'starts after'} today (${today}), so ${rows === 1 ? 'this row is' : `this row and ${(rows - 1).toLocaleString('en-US')} more of this file are`} not booked: a sale counts once its date has come, and until then it is in no figure. If ${rows === 1 ? 'it is an open deal' : 'they are open deals'}, leave ${rows === 1 ? 'it' : 'them'} out with sales.where; if a date is mistyped, correct it; if today is not ${today}, set --today or TODAY.`,
  },
  'ledger-footer': {
    severity: 'info',
    meaning: 'A ledger file\'s lines after its first blank line were not read, as sales.footer: stop-at-blank-line says.',
    /** `blank` is the blank line's number; `rows` how many rows came after it; `whole` false when the rest could not be read as CSV to its end. */
    message: ({ blank, rows, whole }: { blank: number; rows: number; whole: boolean }) =>
      `The file ends at the blank line ${blank}, as sales.footer: stop-at-blank-line says: ${whole ? `${rows} ${rows === 1 ? 'line' : 'lines'} after it ${rows === 1 ? 'was' : 'were'}` : 'the lines after it (not all of them valid CSV) were'} not read as sales (a report footer: totals, a confidentiality note, a copyright). If a sale is among them, remove the blank line.`,
  },
  'ledger-preset-headers': {
    severity: 'error',
    meaning: 'sales.preset names an export whose headers a ledger file does not have: the file is another export, or a field was renamed.',
    /** `missing` are the preset's headers the file lacks: the field each is read as (`where` for the won-stage filter), and headers read in its place. */
    message: ({ preset, export: kind, missing, headers }: { preset: string; export: string; missing: readonly { field: string; header: string; or: readonly string[] }[]; headers: readonly string[] }) => {
      const named = missing.map((m) => `"${oneLine(m.header, 80)}"${m.or.length > 0 ? ` (or ${m.or.map((o) => `"${oneLine(o, 80)}"`).join(', ')})` : ''} for ${m.field === 'where' ? 'the won-stage filter' : m.field}`);
      const first = missing[0]!;
      const fix = first.field === 'where' ? `where: { "<its header>": [the won value] }` : `columns: { ${first.field}: "<its header>" }`;
      const hint = missing.length === 1 ? hintHeader(first.header, headers) : '';
      return `sales.preset: ${preset} in workspace.yaml reads ${kind}, and this file's header has no ${named.join(', ')}; it reads: ${shownHeaders(headers)}.${hint} If your company renamed the field, map it beside the preset: sales: { preset: ${preset}, ${fix} } (anything set by hand wins over the preset). If the file is another export, remove the preset and map its columns under sales.columns.`;
    },
  },
  'ledger-report-footer': {
    severity: 'info',
    meaning: 'A ledger file ends at the report footer its sales.preset knows (Salesforce\'s "Grand Totals (N records)"); the lines from there on were not read.',
    /** `rows` counts the footer's lines, its first included; `whole` false when the rest could not be read as CSV to its end. */
    message: ({ preset, first, rows, whole }: { preset: string; first: string; rows: number; whole: boolean }) => {
      const after = rows - 1;
      const left = !whole ? 'that line and the lines after it (not all of them valid CSV) were' : after === 0 ? 'that line was' : `that line and the ${after} ${after === 1 ? 'line' : 'lines'} after it were`;
      return `The file ends at its report footer, ${excerpt(first)}, as sales.preset: ${preset} reads it: ${left} not read as sales (the totals, a confidentiality note, a copyright).`;
    },
  },
  'ledger-row-after-footer': {
    severity: 'error',
    meaning: 'A ledger file has a row of every column after the report footer its sales.preset knows, so that row would not be read.',
    message: ({ first, line }: { first: string; line: number }) =>
      `This row has every column of the header and comes after the report footer, ${excerpt(first)} on line ${line}, where nothing is read as a sale. Move the row above the footer, or export the report again.`,
  },
  'ledger-footer-count': {
    severity: 'warning',
    meaning: 'A report footer\'s record count ("Grand Totals (N records)") differs from the rows the file has above it: the export was cut or edited.',
    message: ({ first, said, rows }: { first: string; said: number; rows: number }) =>
      `The footer ${excerpt(first)} counts ${said.toLocaleString('en-US')} ${said === 1 ? 'record' : 'records'}, and the file has ${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'} above it: rows were removed or added after the export, or the file was cut. Export the report again, or check the rows by hand.`,
  },
} as const satisfies Record<string, CatalogEntry>;

/** What a syntax failure of the CSV parser (csv-parse's error code) means, and what to do. */
const CSV_FAILURES: Readonly<Record<string, string>> = {
  UTF16_BIG_ENDIAN: 'This file is written in UTF-16 big-endian (it starts with the bytes FE FF), which is not read. Save or export it as CSV in UTF-8 (Excel: "CSV UTF-8"), or as UTF-16 little-endian ("Unicode text").',
  CSV_QUOTE_NOT_CLOSED: 'A double quote opened in this row is never closed, so the rest of the file would be read as one cell. Close the quote, or double a quote that belongs to the value ("").',
  CSV_INVALID_CLOSING_QUOTE: 'A quoted cell in this row has text after its closing quote. Double a quote that belongs to the value (""), or quote the whole cell.',
  CSV_MAX_RECORD_SIZE: 'This row is over 4 MB (4194304 bytes), far more than a sale needs: a double quote opened and never closed, or a cell holding a whole document. Close the quote or shorten the cell; the rest of the file is not read.',
  // csv-parse names this one without its CSV_ prefix.
  INVALID_OPENING_QUOTE: 'A cell in this row has a double quote in the middle of unquoted text. Put the whole cell in double quotes and double the quote inside it ("").',
};

/** How many of a header's columns a message names: a header of thousands stays one readable line. */
const HEADERS_SHOWN = 12;

/**
 * A ledger field with no column: the header seems split by another delimiter (`headers[0]` is then the whole header
 * line), or no column has the field's header. `periodHeader` is the period column's header, offered instead of a date.
 */
export type MissingColumn =
  | { by: 'delimiter'; headers: readonly string[]; delimiter: string; declared: string }
  | { by: 'header'; field: string; header: string; headers: readonly string[]; periodHeader: string };

function missingColumn(data: MissingColumn): string {
  if (data.by === 'delimiter') {
    const d = JSON.stringify(data.delimiter);
    return `The header reads as one column, "${oneLine(data.headers[0] ?? '', 80)}": its cells seem to be separated by ${d}, not by ${JSON.stringify(data.declared)}. Set sales.delimiter: ${d} in workspace.yaml, or export the ledger with the delimiter it names.`;
  }
  const { field, header, headers } = data;
  const alt = field === 'date' ? ` (or a "${data.periodHeader}" column of fiscal periods such as FY2027-Q1)` : '';
  return `The ledger has no "${oneLine(header, 80)}" column for ${field}${alt}; its header reads: ${shownHeaders(headers)}.${hintHeader(header, headers)} Add the column, or name the header that holds ${field} under sales.columns in workspace.yaml, such as ${field}: "${field === 'revenue' ? 'Amount' : field === 'account' ? 'Account ID' : 'Invoice date'}".`;
}

/** A header as a message shows it: its first columns, and how many more there are. */
function shownHeaders(headers: readonly string[]): string {
  const shown = headers.slice(0, HEADERS_SHOWN).map((h) => oneLine(h, 40)).join(', ');
  const more = headers.length - HEADERS_SHOWN;
  return more > 0 ? `${shown} … and ${more.toLocaleString('en-US')} more` : shown;
}

function hintHeader(header: string, headers: readonly string[]): string {
  const near = closest(header, headers);
  return near === undefined ? '' : ` Did you mean "${oneLine(near, 80)}"? Headers are matched exactly.`;
}
