import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatChange, formatMoney, formatPercent } from '../shared/money.ts';
import { describeMover, describeStatusChange } from '../rollup/diff.ts';
import { escapeMarkdown, safeStrings } from './escape.ts';
import { bookedCell, describeForkPoint, describeShortfall, forecastCounting } from './sentences.ts';
import { oneLine } from '../shared/text.ts';
import { countFindingsByRule, failsGate, findingChangeSentence, findingsNewFirst, FINDINGS_LISTED, type CheckReport } from './check-report.ts';
import type { Finding } from '../rules/finding.ts';
import { gateLines } from './gate.ts';
import { NPM_SCRIPTS } from '../shared/invocation.ts';

/**
 * The Markdown report for $GITHUB_STEP_SUMMARY: the same figures as the terminal table,
 * so a reviewer sees a pull request's effect on the totals without opening a file.
 * Plan text is untrusted, so every name and message is escaped before it reaches Markdown.
 */
export function renderSummary(unsafe: CheckReport): string {
  const report = safeStrings(unsafe);
  const { rollup } = report;
  const money = (n: number) => formatMoney(n, rollup.currency);
  const out: string[] = [];
  const verdict = failsGate(report) ? '❌' : '✅';
  out.push(`## ${verdict} ${escapeMarkdown(report.company)}: plans against goals`, '');
  const counting = forecastCounting(rollup.count);
  out.push(`Amounts in ${rollup.currency}, ${counting}, tolerance ${formatPercent(rollup.tolerance)}.`, '');

  if (rollup.goals.length === 0) out.push('There are no goals in goals.yaml to check the plans against.', '');
  else {
    // Booked (from the sales ledger) beside planned, as in the terminal, only when there is a ledger.
    const booked = rollup.goals.some((g) => g.booked);
    out.push(`| Goal | Target | Planned |${booked ? ' Booked |' : ''} Gap | Coverage | Status |`, `|---|--:|--:|${booked ? '--:|' : ''}--:|--:|---|`);
    for (const g of rollup.goals) {
      const bookedCol = booked ? ` ${bookedCell(g.booked, rollup.currency)} |` : '';
      out.push(`| ${escapeMarkdown(g.label)} | ${money(g.goal)} | ${money(g.planned)} |${bookedCol} ${formatChange(g.gap, rollup.currency)} | ${formatPercent(g.coverage)} | ${g.met ? 'met' : '**missed**'} |`);
    }
    out.push('');
  }

  for (const g of rollup.goals) {
    if (g.notPhased.length > 0) {
      out.push(`**${escapeMarkdown(g.label)}**: not phased (annual-only, not counted in the quarter): ${g.notPhased.map(code).join(', ')}.`, '');
    }
    if (g.met) continue;
    out.push(`**${escapeMarkdown(g.label)}** is ${escapeMarkdown(describeShortfall(g, rollup))}.${g.levers.length > 0 ? ' What could close it:' : ' No lever in scope: add accounts or revise the goal.'}`, '');
    for (const l of g.levers) out.push(`- ${code(l.account)}: ${escapeMarkdown(l.text)}`);
    if (g.levers.length > 0) out.push('');
  }

  if (report.base) {
    const base = report.base;
    const fork = describeForkPoint(base);
    out.push(`### Change against ${code(base.ref)}`, '', ...(fork ? [`${escapeMarkdown(fork)}.`, ''] : []));
    if (!base.valid) out.push(escapeMarkdown(base.message ?? `The plans at ${base.ref} do not validate, so there is nothing to compare with.`), '');
    else {
      const show = (n: number | null) => (n === null ? '—' : money(n));
      out.push('| Goal | Before | After | Change | Status | Moved most |', '|---|--:|--:|--:|---|---|');
      for (const c of base.goals) {
        const movers = c.movers.map((m) => escapeMarkdown(describeMover(m, c.period, rollup.currency))).join('<br>');
        out.push(`| ${escapeMarkdown(c.label)} | ${show(c.before)} | ${show(c.after)} | ${formatChange(c.change, rollup.currency)} | ${describeStatusChange(c)} | ${movers} |`);
      }
      out.push('');
    }
    out.push(...renderRenames(report), ...renderGate(report));
  }

  out.push(...renderFindings(report));
  return withinBytes(`${out.join('\n')}\n`, SUMMARY_BYTES, `*The report was cut here to fit GitHub’s step summary; \`${(report.how ?? NPM_SCRIPTS).command('check', '--json')}\` gives all of it.*`);
}

