import { z } from 'zod';
import { LevelSchema, MoneySchema } from './common.ts';
import { offeringRef, personRef } from './references.ts';

const Points = (what: string) => z.array(z.string().min(1)).default([]).describe(what);

export const SwotSchema = z
  .strictObject({
    strengths: Points('Our strengths at this account.'),
    weaknesses: Points('Our weaknesses at this account.'),
    opportunities: Points('Openings we could use.'),
    threats: Points('What could cost us the account or its growth.'),
  })
  .describe('Strengths, weaknesses, opportunities and threats of our position at the account.');

export const CompetitorSchema = z.strictObject({
  name: z.string().min(1).describe('The competitor.'),
  offerings: z.array(offeringRef()).default([]).describe('The offerings (ids in workspace.yaml) they sell here.'),
  position: z.string().optional().describe('Where they stand at the account.'),
  threat: LevelSchema.optional().describe('How much they threaten us here: low, medium or high.'),
  spend: MoneySchema.optional().describe('What the account spends with them per year, as far as we know.'),
});

export const RiskSchema = z.strictObject({
  description: z.string().min(1).describe('What could go wrong.'),
  likelihood: LevelSchema.describe('low, medium or high.'),
  impact: LevelSchema.describe('low, medium or high.'),
  mitigation: z.string().optional().describe('What we do about it.'),
  owner: personRef('the risk owner').optional().describe('Who watches it (an id in team.yaml).'),
});

export const QUALIFICATION_QUESTIONS = {
  known_market: 'Is the account in a market we already have experience in?',
  solvable_problem: 'Does the account have a problem our offerings solve?',
  growth_above_threshold: 'Is the revenue growth worth the effort (above our threshold)?',
  share_below_70: 'Is our share of their spend on offerings like ours below 70%?',
  strategic_market: 'Is the account in a market we target to diversify?',
  icp_match: 'Does the account match our ideal customer profile?',
} as const;

const question = (key: keyof typeof QUALIFICATION_QUESTIONS) =>
  z.boolean().optional().describe(`${QUALIFICATION_QUESTIONS[key]} true or false.`);

export const QualificationSchema = z
  .strictObject({
    known_market: question('known_market'),
    solvable_problem: question('solvable_problem'),
    growth_above_threshold: question('growth_above_threshold'),
    share_below_70: question('share_below_70'),
    strategic_market: question('strategic_market'),
    icp_match: question('icp_match'),
  })
  .describe('The six qualification questions; four or more true answers warrant a grow or acquire plan.');

export type Swot = z.infer<typeof SwotSchema>;
export type Competitor = z.infer<typeof CompetitorSchema>;
export type Risk = z.infer<typeof RiskSchema>;
export type Qualification = z.infer<typeof QualificationSchema>;
