import { formatDiagnostic, plain, type Paint } from './diagnostics.ts';
import { safeStrings } from './escape.ts';
import { oneLine } from '../shared/text.ts';
import { formatChange, formatMoney, formatPercent } from '../shared/money.ts';
import { describeMover, describeStatusChange } from '../rollup/diff.ts';
import { bookedCell, describeForkPoint, describeShortfall, forecastCounting } from './sentences.ts';
import { countFindingsByRule, findingChangeSentence, findingsNewFirst, FINDINGS_LISTED, type CheckReport } from './check-report.ts';
import type { Finding } from '../rules/finding.ts';
import { gateLines } from './gate.ts';
import { NPM_SCRIPTS } from '../shared/invocation.ts';

/**
 * The terminal report of check: the goals table, what could close each gap, the change against --base, findings.
 * Names, labels and messages come from plan files, so they are made single-line before any is laid out.
 */
export function renderCheckText(unsafe: CheckReport, paint: Paint = plain): string[] {
  const report = safeStrings(unsafe);
  const { rollup } = report;
  const money = (n: number) => formatMoney(n, rollup.currency);
  const lines: string[] = [];
  const counting = forecastCounting(rollup.count);
  lines.push(paint.bold(`${report.company}: plans against goals`) + paint.dim(` (${rollup.currency}, ${counting}, tolerance ${formatPercent(rollup.tolerance)})`), '');

  if (rollup.goals.length === 0) {
    lines.push('There are no goals to check. Add them to goals.yaml, such as "- { period: FY2027, revenue: 24000000 }".');
  } else {
    // Booked (from the sales ledger) sits beside planned, and only when there is a ledger: without one the table is as it was.
    const booked = rollup.goals.some((g) => g.booked);
    const rows = rollup.goals.map((g) => [g.label, money(g.goal), money(g.planned), ...(booked ? [bookedCell(g.booked, rollup.currency)] : []), formatChange(g.gap, rollup.currency), formatPercent(g.coverage), g.met ? 'met' : 'MISSED']);
    const status = booked ? 6 : 5;
    lines.push(...renderTable(['Goal', 'Target', 'Planned', ...(booked ? ['Booked'] : []), 'Gap', 'Coverage', 'Status'], rows, (cell, row, col) => {
      if (col !== status) return cell;
      return rollup.goals[row]!.met ? paint.green(cell) : paint.red(paint.bold(cell));
    }));
  }

  for (const g of rollup.goals) {
    if (g.notPhased.length > 0) {
      lines.push('', `${g.label}: ${g.notPhased.length} plan${g.notPhased.length === 1 ? ' is' : 's are'} annual-only for ${g.period.slice(0, 6)} and not counted in the quarter (not phased): ${g.notPhased.join(', ')}. Split their forecast into quarters to count them.`);
    }
    if (g.met) continue;
    lines.push('', paint.red(`${g.label} is ${describeShortfall(g, rollup)}.`));
    if (g.levers.length === 0) {
      lines.push('  No plan in scope has stretch, an unsure target or last year\'s sales without a forecast: add accounts or revise the goal.');
    } else {
      lines.push('  What could close it:');
      const width = Math.max(...g.levers.map((l) => l.account.length));
      for (const l of g.levers) lines.push(`    ${l.account.padEnd(width)}  ${l.text}`);
    }
  }

  if (report.base) lines.push('', ...renderBaseText(report, paint), ...renderGateText(report, paint));
  lines.push(...renderFindings(report, paint));

  lines.push('', summaryLine(report, paint));
  return lines;
}

function renderBaseText(report: CheckReport, paint: Paint): string[] {
  const base = report.base!;
  const currency = report.rollup.currency;
  const fork = describeForkPoint(base);
  const head = [paint.bold(`Change against ${base.ref}`), ...(fork ? [paint.dim(`${fork}.`)] : [])];
  if (!base.valid) return [...head, paint.yellow(base.message ?? `The plans at ${base.ref} do not validate, so there is nothing to compare with.`)];
  const show = (n: number | null) => (n === null ? '—' : formatMoney(n, currency));
  const rows = base.goals.map((c) => [
    c.label,
    show(c.before),
    show(c.after),
    formatChange(c.change, currency),
    describeStatusChange(c),
    c.movers.slice(0, 3).map((m) => describeMover(m, c.period, currency)).join('; ') || (c.change === 0 ? 'no change' : ''),
  ]);
  const renamed = base.renames.map((r) => `Renamed ${r.from} → ${r.to}: its totals moved with it.`);
  return [...head, ...renderTable(['Goal', 'Before', 'After', 'Change', 'Status', 'Moved most'], rows, undefined, [0, 4, 5]), ...renamed];
}

