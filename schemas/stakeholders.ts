import { z } from 'zod';
import { DateSchema, IdSchema, LevelSchema, plainNumber } from './common.ts';
import { personRef } from './references.ts';

export const BUYING_ROLES = ['decision-maker', 'economic-buyer', 'technical-buyer', 'user', 'influencer', 'gatekeeper', 'coach', 'blocker'] as const;
export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'detractor', 'unknown'] as const;

export const StakeholderSchema = z.strictObject({
  id: IdSchema.describe('An id for this person, unique in the plan, used by reports_to.'),
  name: z.string().min(1).describe('Their name.'),
  title: z.string().optional().describe('Their job title, such as "Chief Financial Officer".'),
  reports_to: IdSchema.optional().describe('The id of the stakeholder in this plan they report to.'),
  roles: z
    .array(z.enum(BUYING_ROLES))
    .default([])
    .describe('Their part in the buying decision: decision-maker, economic-buyer, technical-buyer, user, influencer, gatekeeper, coach, blocker.'),
  stance: z
    .enum(STANCES)
    .default('unknown')
    .describe('How they feel about us: champion, supporter, neutral, skeptic, detractor or unknown.'),
  relationship: personRef('the relationship owner').optional().describe('The person on our side who owns the relationship (an id in team.yaml).'),
  last_contact: DateSchema.optional().describe('When someone on our side last spoke with them.'),
  influence: LevelSchema.optional().describe('How much weight their voice carries: low, medium or high.'),
  notes: z.string().optional().describe('What matters to them. Keep contact details in the CRM.'),
});

export const BuyingStepSchema = z.strictObject({
  name: z.string().min(1).describe('The step, such as "Technical evaluation".'),
  owner: IdSchema.optional().describe('The stakeholder id who runs this step.'),
  weeks: plainNumber().gt(0).max(520).optional().describe('How many weeks the step usually takes (at most 520, ten years).'),
});

export const BuyingProcessSchema = z
  .strictObject({
    summary: z.string().optional().describe('How this account decides and buys, in a sentence or two.'),
    budget_cycle: z.string().optional().describe('When budgets are set, such as "October, for the calendar year".'),
    criteria: z.array(z.string()).default([]).describe('What they judge suppliers on.'),
    steps: z.array(BuyingStepSchema).default([]).describe('The steps from need to purchase order, in order.'),
  })
  .describe('How the account makes buying decisions.');

export const ExecRelationshipSchema = z.strictObject({
  ours: personRef('the executive').describe('Our executive (an id in team.yaml).'),
  theirs: IdSchema.describe('Their executive (a stakeholder id in this plan).'),
  last_meeting: DateSchema.optional().describe('When the two last met.'),
  next_meeting: DateSchema.optional().describe('When they meet next.'),
  notes: z.string().optional().describe('What the relationship is for.'),
});

export type Stakeholder = z.infer<typeof StakeholderSchema>;
export type BuyingRole = (typeof BUYING_ROLES)[number];
export type Stance = (typeof STANCES)[number];
export type ExecRelationship = z.infer<typeof ExecRelationshipSchema>;
