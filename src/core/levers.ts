import type { WorkspaceSettings } from '../../schemas/index.ts';
import { formatMoney, formatPercent, roundCents } from './money.ts';
import { ownValue } from './own.ts';
import { isQuarter, yearOf } from './periods.ts';
import { forecastIn, isAnnualOnly, stretchIn, type AccountTotals } from './rollup-accounts.ts';

/**
 * What could close a missed goal, from the method: revise strategies (stretch above forecast),
 * win the targets (confidence below 1), or bring back accounts that bought last year but have
 * no forecast (the top 20–25% of each channel first).
 */
export type LeverKind = 'stretch' | 'confidence' | 'no-forecast';

export interface Lever {
  kind: LeverKind;
  account: string;
  /** What the lever could add to the goal's planned total, in the workspace currency. */
  amount: number;
  /** no-forecast only: the account is in the top quarter of its channel by last year's sales. */
  top: boolean;
  /** One line for a person: what the lever is, in the workspace currency. */
  text: string;
}

/** A missed goal lists at most this many levers, largest first; the rest are smaller by construction. */
export const LEVER_LIMIT = 10;

/** The share of each channel's accounts, by last year's sales, that the method names first. */
export const TOP_SHARE = 0.25;

export interface LeverInput {
  period: string;
  count: WorkspaceSettings['count'];
  currency: string;
  /** The accounts in the goal's scope. */
  inScope: readonly AccountTotals[];
  /** Every account, to rank each channel by last year's sales. */
  all: readonly AccountTotals[];
  /** The dimension that names the sales channels (see findChannelDimension). */
  channel: string | undefined;
}

export function findLevers(input: LeverInput): Lever[] {
  const { period, currency } = input;
  const lastYear = previousYear(yearOf(period));
  const top = findTopAccounts(input.all, lastYear, input.channel);
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
      const where = isTop ? ` (top ${formatPercent(TOP_SHARE)} of ${input.channel ? ownValue(t.dimensions, input.channel) ?? 'its channel' : 'accounts'})` : '';
      levers.push({ kind: 'no-forecast', account: t.id, amount, top: isTop, text: `bought ${money(sold)} in ${lastYear} but has no forecast for ${period}${where}` });
    }
  }
  return levers
    .sort((a, b) => Number(b.top) - Number(a.top) || b.amount - a.amount || a.account.localeCompare(b.account))
    .slice(0, LEVER_LIMIT);
}

/** The dimension that holds the sales channels: `channel` when the workspace has it, else the first dimension. */
export function findChannelDimension(settings: Pick<WorkspaceSettings, 'dimensions'>): string | undefined {
  const names = Object.keys(settings.dimensions);
  return names.includes('channel') ? 'channel' : names[0];
}

/** The accounts in the top quarter of their channel by sales in `year` (at least one per channel with sales). */
export function findTopAccounts(all: readonly AccountTotals[], year: string, channel: string | undefined): Set<string> {
  const groups = new Map<string, AccountTotals[]>();
  for (const t of all) {
    if ((t.history[year] ?? 0) <= 0) continue;
    const key = channel ? (ownValue(t.dimensions, channel) ?? '') : '';
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const top = new Set<string>();
  for (const group of groups.values()) {
    group.sort((a, b) => (b.history[year] ?? 0) - (a.history[year] ?? 0) || a.id.localeCompare(b.id));
    for (const t of group.slice(0, Math.ceil(group.length * TOP_SHARE))) top.add(t.id);
  }
  return top;
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
