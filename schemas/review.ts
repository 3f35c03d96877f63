import { z } from 'zod';
import { DateSchema, IdSchema, MoneySchema, PersonRefSchema } from './common.ts';

const Points = (what: string) => z.array(z.string().min(1)).default([]).describe(what);

export const ReviewAccountSchema = z.strictObject({
  account: IdSchema.describe('The account id (its file name in accounts/).'),
  expectation: z.enum(['grow', 'hold', 'decline', 'win', 'lose']).describe('Where the account is heading: grow, hold, decline, win or lose.'),
  next_90_days: MoneySchema.optional().describe('Revenue expected in the next 90 days.'),
  cross_sell: z.array(IdSchema).default([]).describe('Offerings (ids in workspace.yaml) to cross-sell or upsell.'),
  note: z.string().optional().describe('One line on the account.'),
});

export const ReviewActionSchema = z.strictObject({
  description: z.string().min(1).describe('What will be done before the next review.'),
  owner: PersonRefSchema.describe('Who does it: the salesperson or the manager.'),
  due: DateSchema.optional().describe('By when.'),
  status: z.enum(['planned', 'done', 'dropped']).default('planned').describe('planned, done or dropped.'),
});

export const ReviewSchema = z
  .strictObject({
    person: PersonRefSchema.optional().describe('Whose book is reviewed; the file name gives it when left out.'),
    reviewer: PersonRefSchema.describe('The manager who held the review.'),
    date: DateSchema.describe('When the review was held.'),
    previous_actions: z.array(ReviewActionSchema).default([]).describe('The actions from the last review and how they went.'),
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
