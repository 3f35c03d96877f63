import type { Goal, WorkspaceSettings } from '../../../schemas/index.ts';
import { bookGoal, landingOf, type GoalBooked, type GoalLanding, type SellerScope } from './booked.ts';
import { findLevers, topRankCache, type Lever } from './levers.ts';
import { topShareOf, type TopRank, type TopShare } from './top-accounts.ts';
import { pushTo } from '../shared/group.ts';
import { ownValue } from '../shared/own.ts';
import { roundCents } from '../shared/money.ts';
import { isQuarter, yearOf } from '../shared/periods.ts';
import { counted, forecastIn, hasStretchIn, isAnnualOnly, stretchIn, totalAccount, totalFamilies, type AccountTotals, type FamilyTotals } from './accounts.ts';
import { goalLabel, inReportingTree, makeScopeMatcher, reportingIndex, type ReportingIndex } from './scope.ts';
import type { LedgerClient, Workspace } from '../model.ts';

export interface GoalResult {
  period: string;
  scope: Record<string, string>;
  name?: string;
  /** Position of the goal in goals.yaml, to locate it. */
  index: number;
  /** The name, or the period and scope in words: "FY2027 channel: direct". */
  label: string;
  goal: number;
  planned: number;
  /** planned − goal: negative when short. */
  gap: number;
  /** planned ÷ goal (1 when the goal is zero). */
  coverage: number;
  /** goal × (1 − tolerance): the least planned total that meets the goal. */
  threshold: number;
  met: boolean;
  /** Stretch totals in the same period and scope: only the plans that set a stretch for the period. */
  stretch: number;
  /** The stretch of the plans that set one for the period, plus the forecast (as counted) of the plans in scope that set none. */
  stretchWithForecast: number;
  /** Quarterly goals: accounts in scope whose plan for that year is annual-only, so not counted. */
  notPhased: string[];
  /** Accounts in scope, largest first. */
  contributions: { account: string; planned: number }[];
  /** Missed goals: what could close the gap, largest first. Empty when met. */
  levers: Lever[];
  /** What the sales ledger has booked in the goal's period and scope; only when the plans folder has a ledger. */
  booked?: GoalBooked;
  /** Booked plus the forecast still to come, against the goal; only with a ledger, like booked. */
  landing?: GoalLanding;
}

export interface Rollup {
  currency: string;
  count: WorkspaceSettings['count'];
  tolerance: number;
  goals: GoalResult[];
  /** Every goal is met. */
  ok: boolean;
  /** Per-account figures in the workspace currency, in the workspace's account order. */
  accounts: AccountTotals[];
  /** Accounts with subsidiaries, with their whole family summed. */
  families: FamilyTotals[];
}

/** Sums the plans against every goal. Pure: the workspace in, the figures out. */
export function rollUp(ws: Workspace): Rollup {
  const { settings } = ws;
  const accounts = ws.accounts.map((a) => totalAccount(a, settings, ws.ledger));
  const top = topShareOf(settings);
  const shared: GoalInputs = { all: accounts, top, rankedBy: topRankCache(accounts, top), candidates: candidatesOf(ws), people: once(() => reportingIndex(ws.people)) };
  const goals = ws.goals.map((g, index) => rollUpGoal(ws, shared, g, index));
  return {
    currency: settings.currency,
    count: settings.count,
    tolerance: settings.tolerance,
    goals,
    ok: goals.every((g) => g.met),
    accounts,
    families: totalFamilies(ws, accounts),
  };
}

/** What every goal of one rollup shares, computed once: a book per person is a goal, so per-goal scans of every account were people × n. */
interface GoalInputs {
  all: readonly AccountTotals[];
  top: TopShare;
  rankedBy: (lastYear: string) => Map<string, TopRank>;
  /** The positions in ws.accounts, ascending, that can be in a scope: a superset the matcher then narrows. */
  candidates: (scope: Readonly<Record<string, string>>) => Iterable<number>;
  /** The reporting walk of team.yaml, built when a goal first needs it (a ledger that says who sold). */
  people: () => ReportingIndex;
}

/**
 * For a goal of people (`owner:` or `manager:` in its scope), whose sales count when the ledger says who sold:
 * the owner's, or anyone's in the manager's team; and which other clients match the rest of the scope. Undefined for
 * any other goal: who sold changes nothing for the company or a dimension.
 */
