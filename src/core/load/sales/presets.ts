import type { SalesPreset, SalesSettings } from '../../../../schemas/index.ts';

/**
 * The exports sales teams have, as defaults for the sales settings (`sales: { preset: … }` in workspace.yaml). Data
 * only: how a preset is applied, key by key under what is set by hand, is in preset-settings.ts. Each preset lists the
 * exact headers it expects (docs/ledger.md shows them); a company that renamed a field maps it under `sales.columns`.
 */
export interface PresetData {
  /** What the export is, for messages: "a Salesforce opportunities report (CSV, Details Only)". */
  export: string;
  /** Headers of fields that do not depend on the file, by field (a hand-set `columns.<field>` replaces one). */
  columns: Partial<Record<string, string>>;
  /**
   * The amount's column and its currency's, tried in order: the first whose amount header the file has is read. A
   * currency header the file lacks (or none) means the amounts are in the workspace currency. Used only for what is
   * not set by hand.
   */
  amounts: readonly { revenue: string; currency?: string }[];
  /** Which rows are sales: the won stage. A hand-set `where` replaces it whole. */
  where: Record<string, string[]>;
  date_format: NonNullable<SalesSettings['date_format']>;
  crm_ids?: SalesSettings['crm_ids'];
  account_separator?: SalesSettings['account_separator'];
  /**
   * The report's footer, known by its first line (one cell matching `first`, its first group the record count); the
   * file ends there. Used when `sales.footer` is not set by hand.
   */
  footer?: { first: RegExp; example: string };
}

export const PRESETS: Readonly<Record<SalesPreset, PresetData>> = {
  /**
   * A Salesforce opportunities report exported as CSV, "Details Only": `Opportunity Name`, `Account Name`,
   * `Account ID` (18 characters), `Stage`, `Close Date` (3/14/2026), `Amount Currency`, `Amount`, or only
   * `Amount (converted)` (with `Amount (converted) Currency` or in the workspace currency), then the footer: a blank
   * line, "Grand Totals (N records)", "Confidential Information - Do Not Distribute", the copyright line.
   */
  'salesforce-opportunities': {
    export: 'a Salesforce opportunities report (CSV, Details Only)',
    columns: { account: 'Account ID', date: 'Close Date', name: 'Account Name' },
    amounts: [
      { revenue: 'Amount', currency: 'Amount Currency' },
      { revenue: 'Amount (converted)', currency: 'Amount (converted) Currency' },
    ],
    where: { Stage: ['Closed Won'] },
    date_format: 'MM/DD/YYYY',
    crm_ids: 'salesforce',
    // The count as Salesforce writes it, grouped by threes or not, at most fifteen digits: another line is no footer.
    footer: { first: /^Grand Totals \((\d{1,3}(?:[,.\u00a0 ]\d{3}){0,4}|\d{1,15}) records?\)$/, example: 'Grand Totals (N records)' },
  },
  /**
   * A HubSpot deals view exported as CSV: `Record ID`, `Deal Name`, `Deal Stage` (won: `Closed Won`), `Close Date`
   * (2026-03-04 14:05), `Amount` with `Currency` (in a multi-currency account) or only `Amount in company currency`
   * (in the workspace currency), `Associated Company IDs` (several ids separated by ";"), `Deal owner`. No footer.
   */
  'hubspot-deals': {
    export: 'a HubSpot deals export (CSV)',
    columns: { account: 'Associated Company IDs', date: 'Close Date' },
    amounts: [
      { revenue: 'Amount', currency: 'Currency' },
      { revenue: 'Amount in company currency' },
    ],
    where: { 'Deal Stage': ['Closed Won'] },
    date_format: 'YYYY-MM-DD HH:mm',
    account_separator: ';',
  },
};
