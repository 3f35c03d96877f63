import { RULE_DEFAULTS, type RuleId, type RulesConfig } from '../../../schemas/rules.ts';
import { formatPath, type PathSegment } from '../diagnostics/diagnostic.ts';
import type { PortfolioRevenue } from '../portfolio/portfolio.ts';
import type { Tier } from '../portfolio/tiers.ts';
import type { Invocation } from '../shared/invocation.ts';
import type { AccountEntry, Located, Workspace } from '../model.ts';
import type { Draft } from './finding.ts';
import type { RuleMeta } from './meta.ts';

type Defaults<K extends RuleId> = Omit<(typeof RULE_DEFAULTS)[K], 'severity'>;
type Overrides<K extends RuleId> = Exclude<NonNullable<RulesConfig[K]>, string>;
type Widen<T> = { [P in keyof T]: T[P] extends number ? number : T[P] extends string ? string : T[P] };
/** A rule's thresholds: the workspace's settings over the defaults (a threshold with no default stays optional). */
export type Thresholds<K extends RuleId> = Widen<Defaults<K>> & Omit<Overrides<K>, 'severity' | keyof Defaults<K>>;

/** What every rule sees: the workspace, today, and figures the engine computed once for all (engine/run.ts). */
export interface RuleContext {
  ws: Workspace;
  today: string;
  revenue: PortfolioRevenue;
  tiers: ReadonlyMap<string, Tier>;
  /** How a message names a command the user can run (shared/invocation.ts). */
  how: Invocation;
}

/** A rule: its meta (rules/meta.ts) and its check. One file per rule, named by its id. */
export interface Rule<K extends RuleId> {
  meta: RuleMeta<K>;
  check(ctx: RuleContext, thresholds: Thresholds<K>): Draft[];
}

/** A finding in a plan or shared file, at a field (or the nearest part of the file that exists). */
export function at(where: Located, path: PathSegment[], message: string, extra: Pick<Draft, 'account' | 'person'> = {}, target: 'value' | 'key' = 'value'): Draft {
  return { file: where.file, ...where.source.locate(path, target), message, ...(path.length > 0 && { path: formatPath(path) }), ...extra };
}

/** A finding about one account plan. */
export function onPlan(a: AccountEntry, path: PathSegment[], message: string, person?: string, target: 'value' | 'key' = 'value'): Draft {
  return at(a, path, message, { account: a.id, ...(person !== undefined && { person }) }, target);
}

/** Strategic plans, and plans for accounts we do not sell to yet, carry the full buying-decision picture. */
export function needsFullPicture(a: AccountEntry): boolean {
  return a.plan.strategic || a.plan.status === 'target';
}

/** A plan being wound down needs no relationship building. */
export function isActive(a: AccountEntry): boolean {
  return a.plan.strategy !== 'retire';
}

/** "a strategic plan", "a target plan" or "a strategic target plan", for messages. */
export function describePlan(a: AccountEntry): string {
  const kinds = [a.plan.strategic && 'strategic', a.plan.status === 'target' && 'target'].filter(Boolean);
  return `${kinds.join(' ')} plan`;
}
