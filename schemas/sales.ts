import { z } from 'zod';
import { refuseProtoKey } from './common.ts';
import { DEFAULT_LEDGER_FILE_BYTES, MAX_LEDGER_FILE_BYTES } from './sales-limits.ts';

export { DEFAULT_LEDGER_FILE_BYTES, MAX_LEDGER_FILE_BYTES };

/**
 * The date formats a ledger's `date` column may be written in: a day, or a day and a time of day as CRMs write it
 * (HubSpot's `2026-03-04 14:05`, Salesforce's `3/14/2026 2:05 PM`). A time may carry seconds; it is checked, and the
 * day is taken as written, with no time zone conversion.
 */
export const SALES_DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD.MM.YYYY',
  'YYYY/MM/DD',
  'YYYY-MM-DD HH:mm',
  'YYYY-MM-DDTHH:mm',
  'DD/MM/YYYY HH:mm',
  'MM/DD/YYYY HH:mm',
  'MM/DD/YYYY h:mm a',
  'DD.MM.YYYY HH:mm',
  'YYYY/MM/DD HH:mm',
] as const;

/**
 * The exports a preset reads as they come (src/core/load/sales/presets.ts holds what each sets): a Salesforce
 * opportunities report exported as CSV ("Details Only"), and a HubSpot deals view exported as CSV.
 */
export const SALES_PRESETS = ['salesforce-opportunities', 'hubspot-deals'] as const;
export type SalesPreset = (typeof SALES_PRESETS)[number];


