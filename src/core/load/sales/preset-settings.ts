import type { SalesSettings, WorkspaceSettings } from '../../../../schemas/index.ts';
import { ownValue } from '../../shared/own.ts';
import { PRESETS, type PresetData } from './presets.ts';

/**
 * How `sales.preset` becomes settings: the preset's values are defaults, and anything set by hand wins, key by key
 * (a hand-set `columns.account` replaces that column only; a hand-set `where` replaces the preset's filter whole,
 * since it says which rows are sales).
 */

/** The workspace's settings with its sales preset's defaults filled in under what is set by hand (the same object without a preset). */
export function withSalesPreset(settings: WorkspaceSettings): WorkspaceSettings {
  const sales = settings.sales;
  if (sales?.preset === undefined) return settings;
  const p = PRESETS[sales.preset];
  const merged: SalesSettings = {
    ...sales,
    columns: { ...definedOnly(p.columns), ...sales.columns },
    where: sales.where ?? cloneWhere(p.where),
    date_format: sales.date_format ?? p.date_format,
  };
  const crmIds = sales.crm_ids ?? p.crm_ids;
  if (crmIds !== undefined) merged.crm_ids = crmIds;
  const separator = sales.account_separator ?? p.account_separator;
  if (separator !== undefined) merged.account_separator = separator;
  return { ...settings, sales: merged };
}

/**
 * The settings one file is read with: the preset's amount column is the first of its choices the file's header has
 * (Salesforce's `Amount`, else `Amount (converted)`), with its currency column when the file has it. What is set by
 * hand is kept: an amount column set by hand takes the currency column the preset pairs with it, if any.
 */
export function salesForFile(sales: SalesSettings | undefined, headers: readonly string[]): SalesSettings | undefined {
  if (sales?.preset === undefined) return sales;
  const p = PRESETS[sales.preset];
  const handRevenue = ownValue(sales.columns, 'revenue');
  const choice = handRevenue !== undefined ? p.amounts.find((a) => a.revenue === handRevenue) : (p.amounts.find((a) => headers.includes(a.revenue)) ?? p.amounts[0]);
  const columns: Record<string, string> = { ...sales.columns };
  if (choice !== undefined) columns['revenue'] = choice.revenue;
  if (choice?.currency !== undefined && ownValue(sales.columns, 'currency') === undefined && headers.includes(choice.currency)) columns['currency'] = choice.currency;
  return { ...sales, columns };
}

/** A header the preset expects that a file lacks: the field it is read as, or `where` for the won-stage filter. */
export interface MissingPresetHeader {
  field: string;
  header: string;
  /** Other headers the preset would read in its place (Salesforce's `Amount (converted)` for `Amount`). */
  or: string[];
}

/**
 * The headers a file lacks that the preset expects and that are not set by hand (a column mapped by hand and missing
 * is the ordinary missing-column error). Empty without a preset.
 */
export function missingPresetHeaders(sales: SalesSettings | undefined, headers: readonly string[]): MissingPresetHeader[] {
  if (sales?.preset === undefined) return [];
  const p = PRESETS[sales.preset];
  const missing: MissingPresetHeader[] = [];
  const fromPreset = (field: string, header: string) => ownValue(sales.columns, field) === header;
  for (const field of ['account', 'date'] as const) {
    const header = p.columns[field];
    if (header !== undefined && fromPreset(field, header) && !headers.includes(header)) missing.push({ field, header, or: [] });
  }
  const [first, ...others] = p.amounts.map((a) => a.revenue);
  if (first !== undefined && p.amounts.some((a) => fromPreset('revenue', a.revenue)) && !p.amounts.some((a) => headers.includes(a.revenue))) {
    missing.push({ field: 'revenue', header: first, or: others });
  }
  if (sameWhere(sales.where, p.where)) {
    for (const column of Object.keys(p.where)) if (!headers.includes(column)) missing.push({ field: 'where', header: column, or: [] });
  }
  return missing;
}

/** The preset's report footer, when the file's footer is not set by hand. */
export function presetFooter(sales: SalesSettings | undefined): { preset: string; footer: NonNullable<PresetData['footer']> } | undefined {
  if (sales?.preset === undefined || sales.footer !== undefined) return undefined;
  const footer = PRESETS[sales.preset].footer;
  return footer && { preset: sales.preset, footer };
}

function definedOnly(columns: Partial<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(columns).filter((e): e is [string, string] => e[1] !== undefined));
}

function cloneWhere(where: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(where).map(([k, v]) => [k, [...v]]));
}

function sameWhere(a: Record<string, string[]> | undefined, b: Record<string, string[]>): boolean {
  if (a === undefined) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
