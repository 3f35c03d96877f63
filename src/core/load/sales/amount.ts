/**
 * Amounts as CRMs write them: `1250.50`, `1,250.50` (with sales.thousands_separator), `€1,250.50`, `1.250,50 EUR`,
 * `GBP 300`, `(1,250.50)` for a negative. Every form is read only as the settings declare it: an amount the settings
 * do not read is an error that says which setting would read it, never a guess.
 */

export type DecimalSeparator = '.' | ',';
/** sales.thousands_separator; " " also reads the no-break spaces spreadsheets write between groups. */
export type ThousandsSeparator = ',' | '.' | ' ' | "'";

export interface AmountFormat {
  decimal: DecimalSeparator;
  thousands: ThousandsSeparator | undefined;
}

/** What an amount cell says: its number, and the currency its sign or code names (every currency that sign stands for). */
export type ReadAmount =
  | { ok: true; amount: number; written: { mark: string; currencies: readonly string[] } | undefined }
  | { ok: false; readings: Reading[] };

/** The settings under which an amount the workspace's settings refuse would be read, and what it would read as. */
export interface Reading {
  decimal_separator?: DecimalSeparator;
  thousands_separator?: ThousandsSeparator;
  amount: number;
}

/** Currency signs CRMs print; a three-letter ISO code is read as itself. A sign several currencies share stands for all of them. */
const SIGNS: Readonly<Record<string, readonly string[]>> = {
  '€': ['EUR'],
  '£': ['GBP'],
  $: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN'],
  US$: ['USD'],
  C$: ['CAD'],
  A$: ['AUD'],
  R$: ['BRL'],
  '¥': ['JPY', 'CNY'],
  '₹': ['INR'],
  '₩': ['KRW'],
};
// Longest first, so "US$" is not read as "US" and "$".
const MARK = String.raw`(US\$|C\$|A\$|R\$|[€£$¥₹₩]|[A-Z]{3})`;
const PREFIX = new RegExp(`^${MARK}[ \\u00a0]?(?=[-\\d])`);
const SUFFIX = new RegExp(`(?<=\\d)[ \\u00a0]?${MARK}$`);
const SPACES = /[\u00a0\u202f]/g;

const DECIMALS: readonly DecimalSeparator[] = ['.', ','];
const THOUSANDS: readonly (ThousandsSeparator | undefined)[] = [undefined, ',', '.', ' ', "'"];

/** Reads one amount cell (already trimmed and not empty) under the workspace's settings. */
export function readAmount(value: string, format: AmountFormat): ReadAmount {
  const parts = split(value);
  if (parts !== undefined) {
    const n = readNumber(parts.digits, format);
    if (n !== undefined) {
      const amount = parts.negative ? -n : n;
      return { ok: true, amount: amount === 0 ? 0 : amount, written: parts.mark === undefined ? undefined : { mark: parts.mark, currencies: SIGNS[parts.mark] ?? [parts.mark] } };
    }
  }
  return { ok: false, readings: parts === undefined ? [] : readingsOf(parts, format) };
}

/** The sign, the currency mark and the digits of a cell: "(€1,200.00)" → negative, "€", "1,200.00". Undefined when it has no such shape. */
function split(value: string): { negative: boolean; mark: string | undefined; digits: string } | undefined {
  let rest = value;
  let negative = false;
  if (rest.startsWith('(') && rest.endsWith(')')) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  const minus = (): boolean => {
    if (!rest.startsWith('-')) return false;
    if (negative) return true; // a second sign: "--5", "(-5)"
    negative = true;
    rest = rest.slice(1);
    return false;
  };
  if (minus()) return undefined;
  let mark: string | undefined;
  const prefix = PREFIX.exec(rest);
  if (prefix) {
    mark = prefix[1];
    rest = rest.slice(prefix[0].length);
    if (minus()) return undefined;
  } else {
    const suffix = SUFFIX.exec(rest);
    if (suffix) {
      mark = suffix[1];
      rest = rest.slice(0, suffix.index);
    }
  }
  return { negative, mark, digits: rest };
}

/** The digits of an amount under one format, or undefined. Groups are checked: "1,20,0" is no amount under a "," separator. */
function readNumber(digits: string, format: AmountFormat): number | undefined {
  const text = format.thousands === ' ' ? digits.replace(SPACES, ' ') : digits;
  const [whole, fraction, ...more] = text.split(format.decimal);
  if (more.length > 0 || whole === undefined) return undefined;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return undefined;
  let integer: string;
  if (/^\d+$/.test(whole)) integer = whole;
  else {
    if (format.thousands === undefined) return undefined;
    const groups = whole.split(format.thousands);
    if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return undefined;
    integer = groups.join('');
  }
  return Number(fraction === undefined ? integer : `${integer}.${fraction}`);
}

/**
 * The settings that would read a refused amount: first those that change one setting, else those that change both.
 * Formats whose separators are the same character are no format.
 */
function readingsOf(parts: { negative: boolean; digits: string }, format: AmountFormat): Reading[] {
  const found: { reading: Reading; changes: number }[] = [];
  for (const decimal of DECIMALS) {
    for (const thousands of THOUSANDS) {
      if (thousands === decimal || (decimal === format.decimal && thousands === format.thousands)) continue;
      const n = readNumber(parts.digits, { decimal, thousands });
      if (n === undefined) continue;
      const reading: Reading = { amount: parts.negative ? -n : n };
      if (decimal !== format.decimal) reading.decimal_separator = decimal;
      if (thousands !== format.thousands && thousands !== undefined) reading.thousands_separator = thousands;
      // Taking a thousands separator away is never the fix: a number that reads without one reads under any.
      if (thousands === undefined && format.thousands !== undefined) continue;
      found.push({ reading, changes: (decimal !== format.decimal ? 1 : 0) + (thousands !== format.thousands ? 1 : 0) });
    }
  }
  const fewest = Math.min(...found.map((f) => f.changes));
  // One reading per amount: "1,200" reads 1.2 under a decimal comma whatever the thousands separator; the plainest setting says it.
  const byAmount = new Map<number, Reading>();
  for (const f of found) if (f.changes === fewest && !byAmount.has(f.reading.amount)) byAmount.set(f.reading.amount, f.reading);
  return [...byAmount.values()];
}
