import { formatDiagnostic, plain, type Paint } from './diagnostics.ts';
import { oneLine } from '../shared/text.ts';
import type { Finding } from '../rules/finding.ts';
import type { CheckReport } from './check-report.ts';
import { buildReportModel, LEVERS_HEADING, plainText, type ListedNote, type ReportModel } from './model.ts';

/**
 * The terminal report of check, laid out from the report model (model.ts): the goals table, what could close each
 * gap, the change against --base, the gate, findings and the summary line. No sentence is written here.
 */
export function renderCheckText(report: CheckReport, paint: Paint = plain): string[] {
  return renderModelText(buildReportModel(report), paint);
}

export function renderModelText(model: ReportModel, paint: Paint = plain): string[] {
  const lines: string[] = [paint.bold(model.title) + paint.dim(` (${model.settings})`), ''];
  if (model.noGoals) lines.push(model.noGoals);
  else {
    const landing = model.hasBooked ? 4 : 3;
    const status = landing + (model.hasLanding ? 1 : 0) + 2;
    const rows = model.goals.map((g) => [g.label, g.target, g.planned, ...(g.booked !== undefined ? [g.booked] : []), ...(g.landing !== undefined ? [g.landing] : []), g.gap, g.coverage, g.met ? 'met' : 'MISSED']);
    lines.push(
      ...renderTable(['Goal', 'Target', 'Planned', ...(model.hasBooked ? ['Booked'] : []), ...(model.hasLanding ? ['Landing'] : []), 'Gap', 'Coverage', 'Status'], rows, (cell, row, col) => {
        if (model.hasLanding && col === landing) return model.goals[row]!.landingMet === false ? paint.red(cell) : cell;
        if (col !== status) return cell;
        return model.goals[row]!.met ? paint.green(cell) : paint.red(paint.bold(cell));
      }),
    );
  }
  for (const { note } of model.notes) {
    if (note.notPhased) lines.push('', plainText(note.notPhased));
    if (!note.short) continue;
    lines.push('', paint.red(plainText(note.short.text)));
    if (note.short.noLever) lines.push(`  ${note.short.noLever}`);
    else {
      lines.push(`  ${LEVERS_HEADING}`);
      const width = Math.max(...note.short.levers.map((l) => l.account.length));
      for (const l of note.short.levers) lines.push(`    ${l.account.padEnd(width)}  ${l.text}`);
    }
  }
  const { change, gate, findings } = model;
  if (change) {
    lines.push('', paint.bold(plainText(change.heading)), ...(change.fork ? [paint.dim(change.fork)] : []));
    if (change.invalid) lines.push(paint.yellow(change.invalid));
    else {
      const rows = change.rows.map((c) => [c.label, c.target, c.before, c.after, c.change, c.status, c.movers.join('; ')]);
      lines.push(...renderTable(['Goal', 'Target', 'Before', 'After', 'Change', 'Status', 'Moved most'], rows, undefined, [0, 5, 6]), ...change.renames.map(plainText), ...change.handovers.map(plainText), ...change.notes.map(plainText));
    }
    if (gate) {
      lines.push('', `${paint.bold(gate.heading)}: ${gate.passed ? paint.green('passes') : paint.red(paint.bold('fails'))}`);
      lines.push(...gate.lines.map((r) => `  ${r.fails ? paint.red('✗') : paint.dim('·')} ${r.text}.`), ...(gate.findings ? [`  ${gate.findings}`] : []));
    }
  }
  if (findings) {
    lines.push('', paint.bold(findings.heading), ...findings.listed.map((n) => formatNote(n, paint)));
    const rows = findings.counted.map((e) => [e.rule, e.severity, String(e.count), `${e.first.file}:${e.first.line}:${e.first.column}`]);
    if (rows.length > 0) lines.push('', ...renderTable(['Rule', 'Severity', 'Count', 'First'], rows, undefined, [0, 1, 3]));
    if (findings.hint) lines.push('', paint.dim(findings.hint));
  }
  const { summary } = model;
  const state = summary.ok ? paint.green(summary.text) : paint.red(summary.text);
  lines.push('', summary.gate ? `${state} ${summary.gate.passed ? paint.green(summary.gate.text) : paint.red(paint.bold(summary.gate.text))}` : state);
  return lines;
}

function formatNote(n: ListedNote, paint: Paint): string {
  return n.kind === 'diagnostic' ? formatDiagnostic(n, paint) : formatFinding({ ...n, rule: n.rule ?? '' }, paint, n.isNew);
}

/** One finding on one line; `isNew` (with --base) marks the change's own: "(stale-plan, new)". */
export function formatFinding(f: Pick<Finding, 'file' | 'line' | 'column' | 'severity' | 'message' | 'rule'>, paint: Paint = plain, isNew = false): string {
  const colour = f.severity === 'error' ? paint.red : f.severity === 'warning' ? paint.yellow : paint.blue;
  return `${paint.bold(`${oneLine(f.file)}:${f.line}:${f.column}`)} ${colour(f.severity)} ${oneLine(f.message)} ${paint.dim(`(${oneLine(f.rule)}${isNew ? ', new' : ''})`)}`;
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
