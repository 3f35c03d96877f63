import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Finding } from '../rules/finding.ts';
import { NPM_SCRIPTS, type Invocation } from '../shared/invocation.ts';
import { oneLine } from '../shared/text.ts';
import type { CheckReport } from './check-report.ts';
import { escapeMarkdown } from './escape.ts';
import { buildInvalidModel, buildReportModel, LEVERS_HEADING, type ChangeRow, type ListedNote, type ReportModel, type Text } from './model.ts';

/**
 * The Markdown report for $GITHUB_STEP_SUMMARY, laid out from the report model (model.ts): the same figures and
 * sentences as the terminal, so a reviewer sees a pull request's effect on the totals without opening a file.
 * Plan text is untrusted, so every name and message is escaped before it reaches Markdown.
 */
export function renderSummary(report: CheckReport): string {
  return renderModelSummary(buildReportModel(report));
}

export function renderModelSummary(model: ReportModel): string {
  const out: string[] = [`## ${model.failed ? '❌' : '✅'} ${escapeMarkdown(model.title)}`, '', `Amounts in ${model.settings}.`, ''];
  if (model.noGoals) out.push(escapeMarkdown(model.noGoals), '');
  else {
    const booked = model.hasBooked;
    const landing = model.hasLanding;
    out.push(`| Goal | Target | Planned |${booked ? ' Booked |' : ''}${landing ? ' Landing |' : ''} Gap | Coverage | Status |`, `|---|--:|--:|${booked ? '--:|' : ''}${landing ? '--:|' : ''}--:|--:|---|`);
    for (const g of model.goals) {
      const lands = g.landing === undefined ? '' : ` ${g.landingMet === false ? `**${g.landing}**` : g.landing} |`;
      out.push(`| ${escapeMarkdown(g.label)} | ${g.target} | ${g.planned} |${g.booked !== undefined ? ` ${g.booked} |` : ''}${lands} ${g.gap} | ${g.coverage} | ${g.met ? 'met' : '**missed**'} |`);
    }
    out.push('');
  }
  for (const { note } of model.notes) {
    if (note.notPhased) out.push(markdownOf(note.notPhased), '');
    if (!note.short) continue;
    out.push(`${markdownOf(note.short.text)} ${note.short.noLever ? escapeMarkdown(note.short.noLever) : LEVERS_HEADING}`, '');
    for (const l of note.short.levers) out.push(`- ${code(l.account)}: ${escapeMarkdown(l.text)}`);
    if (note.short.levers.length > 0) out.push('');
  }
  if (model.change) {
    const { change } = model;
    out.push(`### ${markdownOf(change.heading)}`, '', ...(change.fork ? [escapeMarkdown(change.fork), ''] : []));
    if (change.invalid) out.push(escapeMarkdown(change.invalid), '');
    else out.push(...changeTable(change.rows), '');
    out.push(...renderRenames(model), ...renderGate(model));
  }
  out.push(...renderFindings(model));
  const how = model.report.how ?? NPM_SCRIPTS;
  return withinBytes(`${out.join('\n')}\n`, SUMMARY_BYTES, `*The report was cut here to fit GitHub’s step summary; \`${how.command('check', '--json')}\` gives all of it.*`);
}

/** GitHub's limit on one step's summary is 1 MiB; a little is left for what other steps append. */
export const SUMMARY_BYTES = 1_000_000;

/** The goals a change moved, as a table: shared by the step summary and the pull-request comment. */
export function changeTable(rows: readonly ChangeRow[], named = false): string[] {
  return [
    '| Goal | Target | Before | After | Change | Status | Moved most |',
    '|---|--:|--:|--:|--:|---|---|',
    ...rows.map((c) => `| ${escapeMarkdown(c.label)} | ${c.target} | ${c.before} | ${c.after} | ${c.change} | ${c.status} | ${(named ? c.moversNamed : c.movers).map(escapeMarkdown).join('<br>')} |`),
  ];
}

/** Plans the change renamed: one line each, shared by the step summary and the pull-request comment. */
export function renderRenames(model: ReportModel): string[] {
  const c = model.change;
  const lines = [...(c?.renames ?? []), ...(c?.handovers ?? []), ...(c?.notes ?? [])];
  return lines.length === 0 ? [] : [...lines.map((r) => `- ${markdownOf(r)}`), ''];
}

/** The gate's verdict and reasons (failing first), and what the change did to the findings. */
export function renderGate(model: ReportModel): string[] {
  const { gate } = model;
  if (!gate) return [];
  return [
    `**${gate.heading}**: ${gate.passed ? 'passes' : '**fails**'}`,
    '',
    ...gate.lines.map((r) => `- ${r.fails ? '❌' : 'ℹ️'} ${escapeMarkdown(r.text)}.`),
    ...(gate.findings ? [`- ${escapeMarkdown(gate.findings)}`] : []),
    '',
  ];
}

function renderFindings(model: ReportModel): string[] {
  const { findings } = model;
  if (!findings) return [];
  const counts = findings.counted;
  return [
    `### ${escapeMarkdown(findings.heading)}`,
    '',
    ...findings.listed.map(noteOf),
    '',
    ...(counts.length > 0 ? ['| Rule | Severity | Count | First |', '|---|---|--:|---|', ...counts.map((c) => `| ${escapeMarkdown(c.rule)} | ${c.severity} | ${c.count} | ${code(`${c.first.file}:${c.first.line}:${c.first.column}`)} |`), ''] : []),
    ...(findings.hint ? [escapeMarkdown(findings.hint), ''] : []),
  ];
}

/** The step summary when the plans do not validate: the diagnostics, and nothing summed. */
export function renderInvalidSummary(diagnostics: readonly Diagnostic[], how: Invocation = NPM_SCRIPTS): string {
  const model = buildInvalidModel(diagnostics);
  const markdown = [`## ❌ ${model.title}`, '', `${model.errors} Fix these and push again.`, '', ...model.diagnostics.map(noteOfDiagnostic), ''].join('\n');
  return withinBytes(markdown, SUMMARY_BYTES, `*The list was cut here to fit GitHub’s step summary; \`${how.command('validate')}\` lists every problem.*`);
}

/** A sentence of the model as Markdown: text escaped, identifiers as code, labels in bold. */
export function markdownOf(text: Text): string {
  return text.map((p) => (typeof p === 'string' ? escapeMarkdown(p) : 'code' in p ? code(p.code) : `**${escapeMarkdown(p.strong)}**`)).join('');
}

/** A diagnostic or finding as a list item; a finding of the change's own is marked **new**. */
export function noteOf(n: ListedNote): string {
  return n.kind === 'diagnostic' ? noteOfDiagnostic(n) : noteOfFinding({ ...n, rule: n.rule ?? '' }, n.isNew);
}

export function noteOfDiagnostic(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'severity' | 'message'>): string {
  return `- ${d.severity === 'error' ? '**error**' : d.severity} ${code(`${d.file}:${d.line}:${d.column}`)} ${escapeMarkdown(d.message)}`;
}

/** A finding as a list item; `isNew` (with --base) marks the change's own with **new**. */
export function noteOfFinding(f: Pick<Finding, 'file' | 'line' | 'column' | 'severity' | 'message' | 'rule'>, isNew = false): string {
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
