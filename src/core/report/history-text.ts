import type { HistorySeries } from '../rollup/history.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import { oneLine } from '../shared/text.ts';

/** `npm run history` as a person reads it: each goal, then its planned total at the end of each period. */
export function renderHistoryText(series: HistorySeries): string[] {
  const lines: string[] = [];
  if (series.unavailable !== undefined) lines.push(series.unavailable);
  const currency = series.currency ?? 'USD';
  for (const g of series.goals) {
    if (lines.length > 0) lines.push('');
    lines.push(`${oneLine(g.label, 200)}: goal ${formatMoney(g.goal, currency)}`);
    if (g.points.length === 0) lines.push('  no committed plans in this range');
    for (const p of g.points) {
      const coverage = g.goal > 0 ? `  ${formatPercent(p.planned / g.goal)}` : '';
      lines.push(`  ${p.date}  ${formatMoney(p.planned, currency).padStart(16)}${coverage}`);
    }
  }
  if (series.unavailable === undefined && series.goals.length === 0) lines.push('There are no goals to follow, or no commit of the plans holds valid plans yet.');
  if (series.notes.length > 0) {
    lines.push('', `Left out (${series.notes.length}):`);
    for (const note of series.notes) lines.push(`  ${oneLine(note, 600)}`);
  }
  return lines;
}