/** The verdict with --base: each reason the gate weighed, failing ones first, and what the change did to the findings. */
function renderGateText(report: CheckReport, paint: Paint): string[] {
  const gate = report.gate;
  if (!gate) return [];
  const verdict = gate.passed ? paint.green('passes') : paint.red(paint.bold('fails'));
  const changed = findingChangeSentence(report);
  return [
    '',
    `${paint.bold(`Gate (${gate.mode === 'change' ? 'judging the change' : 'strict: any missed goal fails'})`)}: ${verdict}`,
    ...gateLines(gate, report.how).map((r) => `  ${r.fails ? paint.red('✗') : paint.dim('·')} ${r.text}.`),
    ...(changed ? [`  Findings: ${changed}.`] : []),
  ];
}

function renderFindings(report: CheckReport, paint: Paint): string[] {
  const total = report.diagnostics.length + report.findings.length;
  if (total === 0) return [];
  const marked = findingsNewFirst(report);
  if (total <= FINDINGS_LISTED) {
    return ['', paint.bold('Findings'), ...report.diagnostics.map((d) => formatDiagnostic(d, paint)), ...marked.map((m) => formatFinding(m.finding, paint, m.isNew))];
  }
  // The change's own findings are always listed, so a pull request sees what it added among many.
  const errors = marked.filter((m) => m.finding.severity === 'error' || m.isNew);
  const rows = countFindingsByRule(marked.filter((m) => !m.isNew).map((m) => m.finding)).map((e) => [e.rule, e.severity, String(e.count), `${e.first.file}:${e.first.line}:${e.first.column}`]);
  return [
    '',
    paint.bold(`Findings (${total}: ${report.findingChange ? 'the change’s new findings and errors listed, other' : 'errors listed,'} warnings and notes counted by rule)`),
    ...report.diagnostics.map((d) => formatDiagnostic(d, paint)),
    ...errors.map((m) => formatFinding(m.finding, paint, m.isNew)),
    ...(rows.length > 0 ? ['', ...renderTable(['Rule', 'Severity', 'Count', 'First'], rows, undefined, [0, 1, 3])] : []),
    '',
    paint.dim(`Every finding with its file and line: ${(report.how ?? NPM_SCRIPTS).command('check', '--json')}, or the site's account pages.`),
  ];
}

/** One finding on one line; `isNew` (with --base) marks the change's own: "(stale-plan, new)". */
export function formatFinding(f: Finding, paint: Paint = plain, isNew = false): string {
  const colour = f.severity === 'error' ? paint.red : f.severity === 'warning' ? paint.yellow : paint.blue;
  return `${paint.bold(`${oneLine(f.file)}:${f.line}:${f.column}`)} ${colour(f.severity)} ${oneLine(f.message)} ${paint.dim(`(${oneLine(f.rule)}${isNew ? ', new' : ''})`)}`;
}

/** "3 of 6 goals missed; 1 rule error, 16 warnings, 1 note." */
function summaryLine(report: CheckReport, paint: Paint): string {
  const goals = report.rollup.goals.length;
  const missed = report.rollup.goals.filter((g) => !g.met).length;
  const notes = [...report.diagnostics, ...report.findings];
  const count = (severity: string) => notes.filter((n) => n.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const goalText = goals === 0 ? 'No goals to check' : missed === 0 ? (goals === 1 ? 'The goal is met' : `All ${goals} goals met`) : `${missed} of ${plural(goals, 'goal')} missed`;
  const text = `${goalText}; ${plural(errors, 'rule error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')}.`;
  const state = missed + errors === 0 ? paint.green(text) : paint.red(text);
  // With --base the exit code is the gate's, not the state's: the last line of a CI log says which way it went.
  const gate = report.gate;
  if (!report.base || gate?.mode !== 'change') return state;
  return `${state} ${gate.passed ? paint.green('The gate passes: this change made nothing worse.') : paint.red(paint.bold('The gate fails: the reasons are under "Gate" above.'))}`;
}

/** Left-aligned text columns, right-aligned figures, two spaces between columns. */
export function renderTable(
  header: string[],
  rows: string[][],
  paintCell: (cell: string, row: number, col: number) => string = (c) => c,
  left: readonly number[] = [0],
): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[], row: number) =>
    cells
      .map((cell, i) => {
        const padded = left.includes(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!);
        return row < 0 ? padded : paintCell(padded, row, i);
      })
      .join('  ')
      .trimEnd();
  return [line(header, -1), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map((r, i) => line(r, i))];
}
