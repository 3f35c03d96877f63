import { RULE_DEFAULTS, type RuleId, type RulesConfig } from '../../../schemas/rules.ts';
import { formatPath, type PathSegment } from '../diagnostics/diagnostic.ts';
import type { CompPerson } from '../comp/comp.ts';
import type { PortfolioRevenue } from '../portfolio/portfolio.ts';
import type { Tier } from '../portfolio/tiers.ts';
import type { Invocation } from '../shared/invocation.ts';
import type { AccountEntry, Located, Workspace } from '../model.ts';
import type { Draft, MessageData, Said } from './finding.ts';
import { ruleMeta, type RuleMeta } from './meta.ts';

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
  /** Everyone in a comp plan with their attainment (comp/comp.ts); empty without comp.yaml, so step 8's rules say nothing. */
  comp: readonly CompPerson[];
}

/** A rule's messages by message id, each a function of its data (ESLint's `meta.messages`, typed). */
export type Messages = { readonly [messageId: string]: (data: never) => string };

/** Says one of a rule's messages: its id and data, and the sentence they make. */
export type Say<M extends Messages> = <I extends keyof M & string>(messageId: I, data: Parameters<M[I]>[0] & MessageData) => Said;

/**
 * What a rule's findings may depend on, which decides whether they can be kept per plan (engine/plan-cache.ts):
 * - `plan`: each plan's findings come from that plan alone, with today, workspace.yaml's settings and team.yaml's
 *   people. Such a rule is written as `checkPlan` over one plan and a PlanContext, which gives it nothing else to read.
 * - `workspace`: the findings weigh plans against each other or read the other files (goals, reviews, comp, the
 *   ledger, the portfolio's revenue and tiers): computed again on every run.
 */
export type RuleScope = 'plan' | 'workspace';

/** All a per-plan rule sees besides its plan; the per-plan cache is keyed on exactly these (engine/plan-cache.ts). */
export interface PlanContext {
  today: string;
  settings: Workspace['settings'];
  personById: Workspace['personById'];
}

/** The PlanContext of a run's RuleContext. */
export function planContextOf(ctx: RuleContext): PlanContext {
  return { today: ctx.today, settings: ctx.ws.settings, personById: ctx.ws.personById };
}

/** A rule: its meta (id, description, defaults, setting, messages), its scope and its check. One file per rule, named by its id. */
export interface Rule<K extends RuleId, M extends Messages = Messages> {
  meta: RuleMeta<K> & { messages: M };
  scope: RuleScope;
  check(ctx: RuleContext, thresholds: Thresholds<K>): Draft[];
  /** For a `plan` rule: its findings about one plan, which `check` gives for every plan in turn. */
  checkPlan?(a: AccountEntry, ctx: PlanContext, thresholds: Thresholds<K>): Draft[];
}

/**
 * A rule, as its file in src/core/rules/ writes it: its messages, and a check that says them through `say`.
 * Its description, defaults and setting come from its file in schemas/rules/ (rules/meta.ts). A rule whose findings
 * about a plan come from that plan alone is written with `definePlanRule` instead, so they can be kept per plan.
 */
export function defineRule<K extends RuleId, const M extends Messages>(
  id: K,
  spec: { messages: M; check(ctx: RuleContext, thresholds: Thresholds<K>, say: Say<M>): Draft[] },
): Rule<K, M> {
  const say = sayOf(spec.messages);
  return { meta: { ...ruleMeta(id), messages: spec.messages }, scope: 'workspace', check: (ctx, thresholds) => spec.check(ctx, thresholds, say) };
}

/** A rule of scope `plan`: its check sees one plan and a PlanContext, never the other plans or files. */
export function definePlanRule<K extends RuleId, const M extends Messages>(
  id: K,
  spec: { messages: M; checkPlan(a: AccountEntry, ctx: PlanContext, thresholds: Thresholds<K>, say: Say<M>): Draft[] },
): Rule<K, M> {
  const say = sayOf(spec.messages);
  const checkPlan = (a: AccountEntry, ctx: PlanContext, thresholds: Thresholds<K>) => spec.checkPlan(a, ctx, thresholds, say);
  return {
    meta: { ...ruleMeta(id), messages: spec.messages },
    scope: 'plan',
    check: (ctx, thresholds) => {
      const plan = planContextOf(ctx);
      return ctx.ws.accounts.flatMap((a) => checkPlan(a, plan, thresholds));
    },
    checkPlan,
  };
}

function sayOf<M extends Messages>(messages: M): Say<M> {
  return (messageId, data) => ({ messageId, data, message: (messages[messageId] as (data: MessageData) => string)(data) });
}

/** A finding in a plan or shared file, at a field (or the nearest part of the file that exists). */
export function at(where: Located, path: PathSegment[], said: Said, extra: Pick<Draft, 'account' | 'person'> = {}, target: 'value' | 'key' = 'value'): Draft {
  return { file: where.file, ...where.source.locate(path, target), ...said, ...(path.length > 0 && { path: formatPath(path) }), ...extra };
}

/** A finding about one account plan. */
export function onPlan(a: AccountEntry, path: PathSegment[], said: Said, person?: string, target: 'value' | 'key' = 'value'): Draft {
  return at(a, path, said, { account: a.id, ...(person !== undefined && { person }) }, target);
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
