import { oneLine, unicodeEscape } from '../shared/text.ts';

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
  return escapeJsonText(JSON.stringify(value, null, 2));
}

/** The escapes of safeJson, on JSON text (or whole lines of it: no escape spans a line break). */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNSAFE, unicodeEscape).replace(/##\[/g, '##\\u005b');
}

/**
 * The last guard before text reaches stdout or stderr: any line of it that GitHub Actions would run as a
 * workflow command gets a backslash in front. The tool's own annotations are printed past this guard.
 */
export function defuseCommands(text: string): string {
  return text.replace(/(^|[\n\r\u0085\u2028\u2029])([^\S\n\r\u2028\u2029]*)(::)/g, '$1$2\\$3').replace(/##\[/g, '##\\u005b');
}

/**
 * Neutralises Markdown and HTML in plan text: a name like "<img onerror>", "a | b", "[x](https://…)" or
 * "# Title" stays text. Line breaks are shown as escapes, so text can never start a line of its own.
 * GitHub links more than Markdown does, escaped or not, so a zero-width space (&#8203;) goes where it would: after
 * "@" (a mention, an email, org/repo@sha), after "#" and "GH" before a number (#1, other-org/repo#2, GH-3), before the
 * "://" of a URL and the "." of "www.", and inside a run of hex that could be a commit: the text reads the same and
 * neither notifies anybody nor links anywhere.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#!~])/g, '\\$1')
    .replace(/^(\s*)([-+=:])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/@/g, '@&#8203;')
    .replace(/(?<!&)#(?=\d)/g, '#&#8203;')
    .replace(/\b(GH)-(?=\d)/gi, '$1&#8203;-')
    .replace(/\b([a-z][a-z0-9+.-]*)(?=:\/\/)/gi, '$1&#8203;')
    .replace(/\b(www)\./gi, '$1&#8203;.')
    .replace(/\b(?=[0-9a-f]{7,40}\b)(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)([0-9a-f]{3})/gi, '$1&#8203;');
}
