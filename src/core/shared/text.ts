/** Past this many characters a printed text is cut: a last defence against a plan that floods the log. */
export const MAX_PRINTED = 2000;

/*
 * Characters that end a line, move the cursor, colour the terminal or reverse the reading order:
 * C0 and C1 controls (with ESC, CR, LF and NEL), DEL, the Unicode line and paragraph separators,
 * and the bidirectional marks, embeddings, overrides and isolates.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A character written as a \u escape (\u001b), as JSON would write it: the form every escaping here shows. */
export function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Makes plan-derived text safe for one line of a terminal or a CI log: every unsafe character is shown
 * as an escape (`\n`, `\u001b`), a legacy `##[` workflow command is broken, and the text is cut at `max`.
 * Idempotent, so applying it twice on the way to the screen changes nothing.
 */
export function oneLine(text: string, max = MAX_PRINTED): string {
  const safe = text.replace(UNSAFE, (c) => NAMED[c] ?? unicodeEscape(c)).replace(/##\[/g, '##\\[');
  if (safe.length <= max) return safe;
  const cut = `… (cut: ${safe.length} characters)`;
  const kept = safe.slice(0, max - cut.length).replace(/[\ud800-\udbff]$/, '');
  return `${kept}${cut}`;
}
