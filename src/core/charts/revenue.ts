import { comparePeriods, yearOf } from '../periods.ts';
import { stretchIn, type AccountTotals } from '../rollup-accounts.ts';
import { quoteLabel } from './escape.ts';

/** One fiscal year of an account, in the workspace currency, as the rollup counted it. */
export interface RevenuePoint {
  year: string;
  history: number;
  /** The forecast as written. */
  forecast: number;
  /** The forecast weighted by confidence. */
  weighted: number;
  stretch: number;
}

/** History, forecast and stretch by fiscal year, taken from the rollup's per-account totals (nothing re-summed). */
export function revenueByYear(t: AccountTotals): RevenuePoint[] {
  const years = new Set([...Object.keys(t.history), ...Object.keys(t.forecastByYear), ...Object.keys(t.stretch).map(yearOf)]);
  return [...years].sort(comparePeriods).map((year) => ({
    year,
    history: t.history[year] ?? 0,
    forecast: t.forecastByYear[year]?.full ?? 0,
    weighted: t.forecastByYear[year]?.weighted ?? 0,
    stretch: stretchIn(t, year),
  }));
}

/**
 * A Mermaid xychart: history as bars, then the forecast, the weighted forecast and the stretch as lines
 * (in that order, which the legend under the chart names). Undefined when there is nothing to draw.
 */
export function renderRevenueChart(points: readonly RevenuePoint[], currency: string): string | undefined {
  if (points.length === 0) return undefined;
  const max = Math.max(...points.map((p) => Math.max(p.history, p.forecast, p.stretch)));
  const series = (pick: (p: RevenuePoint) => number) => `[${points.map((p) => Math.round(pick(p))).join(', ')}]`;
  const lines = [
    'xychart-beta',
    `  x-axis [${points.map((p) => quoteLabel(p.year)).join(', ')}]`,
    `  y-axis ${quoteLabel(currency)} 0 --> ${Math.ceil(Number((max * 1.1).toFixed(6))) || 1}`,
    `  bar ${series((p) => p.history)}`,
    `  line ${series((p) => p.forecast)}`,
    `  line ${series((p) => p.weighted)}`,
  ];
  if (points.some((p) => p.stretch > 0)) lines.push(`  line ${series((p) => p.stretch)}`);
  return lines.join('\n');
}
