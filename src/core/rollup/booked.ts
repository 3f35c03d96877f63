import type { Ledger, LedgerAmount, LedgerClient } from '../model.ts';
import { roundCents } from '../shared/money.ts';
import { ownValue } from '../shared/own.ts';
import { isQuarter, quarterOfDate, yearOf } from '../shared/periods.ts';
import { counted, type AccountTotals } from './accounts.ts';

/**
 * Booked against plan (step 7 of the method): what the ledger has booked in a goal's period and scope, and what
 * the plans still forecast for it. "Still to come" is judged against the ledger's last date, not the clock, so the
 * same files always give the same figures: quarters the ledger has passed count nothing, the quarter it is in counts
 * what the forecast has beyond what is booked, later quarters their whole forecast (an annual entry as four equal quarters).
 */
export interface GoalBooked {
  /** Revenue booked in the goal's period and scope, in the workspace currency. */
  revenue: number;
  /** booked ÷ goal (0 when the goal is zero). */
  share: number;
  /** The forecast of the plans in scope for the part of the period the ledger has not reached. */
  toCome: number;
  /** The ledger's last date, or undefined when its rows give periods only. */
  through: string | undefined;
  /** The part of `revenue` booked with clients that have no plan (only a scope of dimensions, or none, counts them). */
  withoutPlan: number;
}

/**
 * Where a goal lands (the leader's view): booked up to the ledger's date plus the plans' forecast still to come,
 * so a quarter that is over lands at what it booked. Met by the same tolerance as planned.
 */
export interface GoalLanding {
  /** booked + toCome. */
  revenue: number;
  /** landing − goal: negative when short. */
  gap: number;
  /** landing ≥ goal × (1 − tolerance). */
  met: boolean;
  /** landing ÷ goal (1 when the goal is zero). */
  coverage: number;
}

/** A goal's landing from its booked figures and its threshold (goal × (1 − tolerance)). */
export function landingOf(booked: Pick<GoalBooked, 'revenue' | 'toCome'>, goal: number, threshold: number): GoalLanding {
  const revenue = roundCents(booked.revenue + booked.toCome);
  return { revenue, gap: roundCents(revenue - goal), met: revenue >= threshold, coverage: goal > 0 ? revenue / goal : 1 };
}

const ZERO: LedgerAmount = { revenue: 0, margin: 0 };

/** A client's booked revenue and margin in a period: a year takes its quarters and the rows that give only the year. */
export function bookedIn(client: LedgerClient | undefined, period: string): LedgerAmount {
  return client ? sumIn(client.byPeriod, period) : ZERO;
}

/** Sums by period (a client's, or one seller's part of it) in a period. */
function sumIn(byPeriod: ReadonlyMap<string, LedgerAmount>, period: string): LedgerAmount {
  if (isQuarter(period)) return byPeriod.get(period) ?? ZERO;
  let revenue = 0;
  let margin = 0;
  for (const [p, v] of byPeriod) {
    if (yearOf(p) !== period) continue;
    revenue += v.revenue;
    margin += v.margin;
  }
  return { revenue: roundCents(revenue), margin: roundCents(margin) };
}

/** The ledger's clients that have no plan and fall in a scope: a scope of dimensions only, every value matching. */
export function clientsWithoutPlanIn(ledger: Ledger, scope: Readonly<Record<string, string>>): LedgerClient[] {
  const keys = Object.keys(scope);
  if (keys.includes('owner') || keys.includes('manager')) return [];
  const out: LedgerClient[] = [];
  for (const c of ledger.clients.values()) {
    if (!c.hasPlan && keys.every((k) => ownValue(c.dimensions, k) === scope[k])) out.push(c);
  }
  return out;
}

/** The quarters of a period: itself, or the four of a year. */
export function quartersOf(period: string): string[] {
  return isQuarter(period) ? [period] : [1, 2, 3, 4].map((q) => `${period}-Q${q}`);
}

/**
 * The forecast of one plan still to come in a period, given the quarter the ledger has reached. A quarterly goal
 * counts quarterly entries only, as its planned total does (an annual-only plan is not phased); a year spreads an
 * annual entry over its four quarters to know how much of it is still ahead.
 */
