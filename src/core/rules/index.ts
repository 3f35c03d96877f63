import { RULE_DEFAULTS, RULE_IDS, type RuleId, type RuleSetting, type Severity } from '../../../schemas/rules.ts';
import type { Workspace } from '../model.ts';
import { type Rule, type RuleContext, type Thresholds } from './context.ts';
import type { Finding } from './finding.ts';
import { subjectOf } from './subject.ts';
import { execCadence } from './exec-cadence.ts';
import { historyDiffersFromLedger } from './history-differs-from-ledger.ts';
import { noChampion } from './no-champion.ts';
import { noDecisionMaker } from './no-decision-maker.ts';
import { noExecSponsor } from './no-exec-sponsor.ts';
import { noNextAction } from './no-next-action.ts';
import { notQualified } from './not-qualified.ts';
import { objectiveWithoutOwner } from './objective-without-owner.ts';
import { overdueAction } from './overdue-action.ts';
import { opportunityOverdue } from './opportunity-overdue.ts';
import { singleThreaded } from './single-threaded.ts';
import { staleContact } from './stale-contact.ts';
import { stalePlan } from './stale-plan.ts';
import { strategicLimit } from './strategic-limit.ts';
import { stretchBelowPlan } from './stretch-below-plan.ts';
import { tierMismatch } from './tier-mismatch.ts';
import { topAccountWithoutPlan } from './top-account-without-plan.ts';
import { uncoveredStakeholder } from './uncovered-stakeholder.ts';
import { actionSlipped } from './action-slipped.ts';
import { reviewActionUnaccounted } from './review-action-unaccounted.ts';
import { reviewDate } from './review-date.ts';
import { reviewIncomplete } from './review-incomplete.ts';
import { reviewMissing } from './review-missing.ts';
import { quotaNotPlanned } from './quota-not-planned.ts';
import { teamQuotaUnassigned } from './team-quota-unassigned.ts';
import { compWithoutGoal } from './comp-without-goal.ts';
import { objectivesUnrewarded } from './objectives-unrewarded.ts';

/**
 * Every rule by id, one line each: the type demands one rule per id of schemas/rules.ts, each with that id's
 * thresholds, in the same order (docs/adding-a-rule.md).
 */
export const RULES: { readonly [K in RuleId]: Rule<K> } = {
  'strategic-limit': strategicLimit,
  'stale-plan': stalePlan,
  'single-threaded': singleThreaded,
  'no-decision-maker': noDecisionMaker,
  'no-champion': noChampion,
  'no-exec-sponsor': noExecSponsor,
  'exec-cadence': execCadence,
  'uncovered-stakeholder': uncoveredStakeholder,
  'overdue-action': overdueAction,
  'opportunity-overdue': opportunityOverdue,
  'no-next-action': noNextAction,
  'objective-without-owner': objectiveWithoutOwner,
  'stretch-below-plan': stretchBelowPlan,
  'not-qualified': notQualified,
  'tier-mismatch': tierMismatch,
  'top-account-without-plan': topAccountWithoutPlan,
  'stale-contact': staleContact,
  'history-differs-from-ledger': historyDiffersFromLedger,
  'review-missing': reviewMissing,
  'review-incomplete': reviewIncomplete,
  'review-action-unaccounted': reviewActionUnaccounted,
  'action-slipped': actionSlipped,
  'review-date': reviewDate,
  'quota-not-planned': quotaNotPlanned,
  'team-quota-unassigned': teamQuotaUnassigned,
  'comp-without-goal': compWithoutGoal,
  'objectives-unrewarded': objectivesUnrewarded,
};

/** A rule's severity and thresholds: workspace.yaml `rules:` over the defaults; undefined when the rule is off. */
export function resolveRule<K extends RuleId>(ws: Workspace, id: K): { severity: Severity; thresholds: Thresholds<K> } | undefined {
  const { severity: fallback, ...defaults }: { severity: Severity } = RULE_DEFAULTS[id];
  const setting: RuleSetting | undefined = ws.settings.rules?.[id];
  const object: { severity?: Severity | 'off' | undefined } = typeof setting === 'string' ? { severity: setting } : (setting ?? {});
  const { severity = fallback, ...overrides } = object;
  if (severity === 'off') return undefined;
  return { severity, thresholds: { ...defaults, ...overrides } as Thresholds<K> };
}

/** Runs every rule that is not off over a valid workspace. Pure: `today` is the only clock. The engine (engine/run.ts) calls it. */
export function runRules(ctx: RuleContext): Finding[] {
  const findings = RULE_IDS.flatMap((id) => runRule(id, ctx));
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

function runRule<K extends RuleId>(id: K, ctx: RuleContext): Finding[] {
  const resolved = resolveRule(ctx.ws, id);
  if (!resolved) return [];
  const rule: Rule<K> = RULES[id];
  return rule.check(ctx, resolved.thresholds).map((draft) => {
    const money = draft.account !== undefined ? ctx.revenue.byAccount.get(draft.account) : undefined;
    const atStake = money && (money.planned > 0 ? money.planned : money.lastYear);
    return { rule: id, severity: resolved.severity, ...draft, ...(atStake !== undefined && { revenueAtStake: atStake }), subject: subjectOf(draft, ctx.ws) };
  });
}

