import { comparePeriods, yearOf } from '../shared/periods.ts';
import { forecastCounting } from '../report/sentences.ts';
import { stretchIn, type AccountTotals } from '../rollup/accounts.ts';

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

/** The series of the revenue chart, in drawing order; the page's legend and the CSS classes use these keys. */
export const REVENUE_SERIES = [
  { key: 'history', label: 'sold' },
  { key: 'forecast', label: 'forecast' },
  { key: 'weighted', label: forecastCounting('weighted') },
  { key: 'stretch', label: 'stretch' },
] as const;

const W = 720;
const H = 260;
const LEFT = 64;
const BOTTOM = 28;
const TOP = 10;

/**
 * The revenue chart as inline SVG: one group of bars per fiscal year. Drawn at build time so it shows
 * without JavaScript and prints; colours come from CSS classes (rev-history …) so both themes apply.
 * Undefined when there is nothing to draw.
 */
export function renderRevenueSvg(points: readonly RevenuePoint[], formatAxis: (n: number) => string): string | undefined {
  const max = Math.max(0, ...points.flatMap((p) => REVENUE_SERIES.map((s) => p[s.key])));
  if (points.length === 0 || max === 0) return undefined;
  const top = niceCeiling(max);
  const plotH = H - TOP - BOTTOM;
  const groupW = (W - LEFT) / points.length;
  const barW = Math.min(28, (groupW * 0.8) / REVENUE_SERIES.length);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (top / 4) * i;
    parts.push(`<line class="rev-grid" x1="${LEFT}" x2="${W}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/>`);
    parts.push(`<text class="rev-axis" x="${LEFT - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${escapeXml(formatAxis(v))}</text>`);
  }
  points.forEach((p, i) => {
    const x0 = LEFT + i * groupW + (groupW - barW * REVENUE_SERIES.length) / 2;
    REVENUE_SERIES.forEach((s, j) => {
      const v = p[s.key];
      if (v <= 0) return;
      const x = (x0 + j * barW).toFixed(1);
      parts.push(`<rect class="rev-${s.key}" x="${x}" y="${y(v).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}"><title>${escapeXml(`${p.year} ${s.label}: ${formatAxis(v)}`)}</title></rect>`);
    });
    parts.push(`<text class="rev-axis" x="${(LEFT + (i + 0.5) * groupW).toFixed(1)}" y="${H - 8}" text-anchor="middle">${escapeXml(p.year)}</text>`);
  });
  return `<svg class="revenue-chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="Revenue by fiscal year: sold, forecast, weighted forecast and stretch" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** The smallest 1, 2, 2.5 or 5 × 10^n at or above the value, so the axis ticks are round numbers. */
export function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value - 1e-9) ?? 10;
  return step * power;
}

/** The four characters that end text or an attribute in SVG; every chart in core escapes its labels with it. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
