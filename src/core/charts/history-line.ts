import { escapeXml } from './revenue.ts';
/** One value at the end of a week or month. */
export interface LinePoint {
  date: string;
  value: number;
}

const W = 300;
const H = 120;
/** Room for the value labels on the left, and for the dates below. */
const LEFT = 46;
const RIGHT = 10;
const TOP = 8;
const BOTTOM = 20;

/**
 * A small line of a figure over time as inline SVG, drawn at build time (no script): the line, a dashed target
 * when there is one, a dot at the latest value, and axes that say what it shows (the value at the bottom and the
 * top of the scale, the first and last date, the latest value beside its dot). The text a screen reader reads, and
 * a mouse shows, is in `<title>`, escaped like every label here; colours come from CSS classes (hist-line,
 * hist-target, hist-axis). Undefined when there is nothing to draw.
 */
export function renderHistoryLine(points: readonly LinePoint[], options: { title: string; target?: number | undefined; format: (n: number) => string; axis?: (n: number) => string }): string | undefined {
  if (points.length === 0) return undefined;
  const axis = options.axis ?? options.format;
  const times = points.map((p) => Date.parse(`${p.date}T00:00:00Z`));
  const t0 = times[0]!;
  const span = Math.max(1, times.at(-1)! - t0);
  const top = Math.max(options.target ?? 0, ...points.map((p) => p.value)) * 1.1 || 1;
  const x = (i: number) => (points.length === 1 ? (LEFT + W - RIGHT) / 2 : LEFT + ((times[i]! - t0) / span) * (W - LEFT - RIGHT));
  const y = (v: number) => H - BOTTOM - (Math.max(0, v) / top) * (H - TOP - BOTTOM);
  const text = (tx: number, ty: number, anchor: 'start' | 'middle' | 'end', s: string) => `<text class="hist-text" x="${tx.toFixed(1)}" y="${ty.toFixed(1)}" text-anchor="${anchor}">${escapeXml(s)}</text>`;
  const parts: string[] = [
    `<path class="hist-axis" fill="none" d="M${LEFT} ${TOP}V${H - BOTTOM}H${W - RIGHT}"/>`,
    text(LEFT - 4, H - BOTTOM + 3, 'end', axis(0)),
    text(LEFT - 4, TOP + 8, 'end', axis(top)),
    text(LEFT, H - 5, 'start', points[0]!.date),
  ];
  if (points.length > 1) parts.push(text(W - RIGHT, H - 5, 'end', points.at(-1)!.date));
  if (options.target !== undefined && options.target > 0) {
    parts.push(`<line class="hist-target" x1="${LEFT}" x2="${W - RIGHT}" y1="${y(options.target).toFixed(1)}" y2="${y(options.target).toFixed(1)}" stroke-dasharray="4 3"/>`);
  }
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  if (points.length > 1) parts.push(`<polyline class="hist-line" fill="none" points="${line}"/>`);
  const last = points.at(-1)!;
  const lx = x(points.length - 1);
  const ly = y(last.value);
  parts.push(`<circle class="hist-dot" cx="${lx.toFixed(1)}" cy="${ly.toFixed(1)}" r="2.5"/>`);
  // The latest value beside its dot, above it unless the dot is at the top.
  parts.push(text(lx - 4, ly < TOP + 14 ? ly + 13 : ly - 6, 'end', axis(last.value)));
  const first = points[0]!;
  const target = options.target === undefined ? '' : `; target ${options.format(options.target)}`;
  const span2 = points.length === 1 ? `${first.date}: ${options.format(first.value)}` : `${first.date} ${options.format(first.value)} → ${last.date} ${options.format(last.value)}`;
  const title = escapeXml(`${options.title}: ${span2}${target}`);
  return `<svg class="history-line" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${parts.join('')}</svg>`;
}
