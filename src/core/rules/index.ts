import { RULE_DEFAULTS, RULE_IDS, type RuleId, type RuleSetting, type Severity } from '../../../schemas/rules.ts';
import type { AccountEntry, Workspace } from '../model.ts';
import { planContextOf, type PlanContext, type Rule, type RuleContext, type Thresholds } from './context.ts';
import type { Draft, Finding } from './finding.ts';
import { subjectIn, subjectOf } from './subject.ts';
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

/** A plan's findings from the `plan` rules: by rule id (none when it found nothing), each draft with its subject. */
export type PlanFindings = { [id: string]: [Draft, string][] };

/**
 * Where a run keeps each plan's PlanFindings between runs (engine/plan-cache.ts), keyed on the plan's file and on
 * everything a PlanContext holds; `get` gives undefined for a plan it cannot answer for.
 */
export interface PlanStore {
  get(a: AccountEntry): PlanFindings | undefined;
  set(a: AccountEntry, found: PlanFindings): void;
}

/**
 * Runs every rule that is not off over a valid workspace. Pure: `today` is the only clock. The engine (engine/run.ts)
 * calls it. The `plan` rules run plan by plan, and a plan whose findings `store` kept is not checked again; the
 * findings come out in the same order either way (rule by rule, plan by plan, then sorted), so a run that used the
 * store prints exactly what one without it prints.
 */
export function runRules(ctx: RuleContext, store?: PlanStore): Finding[] {
  const active = RULE_IDS.flatMap((id) => {
    const resolved = resolveRule(ctx.ws, id);
    return resolved ? [{ id, ...resolved }] : [];
  });
  const planRules = active.filter(({ id }) => RULES[id].scope === 'plan');
  const plan = planContextOf(ctx);
  const perPlan: PlanFindings[] = planRules.length === 0 ? [] : ctx.ws.accounts.map((a) => store?.get(a) ?? checkPlan(a, plan, planRules, store));
  const findings = active.flatMap(({ id, severity, thresholds }) => {
    const finish = (draft: Draft, subject: string): Finding => {
      const money = draft.account !== undefined ? ctx.revenue.byAccount.get(draft.account) : undefined;
      const atStake = money && (money.planned > 0 ? money.planned : money.lastYear);
      return { rule: id, severity, ...draft, ...(atStake !== undefined && { revenueAtStake: atStake }), subject };
    };
    if (RULES[id].scope === 'plan') return perPlan.flatMap((found) => (found[id] ?? []).map(([draft, subject]) => finish(draft, subject)));
    const rule: Rule<typeof id> = RULES[id];
    return rule.check(ctx, thresholds as never).map((draft) => finish(draft, subjectOf(draft, ctx.ws)));
  });
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/** One plan's findings from the `plan` rules, kept in `store`. */
function checkPlan(a: AccountEntry, ctx: PlanContext, rules: readonly { id: RuleId; thresholds: unknown }[], store: PlanStore | undefined): PlanFindings {
  const found: PlanFindings = {};
  for (const { id, thresholds } of rules) {
    const drafts = RULES[id].checkPlan!(a, ctx, thresholds as never);
    if (drafts.length === 0) continue;
    found[id] = drafts.map((draft) => {
      // The subject is looked up in the plan itself, which is what makes it the plan's alone.
      if (draft.file !== a.file || draft.account !== a.id) throw new Error(`The rule ${id} is of scope plan but reported outside ${a.rel}.`);
      return [draft, subjectIn(draft.path, a.plan)];
    });
  }
  store?.set(a, found);
  return found;
}
