import type { Action, Objective } from '../../../schemas/index.ts';
import { addDays, daysBetween } from '../shared/periods.ts';
import { escapeXml } from './revenue.ts';

export interface TimelineSvgOptions {
  objectives: readonly Objective[];
  personName: (id: string) => string;
}

/** Drawn at its own size (width in CSS pixels), so text stays at body size; a narrow screen scrolls it. */
const W = 960;
const PAD = 8;
const FONT = 16;
const LINE = 20;
const AXIS = 46;
/** Characters per label line at 16 px across the chart's width: a long name wraps, it is never cut. */
const WRAP = 96;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The action timeline as inline SVG, drawn at build time like the revenue chart: one block per objective
 * (its name whole, wrapped), each action's label on its own line at body size above its bar, and an axis
 * with one tick per month. An action with only a due date is a diamond on that date. Plan text is
 * escaped as XML text; colours come from CSS classes (tl-done …). Undefined when there are no actions.
 */
export function renderTimelineSvg(actions: readonly Action[], options: TimelineSvgOptions): string | undefined {
  if (actions.length === 0) return undefined;
  const dates = actions.flatMap((a) => (a.start === undefined ? [a.due] : [a.start, a.due]));
  const first = monthStart(dates.reduce((a, b) => (a < b ? a : b)));
  const last = nextMonth(monthStart(dates.reduce((a, b) => (a > b ? a : b))));
  const span = Math.max(1, daysBetween(first, last));
  const x = (date: string) => PAD + (daysBetween(first, date) / span) * (W - 2 * PAD);
  const parts: string[] = [];
  let y = AXIS;
  const text = (line: string, cls: string) => {
    y += LINE;
    parts.push(`<text class="${cls}" x="${PAD}" y="${y - 5}">${escapeXml(line)}</text>`);
  };
  for (const { title, list } of sectionsOf(actions, options.objectives)) {
    y += 8;
    for (const line of wrap(title)) text(line, 'tl-section');
    for (const a of list) {
      for (const line of wrap(`${a.description} (${options.personName(a.owner)}, ${a.status}, due ${a.due})`)) text(line, 'tl-label');
      const tip = `<title>${escapeXml(`${a.description}: ${a.start ?? ''}${a.start ? ' to ' : 'due '}${a.due}, ${a.status}`)}</title>`;
      const cls = `tl-bar tl-${a.status}`;
      if (a.start === undefined || a.start >= a.due) {
        const cx = x(a.due);
        parts.push(`<path class="${cls}" d="M${cx.toFixed(1)} ${y + 1}l7 7l-7 7l-7 -7z">${tip}</path>`);
      } else {
        const x0 = x(a.start);
        parts.push(`<rect class="${cls}" x="${x0.toFixed(1)}" y="${y + 3}" width="${Math.max(3, x(a.due) - x0).toFixed(1)}" height="11" rx="2">${tip}</rect>`);
      }
      y += 20;
    }
  }
  const height = y + PAD;
  return `<svg class="timeline-chart" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" role="img" aria-label="Action timeline: every action by objective, over the months from ${monthName(first)} to ${monthName(previousDay(last))}" xmlns="http://www.w3.org/2000/svg">${axis(first, last, x, height).join('')}${parts.join('')}</svg>`;
}

function sectionsOf(actions: readonly Action[], objectives: readonly Objective[]): { title: string; list: Action[] }[] {
  const byObjective = new Map<string | undefined, Action[]>();
  for (const a of actions) byObjective.set(a.objective, [...(byObjective.get(a.objective) ?? []), a]);
  const known = objectives.filter((o) => byObjective.has(o.id)).map((o) => ({ title: o.description, list: byObjective.get(o.id) ?? [] }));
  const knownIds = new Set(objectives.map((o) => o.id));
  const other = actions.filter((a) => a.objective === undefined || !knownIds.has(a.objective));
  return other.length === 0 ? known : [...known, { title: 'Other actions', list: other }];
}

/** One tick and grid line per month; the month's name under it, the year under January and the first month. */
function axis(first: string, last: string, x: (d: string) => number, height: number): string[] {
  const out: string[] = [];
  const months: string[] = [];
  for (let m = first; m < last; m = nextMonth(m)) months.push(m);
  const every = months.length > 18 ? 3 : 1;
  months.forEach((m, i) => {
    const mx = x(m).toFixed(1);
    out.push(`<line class="tl-grid" x1="${mx}" x2="${mx}" y1="${AXIS - 6}" y2="${height}"/>`);
    if (i % every !== 0) return;
    const cx = ((x(m) + x(i + 1 < months.length ? months[i + 1]! : last)) / 2).toFixed(1);
    out.push(`<text class="tl-axis" x="${cx}" y="${FONT + 2}" text-anchor="middle">${MONTHS[Number(m.slice(5, 7)) - 1]}</text>`);
    if (i === 0 || m.slice(5, 7) === '01') out.push(`<text class="tl-axis tl-year" x="${cx}" y="${2 * FONT + 2}" text-anchor="middle">${m.slice(0, 4)}</text>`);
  });
  return out;
}

export function wrap(text: string, width = WRAP): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    for (let rest = word; rest !== ''; ) {
      const room = line === '' ? width : width - line.length - 1;
      if (rest.length <= room) {
        line = line === '' ? rest : `${line} ${rest}`;
        rest = '';
      } else if (line !== '') {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  return line === '' && lines.length > 0 ? lines : [...lines, line];
}

const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
function nextMonth(start: string): string {
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
const previousDay = (date: string) => addDays(date, -1);
const monthName = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
