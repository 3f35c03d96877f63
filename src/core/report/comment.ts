import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { describeMover, describeStatusChange } from '../rollup/diff.ts';
import { formatChange, formatMoney } from '../shared/money.ts';
import { failsGate, findingsNewFirst, type CheckReport } from './check-report.ts';
import { escapeMarkdown, safeStrings } from './escape.ts';
import { describeForkPoint } from './sentences.ts';
import { code, noteOfFinding, renderGate, renderRenames, withinBytes } from './markdown.ts';

/** The hidden first line by which the workflow finds its earlier comment on the pull request, to update it. */
export const COMMENT_MARKER = '<!-- account-plans:check -->';

/** New findings listed in the comment; the rest are in the step summary, so the comment stays short. */
export const COMMENT_FINDINGS = 20;

/** Goals the change moved, listed in the comment; the rest are in the step summary. */
export const COMMENT_GOALS = 40;

/** GitHub refuses a comment over 65,536 characters; bytes are counted, which is never fewer. */
export const COMMENT_BYTES = 65_000;

/**
 * The Markdown of the sticky pull-request comment (check --comment FILE): the verdict, the goals the change moved
 * (before → after), renamed plans and the new findings. Plan text is escaped, so it cannot mention anybody,
 * add HTML or break a table; the workflow posts the file as it is.
 */
export function renderComment(unsafe: CheckReport): string {
  const report = safeStrings(unsafe);
  const { currency } = report.rollup;
  const money = (n: number | null) => (n === null ? '—' : formatMoney(n, currency));
  const passed = !failsGate(report);
  const out = [COMMENT_MARKER, `## ${passed ? '✅' : '❌'} ${escapeMarkdown(report.company)}: the plans ${passed ? 'pass' : 'fail'} the gate`, ''];
  const base = report.base;
  if (!base) out.push('Judged as they are (no --base): every missed goal and rule error fails.', '');
  else {
    const fork = describeForkPoint(base);
    out.push(`Compared with ${code(base.ref)}.${fork ? ` ${escapeMarkdown(fork)}.` : ''}`, '');
  }
  out.push(...renderGate(report));
  if (base?.valid) {
    const moved = base.goals.filter((c) => c.change !== 0 || c.metBefore !== c.metAfter || c.targetBefore !== c.targetAfter);
    if (moved.length === 0) out.push('This change moves no goal.', '');
    else {
      out.push('### Goals this change moved', '', '| Goal | Target | Before | After | Change | Status | Moved most |', '|---|--:|--:|--:|--:|---|---|');
      for (const c of moved.slice(0, COMMENT_GOALS)) {
        const target = c.targetBefore === c.targetAfter ? money(c.targetAfter) : `${money(c.targetBefore)} → ${money(c.targetAfter)}`;
        const movers = c.movers.slice(0, 3).map((m) => escapeMarkdown(describeMover(m, c.period, currency))).join('<br>');
        out.push(`| ${escapeMarkdown(c.label)} | ${target} | ${money(c.before)} | ${money(c.after)} | ${formatChange(c.change, currency)} | ${describeStatusChange(c)} | ${movers} |`);
      }
      if (moved.length > COMMENT_GOALS) out.push('', `… and ${moved.length - COMMENT_GOALS} more goals in the step summary.`);
      out.push('');
    }
  }
  out.push(...renderRenames(report));
  const fresh = findingsNewFirst(report).filter((m) => m.isNew);
  if (fresh.length > 0) {
    out.push(`### New findings (${fresh.length})`, '', ...fresh.slice(0, COMMENT_FINDINGS).map((m) => noteOfFinding(m.finding, false)));
    if (fresh.length > COMMENT_FINDINGS) out.push(`- … and ${fresh.length - COMMENT_FINDINGS} more in the step summary.`);
    out.push('');
  }
  return withinBytes(`${out.join('\n')}\n`, COMMENT_BYTES, '*The comment was cut here to fit GitHub’s limit; the step summary has the whole report.*');
}

/** The comment when the plans do not validate: how many errors, and where to read them. */
export function renderInvalidComment(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return [COMMENT_MARKER, '## ❌ The plans do not validate', '', `${errors} error${errors === 1 ? '' : 's'}: nothing was summed against the goals. The check's log and step summary name each file and line.`, ''].join('\n');
}