/** How the sales ledger (plans/sales/*.csv) is read: which header holds which field, and how dates are written. */
export const SalesSettingsSchema = z
  .strictObject({
    /**
     * The export your ledger files are, read as it comes: `salesforce-opportunities` (a Salesforce opportunities
     * report, CSV, Details Only: Account ID, Stage, Close Date, Amount Currency, Amount, its footer) or `hubspot-deals`
     * (a HubSpot deals view, CSV: Associated Company IDs, Deal Stage, Close Date, Amount, Currency). It sets the
     * columns, date format, won-stage filter, footer, currency column and id matching; anything set by hand beside it
     * wins, key by key (`columns: { account: "Company ID" }` replaces that column only; `where` replaces the filter).
     */
    preset: z
      .enum(SALES_PRESETS)
      .optional()
      .describe('The export your ledger files are, read as it comes: salesforce-opportunities (a Salesforce opportunities report as CSV, Details Only: Account ID, Stage, Close Date, Amount Currency, Amount, the report footer) or hubspot-deals (a HubSpot deals view as CSV: Associated Company IDs, Deal Stage, Close Date, Amount, Currency). It sets columns, date_format, where (the won stage), the footer, the currency column and id matching; anything set by hand beside it wins, key by key (columns: { account: "Company ID" } replaces that column only).'),
    /**
     * The header of each field in your export, when it differs from the field name. `owner` (the person who sold the
     * row, an id in team.yaml) is read only when it is mapped here: booked then follows the seller, not the account's owner.
     */
    columns: refuseProtoKey(
      z
        .record(z.string().min(1), z.string().min(1))
        .default({})
        .describe('The header of each field in your export, when it differs from the field name: account: "Account ID", revenue: "Amount". Fields: date, period, account, revenue, product, margin, currency, name, and each dimension; owner (who sold, a person\'s id in team.yaml) is read only when mapped here.'),
      'account',
    ),
    where: refuseProtoKey(
      z
        .record(z.string().min(1), z.array(z.string().min(1)).min(1))
        .refine((where) => Object.keys(where).length > 0, {
          error: 'an empty where keeps every row, lost and open deals too, and silences the warning about an unfiltered stage column. Name the column and the won value, such as where: { Stage: [Closed Won] }, or leave where out',
        })
        .optional()
        .describe('Which rows are sales: a column header and the values a sale has there, such as Stage: [Closed Won]. Values match whatever their case and surrounding spaces; several columns mean all of them. Other rows (open or lost deals) are not read.'),
      'Stage',
    ),
    /**
     * The ids a column's labels stand for, by field: `region: { "DACH": dach, "UK & Ireland": uk }`. A field is a
     * dimension (its ids in workspace.yaml), `product` (offering ids) or `owner` (people's ids in team.yaml). A label
     * is matched as written after trimming spaces; a cell no label matches is read as it is, as an id.
     */
    values: refuseProtoKey(
      z
        .record(
          z.string().min(1),
          refuseProtoKey(
            z.record(
              z
                .string()
                .max(200)
                .regex(/\S/, 'A label is the text of a cell, not only spaces.')
                .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, 'A label has no control character (a line break, a tab): write it as the export writes the cell.'),
              z.string().min(1),
            ),
            'DACH',
          ),
        )
        .optional()
        .describe('The ids a column\'s labels stand for, by field: region: { "DACH": dach, "UK & Ireland": uk } reads a cell "DACH" as the region dach. Fields: each dimension (its ids in workspace.yaml), product (offering ids) and owner (people\'s ids in team.yaml). A label is matched as written, after trimming spaces; a cell no label matches is read as it is, as an id.'),
      'region',
    ),
    /**
     * How crm.id values are matched to the ledger's account cells: as written (left out), or `salesforce`: a
     * 15-character Salesforce id and its 18-character form (the same id plus a 3-character case checksum) are one record.
     */
    crm_ids: z
      .enum(['salesforce'])
      .optional()
      .describe('salesforce: a 15-character Salesforce id and its 18-character form (plus a 3-character checksum) name one record, in crm.id and in the ledger\'s account column. Left out, ids match as written.'),
    /**
     * The character between several account ids in one cell (HubSpot's `Associated Company IDs`: `123;456`). The row
     * counts once, for the first id that names a plan (a warning when it names two); left out, a cell is one id.
     */
    account_separator: z
      .enum([';', '|', ','])
      .optional()
      .describe('The character between several account ids in one cell, such as ";" for HubSpot\'s Associated Company IDs. The row counts once, for the first id that names a plan; a cell naming two plans is a warning. Left out, a cell is one id.'),
    footer: z
      .enum(['stop-at-blank-line'])
      .optional()
      .describe('stop-at-blank-line: the file ends at its first blank line, and the report footer after it (totals, "Confidential", a copyright) is not read; a note says how many lines were left. Without it, every line is a row (the salesforce-opportunities preset ends the file at its report footer, "Grand Totals (N records)").'),
    /** How the date column is written: YYYY-MM-DD when left out (or the preset's format). */
    date_format: z
      .enum(SALES_DATE_FORMATS)
      .optional()
      .describe('How the date column is written, such as DD/MM/YYYY (YYYY-MM-DD when left out, or the preset\'s format), or with a time: YYYY-MM-DD HH:mm, MM/DD/YYYY h:mm a (2:05 PM) … A time may carry seconds; the day is taken as written.'),
    delimiter: z
      .enum([',', ';', '\t', '|'])
      .default(',')
      .describe('The character between cells: "," (the default), ";" (what spreadsheets set to European formats export), "\\t" for tabs, or "|".'),
    decimal_separator: z
      .enum(['.', ','])
      .default('.')
      .describe('The decimal separator of amounts: "." (the default, 1250.50) or "," (1250,50).'),
    /**
     * The character the export groups thousands with: "," (1,250.50), "." (1.250,50 with decimal_separator ","),
     * " " (1 250,50; a no-break space is read too) or "'" (1'250.50). None when left out: an amount with a separator
     * is then an error that says which setting reads it, so `1,200` is never guessed to be 1200 or 1.2.
     * Groups are checked: 1,20,0 is no amount. Currency signs and codes around amounts (€1,250.50, 1.250,50 EUR,
     * GBP 300) and parentheses for negatives ((1,250.50)) are read whatever the setting.
     */
    thousands_separator: z
      .enum([',', '.', ' ', "'"])
      .optional()
      .describe('The character the export groups thousands with: "," (1,250.50), "." (1.250,50), " " (1 250,50) or "\'" (1\'250.50). None when left out, and then 1,200 is an error that says which setting reads it. Must differ from decimal_separator.'),
    max_file_bytes: z
      .number()
      .int()
      .positive()
      .max(MAX_LEDGER_FILE_BYTES)
      .optional()
      .describe('The largest one ledger file (sales/*.csv) may be, in bytes (268435456, 256 MB, when left out; at most 1073741824). A larger file is reported, not read.'),
  })
  .refine((s) => s.thousands_separator === undefined || s.thousands_separator !== s.decimal_separator, {
    path: ['thousands_separator'],
    error: (issue) => {
      const s = issue.input as { decimal_separator?: string };
      return `the thousands separator cannot be the decimal separator (${JSON.stringify(s.decimal_separator ?? '.')}). Set decimal_separator: "," with thousands_separator: "." (1.250,50), or leave one out`;
    },
  })
  .describe('The sales ledger (sales/*.csv): the header of each field in your export, and the date format.');

export type SalesSettings = z.infer<typeof SalesSettingsSchema>;
