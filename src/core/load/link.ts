import { IdSchema } from '../../../schemas/common.ts';
import { AccountPlanSchema, ReviewSchema, TeamSchema, WorkspaceSettingsSchema } from '../../../schemas/index.ts';
import { diagnose } from '../diagnostics/diagnose.ts';
import { formatPath, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.ts';
import { cycleFrom, findCycles } from './cycles.ts';
import { at } from './link-at.ts';
import { latestReviews, reviewAccountExists, reviewActionsServe, reviewOfferingExists, reviewOutcomesComplete } from './link-reviews.ts';
import { numbersWrittenPlainly } from './link-numbers.ts';
import { crmIdsUnique } from './link-crm.ts';
import { icpCriteriaUnique, workspaceSettingsAgree } from './link-settings.ts';
import { compPlansAgree } from './link-comp.ts';
import { referencesIn, type FoundReference } from './references.ts';
import { toMap } from '../shared/own.ts';
import { isQuarter, yearOf } from '../shared/periods.ts';
import type { AccountPlan } from '../../../schemas/index.ts';
import type { AccountEntry, Located, OwnDiagnostics, ReviewEntry, Workspace } from '../model.ts';

/** What the checks know beyond the workspace: the ids of every account file, including plans that failed their schema. */
export interface LinkContext {
  accountIds: ReadonlySet<string>;
  /** Shared files present in the folder, even if they failed their schema (their errors are already reported). */
  sharedFiles: ReadonlySet<string>;
}

type Check = (ws: Workspace, context: LinkContext) => Diagnostic[];

/** Cross-file checks, each a small named function, run once every file has passed its schema. */
const CHECKS: Check[] = [
  uniquePeople,
  teamReferencesExist,
  managersInNoCircle,
  settingsReferencesExist,
  accountIdsAreValid,
  crmIdsUnique,
  planReferencesExist,
  currencyHasRate,
  parentsInNoCircle,
  planOwnChecks,
  icpScoresExist,
  goalScopesExist,
  reviewsMatch,
  workspaceSettingsAgree,
  icpCriteriaUnique,
  compReferencesAgree,
  numbersWrittenPlainly,
];

export function linkWorkspace(ws: Workspace, context: LinkContext = { accountIds: new Set(ws.accountById.keys()), sharedFiles: new Set() }): Diagnostic[] {
  return CHECKS.flatMap((check) => check(ws, context));
}

/**
 * Every reference a file's schema marks (schemas/references.ts), found by load/references.ts, checked against what
 * exists now: the people in team.yaml, the offerings and dimensions in workspace.yaml, the account plans. Plans,
 * team.yaml and workspace.yaml go through here; reviews, which record their month, have their own (reviewsMatch).
 */
export function referencesExist(ws: Workspace, where: Located, found: readonly FoundReference[], { accountIds }: Pick<LinkContext, 'accountIds'>): Diagnostic[] {
  return found.flatMap((r) => {
    const id = typeof r.value === 'string' ? r.value : undefined;
    switch (r.kind) {
      case 'person':
        return personRef(ws, where, r.path, id, r.what ?? 'them');
      case 'offering':
        return offeringRef(ws, where, r.path, id);
      case 'account':
        return accountRef(where, r.path, id, accountIds);
      case 'dimension':
        return dimensionRef(ws, where, r.path, id);
      case 'dimension-values':
        return dimensionValuesExist(ws, where, r.path, r.value);
    }
  });
}

function planReferencesExist(ws: Workspace, context: LinkContext): Diagnostic[] {
  return ws.accounts.flatMap((a) => referencesExist(ws, a, referencesIn(AccountPlanSchema, a.plan), context));
}

function teamReferencesExist(ws: Workspace, context: LinkContext): Diagnostic[] {
  return referencesExist(ws, ws.sources.team, referencesIn(TeamSchema, { people: ws.people }), context);
}

function compReferencesAgree(ws: Workspace, context: LinkContext): Diagnostic[] {
  const where = ws.sources.comp;
  return where ? compPlansAgree(ws, (found) => referencesExist(ws, where, found, context)) : [];
}

function settingsReferencesExist(ws: Workspace, context: LinkContext): Diagnostic[] {
  return referencesExist(ws, ws.sources.workspace, referencesIn(WorkspaceSettingsSchema, ws.settings), context);
}

const definedOnce = new WeakMap<Workspace, { offerings: string[]; dimensions: Map<string, string[]> }>();

/** The offering ids and dimensions of workspace.yaml, once per workspace rather than once per reference. */
function defined(ws: Workspace): { offerings: string[]; dimensions: Map<string, string[]> } {
  let known = definedOnce.get(ws);
  if (!known) definedOnce.set(ws, (known = { offerings: ws.settings.offerings.map((o) => o.id), dimensions: toMap(ws.settings.dimensions) }));
  return known;
}

function personRef(ws: Workspace, where: Located, path: PathSegment[], id: string | undefined, what: string): Diagnostic[] {
  if (id === undefined || ws.personById.has(id)) return [];
  return [at(where, path, 'unknown-person', { field: formatPath(path), id, people: ws.personById.keys(), role: what })];
}

function offeringRef(ws: Workspace, where: Located, path: PathSegment[], id: string | undefined): Diagnostic[] {
  const ids = defined(ws).offerings;
  if (id === undefined || ids.includes(id)) return [];
  return [at(where, path, 'unknown-offering', { field: formatPath(path), id, offerings: ids })];
}

function accountRef(where: Located, path: PathSegment[], id: string | undefined, accountIds: ReadonlySet<string>): Diagnostic[] {
  if (id === undefined || accountIds.has(id)) return [];
  return [at(where, path, 'unknown-account', { field: formatPath(path), id, accounts: accountIds })];
}

function dimensionRef(ws: Workspace, where: Located, path: PathSegment[], name: string | undefined): Diagnostic[] {
  const names = [...defined(ws).dimensions.keys()];
  if (name === undefined || names.includes(name)) return [];
  return [at(where, path, 'unknown-dimension', { in: 'settings', field: formatPath(path), name, names })];
}

/** A plan's value for each dimension: every name a dimension, every value one of its values, no dimension left out. */
function dimensionValuesExist(ws: Workspace, where: Located, path: PathSegment[], value: unknown): Diagnostic[] {
  const dims = defined(ws).dimensions;
  const values: Record<string, unknown> = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const keys = Object.keys(values);
  // Every plan is checked after each edit: the usual answer (each dimension given once, with one of its values) is
  // found without building a message or a list.
  if (keys.length === dims.size && keys.every((key) => dims.get(key)?.includes(values[key] as string) === true)) return [];
  const names = [...dims.keys()];
  const field = formatPath(path);
  const out: Diagnostic[] = [];
  for (const key of keys) {
    const v = values[key];
    const allowed = dims.get(key);
    if (!allowed) {
      out.push(at(where, [...path, key], 'unknown-dimension', { in: 'plan', field: `${field}.${key}`, name: key, names }));
    } else if (typeof v === 'string' && !allowed.includes(v)) {
      out.push(at(where, [...path, key], 'unknown-dimension-value', { field: `${field}.${key}`, dimension: key, value: v, allowed }));
    }
  }
  for (const [name, allowed] of dims) {
    if (!Object.hasOwn(values, name)) {
      out.push(at(where, path, 'missing-dimension', { field, dimension: name, allowed }));
    }
  }
  return out;
}

function uniquePeople(ws: Workspace): Diagnostic[] {
  const seen = new Set<string>();
  return ws.people.flatMap((p, i) => {
    if (!seen.has(p.id)) return (seen.add(p.id), []);
    return [at(ws.sources.team, ['people', i, 'id'], 'duplicate-id', { list: 'people', index: i, id: p.id })];
  });
}

function managersInNoCircle(ws: Workspace): Diagnostic[] {
  const out: Diagnostic[] = [];
  const cycles = findCycles(ws.people.map((p) => p.id), (id) => ws.personById.get(id)?.manager);
  ws.people.forEach((p, i) => {
    const found = cycles.get(p.id);
    const cycle = found && found.first === i ? cycleFrom(found, p.id) : undefined;
    if (cycle) {
      out.push(at(ws.sources.team, ['people', i, 'manager'], 'manager-cycle', { index: i, cycle }));
    }
  });
  return out;
}

function accountIdsAreValid(ws: Workspace): Diagnostic[] {
  const byId = new Map<string, AccountEntry>();
  const out: Diagnostic[] = [];
  for (const a of ws.accounts) {
    if (!IdSchema.safeParse(a.id).success) {
      out.push(diagnose(a.file, { line: 1, column: 1 }, 'invalid-file-name', { id: a.id, format: a.format }));
    }
    const other = byId.get(a.id);
    if (other) {
      out.push(diagnose(a.file, { line: 1, column: 1 }, 'duplicate-account', { id: a.id, other: other.file }));
    } else byId.set(a.id, a);
  }
  return out;
}

function currencyHasRate(ws: Workspace): Diagnostic[] {
  const { currency, fx } = ws.settings;
  return ws.accounts.flatMap((a) => {
    const c = a.plan.currency;
    if (c === undefined || c === currency || Object.hasOwn(fx, c)) return [];
    return [at(a, ['currency'], 'missing-fx-rate', { currency: c, workspaceCurrency: currency })];
  });
}

/** A parent that is not an account is reported with the plan's other references (planReferencesExist). */
function parentsInNoCircle(ws: Workspace, { accountIds }: LinkContext): Diagnostic[] {
  const cycles = findCycles(ws.accounts.map((a) => a.id), (id) => ws.accountById.get(id)?.plan.parent);
  return ws.accounts.flatMap((a) => {
    const parent = a.plan.parent;
    if (parent === undefined || !accountIds.has(parent)) return [];
    const found = cycles.get(a.id);
    if (!found || found.min !== a.id) return [];
    const cycle = cycleFrom(found, a.id);
    return [at(a, ['parent'], 'parent-cycle', { cycle })];
  });
}

function stakeholderLinks(a: OwnPlan): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = a.plan.stakeholders.map((s) => s.id);
  const firstById = new Map<string, string | undefined>();
  for (const s of a.plan.stakeholders) if (!firstById.has(s.id)) firstById.set(s.id, s.reports_to);
  const cycles = findCycles(ids, (id) => firstById.get(id));
  const ref = (path: PathSegment[], id: string | undefined) => {
    if (id !== undefined && !ids.includes(id)) {
      out.push(at(a, path, 'unknown-stakeholder', { field: formatPath(path), id, stakeholders: ids }));
    }
  };
  a.plan.stakeholders.forEach((s, i) => {
    if (s.reports_to === s.id) {
      out.push(at(a, ['stakeholders', i, 'reports_to'], 'reports-to-self', { index: i, name: s.name }));
      return;
    }
    ref(['stakeholders', i, 'reports_to'], s.reports_to);
    const found = cycles.get(s.id);
    const cycle = found && found.first === i ? cycleFrom(found, s.id) : undefined;
    if (cycle) {
      out.push(at(a, ['stakeholders', i, 'reports_to'], 'reports-to-cycle', { index: i, cycle }));
    }
  });
  a.plan.exec_relationships.forEach((x, i) => ref(['exec_relationships', i, 'theirs'], x.theirs));
  a.plan.buying_process?.steps.forEach((x, i) => ref(['buying_process', 'steps', i, 'owner'], x.owner));
  const objectives = a.plan.objectives.map((o) => o.id);
  a.plan.actions.forEach((x, i) => {
    if (x.objective !== undefined && !objectives.includes(x.objective)) {
      out.push(at(a, ['actions', i, 'objective'], 'unknown-objective', { index: i, id: x.objective, objectives }));
    }
  });
  return out;
}

