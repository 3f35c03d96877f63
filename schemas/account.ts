import { z } from 'zod';
import { CurrencySchema, DateSchema, FractionSchema, IdSchema, MoneySchema, plainNumber, refuseProtoKey, UrlSchema } from './common.ts';
import { accountRef, dimensionValues, personRef } from './references.ts';
import { ActionSchema, ObjectiveSchema, OpportunitySchema } from './execution.ts';
import {
  CompetitorSpendSchema,
  ForecastEntrySchema,
  HistoryEntrySchema,
  PenetrationSchema,
  StretchEntrySchema,
} from './revenue.ts';
import { BuyingProcessSchema, ExecRelationshipSchema, StakeholderSchema } from './stakeholders.ts';
import { CompetitorSchema, QualificationSchema, RiskSchema, SwotSchema } from './strategy.ts';

export const ACCOUNT_STATUSES = ['current', 'target'] as const;
export const STRATEGIES = ['acquire', 'grow', 'reactivate', 'retain', 'retire'] as const;
export const TIERS = ['A', 'B', 'C', 'D'] as const;

export const TeamMemberSchema = z.strictObject({
  person: personRef('them').describe('A person in team.yaml who works on the account.'),
  role: z.string().optional().describe('What they do for the account, such as "solution engineer".'),
});

export const CompanyYearSchema = z.strictObject({
  year: plainNumber().int().min(1900).max(2200).describe('The calendar or fiscal year of these figures.'),
  revenue: MoneySchema.optional().describe('The account\'s own revenue that year.'),
  employees: plainNumber().int().min(0).max(1e8).optional().describe('Their headcount that year, up to 100000000.'),
});

export const ProfileSchema = z
  .strictObject({
    industry: z.string().optional().describe('The industry they are in.'),
    headquarters: z.string().optional().describe('Where they are based.'),
    website: UrlSchema.optional().describe('Their website, starting with https://, such as https://www.example.com.'),
    size: z.array(CompanyYearSchema).default([]).describe('Their size over the last 2–3 years: revenue and headcount by year.'),
    strategy: z.string().optional().describe('Their own strategy, in a sentence or two.'),
    markets: z.array(z.string()).default([]).describe('The markets they sell into.'),
  })
  .describe('What we know about the account as a business.');

export const CrmLinkSchema = z
  .strictObject({
    id: z.string().min(1).describe('The account id in the CRM.'),
    url: UrlSchema.optional().describe('A link to the account in the CRM, starting with https://.'),
  })
  .describe('Where the account lives in the CRM. Link to it; do not copy CRM data here.');

export const AccountPlanSchema = z
  .strictObject({
    name: z.string().min(1).describe('The account\'s name, such as "Acme Corporation".'),
    status: z.enum(ACCOUNT_STATUSES).describe('current (they buy from us) or target (we want to win them).'),
    strategy: z.enum(STRATEGIES).describe('acquire, grow, reactivate, retain or retire.'),
    tier: z.enum(TIERS).optional().describe('The account category, A (most valuable) to D.'),
    strategic: z.boolean().default(false).describe('true for a strategic account plan (at most five per person).'),
    owner: personRef('the owner').describe('The account executive who owns the plan (an id in team.yaml).'),
    team: z.array(TeamMemberSchema).default([]).describe('Everyone else on our side who works on the account.'),
    exec_sponsor: personRef('the executive sponsor').optional().describe('Our executive sponsor for the account (an id in team.yaml).'),
    crm: CrmLinkSchema.optional(),
    parent: accountRef().optional().describe('The id of the parent account, for a subsidiary or division.'),
    dimensions: refuseProtoKey(dimensionValues(z.record(IdSchema, IdSchema).default({}).describe('The account\'s value for each dimension in workspace.yaml, such as channel: direct.')), 'channel'),
    currency: CurrencySchema.optional().describe('The currency of this plan\'s amounts, when not the workspace currency.'),
    last_reviewed: DateSchema.optional().describe('When the plan was last reviewed with a manager.'),
    profile: ProfileSchema.optional(),
    history: z.array(HistoryEntrySchema).default([]).describe('What they bought from us, by period (and by product, with margin).'),
    competitor_spend: z.array(CompetitorSpendSchema).default([]).describe('What they spend with competitors on offerings like ours.'),
    share_of_wallet: FractionSchema.optional().describe('Our share of their spend on offerings like ours, from 0 to 1.'),
    forecast: z.array(ForecastEntrySchema).default([]).describe('The revenue we plan from the account, by period; the goals are checked against it.'),
    stretch: z.array(StretchEntrySchema).default([]).describe('Stretch targets above the forecast, by period.'),
    penetration: z.array(PenetrationSchema).default([]).describe('Each offering and who holds it: the whitespace.'),
    opportunities: z.array(OpportunitySchema).default([]).describe('Deals we are pursuing.'),
    objectives: z.array(ObjectiveSchema).default([]).describe('What we want to achieve at the account, with an owner each.'),
    actions: z.array(ActionSchema).default([]).describe('The steps, with owner, dates and status.'),
    stakeholders: z.array(StakeholderSchema).default([]).describe('The people in the buying decision: the buying-decision chart is drawn from them.'),
    buying_process: BuyingProcessSchema.optional(),
    exec_relationships: z.array(ExecRelationshipSchema).default([]).describe('Leader-to-leader relationships between our executives and theirs.'),
    competitors: z.array(CompetitorSchema).default([]).describe('Who we compete with here.'),
    swot: SwotSchema.optional(),
    risks: z.array(RiskSchema).default([]).describe('What could go wrong and what we do about it.'),
    qualification: QualificationSchema.optional(),
    icp: refuseProtoKey(z.record(IdSchema, plainNumber().min(0).max(100)).optional().describe('Scores per ideal customer profile criterion (ids in icp.yaml), from 0 to the scale of icp.yaml (at most 100).'), 'budget'),
  })
  .describe('An account plan. The narrative goes below the frontmatter in an .mdx file.');

export type AccountPlan = z.infer<typeof AccountPlanSchema>;
export type AccountPlanInput = z.input<typeof AccountPlanSchema>;
