import { z } from 'zod';

/** An id as used in file names and references: lower-case words joined by hyphens. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, {
    message: 'an id is lower-case letters, digits and hyphens, such as "jane-doe"',
  })
  .describe('An id: lower-case letters, digits and hyphens, such as "jane-doe".');

/** A reference to a person in team.yaml. */
export const PersonRefSchema = IdSchema.describe('The id of a person in team.yaml, such as "jane-doe".');

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

/** An amount of money, a plain number (no currency sign, no thousands separator). */
export const MoneySchema = z
  .number()
  .finite()
  .nonnegative()
  .describe('An amount of money as a plain number, such as 1200000 (no currency sign, no "k" or "M").');

/** A fraction between 0 and 1. */
export const FractionSchema = z.number().min(0).max(1).describe('A fraction between 0 and 1, such as 0.8 for 80%.');

/** An ISO 4217 currency code. */
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'a currency is a three-letter ISO code such as USD or EUR' })
  .describe('A three-letter ISO 4217 currency code, such as USD or EUR.');

export const LevelSchema = z.enum(['low', 'medium', 'high']).describe('low, medium or high.');

export const UrlSchema = z.url().describe('A full web address, starting with https://.');

/** False only for a well-formed date that is not in the calendar (2026-02-30); the pattern reports the rest. */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
