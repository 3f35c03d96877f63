import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { oneLine } from '../shared/text.ts';
import type { CheckReport } from './check-report.ts';
import { escapeMarkdown } from './escape.ts';
import { changeTable, markdownOf, noteOf, noteOfDiagnostic, renderGate, renderRenames, withinBytes } from './markdown.ts';
import { buildInvalidModel, buildReportModel } from './model.ts';

/** The hidden first line by which the workflow finds its earlier comment on the pull request, to update it. */
export const COMMENT_MARKER = '<!-- account-plans:check -->';

/** New findings listed in the comment; the rest are in the step summary, so the comment stays short. */
export const COMMENT_FINDINGS = 20;

/** Goals the change moved, listed in the comment; the rest are in the step summary. */
export const COMMENT_GOALS = 40;

/** GitHub refuses a comment over 65,536 characters; bytes are counted, which is never fewer. */
export const COMMENT_BYTES = 65_000;

/** Errors of invalid plans listed in the comment; the rest are counted (the step summary lists every one). */
export const COMMENT_ERRORS = 20;

/**
 * The Markdown of the sticky pull-request comment (check --comment FILE), laid out from the report model
 * (model.ts): the verdict, the gate, the goals the change moved (before → after), renamed plans and the new
 * findings. Plan text is escaped, so it cannot mention anybody, add HTML or break a table; the workflow posts the
 * file as it is.
 */
export function renderComment(report: CheckReport): string {
  const model = buildReportModel(report);
  const passed = !model.failed;
  const company = model.report.company;
  const out = [COMMENT_MARKER, `## ${passed ? '✅' : '❌'} ${escapeMarkdown(oneLine(company))}: the plans ${passed ? 'pass' : 'fail'} the gate`, ''];
  const { change } = model;
  if (!change) out.push('Judged as they are (no --base): every missed goal and rule error fails.', '');
  else out.push(`Compared with ${markdownOf(change.heading.slice(1))}.${change.fork ? ` ${escapeMarkdown(change.fork.replace(/\.$/, ''))}.` : ''}`, '');
  out.push(...renderGate(model));
  if (change && !change.invalid) {
    const moved = change.rows.filter((c) => c.moved);
    if (moved.length === 0) out.push('This change moves no goal.', '');
    else {
      out.push('### Goals this change moved', '', ...changeTable(moved.slice(0, COMMENT_GOALS), true));
      if (moved.length > COMMENT_GOALS) out.push('', `… and ${moved.length - COMMENT_GOALS} more goals in the step summary.`);
      out.push('');
    }
  }
  out.push(...renderRenames(model));
  const fresh = (model.findings?.listed ?? []).filter((n) => n.kind === 'finding' && n.isNew);
  if (fresh.length > 0) {
    out.push(`### New findings (${fresh.length})`, '', ...fresh.slice(0, COMMENT_FINDINGS).map((n) => noteOf({ ...n, isNew: false })));
    if (fresh.length > COMMENT_FINDINGS) out.push(`- … and ${fresh.length - COMMENT_FINDINGS} more in the step summary.`);
    out.push('');
  }
  return withinBytes(`${out.join('\n')}\n`, COMMENT_BYTES, '*The comment was cut here to fit GitHub’s limit; the step summary has the whole report.*');
}

/** The comment when the plans do not validate: how many errors, and the first of them with their lines. */
export function renderInvalidComment(diagnostics: readonly Diagnostic[]): string {
  const model = buildInvalidModel(diagnostics);
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  const more = errors.length - COMMENT_ERRORS;
  return withinBytes(
    [
      COMMENT_MARKER,
      `## ❌ ${model.title}`,
      '',
      `${model.errors} The check's log and step summary name each file and line.`,
      '',
      ...errors.slice(0, COMMENT_ERRORS).map(noteOfDiagnostic),
      ...(more > 0 ? [`- … and ${more} more in the step summary.`] : []),
      '',
    ].join('\n'),
    COMMENT_BYTES,
    '*The comment was cut here to fit GitHub’s limit; the step summary has the whole report.*',
  );
}
