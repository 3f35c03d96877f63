import { z } from 'zod';
import { FractionSchema, MoneySchema, PeriodSchema } from './common.ts';
import { offeringRef } from './references.ts';

export const HistoryEntrySchema = z.strictObject({
  period: PeriodSchema.describe('The fiscal year or quarter of these sales, such as FY2025.'),
  revenue: MoneySchema.describe('What the account bought from us in the period.'),
  product: offeringRef().optional().describe('The offering (an id in workspace.yaml) when sales are split by product.'),
  margin: FractionSchema.optional().describe('Gross margin as a fraction, such as 0.42.'),
});

export const ForecastEntrySchema = z.strictObject({
  period: PeriodSchema.describe('The fiscal year or quarter, such as FY2027-Q1. Give quarters or the year, not both.'),
  revenue: MoneySchema.describe('The revenue we expect from the account in the period.'),
  confidence: FractionSchema.default(1).describe('How likely the revenue is, from 0 to 1 (default 1).'),
  product: offeringRef().optional().describe('The offering (an id in workspace.yaml) when the forecast is split by product.'),
  note: z.string().optional().describe('What the figure rests on.'),
});

export const StretchEntrySchema = z.strictObject({
  period: PeriodSchema.describe('The fiscal year or quarter of the stretch target.'),
  revenue: MoneySchema.describe('The stretch target: what the account could bring if the bold moves work.'),
  note: z.string().optional().describe('What it would take.'),
});

export const CompetitorSpendSchema = z.strictObject({
  competitor: z.string().min(1).describe('Who they buy from instead of us.'),
  period: PeriodSchema.optional().describe('The fiscal year of the spend.'),
  revenue: MoneySchema.describe('What they spend with that competitor, as far as we know.'),
  product: offeringRef().optional().describe('The offering (an id in workspace.yaml) it competes with.'),
});

export const PENETRATION_STATUSES = ['won', 'competitor', 'open', 'not-applicable'] as const;

export const PenetrationSchema = z.strictObject({
  offering: offeringRef().describe('The offering (an id in workspace.yaml).'),
  status: z.enum(PENETRATION_STATUSES).describe('won (they buy it from us), competitor, open (nobody yet) or not-applicable.'),
  competitor: z.string().optional().describe('Who holds it, when status is competitor.'),
  potential: MoneySchema.optional().describe('Yearly revenue if we won it.'),
  note: z.string().optional().describe('Why, or what it would take.'),
});

export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type ForecastEntry = z.infer<typeof ForecastEntrySchema>;
export type StretchEntry = z.infer<typeof StretchEntrySchema>;
export type Penetration = z.infer<typeof PenetrationSchema>;
