import { IdSchema } from '../../../schemas/common.ts';
import { diagnose } from '../diagnostics/diagnose.ts';
import { formatPath, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.ts';
import { cycleFrom, findCycles } from './cycles.ts';
import { at } from './link-at.ts';
import { latestReviews, reviewAccountsExist, reviewActionsServe, reviewOfferingsExist, reviewOutcomesComplete } from './link-reviews.ts';
import { numbersWrittenPlainly } from './link-numbers.ts';
import { icpCriteriaUnique, workspaceSettingsAgree } from './link-settings.ts';
import { toMap } from '../shared/own.ts';
import { isQuarter, yearOf } from '../shared/periods.ts';
import type { AccountEntry, Located, Workspace } from '../model.ts';

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
  managersExist,
  accountIdsAreValid,
  accountReferencesExist,
  dimensionsMatchWorkspace,
  currencyHasRate,
  parentsExist,
  stakeholderLinks,
  uniqueIdsInPlan,
  forecastNotDoubleCounted,
  offeringsExist,
  icpScoresExist,
  goalScopesExist,
  reviewsMatch,
  workspaceSettingsAgree,
  icpCriteriaUnique,
  numbersWrittenPlainly,
];

export function linkWorkspace(ws: Workspace, context: LinkContext = { accountIds: new Set(ws.accountById.keys()), sharedFiles: new Set() }): Diagnostic[] {
  return CHECKS.flatMap((check) => check(ws, context));
}

function personRef(ws: Workspace, where: Located, path: PathSegment[], id: string | undefined, what: string): Diagnostic[] {
  if (id === undefined || ws.personById.has(id)) return [];
  return [at(where, path, 'unknown-person', { field: formatPath(path), id, people: ws.personById.keys(), role: what })];
}

function uniquePeople(ws: Workspace): Diagnostic[] {
  const seen = new Set<string>();
  return ws.people.flatMap((p, i) => {
    if (!seen.has(p.id)) return (seen.add(p.id), []);
    return [at(ws.sources.team, ['people', i, 'id'], 'duplicate-id', { list: 'people', index: i, id: p.id })];
  });
}

