import type { WorkspaceSettings } from '../../../schemas/index.ts';
import { formatMoney, formatPercent, roundCents } from '../shared/money.ts';
import { ownValue } from '../shared/own.ts';
import { isQuarter, yearOf } from '../shared/periods.ts';
import { forecastIn, isAnnualOnly, stretchIn, type AccountTotals } from './accounts.ts';
import { rankTopAccounts, type TopRank, type TopShare } from './top-accounts.ts';

/**
 * What could close a missed goal, from the method: revise strategies (stretch above forecast),
 * win the targets (confidence below 1), or bring back accounts that bought last year but have
 * no forecast (the top share of each channel first, as the top-account-without-plan rule ranks them).
 */
export type LeverKind = 'stretch' | 'confidence' | 'no-forecast';

export interface Lever {
  kind: LeverKind;
  account: string;
  /** What the lever could add to the goal's planned total, in the workspace currency. */
  amount: number;
  /** no-forecast only: the account is in the top share of its dimension value by last year's sales (rollup/top-accounts.ts). */
  top: boolean;
  /** One line for a person: what the lever is, in the workspace currency. */
  text: string;
}

/** A missed goal lists at most this many levers, largest first; the rest are smaller by construction. */
export const LEVER_LIMIT = 10;

export interface LeverInput {
  period: string;
  count: WorkspaceSettings['count'];
  currency: string;
  /** The accounts in the goal's scope. */
  inScope: readonly AccountTotals[];
  /** Every account, to rank each dimension value by last year's sales. */
  all: readonly AccountTotals[];
  /** Which accounts are top: the settings of the top-account-without-plan rule. */
  top: TopShare;
  /**
   * The ranking of `all` by one year's sales, when the caller keeps it: every missed goal of the same
   * year ranks the same accounts, and ranking them again per goal made the rollup goals × n log n.
   */
  rankedBy?: (lastYear: string) => Map<string, TopRank>;
}

/** A ranking per year for findLevers' `rankedBy`, computed on first use and kept for the other goals of that year. */
export function topRankCache(all: readonly AccountTotals[], top: TopShare): (lastYear: string) => Map<string, TopRank> {
  const cache = new Map<string, Map<string, TopRank>>();
  return (lastYear) => {
    let ranked = cache.get(lastYear);
    if (!ranked) cache.set(lastYear, (ranked = rankByYear(all, lastYear, top)));
    return ranked;
  };
}

function rankByYear(all: readonly AccountTotals[], lastYear: string, top: TopShare): Map<string, TopRank> {
  return rankTopAccounts(all.map((t) => ({ id: t.id, sales: t.history[lastYear] ?? 0, dimensions: t.dimensions })), top);
}

export function findLevers(input: LeverInput): Lever[] {
  const { period, currency } = input;
  const lastYear = previousYear(yearOf(period));
  const top = input.rankedBy ? input.rankedBy(lastYear) : rankByYear(input.all, lastYear, input.top);
  const money = (n: number) => formatMoney(n, currency);
  const levers: Lever[] = [];
  for (const t of input.inScope) {
    const forecast = forecastIn(t, period);
    const stretch = stretchIn(t, period);
    if (stretch > forecast.full) {
      const amount = roundCents(stretch - forecast.full);
      levers.push({ kind: 'stretch', account: t.id, amount, top: false, text: `stretch target ${money(stretch)} is ${money(amount)} above the forecast` });
    }
    if (input.count === 'weighted' && t.status === 'target' && forecast.weighted < forecast.full) {
      const amount = roundCents(forecast.full - forecast.weighted);
      levers.push({ kind: 'confidence', account: t.id, amount, top: false, text: `target account at ${formatPercent(forecast.weighted / forecast.full)} confidence: ${money(amount)} more if won` });
    }
    const sold = t.history[lastYear] ?? 0;
    if (sold > 0 && !hasForecast(t, period)) {
      const isTop = top.has(t.id);
      // A quarter's share of last year is the honest guess when history is kept by year.
      const amount = isQuarter(period) ? roundCents(sold / 4) : sold;
      const where = isTop ? ` (top ${formatPercent(input.top.share)} of ${input.top.dimension ? ownValue(t.dimensions, input.top.dimension) ?? 'its channel' : 'accounts'})` : '';
      levers.push({ kind: 'no-forecast', account: t.id, amount, top: isTop, text: `bought ${money(sold)} in ${lastYear} but has no forecast for ${period}${where}` });
    }
  }
  return levers
    .sort((a, b) => Number(b.top) - Number(a.top) || b.amount - a.amount || a.account.localeCompare(b.account))
    .slice(0, LEVER_LIMIT);
}

/** An annual-only plan counts as forecast for its quarters here: it is listed as not phased instead. */
function hasForecast(t: AccountTotals, period: string): boolean {
  const year = yearOf(period);
  if (!isQuarter(period)) return t.forecast.some((f) => yearOf(f.period) === year);
  return t.forecast.some((f) => f.period === period) || isAnnualOnly(t, year);
}

export function previousYear(year: string): string {
  return `FY${Number(year.slice(2)) - 1}`;
}
