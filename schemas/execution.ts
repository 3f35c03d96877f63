import { z } from 'zod';
import { DateSchema, FractionSchema, IdSchema, MoneySchema } from './common.ts';
import { offeringRef, personRef } from './references.ts';

export const OpportunitySchema = z.strictObject({
  id: IdSchema.describe('An id for the opportunity, unique in the plan.'),
  name: z.string().min(1).describe('What we would sell, such as "Fleet calibration contract".'),
  offering: offeringRef().optional().describe('The offering (an id in workspace.yaml).'),
  revenue: MoneySchema.describe('The value of the deal.'),
  close: DateSchema.optional().describe('When we expect it to close.'),
  probability: FractionSchema.optional().describe('How likely it is to close, from 0 to 1.'),
  status: z.enum(['open', 'won', 'lost']).default('open').describe('open, won or lost.'),
  crm_id: z.string().optional().describe('The opportunity id in the CRM.'),
});

export const OBJECTIVE_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;

export const ObjectiveSchema = z.strictObject({
  id: IdSchema.describe('An id for the objective, unique in the plan, that actions refer to.'),
  description: z.string().min(1).describe('What we want to achieve, as a result someone can check.'),
  owner: personRef('the objective owner').optional().describe('Who is accountable (an id in team.yaml).'),
  due: DateSchema.optional().describe('By when.'),
  measure: z.string().optional().describe('How we will know it is done.'),
  status: z.enum(OBJECTIVE_STATUSES).default('planned').describe('planned, in-progress, done or dropped.'),
});

/**
 * One vocabulary of action statuses for plan and review actions. `cancelled` is the older word for `dropped`,
 * kept so plans written before stay valid; the two mean the same.
 */
export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'slipped', 'dropped', 'blocked', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** Statuses of an action still to be done. */
export const OPEN_ACTION_STATUSES: ReadonlySet<ActionStatus> = new Set(['planned', 'in-progress', 'slipped', 'blocked']);
export const ActionStatusSchema = z
  .enum(ACTION_STATUSES)
  .describe('planned, in-progress, done, slipped (late, with a new due date), dropped (no longer worth doing) or blocked; cancelled is read as dropped.');

export const ActionSchema = z.strictObject({
  id: IdSchema.optional().describe('An id for the action, unique in the plan, that review actions can name with "serves".'),
  description: z.string().min(1).describe('The next step, such as "Run the calibration pilot in Leeds".'),
  owner: personRef('the action owner').describe('Who does it (an id in team.yaml).'),
  start: DateSchema.optional().describe('When work starts.'),
  due: DateSchema.describe('When it is due.'),
  status: ActionStatusSchema.default('planned'),
  objective: IdSchema.optional().describe('The objective (its id in this plan) the action serves.'),
});

export type Opportunity = z.infer<typeof OpportunitySchema>;
export type Objective = z.infer<typeof ObjectiveSchema>;
export type Action = z.infer<typeof ActionSchema>;
