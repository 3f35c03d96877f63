import { didYouMean, excerpt } from '../../shared/suggest.ts';
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
  'ledger-csv-syntax': { severity: 'error', meaning: 'A ledger row is not valid CSV (an unclosed or stray double quote).' },
  'ledger-missing-column': { severity: 'error', meaning: 'A ledger file has no column for account, revenue, or date (or period).' },
  'ledger-duplicate-column': { severity: 'error', meaning: 'A ledger file\'s header names one column twice.' },
  'ledger-column-count': { severity: 'error', meaning: 'A ledger row has more or fewer cells than the header.',
    message: ({ cells, headers }: { cells: number; headers: number }) =>
      `This row has ${cells < headers ? `only ${cells}` : `${cells}`} cells and the header has ${headers}, so its cells cannot be matched to columns. Give every row one cell per column (a comma inside a value needs the value in double quotes).`,
  },
  'ledger-missing-value': { severity: 'error', meaning: 'A ledger row leaves its account or revenue empty.',
    message: ({ column, field }: { column: string; field: 'account' | 'revenue' | 'margin' }) =>
      field === 'account'
        ? `${column}: the cell is empty, and every row needs the account it was sold to. Write the plan's id or the account's CRM id.`
        : `${column}: the cell is empty, and every row needs its ${field}. Write the amount, such as 1250.50.`,
  },
  'ledger-not-a-number': { severity: 'error', meaning: 'A ledger revenue or margin is not a plain number.',
    message: ({ column, value, comma, otherSeparator }: { column: string; value: string; comma: boolean; otherSeparator: boolean }) =>
      `${column}: ${excerpt(value)} is not a number. Write the amount with digits and a decimal ${comma ? 'comma' : 'point'} only, such as ${comma ? '1250,50' : '1250.50'} (no currency sign, no thousands separator).${otherSeparator ? ` If the export writes every amount so, set sales.decimal_separator: "${comma ? '.' : ','}" in workspace.yaml.` : ''}`,
  },
  'ledger-bad-date': { severity: 'error', meaning: 'A ledger date is not in the declared format, or a period is not a fiscal year or quarter.',
    message: (data: { of: 'date'; column: string; value: string; format: string } | { of: 'period'; column: string; value: string }) =>
      data.of === 'date'
        ? `${data.column}: ${excerpt(data.value)} is not a date written ${data.format}. Write it as ${data.format}, or set sales.date_format in workspace.yaml to the format the export uses.`
        : `${data.column}: ${excerpt(data.value)} is not a fiscal period. Write a year or a quarter, such as FY2027 or FY2027-Q1.`,
  },
  'ledger-date-outside': { severity: 'error', meaning: 'A ledger row falls outside the fiscal years the workspace knows: its goals\' years and the two before them, and the years plans forecast or record.',
    message: ({ column, field, value, fiscalYear, years }: { column: string; field: 'date' | 'period'; value: string; fiscalYear: string; years: { first: number; last: number } | undefined }) =>
      `${column}: ${excerpt(value)} falls in ${fiscalYear}, and the workspace knows ${years ? (years.first === years.last ? `FY${years.first}` : `FY${years.first} to FY${years.last}`) : 'no fiscal year'} (the goals' years and the two before them, and the years plans forecast or record). Correct the ${field}, or remove rows from years nobody plans or reviews.`,
  },
  'ledger-unknown-product': { severity: 'error', meaning: 'A ledger row names a product that is not an offering in workspace.yaml.',
    message: ({ column, product, offerings }: { column: string; product: string; offerings: readonly string[] }) =>
      `${column}: ${excerpt(product)} is not an offering in workspace.yaml.${didYouMean(product, offerings)} Add it under offerings, or correct the row.`,
  },
  'ledger-unknown-currency': { severity: 'error', meaning: 'A ledger row\'s currency has no exchange rate in workspace.yaml.',
    message: ({ column, currency, workspaceCurrency, known }: { column: string; currency: string; workspaceCurrency: string; known: readonly string[] }) =>
      `${column}: ${excerpt(currency)} has no exchange rate under fx in workspace.yaml, so the row cannot be counted in ${workspaceCurrency}.${didYouMean(currency, known)} Add the rate, or correct the row.`,
  },
  'ledger-unknown-dimension-value': { severity: 'error', meaning: 'A ledger row gives a dimension value workspace.yaml does not list.',
    message: ({ column, dimension, value, allowed }: { column: string; dimension: string; value: string; allowed: readonly string[] }) =>
      `${column}: ${excerpt(value)} is not a ${dimension} in workspace.yaml.${didYouMean(value, allowed)}`,
  },
  'ledger-control-character': { severity: 'error', meaning: 'A ledger cell holds a control character (a line break outside a name).',
    message: ({ column, field, value, character }: { column: string; field: string; value: string; character: string }) =>
      `${column}: ${excerpt(value)} holds a control character (${excerpt(character)}), which no ${field} has. Export the ledger again, or remove the character.`,
  },
  'ledger-value-too-long': { severity: 'error', meaning: 'A ledger text cell (account, name, product …) is over 1,000 characters.',
    message: ({ column, field, value, max }: { column: string; field: string; value: string; max: number }) =>
      `${column}: ${excerpt(value)} is ${value.length.toLocaleString('en-US')} characters long, and a ledger ${field} may have at most ${max.toLocaleString('en-US')}. Export the ledger again, or shorten the cell.`,
  },
  'ledger-too-many-problems': { severity: 'error', meaning: 'A ledger file has more than 50 problems; the rest of it is not checked.' },
} as const satisfies Record<string, CatalogEntry>;