function managersExist(ws: Workspace): Diagnostic[] {
  const out: Diagnostic[] = [];
  const cycles = findCycles(ws.people.map((p) => p.id), (id) => ws.personById.get(id)?.manager);
  ws.people.forEach((p, i) => {
    out.push(...personRef(ws, ws.sources.team, ['people', i, 'manager'], p.manager, 'the manager'));
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

function accountReferencesExist(ws: Workspace): Diagnostic[] {
  return ws.accounts.flatMap((a) => {
    const p = a.plan;
    return [
      ...personRef(ws, a, ['owner'], p.owner, 'the owner'),
      ...personRef(ws, a, ['exec_sponsor'], p.exec_sponsor, 'the executive sponsor'),
      ...p.team.flatMap((m, i) => personRef(ws, a, ['team', i, 'person'], m.person, 'them')),
      ...p.stakeholders.flatMap((s, i) => personRef(ws, a, ['stakeholders', i, 'relationship'], s.relationship, 'the relationship owner')),
      ...p.actions.flatMap((x, i) => personRef(ws, a, ['actions', i, 'owner'], x.owner, 'the action owner')),
      ...p.objectives.flatMap((x, i) => personRef(ws, a, ['objectives', i, 'owner'], x.owner, 'the objective owner')),
      ...p.risks.flatMap((x, i) => personRef(ws, a, ['risks', i, 'owner'], x.owner, 'the risk owner')),
      ...p.exec_relationships.flatMap((x, i) => personRef(ws, a, ['exec_relationships', i, 'ours'], x.ours, 'the executive')),
    ];
  });
}

function dimensionsMatchWorkspace(ws: Workspace): Diagnostic[] {
  const dims = toMap(ws.settings.dimensions);
  const names = [...dims.keys()];
  return ws.accounts.flatMap((a) => {
    const out: Diagnostic[] = [];
    for (const [key, value] of Object.entries(a.plan.dimensions)) {
      const allowed = dims.get(key);
      if (!allowed) {
        out.push(at(a, ['dimensions', key], 'unknown-dimension', { in: 'plan', field: `dimensions.${key}`, name: key, names }));
      } else if (!allowed.includes(value)) {
        out.push(at(a, ['dimensions', key], 'unknown-dimension-value', { field: `dimensions.${key}`, dimension: key, value, allowed }));
      }
    }
    for (const [name, allowed] of dims) {
      if (!Object.hasOwn(a.plan.dimensions, name)) {
        out.push(at(a, ['dimensions'], 'missing-dimension', { field: 'dimensions', dimension: name, allowed }));
      }
    }
    return out;
  });
}

function currencyHasRate(ws: Workspace): Diagnostic[] {
  const { currency, fx } = ws.settings;
  return ws.accounts.flatMap((a) => {
    const c = a.plan.currency;
    if (c === undefined || c === currency || Object.hasOwn(fx, c)) return [];
    return [at(a, ['currency'], 'missing-fx-rate', { currency: c, workspaceCurrency: currency })];
  });
}

function parentsExist(ws: Workspace, { accountIds }: LinkContext): Diagnostic[] {
  const cycles = findCycles(ws.accounts.map((a) => a.id), (id) => ws.accountById.get(id)?.plan.parent);
  return ws.accounts.flatMap((a) => {
    const parent = a.plan.parent;
    if (parent === undefined) return [];
    if (!accountIds.has(parent)) {
      return [at(a, ['parent'], 'unknown-account', { field: 'parent', id: parent, accounts: accountIds })];
    }
    const found = cycles.get(a.id);
    if (!found || found.min !== a.id) return [];
    const cycle = cycleFrom(found, a.id);
    return [at(a, ['parent'], 'parent-cycle', { cycle })];
  });
}

function stakeholderLinks(ws: Workspace): Diagnostic[] {
  return ws.accounts.flatMap((a) => {
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
  });
}

function uniqueIdsInPlan(ws: Workspace): Diagnostic[] {
  const lists = ['stakeholders', 'objectives', 'opportunities', 'actions'] as const;
  return ws.accounts.flatMap((a) =>
    lists.flatMap((list) => {
      const seen = new Set<string>();
      return a.plan[list].flatMap((item: { id?: string | undefined }, i) => {
        if (item.id === undefined) return [];
        if (!seen.has(item.id)) return (seen.add(item.id), []);
        return [at(a, [list, i, 'id'], 'duplicate-id', { list, index: i, id: item.id })];
      });
    }),
  );
}

function forecastNotDoubleCounted(ws: Workspace): Diagnostic[] {
  return ws.accounts.flatMap((a) => {
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
  });
}

function offeringsExist(ws: Workspace): Diagnostic[] {
  const ids = ws.settings.offerings.map((o) => o.id);
  const check = (where: Located, path: PathSegment[], id: string | undefined): Diagnostic[] => {
    if (id === undefined || ids.includes(id)) return [];
    return [at(where, path, 'unknown-offering', { field: formatPath(path), id, offerings: ids })];
  };
  return [
    ...ws.accounts.flatMap((a) => [
      ...a.plan.penetration.flatMap((x, i) => check(a, ['penetration', i, 'offering'], x.offering)),
      ...a.plan.history.flatMap((x, i) => check(a, ['history', i, 'product'], x.product)),
      ...a.plan.forecast.flatMap((x, i) => check(a, ['forecast', i, 'product'], x.product)),
      ...a.plan.competitor_spend.flatMap((x, i) => check(a, ['competitor_spend', i, 'product'], x.product)),
      ...a.plan.opportunities.flatMap((x, i) => check(a, ['opportunities', i, 'offering'], x.offering)),
      ...a.plan.competitors.flatMap((c, i) => c.offerings.flatMap((o, j) => check(a, ['competitors', i, 'offerings', j], o))),
      ...duplicatePenetration(a),
    ]),
  ];
}

function duplicatePenetration(a: AccountEntry): Diagnostic[] {
  const seen = new Set<string>();
  return a.plan.penetration.flatMap((p, i) => {
    if (!seen.has(p.offering)) return (seen.add(p.offering), []);
    return [at(a, ['penetration', i, 'offering'], 'duplicate-offering', { index: i, offering: p.offering })];
  });
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
    out.push(...personRef(ws, r, ['reviewer'], r.review.reviewer, 'the reviewer'));
    out.push(...reviewAccountsExist(r, accountIds));
    [...r.review.actions, ...r.review.previous_actions].forEach((x, i) => {
      const list = i < r.review.actions.length ? 'actions' : 'previous_actions';
      const index = list === 'actions' ? i : i - r.review.actions.length;
      out.push(...personRef(ws, r, [list, index, 'owner'], x.owner, 'the action owner'));
    });
    out.push(...reviewActionsServe(ws, r, accountIds, latest.get(r.person) === r));
    out.push(...reviewOfferingsExist(r, ws.settings.offerings.map((o) => o.id), latest.get(r.person) === r));
    out.push(...reviewOutcomesComplete(r));
    return out;
  });
}