function uniqueIdsInPlan(a: OwnPlan): Diagnostic[] {
  const lists = ['stakeholders', 'objectives', 'opportunities', 'actions'] as const;
  return lists.flatMap((list) => {
    const seen = new Set<string>();
    return a.plan[list].flatMap((item: { id?: string | undefined }, i) => {
      if (item.id === undefined) return [];
      if (!seen.has(item.id)) return (seen.add(item.id), []);
      return [at(a, [list, i, 'id'], 'duplicate-id', { list, index: i, id: item.id })];
    });
  });
}

function forecastNotDoubleCounted(a: OwnPlan): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  const annual = new Map<string, number>();
  const quarterly = new Map<string, number>();
  a.plan.forecast.forEach((f, i) => {
    const key = `${f.period}|${f.product ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push(at(a, ['forecast', i, 'period'], 'duplicate-forecast', { index: i, period: f.period, product: f.product, first }));
    } else seen.set(key, i);
    (isQuarter(f.period) ? quarterly : annual).set(yearOf(f.period), i);
  });
  for (const [year, i] of annual) {
    const q = quarterly.get(year);
    if (q !== undefined) {
      out.push(at(a, ['forecast', i, 'period'], 'double-counting', { index: i, year, quarter: q }));
    }
  }
  return out;
}

function duplicatePenetration(a: OwnPlan): Diagnostic[] {
  const seen = new Set<string>();
  return a.plan.penetration.flatMap((p, i) => {
    if (!seen.has(p.offering)) return (seen.add(p.offering), []);
    return [at(a, ['penetration', i, 'offering'], 'duplicate-offering', { index: i, offering: p.offering })];
  });
}

/** A plan as the checks of a plan alone see it: its file, where its fields are, and its value. */
export type OwnPlan = Located & { plan: AccountPlan };

/**
 * The checks that read one plan and nothing else (stakeholders and who they report to, ids unique within the plan,
 * the forecast not counted twice, each offering's penetration once), in the order linkWorkspace reports them. A
 * function of the plan's file alone, so the parse cache keeps their diagnostics with it (AccountEntry.own) and a run
 * after an edit checks only the plans that changed.
 */
const OWN_CHECKS: readonly ((a: OwnPlan) => Diagnostic[])[] = [stakeholderLinks, uniqueIdsInPlan, forecastNotDoubleCounted, duplicatePenetration];

/**
 * The diagnostics of each of a plan's own checks, one list per check in OWN_CHECKS's order, or no list at all when
 * none found anything (most plans: the parse cache keeps one empty list for them, not one per check).
 */
export function ownDiagnostics(a: OwnPlan): OwnDiagnostics {
  const found = OWN_CHECKS.map((check) => check(a));
  return found.some((list) => list.length > 0) ? found : [];
}

/** Every plan's own checks, check by check, each from the plan's kept diagnostics when it has them (AccountEntry.own). */
function planOwnChecks(ws: Workspace): Diagnostic[] {
  return OWN_CHECKS.flatMap((check, k) =>
    ws.accounts.flatMap((a) => {
      const own = a.own;
      if (own?.length === 0) return [];
      return own?.length === OWN_CHECKS.length ? own[k]! : check(a);
    }),
  );
}

function icpScoresExist(ws: Workspace, { sharedFiles }: LinkContext): Diagnostic[] {
  return ws.accounts.flatMap((a) => {
    const scores = a.plan.icp;
    if (!scores || (!ws.icp && sharedFiles.has('icp'))) return [];
    if (!ws.icp) return [at(a, ['icp'], 'no-icp')];
    const ids = ws.icp.criteria.map((c) => c.id);
    const scale = ws.icp.scale;
    return Object.entries(scores).flatMap(([id, score]) => {
      if (!ids.includes(id)) return [at(a, ['icp', id], 'unknown-criterion', { id, criteria: ids })];
      if (score > scale) return [at(a, ['icp', id], 'icp-score-above-scale', { id, score, scale })];
      return [];
    });
  });
}

function goalScopesExist(ws: Workspace): Diagnostic[] {
  const where = ws.sources.goals;
  if (!where) return [];
  const dims = toMap(ws.settings.dimensions);
  const keys = ['owner', 'manager', ...dims.keys()];
  const managers = new Set(ws.people.map((p) => p.manager).filter((m): m is string => m !== undefined));
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  ws.goals.forEach((g, i) => {
    for (const [key, value] of Object.entries(g.scope)) {
      const path = ['goals', i, 'scope', key];
      if (key === 'owner' || key === 'manager') {
        out.push(...personRef(ws, where, path, value, `the ${key}`));
        if (key === 'manager' && ws.personById.has(value) && !managers.has(value)) {
          out.push(at(where, path, 'not-a-manager', { index: i, person: value }));
        }
        continue;
      }
      const allowed = dims.get(key);
      if (!allowed) {
        out.push(at(where, path, 'unknown-scope', { index: i, key, keys }));
      } else if (!allowed.includes(value)) {
        out.push(at(where, path, 'unknown-dimension-value', { field: `goals[${i}].scope.${key}`, dimension: key, value, allowed }));
      }
    }
    const key = `${g.period}|${JSON.stringify(Object.entries(g.scope).sort())}`;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push(at(where, ['goals', i], 'duplicate-goal', { index: i, first }));
    } else seen.set(key, i);
  });
  return out;
}

function reviewsMatch(ws: Workspace, { accountIds }: LinkContext): Diagnostic[] {
  const latest = latestReviews(ws.reviews);
  return ws.reviews.flatMap((r) => {
    const out: Diagnostic[] = [];
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(r.month)) {
      out.push(diagnose(r.file, { line: 1, column: 1 }, 'review-folder', { folder: r.month }));
    } else if (!r.review.date.startsWith(r.month)) {
      out.push(at(r, ['date'], 'review-date', { date: r.review.date, month: r.month }));
    }
    if (!ws.personById.has(r.person)) {
      out.push(diagnose(r.file, { line: 1, column: 1 }, 'unknown-review-person', { person: r.person, people: ws.personById.keys() }));
    }
    if (r.review.person !== undefined && r.review.person !== r.person) {
      out.push(at(r, ['person'], 'review-person', { person: r.review.person, fileName: r.person }));
    }
    out.push(...reviewReferencesExist(ws, r, accountIds, latest.get(r.person) === r));
    out.push(...reviewActionsServe(ws, r, accountIds, latest.get(r.person) === r));
    out.push(...reviewOutcomesComplete(r));
    return out;
  });
}

/**
 * A review's references (schemas/references.ts): its people must exist; an account or offering it names may have
 * gone since its month, which is a note (link-reviews.ts), and an unknown offering is an error in a latest review.
 */
function reviewReferencesExist(ws: Workspace, r: ReviewEntry, accountIds: ReadonlySet<string>, latest: boolean): Diagnostic[] {
  const offerings = defined(ws).offerings;
  return referencesIn(ReviewSchema, r.review).flatMap((ref) => {
    const id = typeof ref.value === 'string' ? ref.value : undefined;
    if (id === undefined) return [];
    if (ref.kind === 'account') return reviewAccountExists(r, ref.path, id, accountIds);
    if (ref.kind === 'offering') return reviewOfferingExists(r, ref.path, id, offerings, latest);
    return referencesExist(ws, r, [ref], { accountIds });
  });
}