export function toComeIn(t: AccountTotals, client: LedgerClient | undefined, period: string, reached: string | undefined, count: 'full' | 'weighted'): number {
  let sum = 0;
  const annual = isQuarter(period) ? undefined : t.forecast.find((f) => f.period === period);
  for (const q of quartersOf(period)) {
    if (reached !== undefined && q < reached) continue;
    const entry = t.forecast.find((f) => f.period === q);
    let forecast = entry ? counted(entry, count) : 0;
    if (annual) forecast += counted(annual, count) / 4;
    sum += q === reached ? Math.max(0, forecast - bookedIn(client, q).revenue) : forecast;
  }
  return roundCents(sum);
}

/** The quarter of the ledger's last date, which the to-come figures start from. */
export function quarterReached(ledger: Ledger, startMonth: number): string | undefined {
  return ledger.through === undefined ? undefined : quarterOfDate(ledger.through, startMonth);
}

/**
 * For a goal of people (an owner or a manager's team) when the ledger says who sold: `sold(person)` whether a seller's
 * sales count for the goal, `elsewhere(client)` whether a client outside the goal's accounts matches the rest of its
 * scope (its dimensions), so that a sale the goal's people made there counts too.
 */
export interface SellerScope {
  sold: (person: string) => boolean;
  elsewhere: (client: LedgerClient) => boolean;
}

/**
 * A goal's booked figures from the plans in its scope and the ledger's clients without a plan. With `sellers` (a
 * goal of people, and a ledger whose owner column names sellers), a sale goes to the person who sold it: the
 * accounts in scope lose what others sold there, and the goal gains what its people sold on other accounts.
 * A row that names no seller (or one not in team.yaml) follows the account's current owner, as without the column.
 */
export function bookGoal(ledger: Ledger, goal: { period: string; revenue: number; scope: Readonly<Record<string, string>> }, inScope: readonly AccountTotals[], options: { startMonth: number; count: 'full' | 'weighted'; sellers?: SellerScope }): GoalBooked {
  const reached = quarterReached(ledger, options.startMonth);
  const sellers = ledger.soldBy && options.sellers;
  let revenue = 0;
  let toCome = 0;
  const ownAccounts = new Set<string>();
  for (const t of inScope) {
    const client = ledger.clients.get(t.id);
    revenue += bookedIn(client, goal.period).revenue;
    toCome += toComeIn(t, client, goal.period, reached, options.count);
    ownAccounts.add(t.id);
    if (sellers && client?.bySeller) {
      for (const [person, periods] of client.bySeller) if (!sellers.sold(person)) revenue -= sumIn(periods, goal.period).revenue;
    }
  }
  let withoutPlan = 0;
  if (sellers) {
    for (const [person, keys] of ledger.soldBy!) {
      if (!sellers.sold(person)) continue;
      for (const key of keys) {
        const client = ledger.clients.get(key);
        if (!client || ownAccounts.has(key) || !sellers.elsewhere(client)) continue;
        const part = sumIn(client.bySeller!.get(person)!, goal.period).revenue;
        if (client.hasPlan) revenue += part;
        else withoutPlan += part;
      }
    }
  }
  for (const c of clientsWithoutPlanIn(ledger, goal.scope)) withoutPlan += bookedIn(c, goal.period).revenue;
  revenue = roundCents(revenue + withoutPlan);
  return { revenue, share: goal.revenue > 0 ? revenue / goal.revenue : 0, toCome: roundCents(toCome), through: ledger.through, withoutPlan: roundCents(withoutPlan) };
}

/** One account's year by quarter: booked in the ledger against its forecast (an annual entry spread over four quarters). */
export function bookedByQuarter(t: AccountTotals, client: LedgerClient | undefined, year: string, count: 'full' | 'weighted'): { period: string; booked: number; forecast: number }[] {
  const annual = t.forecast.find((f) => f.period === year);
  return quartersOf(year).map((period) => {
    const entry = t.forecast.find((f) => f.period === period);
    const forecast = (entry ? counted(entry, count) : 0) + (annual ? counted(annual, count) / 4 : 0);
    return { period, booked: bookedIn(client, period).revenue, forecast: roundCents(forecast) };
  });
}

/** Everything the ledger has booked in a fiscal year, every client together: the company's sales to date. */
export function bookedToDate(ledger: Ledger, year: string): number {
  let sum = 0;
  for (const c of ledger.clients.values()) sum += bookedIn(c, year).revenue;
  return roundCents(sum);
}