/** GitHub's limit on one step's summary is 1 MiB; a little is left for what other steps append. */
export const SUMMARY_BYTES = 1_000_000;

/** Plans the change renamed: one line each, shared by the step summary and the pull-request comment. */
export function renderRenames(report: CheckReport): string[] {
  const renames = report.base?.renames ?? [];
  return renames.length === 0 ? [] : [...renames.map((r) => `- Renamed ${code(r.from)} → ${code(r.to)}: its totals moved with it.`), ''];
}

/** The gate's verdict and reasons (failing first), and what the change did to the findings. */
export function renderGate(report: CheckReport): string[] {
  const gate = report.gate;
  if (!gate) return [];
  const changed = findingChangeSentence(report);
  return [
    `**Gate** (${gate.mode === 'change' ? 'judging the change' : 'strict: any missed goal fails'}): ${gate.passed ? 'passes' : '**fails**'}`,
    '',
    ...gateLines(gate, report.how).map((r) => `- ${r.fails ? '❌' : 'ℹ️'} ${escapeMarkdown(r.text)}.`),
    ...(changed ? [`- Findings: ${changed}.`] : []),
    '',
  ];
}

function renderFindings(report: CheckReport): string[] {
  const total = report.diagnostics.length + report.findings.length;
  if (total === 0) return [];
  const marked = findingsNewFirst(report);
  if (total <= FINDINGS_LISTED) return ['### Findings', '', ...report.diagnostics.map(noteOfDiagnostic), ...marked.map((m) => noteOfFinding(m.finding, m.isNew)), ''];
  const counts = countFindingsByRule(marked.filter((m) => !m.isNew).map((m) => m.finding));
  return [
    `### Findings (${total})`,
    '',
    ...report.diagnostics.map(noteOfDiagnostic),
    ...marked.filter((m) => m.finding.severity === 'error' || m.isNew).map((m) => noteOfFinding(m.finding, m.isNew)),
    '',
    ...(counts.length > 0 ? ['| Rule | Severity | Count | First |', '|---|---|--:|---|', ...counts.map((c) => `| ${escapeMarkdown(c.rule)} | ${c.severity} | ${c.count} | ${code(`${c.first.file}:${c.first.line}:${c.first.column}`)} |`), ''] : []),
  ];
}

/** The step summary when the plans do not validate: the diagnostics, and nothing summed. */
export function renderInvalidSummary(unsafe: readonly Diagnostic[]): string {
  const diagnostics = safeStrings(unsafe);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return [
    '## ❌ The plans do not validate',
    '',
    `${errors} error${errors === 1 ? '' : 's'}: nothing was summed against the goals. Fix these and push again.`,
    '',
    ...diagnostics.map(noteOfDiagnostic),
    '',
  ].join('\n');
}

function noteOfDiagnostic(d: Diagnostic): string {
  return `- ${d.severity === 'error' ? '**error**' : d.severity} ${code(`${d.file}:${d.line}:${d.column}`)} ${escapeMarkdown(d.message)}`;
}

/** A finding as a list item; `isNew` (with --base) marks the change's own with **new**. */
export function noteOfFinding(f: Finding, isNew = false): string {
  return `- ${isNew ? '**new** ' : ''}${f.severity === 'error' ? '**error**' : f.severity} ${code(`${f.file}:${f.line}:${f.column}`)} ${escapeMarkdown(f.message)} (${escapeMarkdown(f.rule)})`;
}

/**
 * Markdown cut at the last whole line that fits in `maxBytes` (UTF-8), with a closing line saying so: GitHub
 * refuses a step summary over 1 MiB and a comment over 65,536 characters, and would then show nothing at all.
 */
export function withinBytes(markdown: string, maxBytes: number, note: string): string {
  const encoder = new TextEncoder();
  const bytes = (text: string) => encoder.encode(text).length;
  if (bytes(markdown) <= maxBytes) return markdown;
  const budget = maxBytes - bytes(`\n${note}\n`);
  const lines = markdown.split('\n');
  let used = 0;
  let kept = 0;
  while (kept < lines.length && used + bytes(lines[kept]!) + 1 <= budget) used += bytes(lines[kept++]!) + 1;
  return `${lines.slice(0, kept).join('\n')}\n\n${note}\n`;
}

/** A code span: nothing inside is Markdown, but a backtick would end it and a pipe would end a table cell. */
export function code(text: string): string {
  return `\`${oneLine(text).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}
