import { escapeXml } from './revenue.ts';
/** One value at the end of a week or month. */
export interface LinePoint {
  date: string;
  value: number;
}

const W = 240;
const H = 64;
const PAD = 4;

/**
 * A small line of a figure over time as inline SVG, drawn at build time (no script): the line, a dashed target
 * when there is one, and a dot at the latest value. The text a screen reader reads, and a mouse shows, is in
 * `<title>`, escaped like every label here; colours come from CSS classes (hist-line, hist-target). Undefined
 * when there is nothing to draw.
 */
export function renderHistoryLine(points: readonly LinePoint[], options: { title: string; target?: number | undefined; format: (n: number) => string }): string | undefined {
  if (points.length === 0) return undefined;
  const times = points.map((p) => Date.parse(`${p.date}T00:00:00Z`));
  const t0 = times[0]!;
  const span = Math.max(1, times.at(-1)! - t0);
  const top = Math.max(options.target ?? 0, ...points.map((p) => p.value)) * 1.1 || 1;
  const x = (i: number) => (points.length === 1 ? W / 2 : PAD + ((times[i]! - t0) / span) * (W - 2 * PAD));
  const y = (v: number) => H - PAD - (Math.max(0, v) / top) * (H - 2 * PAD);
  const parts: string[] = [];
  if (options.target !== undefined && options.target > 0) {
    parts.push(`<line class="hist-target" x1="${PAD}" x2="${W - PAD}" y1="${y(options.target).toFixed(1)}" y2="${y(options.target).toFixed(1)}" stroke-dasharray="4 3"/>`);
  }
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  if (points.length > 1) parts.push(`<polyline class="hist-line" fill="none" points="${line}"/>`);
  const last = points.at(-1)!;
  parts.push(`<circle class="hist-dot" cx="${x(points.length - 1).toFixed(1)}" cy="${y(last.value).toFixed(1)}" r="2.5"/>`);
  const first = points[0]!;
  const target = options.target === undefined ? '' : `; target ${options.format(options.target)}`;
  const span2 = points.length === 1 ? `${first.date}: ${options.format(first.value)}` : `${first.date} ${options.format(first.value)} → ${last.date} ${options.format(last.value)}`;
  const title = escapeXml(`${options.title}: ${span2}${target}`);
  return `<svg class="history-line" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${parts.join('')}</svg>`;
}
