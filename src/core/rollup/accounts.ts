import type { WorkspaceSettings } from '../../../schemas/index.ts';
import { rateOf, roundCents } from '../shared/money.ts';
import { comparePeriods, isQuarter, yearOf } from '../shared/periods.ts';
import type { AccountEntry, Ledger, LedgerAmount, LedgerClient, Workspace } from '../model.ts';
import { pushTo } from '../shared/group.ts';

/** A forecast amount for one period, in the workspace currency: as written and weighted by confidence. */
export interface PeriodAmount {
  period: string;
  full: number;
  weighted: number;
}

/** One account's figures in the workspace currency, computed once for the CLI and the site. */
export interface AccountTotals {
  id: string;
  name: string;
  owner: string;
  status: 'current' | 'target';
  parent: string | undefined;
  dimensions: Record<string, string>;
  /** Sales history summed by fiscal year (quarters and products folded into their year): the ledger's for the years it covers. */
  history: Record<string, number>;
  /** The years of `history` taken from the sales ledger; the others come from the plan's hand-typed `history`. */
  historyFromLedger?: string[];
  /** Forecast by period as written (products summed), sorted by period. */
  forecast: PeriodAmount[];
  /** Forecast by fiscal year: annual and quarterly entries of the year together. */
  forecastByYear: Record<string, { full: number; weighted: number }>;
  /** Stretch targets by period as written. */
  stretch: Record<string, number>;
  /** Amount-weighted average confidence of the whole forecast (weighted ÷ full); undefined without forecast. */
  confidence: number | undefined;
}

/** An account with subsidiaries (`parent` chains of any depth) and the family's summed figures. */
export interface FamilyTotals {
  /** The account at the head of this family. */
  id: string;
  /** The accounts whose parent it is, sorted by id (each with children of its own heads a family too). */
  children: string[];
  /** How many accounts are below it, at any depth. */
  size: number;
  history: Record<string, number>;
  forecastByYear: Record<string, { full: number; weighted: number }>;
  stretch: Record<string, number>;
}

export function totalAccount(a: AccountEntry, settings: Pick<WorkspaceSettings, 'currency' | 'fx'>, ledger?: Ledger): AccountTotals {
  const rate = rateOf(settings, a.plan.currency);
  const history: Record<string, number> = {};
  for (const h of a.plan.history) add(history, yearOf(h.period), h.revenue * rate);
  // The ledger is every sale: for a year it covers, no row for this client means nothing was sold.
  const fromLedger = ledger ? [...ledger.years].sort() : [];
  for (const year of fromLedger) history[year] = ledgerYear(ledger!.clients.get(a.id), year).revenue;

  const byPeriod = new Map<string, PeriodAmount>();
  const forecastByYear: Record<string, { full: number; weighted: number }> = {};
  let full = 0;
  let weighted = 0;
  for (const f of a.plan.forecast) {
    const amount = f.revenue * rate;
    const entry = byPeriod.get(f.period) ?? { period: f.period, full: 0, weighted: 0 };
    entry.full = roundCents(entry.full + amount);
    entry.weighted = roundCents(entry.weighted + amount * f.confidence);
    byPeriod.set(f.period, entry);
    const year = (forecastByYear[yearOf(f.period)] ??= { full: 0, weighted: 0 });
    year.full = roundCents(year.full + amount);
    year.weighted = roundCents(year.weighted + amount * f.confidence);
    full += amount;
    weighted += amount * f.confidence;
  }
  const stretch: Record<string, number> = {};
  for (const s of a.plan.stretch) add(stretch, s.period, s.revenue * rate);

  return {
    id: a.id,
    name: a.plan.name,
    owner: a.plan.owner,
    status: a.plan.status,
    parent: a.plan.parent,
    dimensions: a.plan.dimensions,
    history,
    forecast: [...byPeriod.values()].sort((x, y) => comparePeriods(x.period, y.period)),
    forecastByYear,
    stretch,
    confidence: full > 0 ? weighted / full : undefined,
    ...(fromLedger.length > 0 && { historyFromLedger: fromLedger }),
  };
}

/** Every account that heads a family, with all its descendants' figures summed into its own. */
export function totalFamilies(ws: Pick<Workspace, 'accounts'>, totals: readonly AccountTotals[]): FamilyTotals[] {
  const children = new Map<string, string[]>();
  for (const a of ws.accounts) {
    if (a.plan.parent === undefined) continue;
    pushTo(children, a.plan.parent, a.id);
  }
  const byId = new Map(totals.map((t) => [t.id, t]));
  // Each family is its head plus its children's families, summed once from the bottom up: linear in the accounts
  // however deep a chain (a family of every account below, at every level, was quadratic in a chain's length).
  const done = new Map<string, FamilyTotals>();
  const open = new Set<string>();
  const familyOf = (head: string): FamilyTotals => {
    const stack: string[] = [head];
    while (stack.length > 0) {
      const id = stack.at(-1)!;
      if (done.has(id)) {
        stack.pop();
        continue;
      }
      const below = (children.get(id) ?? []).filter((c) => !done.has(c) && !open.has(c));
      if (!open.has(id) && below.length > 0) {
        open.add(id);
        stack.push(...below);
        continue;
      }
      stack.pop();
      open.delete(id);
      done.set(id, sumFamily(id, [...(children.get(id) ?? [])].sort(), byId, done));
    }
    return done.get(head)!;
  };
  return [...children.keys()].sort().map(familyOf);
}

