import { z } from 'zod';
import { actionSlippedSetting } from './rules/action-slipped.ts';
import { execCadenceSetting } from './rules/exec-cadence.ts';
import { historyDiffersFromLedgerSetting } from './rules/history-differs-from-ledger.ts';
import { noChampionSetting } from './rules/no-champion.ts';
import { noDecisionMakerSetting } from './rules/no-decision-maker.ts';
import { noExecSponsorSetting } from './rules/no-exec-sponsor.ts';
import { noNextActionSetting } from './rules/no-next-action.ts';
import { notQualifiedSetting } from './rules/not-qualified.ts';
import { objectiveWithoutOwnerSetting } from './rules/objective-without-owner.ts';
import { overdueActionSetting } from './rules/overdue-action.ts';
import { opportunityOverdueSetting } from './rules/opportunity-overdue.ts';
import { reviewActionUnaccountedSetting } from './rules/review-action-unaccounted.ts';
import { reviewDateSetting } from './rules/review-date.ts';
import { reviewIncompleteSetting } from './rules/review-incomplete.ts';
import { reviewMissingSetting } from './rules/review-missing.ts';
import { singleThreadedSetting } from './rules/single-threaded.ts';
import { staleContactSetting } from './rules/stale-contact.ts';
import { stalePlanSetting } from './rules/stale-plan.ts';
import { strategicLimitSetting } from './rules/strategic-limit.ts';
import { stretchBelowPlanSetting } from './rules/stretch-below-plan.ts';
import { tierMismatchSetting } from './rules/tier-mismatch.ts';
import { topAccountWithoutPlanSetting } from './rules/top-account-without-plan.ts';
import { uncoveredStakeholderSetting } from './rules/uncovered-stakeholder.ts';
import { quotaNotPlannedSetting } from './rules/quota-not-planned.ts';
import { teamQuotaUnassignedSetting } from './rules/team-quota-unassigned.ts';
import { compWithoutGoalSetting } from './rules/comp-without-goal.ts';
import { objectivesUnrewardedSetting } from './rules/objectives-unrewarded.ts';

export { SeveritySchema, type Severity } from './rules/setting.ts';

/**
 * Every rule of the method, one file each in schemas/rules/ (its setting, description and defaults), in the order
 * of the README table and of workspace.yaml's JSON Schema. The rules themselves are in src/core/rules/.
 */
const SETTINGS = [
  strategicLimitSetting,
  stalePlanSetting,
  singleThreadedSetting,
  noDecisionMakerSetting,
  noChampionSetting,
  noExecSponsorSetting,
  execCadenceSetting,
  uncoveredStakeholderSetting,
  overdueActionSetting,
  opportunityOverdueSetting,
  noNextActionSetting,
  objectiveWithoutOwnerSetting,
  stretchBelowPlanSetting,
  notQualifiedSetting,
  tierMismatchSetting,
  topAccountWithoutPlanSetting,
  staleContactSetting,
  historyDiffersFromLedgerSetting,
  reviewMissingSetting,
  reviewIncompleteSetting,
  reviewActionUnaccountedSetting,
  actionSlippedSetting,
  reviewDateSetting,
  quotaNotPlannedSetting,
  teamQuotaUnassignedSetting,
  compWithoutGoalSetting,
  objectivesUnrewardedSetting,
] as const;

type Setting = (typeof SETTINGS)[number];
export type RuleId = Setting['id'];
type SettingOf = { [S in Setting as S['id']]: S };

/** Each rule's setting file (schemas/rules/<id>.ts) by id: its description, defaults and schema. */
export const RULE_SETTINGS = Object.fromEntries(SETTINGS.map((s) => [s.id, s])) as SettingOf;

export const RULE_IDS: RuleId[] = SETTINGS.map((s) => s.id);

/** Every rule's default severity and thresholds. stale-plan's `days` has none: it defaults to workspace `review_cadence_days`. */
export const RULE_DEFAULTS = Object.fromEntries(SETTINGS.map((s) => [s.id, s.defaults])) as { readonly [K in RuleId]: SettingOf[K]['defaults'] };

export const RulesConfigSchema = z
  .strictObject(Object.fromEntries(SETTINGS.map((s) => [s.id, s.schema])) as { [K in RuleId]: SettingOf[K]['schema'] })
  .describe('Rule settings by rule id: a severity (error, warning, info), off, or { severity, and the rule\'s thresholds }.');

export type RulesConfig = z.infer<typeof RulesConfigSchema>;
export type RuleSetting = NonNullable<RulesConfig[RuleId]>;
