import { z } from 'zod';
import { IdSchema, MoneySchema, PeriodSchema, refuseProtoKey } from './common.ts';

export const GoalSchema = z.strictObject({
  period: PeriodSchema.describe('The fiscal year or quarter the goal is for, such as FY2027 or FY2027-Q1.'),
  scope: refuseProtoKey(
    z
      .record(IdSchema, IdSchema)
      .default({})
      .describe('Which plans count: a dimension (channel: direct), owner: jane-doe or manager: omar-haddad. Several keys mean all of them; none means the whole company.'),
    'owner',
  ),
  revenue: MoneySchema.describe('The revenue goal in the workspace currency.'),
  name: z.string().optional().describe('A short label for the goal, shown on reports.'),
});

export const GoalsSchema = z
  .strictObject({
    goals: z.array(GoalSchema).describe('The sales goals the plans are checked against.'),
  })
  .describe('Sales goals by fiscal period, in total and by dimension, owner or manager.');

export type Goal = z.infer<typeof GoalSchema>;
export type Goals = z.infer<typeof GoalsSchema>;