/** A family's totals: the head's own and each child's family (a child on a circle of parents, not summed yet, counts for nothing). */
function sumFamily(id: string, kids: string[], byId: ReadonlyMap<string, AccountTotals>, done: ReadonlyMap<string, FamilyTotals>): FamilyTotals {
  const family: FamilyTotals = { id, children: kids, size: 0, history: {}, forecastByYear: {}, stretch: {} };
  const addTotals = (t: Pick<AccountTotals, 'history' | 'stretch' | 'forecastByYear'>) => {
    for (const [year, v] of Object.entries(t.history)) add(family.history, year, v);
    for (const [period, v] of Object.entries(t.stretch)) add(family.stretch, period, v);
    for (const [year, v] of Object.entries(t.forecastByYear)) {
      const y = (family.forecastByYear[year] ??= { full: 0, weighted: 0 });
      y.full = roundCents(y.full + v.full);
      y.weighted = roundCents(y.weighted + v.weighted);
    }
  };
  const own = byId.get(id);
  if (own) addTotals(own);
  for (const kid of kids) {
    const below = done.get(kid);
    if (below) {
      addTotals(below);
      family.size += 1 + below.size;
    } else {
      const t = byId.get(kid);
      if (t) addTotals(t);
      family.size += 1;
    }
  }
  return family;
}

/** The forecast an account counts towards a goal period: annual goals take the year's entries, quarterly goals the quarter's. */
/** The amount the workspace counts: the confidence-weighted forecast, or the full one (`count` in workspace.yaml). */
export function counted(amount: { full: number; weighted: number }, count: 'full' | 'weighted'): number {
  return count === 'weighted' ? amount.weighted : amount.full;
}

export function forecastIn(t: AccountTotals, period: string): { full: number; weighted: number } {
  if (!isQuarter(period)) return t.forecastByYear[period] ?? { full: 0, weighted: 0 };
  const entry = t.forecast.find((f) => f.period === period);
  return entry ? { full: entry.full, weighted: entry.weighted } : { full: 0, weighted: 0 };
}

/** Stretch in a goal period, counted the way the forecast is. */
export function stretchIn(t: AccountTotals, period: string): number {
  if (isQuarter(period)) return t.stretch[period] ?? 0;
  let sum = 0;
  for (const [p, v] of Object.entries(t.stretch)) if (yearOf(p) === period) sum += v;
  return roundCents(sum);
}

/** True when the plan sets a stretch for the period (a quarter, or any period of a fiscal year). */
export function hasStretchIn(t: AccountTotals, period: string): boolean {
  return Object.keys(t.stretch).some((p) => p === period || (!isQuarter(period) && yearOf(p) === period));
}

/** True when the account forecasts the year only as a whole, so it cannot count towards that year's quarters. */
export function isAnnualOnly(t: AccountTotals, year: string): boolean {
  return t.forecast.some((f) => f.period === year) && !t.forecast.some((f) => isQuarter(f.period) && yearOf(f.period) === year);
}

// The keys here are periods (FY2027, FY2027-Q1), which the schema holds to a pattern no inherited name matches.
function add(record: Record<string, number>, key: string, amount: number): void {
  record[key] = roundCents((record[key] ?? 0) + amount);
}

/** A ledger client's revenue and margin in one fiscal year, all products together. */
export function ledgerYear(client: LedgerClient | undefined, year: string): LedgerAmount {
  let revenue = 0;
  let margin = 0;
  for (const v of client?.byYearProduct.get(year)?.values() ?? []) {
    revenue += v.revenue;
    margin += v.margin;
  }
  return { revenue: roundCents(revenue), margin: roundCents(margin) };
}

/** A ledger client's sales by fiscal year and product, years in order and the largest product first ('' is no product). */
export function ledgerByYearProduct(client: LedgerClient | undefined): { year: string; product: string; revenue: number; margin: number }[] {
  const out: { year: string; product: string; revenue: number; margin: number }[] = [];
  for (const year of [...(client?.byYearProduct.keys() ?? [])].sort()) {
    const products = [...client!.byYearProduct.get(year)!].sort(([a, x], [b, y]) => y.revenue - x.revenue || a.localeCompare(b));
    for (const [product, v] of products) out.push({ year, product, revenue: v.revenue, margin: v.margin });
  }
  return out;
}
