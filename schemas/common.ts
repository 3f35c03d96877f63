import { z } from 'zod';
import { isRealDate } from './dates.ts';

export { isRealDate };

/** An id as used in file names and references: lower-case words joined by hyphens. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, {
    message: 'an id is lower-case letters, digits and hyphens, such as "jane-doe"',
  })
  .describe('An id: lower-case letters, digits and hyphens, such as "jane-doe".');

export const PERIOD_PATTERN = /^FY\d{4}(?:-Q[1-4])?$/;

/** A fiscal period: a year or a quarter. */
export const PeriodSchema = z
  .string()
  .regex(PERIOD_PATTERN, { message: 'a period is a fiscal year or quarter, such as FY2027 or FY2027-Q1' })
  .describe('A fiscal period: FY2027 for the year, FY2027-Q1 … FY2027-Q4 for a quarter.');

/** An ISO calendar date. */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date is written YYYY-MM-DD, such as 2026-10-15' })
  .refine((s) => isRealDate(s), { message: 'this date does not exist in the calendar' })
  .describe('A date written YYYY-MM-DD, such as 2026-10-15.');

/**
 * The largest amount one entry may hold. A quadrillion leaves room for currencies such as IDR or VND
 * (where a large account's quarter runs to trillions) while any sum over every plan stays a finite number.
 */
export const MAX_AMOUNT = 1e15;
/** The smallest amount of money above 0: a cent. */
export const MIN_AMOUNT = 0.01;

/**
 * A mapping from names to values (dimensions, goal scopes, fx rates, ICP scores). Zod drops a "__proto__" key
 * without a word, so it is refused here, before the record sees it; `example` is a key to suggest instead.
 * Defaults and descriptions go on `record` itself: the JSON Schema keeps them only from inside the pipe.
 */
export function refuseProtoKey<T extends z.ZodType>(record: T, example: string) {
  return z.preprocess((input, ctx) => {
    if (input !== null && typeof input === 'object' && Object.hasOwn(input, '__proto__')) {
      ctx.issues.push({ code: 'custom', input, path: ['__proto__'], message: `"__proto__" cannot be a name here. Write a name such as ${example}` });
    }
    return input;
  }, record);
}

/** The largest exchange rate: one unit of a plan's currency is worth at most a million workspace units. */
export const MAX_RATE = 1e6;

/** The longest span, in days, that a setting may name: ten years. */
export const MAX_DAYS = 3650;

/**
 * A plain number. YAML reads `-0` as negative zero, which prints as "-$0" and compares oddly, so it is refused;
 * YAML's `.nan` and `.inf` are not numbers to Zod and are refused by type.
 */
export function plainNumber() {
  return z.number().refine((n) => !Object.is(n, -0), { error: '-0 is a negative zero. Write 0' });
}

/** An amount of money, a plain number (no currency sign, no thousands separator). */
export const MoneySchema = plainNumber()
  .min(0)
  .max(MAX_AMOUNT)
  // A positive amount under a cent is a typo (5e-324, 0.0001), and dividing by it (a goal's coverage) is no finite number.
  .refine((n) => !(n > 0 && n < MIN_AMOUNT), { error: (issue) => `${String(issue.input)} is more than 0 but less than a cent (${MIN_AMOUNT}). Write 0, or the amount in currency units such as 1200000` })
  .describe('An amount of money as a plain number, such as 1200000 (no currency sign, no "k" or "M"), from 0 to 1000000000000000 (1e15).');

/** A fraction between 0 and 1. */
export const FractionSchema = plainNumber().min(0).max(1).describe('A fraction between 0 and 1, such as 0.8 for 80%.');

/** A whole number of days, from 1 to ten years. */
export function daysSchema(what: string) {
  return plainNumber().int().min(1).max(MAX_DAYS).describe(`${what} From 1 to ${MAX_DAYS} days.`);
}

/** An ISO 4217 currency code. */
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'a currency is a three-letter ISO code such as USD or EUR' })
  .describe('A three-letter ISO 4217 currency code, such as USD or EUR.');

export const LevelSchema = z.enum(['low', 'medium', 'high']).describe('low, medium or high.');

/**
 * A link the site renders, so only http and https: `javascript:`, `data:` and the like would run in the reader's
 * browser. Zod trims the value and removes tabs and line breaks the way browsers do before it checks the scheme,
 * and requires "://" after it. Spaces, control characters and a user name or password (https://good.com@evil.com
 * goes to evil.com) are refused too.
 */
export const UrlSchema = z
  .url({ protocol: /^https?$/, abort: true, error: 'write a web address that starts with https:// (or http://), such as https://www.example.com' })
  .refine((s) => !/[\s\p{Cc}]/u.test(s.trim()), { error: 'a web address has no spaces or control characters. Write it on one line, with spaces as %20', abort: true })
  .refine((s) => !hasUserInfo(s), { error: 'a web address here may not carry a user name or password before "@". Write the address without them' })
  .describe('A full web address starting with https:// (or http://), such as https://www.example.com.');

function hasUserInfo(s: string): boolean {
  const url = URL.parse(s.trim());
  return url !== null && (url.username !== '' || url.password !== '');
}


