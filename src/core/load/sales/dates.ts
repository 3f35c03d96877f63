import type { SalesSettings } from '../../../../schemas/index.ts';

/** A fiscal year or quarter as a ledger's period column writes it. */
export const PERIOD = /^FY\d{4}(-Q[1-4])?$/;

const PATTERNS: Record<SalesSettings['date_format'], { re: RegExp; order: [number, number, number] }> = {
  // order: the capture groups holding year, month and day
  'YYYY-MM-DD': { re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: [1, 2, 3] },
  'YYYY/MM/DD': { re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, order: [1, 2, 3] },
  'DD/MM/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 2, 1] },
  'MM/DD/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 1, 2] },
  'DD.MM.YYYY': { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [3, 2, 1] },
};

/** A ledger date in the declared format as YYYY-MM-DD, or undefined when it is not one, or not a day of the calendar (2026-02-30). */
export function parseLedgerDate(value: string, format: SalesSettings['date_format']): string | undefined {
  const { re, order } = PATTERNS[format];
  const m = re.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = order.map((g) => Number(m[g]));
  const day = new Date(Date.UTC(y!, mo! - 1, d!));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo! - 1 || day.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
