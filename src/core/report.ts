import { countBySeverity, type Diagnostic } from './diagnostics.ts';

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

export const plain: Paint = { red: id, yellow: id, blue: id, dim: id, bold: id, green: id };

function id(s: string): string {
  return s;
}

/** Past this many characters a printed text is cut: a last defence against a plan that floods the log. */
export const MAX_PRINTED = 2000;

/*
 * Characters that end a line, move the cursor, colour the terminal or reverse the reading order:
 * C0 and C1 controls (with ESC, CR, LF and NEL), DEL, the Unicode line and paragraph separators,
 * and the bidirectional marks, embeddings, overrides and isolates.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Makes plan-derived text safe for one line of a terminal or a CI log: every unsafe character is shown
 * as an escape (`\n`, `\u001b`), a legacy `##[` workflow command is broken, and the text is cut at `max`.
 * Idempotent, so applying it twice on the way to the screen changes nothing.
 */
export function oneLine(text: string, max = MAX_PRINTED): string {
  const safe = text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/##\[/g, '##\\[');
  if (safe.length <= max) return safe;
  const cut = `… (cut: ${safe.length} characters)`;
  const kept = safe.slice(0, max - cut.length).replace(/[\ud800-\udbff]$/, '');
  return `${kept}${cut}`;
}

/** A copy of a value with every string in it made safe by `oneLine`, for the renderers of plain text and Markdown. */
export function safeStrings<T>(value: T): T {
  if (typeof value === 'string') return oneLine(value) as T;
  if (Array.isArray(value)) return value.map(safeStrings) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, safeStrings(v)])) as T;
  }
  return value;
}

/* JSON.stringify escapes C0 controls but writes these as they are; escaped, the parsed values are unchanged. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for a log: the same value as JSON.stringify, with line separators, C1 controls, bidi marks and the
 * `[` of a legacy `##[` command written as \u escapes (which can only be inside strings, so parsing is unchanged).
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '##\\u005b');
}

/** plans/accounts/acme.yaml:14:5 error forecast[2].revenue: … */
export function formatDiagnostic(d: Diagnostic, paint: Paint = plain): string {
  const colour = d.severity === 'error' ? paint.red : d.severity === 'warning' ? paint.yellow : paint.blue;
  return `${paint.bold(`${oneLine(d.file)}:${d.line}:${d.column}`)} ${colour(d.severity)} ${oneLine(d.message)}`;
}

export function formatCount(list: readonly Diagnostic[], paint: Paint = plain): string {
  const c = countBySeverity(list);
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const text = `${part(c.error, 'error')}, ${part(c.warning, 'warning')}, ${part(c.info, 'note')}`;
  return c.error > 0 ? paint.red(text) : c.warning > 0 ? paint.yellow(text) : paint.green(text);
}

const GITHUB_LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** A GitHub Actions workflow command that annotates the file in the pull request. */
export function formatGithubAnnotation(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'severity' | 'message'> & { title?: string }): string {
  const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
  if (d.title) props.push(`title=${escapeProperty(d.title)}`);
  return `::${GITHUB_LEVEL[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
}

function escapeData(s: string): string {
  return oneLine(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Whether a printed line would be read by GitHub Actions as a workflow command (`::cmd::`, or the legacy `##[cmd]`). */
export function looksLikeCommand(line: string): boolean {
  return /^[\s\u0085]*::/.test(line) || line.includes('##[');
}

/**
 * The last guard before text reaches stdout or stderr: any line of it that GitHub Actions would run as a
 * workflow command gets a backslash in front. The tool's own annotations are printed past this guard.
 */
export function defuseCommands(text: string): string {
  return text.replace(/(^|[\n\r\u0085\u2028\u2029])([^\S\n\r\u2028\u2029]*)(::)/g, '$1$2\\$3').replace(/##\[/g, '##\\u005b');
}
