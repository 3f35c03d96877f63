import { z } from 'zod';
import { CurrencySchema, daysSchema, FractionSchema, IdSchema, MAX_RATE, MoneySchema, plainNumber, refuseProtoKey, UrlSchema } from './common.ts';
import { RulesConfigSchema } from './rules.ts';
import { SalesSettingsSchema } from './sales.ts';
import { SiteSettingsSchema } from './site.ts';

/** One offering we sell: the columns of the whitespace grid. */
export const OfferingSchema = z.strictObject({
  id: IdSchema.describe('The offering id, used by `penetration` and `history` in account plans.'),
  name: z.string().min(1).describe('The offering as people call it, such as "Calibration services".'),
  description: z.string().optional().describe('One line on what the offering is.'),
});

/** Revenue thresholds for the A–D account categories. */
export const TierThresholdsSchema = z
  .strictObject({
    A: MoneySchema.describe('Last year revenue at or above which an account is tier A.'),
    B: MoneySchema.describe('Last year revenue at or above which an account is tier B.'),
    C: MoneySchema.describe('Last year revenue at or above which an account is tier C; below is D.'),
  })
  .describe('Revenue thresholds for tiers A–C (last fiscal year, workspace currency). Leave out to rank by share: top 20% A, next 30% B, next 30% C, rest D.');

export const WorkspaceSettingsSchema = z
  .strictObject({
    company: z.string().min(1).describe('Your company name, shown on the site.'),
    currency: CurrencySchema.describe('The currency every total is shown in, such as USD.'),
    fiscal_year_start_month: plainNumber()
      .int()
      .min(1)
      .max(12)
      .default(1)
      .describe('The month (1–12) in which the fiscal year starts. FY2027 is the fiscal year that ends in 2027.'),
    dimensions: refuseProtoKey(
      z
        .record(IdSchema, z.array(IdSchema).min(1))
        .default({})
        .describe('The sales channels, regions, segments or divisions to roll up by, each with its allowed values.'),
      'channel',
    ),
    count: z
      .enum(['full', 'weighted'])
      .default('full')
      .describe('full sums forecast amounts as written; weighted multiplies each by its confidence.'),
    tolerance: FractionSchema.default(0).describe('The fraction a goal may fall short before check fails, such as 0.05.'),
    fx: refuseProtoKey(
      z
        .record(CurrencySchema, plainNumber().gt(0).max(MAX_RATE))
        .default({})
        .describe('Exchange rates into the workspace currency: EUR: 1.08 means 1 EUR = 1.08 USD. Each rate is more than 0 and at most 1000000.'),
      'EUR',
    ),
    offerings: z
      .array(OfferingSchema)
      .default([])
      .describe('What we sell: the offerings that make up 100% penetration of an account.'),
    tiers: TierThresholdsSchema.optional(),
    review_cadence_days: daysSchema('How many days a plan may go without review before it is stale (a quarter by default).').default(92),
    repository: z
      .strictObject({
        edit_url: UrlSchema.optional()
          .describe('Where a plan file is edited, with the path appended, such as https://github.com/acme/plans/edit/main/.'),
      })
      .optional()
      .describe('The repository that hosts the plans, for "edit this plan" links.'),
    rules: RulesConfigSchema.optional(),
    gate: z
      .enum(['strict', 'change'])
      .optional()
      .describe('How check --base judges a pull request: change (the default) fails only when the change misses or worsens a goal or adds a rule error; strict fails on any missed goal.'),
    gate_measure: z
      .enum(['planned', 'landing'])
      .optional()
      .describe('Which figure the gate judges a goal by: planned (the default) is the plans\' forecast for the period; landing is what the sales ledger has booked plus the forecast still to come (needs a ledger; without one the gate judges planned).'),
    max_file_bytes: z
      .number()
      .int()
      .positive()
      .max(64 * 1024 * 1024)
      .optional()
      .describe('The largest an account plan or review file may be, in bytes (1048576, 1 MB, when left out; at most 67108864). A larger file is reported, not parsed. The sales ledger has its own limit, sales.max_file_bytes.'),
    sales: SalesSettingsSchema.optional(),
    site: SiteSettingsSchema.optional(),
  })
  .describe('The workspace: company, currency, fiscal year, dimensions and rule settings.');

export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;
export type Offering = z.infer<typeof OfferingSchema>;
