import type { CatalogEntry } from './entry.ts';

/** The sales ledger (sales/*.csv). */
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
  'ledger-column-count': { severity: 'error', meaning: 'A ledger row has more or fewer cells than the header.' },
  'ledger-missing-value': { severity: 'error', meaning: 'A ledger row leaves its account or revenue empty.' },
  'ledger-not-a-number': { severity: 'error', meaning: 'A ledger revenue or margin is not a plain number.' },
  'ledger-bad-date': { severity: 'error', meaning: 'A ledger date is not in the declared format, or a period is not a fiscal year or quarter.' },
  'ledger-date-outside': { severity: 'error', meaning: 'A ledger row falls outside the fiscal years the workspace knows: its goals\' years and the two before them, and the years plans forecast or record.' },
  'ledger-unknown-product': { severity: 'error', meaning: 'A ledger row names a product that is not an offering in workspace.yaml.' },
  'ledger-unknown-currency': { severity: 'error', meaning: 'A ledger row\'s currency has no exchange rate in workspace.yaml.' },
  'ledger-unknown-dimension-value': { severity: 'error', meaning: 'A ledger row gives a dimension value workspace.yaml does not list.' },
  'ledger-control-character': { severity: 'error', meaning: 'A ledger cell holds a control character (a line break outside a name).' },
  'ledger-value-too-long': { severity: 'error', meaning: 'A ledger text cell (account, name, product …) is over 1,000 characters.' },
  'ledger-too-many-problems': { severity: 'error', meaning: 'A ledger file has more than 50 problems; the rest of it is not checked.' },
} as const satisfies Record<string, CatalogEntry>;
