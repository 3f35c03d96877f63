import { z } from 'zod';
import { IdSchema, MoneySchema, PeriodSchema, plainNumber } from './common.ts';
import { personRef } from './references.ts';
import { PERSON_ROLES } from './team.ts';

/**
 * What a comp plan pays against (docs/comp.md): `own-revenue` the person's owner goal for the period, `team-revenue`
 * their manager's team goal (a manager's own), `objectives` the share of the objectives they own in strategic plans,
 * due in the period and not dropped, that are done.
 */
export const COMP_MEASURES = ['own-revenue', 'team-revenue', 'objectives'] as const;
export type CompMeasureId = (typeof COMP_MEASURES)[number];

/** The highest accelerator rate: ten units of payout for each unit of attainment. */
export const MAX_ACCELERATOR_RATE = 10;
/** The highest attainment an accelerator or a cap may name: 100 times the goal. */
export const MAX_ATTAINMENT = 100;

export const CompMeasureSchema = z.strictObject({
  measure: z.enum(COMP_MEASURES).describe('What is paid for: own-revenue (your owner goal), team-revenue (your manager\'s team goal, or your own as a manager) or objectives (the objectives you own in strategic plans that are done).'),
  weight: plainNumber().min(0).max(1).describe('Its share of the target pay, from 0 to 1; the weights of a plan add up to 1.'),
});

export const AcceleratorSchema = z.strictObject({
  above: plainNumber().min(1).max(MAX_ATTAINMENT).describe('The attainment this step starts at, such as 1.0 for 100% of the goal; at least 1, in ascending order.'),
  rate: plainNumber().min(0).max(MAX_ACCELERATOR_RATE).describe(`Units of payout for each unit of attainment above \`above\` (until the next step), from 0 to ${MAX_ACCELERATOR_RATE}: 1.5 pays 1.5% of a measure's share for each 1% above.`),
});

export const CompPlanSchema = z.strictObject({
  id: IdSchema.describe('An id for the comp plan, unique in comp.yaml, such as "ae-fy2027".'),
  name: z.string().min(1).max(200).optional().describe('A short label for the plan.'),
  period: PeriodSchema.describe('The fiscal year or quarter the plan pays for; goals.yaml has goals for it.'),
  people: z.array(personRef('the person')).optional().describe('Who the plan covers, by id in team.yaml. With `role` too, the plan covers both.'),
  role: z.enum(PERSON_ROLES).optional().describe('Everyone in team.yaml with this role. With `people` too, the plan covers both.'),
  target_pay: MoneySchema.describe('Variable pay at 100% attainment, in the workspace currency.'),
  measures: z.array(CompMeasureSchema).min(1).max(COMP_MEASURES.length).describe('What the plan pays for, each with its weight; the weights add up to 1.'),
  accelerators: z
    .array(AcceleratorSchema)
    .max(20)
    .default([])
    .describe('Payout rates above goal, in ascending order of `above`: below the first step the payout is linear.'),
  cap: plainNumber().min(1).max(MAX_ATTAINMENT).optional().describe('The payout is at most `cap` × target_pay, such as 2.0; none means no cap.'),
});

export const CompSchema = z
  .strictObject({
    plans: z.array(CompPlanSchema).max(1000).describe('The incentive plans: who is paid for what, in which period.'),
  })
  .describe('Incentive plans matched to the goals and the account plans (step 8 of the method). Sensitive: see the README before publishing pay.');

export type CompMeasure = z.infer<typeof CompMeasureSchema>;
export type Accelerator = z.infer<typeof AcceleratorSchema>;
export type CompPlan = z.infer<typeof CompPlanSchema>;
export type Comp = z.infer<typeof CompSchema>;
