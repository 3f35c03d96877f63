import { z } from 'zod';
import { DateSchema, IdSchema, MoneySchema, plainNumber } from './common.ts';
import { accountRef, offeringRef, personRef } from './references.ts';
import { ActionStatusSchema } from './execution.ts';

const Points = (what: string) => z.array(z.string().min(1)).default([]).describe(what);

export const STANDINGS = ['ahead', 'on-track', 'at-risk', 'behind'] as const;

/** Where an account stands against its target for one fiscal quarter. */
export const StandingSchema = z.strictObject({
  target: MoneySchema.optional().describe('The target committed in the plan for the quarter (its forecast), in the workspace currency.'),
  expected: MoneySchema.optional().describe('What we now expect to sell in the quarter, in the workspace currency.'),
  status: z.enum(STANDINGS).describe('ahead, on-track, at-risk or behind the target.'),
});

export const ReviewAccountSchema = z.strictObject({
  account: accountRef().describe('The account id (its file name in accounts/).'),
  current: StandingSchema.optional().describe('The account against its target in the fiscal quarter of the review (npm run new fills the target from the plan).'),
  next: StandingSchema.optional().describe('The account against its target in the fiscal quarter after it.'),
  expectation: z.enum(['grow', 'hold', 'decline', 'win', 'lose']).describe('Where the account is heading: grow, hold, decline, win or lose.'),
  next_90_days: MoneySchema.optional().describe('Revenue expected in the next 90 days.'),
  cross_sell: z.array(offeringRef()).default([]).describe('Offerings (ids in workspace.yaml) to cross-sell.'),
  upsell: z.array(offeringRef()).default([]).describe('Offerings (ids in workspace.yaml) the account already buys and could buy more of.'),
  note: z.string().optional().describe('One line on the account.'),
});

export const ReviewActionSchema = z.strictObject({
  description: z.string().min(1).describe('What will be done before the next review.'),
  owner: personRef('the action owner').describe('Who does it: the salesperson or the manager.'),
  due: DateSchema.optional().describe('By when; for a slipped action, the new date.'),
  status: ActionStatusSchema.default('planned'),
  slips: plainNumber().int().min(0).max(1000).optional().describe('How many times the action slipped at earlier reviews (npm run new carries it); a "slipped" status adds this one.'),
  reason: z.string().min(1).optional().describe('Why the action was dropped.'),
  account: accountRef().optional().describe('The account the action is for (its file name in accounts/).'),
  serves: IdSchema.optional().describe('The id of the objective or action in that account\'s plan that this action serves.'),
});

export const ReviewSchema = z
  .strictObject({
    // Not a reference checked like the others: it must match the file name (link.ts reviewsMatch).
    person: IdSchema.describe('The id of a person in team.yaml, such as "jane-doe".').optional().describe('Whose book is reviewed; the file name gives it when left out.'),
    reviewer: personRef('the reviewer').describe('The manager who held the review.'),
    date: DateSchema.describe('When the review was held.'),
    previous_actions: z.array(ReviewActionSchema).default([]).describe('Every action open at the last review and how it went: done, slipped (with its new due) or dropped (with a reason).'),
    accomplishments: Points('Key accomplishments since the last review.'),
    concerns: Points('Disappointments, concerns and problems.'),
    next_month: Points('What will be accomplished next month.'),
    suggestions: Points('Suggestions to make the team or the business more effective.'),
    needs: Points('What the salesperson needs from the manager.'),
    accounts: z.array(ReviewAccountSchema).default([]).describe('Every account in the book, briefly.'),
    actions: z.array(ReviewActionSchema).default([]).describe('New actions until the next review.'),
  })
  .describe('A monthly account review of one salesperson\'s whole book.');

export type Review = z.infer<typeof ReviewSchema>;
export type ReviewAction = z.infer<typeof ReviewActionSchema>;
