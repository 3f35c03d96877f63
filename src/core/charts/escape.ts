/**
 * Plan text is untrusted, and Mermaid is a language: a name like `"]; click A call alert(1)` would
 * close a label and start a directive. So every label is reduced to letters, digits and spaces, and
 * every other character becomes a Mermaid entity code (`#60;` for `<`), which Mermaid turns back into
 * an HTML character reference only after parsing, when it can no longer be syntax. The one place that
 * writes plan text into Mermaid; every chart calls it.
 */
const SAFE = /[\p{L}\p{N} ]/u;

export interface EscapeOptions {
  /** Longest label kept, in characters, before an ellipsis (measured before escaping). */
  max?: number;
  /**
   * Encode the first character too, letter or not. Gantt and section lines start with the label, so a
   * task called "click …" or "section …" would otherwise read as a keyword.
   */
  guardStart?: boolean;
}

export function escapeLabel(text: string, options: EscapeOptions = {}): string {
  const max = options.max ?? 120;
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  const kept = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
  let out = '';
  kept.forEach((ch, i) => {
    out += SAFE.test(ch) && !(i === 0 && options.guardStart) ? ch : `#${ch.codePointAt(0)};`;
  });
  return out;
}

/** A quoted label: "…", safe inside any Mermaid shape. */
export function quoteLabel(text: string, options?: EscapeOptions): string {
  return `"${escapeLabel(text, options)}"`;
}

/** Mermaid node ids come from positions, never from plan ids: `end`, `graph` and `style` are keywords. */
export function nodeId(prefix: string, index: number): string {
  return `${prefix}${index}`;
}
