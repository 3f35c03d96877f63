import type { HistorySeries } from '../rollup/history.ts';
import type { HistoryNote } from '../rollup/history-notes.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import { oneLine } from '../shared/text.ts';

/** `npm run history` as a person reads it: each goal, then its planned total at the end of each period. */
export function renderHistoryText(series: HistorySeries, changeNotes: readonly HistoryNote[] = []): string[] {
  const lines: string[] = [];
  if (series.unavailable !== undefined) lines.push(series.unavailable);
  const currency = series.currency ?? 'USD';
  for (const g of series.goals) {
    if (lines.length > 0) lines.push('');
    lines.push(`${oneLine(g.label, 200)}: goal ${formatMoney(g.goal, currency)}`);
    if (g.points.length === 0) lines.push('  no committed plans in this range');
    const notes = changeNotes.filter((n) => n.goals.includes(g.label));
    g.points.forEach((p, i) => {
      const coverage = g.goal > 0 ? `  ${formatPercent(p.planned / g.goal)}` : '';
      lines.push(`  ${p.date}  ${formatMoney(p.planned, currency).padStart(16)}${coverage}`);
      // A note sits under the point of the period it was written in: the total it explains.
      const from = i === 0 ? '' : g.points[i - 1]!.date;
      for (const n of notes) if (n.date > from && n.date <= p.date) lines.push(`    note ${n.date} ${oneLine(n.file, 200)}: ${oneLine(n.reason, 1000)}`);
    });
  }
  if (series.unavailable === undefined && series.goals.length === 0) lines.push('There are no goals to follow, or no commit of the plans holds valid plans yet.');
  if (series.notes.length > 0) {
    lines.push('', `Left out (${series.notes.length}):`);
    for (const note of series.notes) lines.push(`  ${oneLine(note, 600)}`);
  }
  return lines;
}
