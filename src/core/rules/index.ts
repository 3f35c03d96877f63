import { RULE_DEFAULTS, type RuleId, type RuleSetting, type Severity } from '../../../schemas/rules.ts';
import type { Workspace } from '../model.ts';
import { objectiveWithoutOwner, noNextAction, overdueAction, stalePlan, strategicLimit } from './cadence.ts';
import { createContext, type Rule, type Thresholds } from './context.ts';
import type { Finding } from './finding.ts';
import { execCadence, noChampion, noDecisionMaker, noExecSponsor, singleThreaded, staleContact, uncoveredStakeholder } from './relationships.ts';
import { notQualified, stretchBelowPlan, tierMismatch, topAccountWithoutPlan } from './revenue.ts';

/** Every rule, in the order the README lists them. */
export const RULES: readonly Rule[] = [
  strategicLimit,
  stalePlan,
  singleThreaded,
  noDecisionMaker,
  noChampion,
  noExecSponsor,
  execCadence,
  uncoveredStakeholder,
  overdueAction,
  noNextAction,
  objectiveWithoutOwner,
  stretchBelowPlan,
  notQualified,
  tierMismatch,
  topAccountWithoutPlan,
  staleContact,
] as Rule[];

/** A rule's severity and thresholds: workspace.yaml `rules:` over the defaults; undefined when the rule is off. */
export function resolveRule<K extends RuleId>(ws: Workspace, id: K): { severity: Severity; thresholds: Thresholds<K> } | undefined {
  const { severity: fallback, ...defaults }: { severity: Severity } = RULE_DEFAULTS[id];
  const setting: RuleSetting | undefined = ws.settings.rules?.[id];
  const object: { severity?: Severity | 'off' | undefined } = typeof setting === 'string' ? { severity: setting } : (setting ?? {});
  const { severity = fallback, ...overrides } = object;
  if (severity === 'off') return undefined;
  return { severity, thresholds: { ...defaults, ...overrides } as Thresholds<K> };
}

/** Runs every rule that is not off over a valid workspace. Pure: `today` is the only clock. */
export function runRules(ws: Workspace, options: { today: string }): Finding[] {
  const ctx = createContext(ws, options.today);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const resolved = resolveRule(ws, rule.id);
    if (!resolved) continue;
    for (const draft of rule.check(ctx, resolved.thresholds)) {
      const money = draft.account !== undefined ? ctx.revenue.byAccount.get(draft.account) : undefined;
      const atStake = money && (money.planned > 0 ? money.planned : money.lastYear);
      findings.push({ rule: rule.id, severity: resolved.severity, ...draft, ...(atStake !== undefined && { revenueAtStake: atStake }) });
    }
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

export { RULE_DEFAULTS, RULE_IDS, type RuleId } from '../../../schemas/rules.ts';