function sellerScope(ws: Workspace, scope: Readonly<Record<string, string>>, index: ReportingIndex): SellerScope | undefined {
  const owner = ownValue(scope, 'owner');
  const manager = ownValue(scope, 'manager');
  if (owner === undefined && manager === undefined) return undefined;
  const rest = Object.fromEntries(Object.entries(scope).filter(([k]) => k !== 'owner' && k !== 'manager'));
  const planMatches = makeScopeMatcher(ws, rest);
  return {
    sold: (person) => (owner === undefined || person === owner) && (manager === undefined || inReportingTree(index, manager, person)),
    elsewhere: (client: LedgerClient) => {
      if (!client.hasPlan) return Object.entries(rest).every(([k, v]) => ownValue(client.dimensions, k) === v);
      const account = ws.accountById.get(client.id);
      return account !== undefined && planMatches(account);
    },
  };
}

/** Accounts by owner, built once, so an `owner:` or `manager:` scope looks at its people's plans only; positions stay in workspace order. */
function candidatesOf(ws: Workspace): GoalInputs['candidates'] {
  const byOwner = new Map<string, number[]>();
  ws.accounts.forEach((a, i) => pushTo(byOwner, a.plan.owner, i));
  const every = ws.accounts.map((_, i) => i);
  // Accounts in the order of their owner's place in the reporting walk: a manager's tree is one run of it.
  const index = reportingIndex(ws.people);
  const walked = ws.accounts
    .map((a, i) => ({ at: index.entry.get(a.plan.owner), i }))
    .filter((x): x is { at: number; i: number } => x.at !== undefined)
    .sort((x, y) => x.at - y.at || x.i - y.i);
  const firstAt = (n: number) => {
    let lo = 0;
    let hi = walked.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (walked[mid]!.at < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (scope) => {
    const owner = ownValue(scope, 'owner');
    if (owner !== undefined) return byOwner.get(owner) ?? [];
    const manager = ownValue(scope, 'manager');
    if (manager === undefined) return every;
    const from = index.entry.get(manager);
    if (from === undefined) return byOwner.get(manager) ?? [];
    const to = index.exit.get(manager)!;
    const positions: number[] = [];
    for (let k = firstAt(from); k < walked.length && walked[k]!.at <= to; k++) positions.push(walked[k]!.i);
    return positions.sort((x, y) => x - y);
  };
}

function rollUpGoal(ws: Workspace, shared: GoalInputs, g: Goal, index: number): GoalResult {
  const { settings } = ws;
  const { all } = shared;
  const matches = makeScopeMatcher(ws, g.scope);
  const inScope: AccountTotals[] = [];
  for (const i of shared.candidates(g.scope)) if (matches(ws.accounts[i]!)) inScope.push(all[i]!);
  const year = yearOf(g.period);
  const contributions = inScope
    .map((t) => {
      const f = forecastIn(t, g.period);
      return { account: t.id, planned: counted(f, settings.count) };
    })
    .sort((a, b) => b.planned - a.planned || a.account.localeCompare(b.account));
  const planned = roundCents(contributions.reduce((sum, c) => sum + c.planned, 0));
  const threshold = roundCents(g.revenue * (1 - settings.tolerance));
  const met = planned >= threshold;
  const sellers = ws.ledger?.soldBy && sellerScope(ws, g.scope, shared.people());
  const booked = ws.ledger && bookGoal(ws.ledger, g, inScope, { startMonth: settings.fiscal_year_start_month, count: settings.count, ...(sellers && { sellers }) });
  return {
    period: g.period,
    scope: g.scope,
    ...(g.name !== undefined && { name: g.name }),
    index,
    label: goalLabel(g, ws),
    goal: g.revenue,
    planned,
    gap: roundCents(planned - g.revenue),
    coverage: g.revenue > 0 ? planned / g.revenue : 1,
    threshold,
    met,
    stretch: roundCents(inScope.reduce((sum, t) => sum + stretchIn(t, g.period), 0)),
    stretchWithForecast: roundCents(inScope.reduce((sum, t) => sum + (hasStretchIn(t, g.period) ? stretchIn(t, g.period) : counted(forecastIn(t, g.period), settings.count)), 0)),
    notPhased: isQuarter(g.period) ? inScope.filter((t) => isAnnualOnly(t, year)).map((t) => t.id) : [],
    contributions,
    levers: met
      ? []
      : findLevers({ period: g.period, count: settings.count, currency: settings.currency, inScope, all, top: shared.top, rankedBy: shared.rankedBy }),
    ...(booked && { booked, landing: landingOf(booked, g.revenue, threshold) }),
  };
}



function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
