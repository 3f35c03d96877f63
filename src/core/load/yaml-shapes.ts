import type { OverIndentedItem } from '../diagnostics/catalog/yaml.ts';
import { yaml } from './lazy.ts';

/**
 * Two shapes of YAML that js-yaml reads, or refuses, in a way that points the wrong way: a key that is a list or a
 * set of fields (`? [a, b]`, which js-yaml turns into the key "a,b", found at no line), and a list item indented
 * into the entry above it (which `yaml` calls "two keys on one line", on the line above). Each is found here and
 * described at its own line, with the fix.
 */

/** Where the first key that is a collection starts, for a text that uses explicit keys; undefined when there is none. */
export function complexKeyAt(text: string): number | undefined {
  if (!/^[ \t]*(?:- +)?\? /m.test(text) && !/[{,[]\s*[[{][^\]}]*[\]}]\s*:/.test(text)) return undefined;
  const { isCollection, parseDocument, visit } = yaml();
  const doc = parseDocument(text, { uniqueKeys: false, merge: false, prettyErrors: false });
  let at: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key) && pair.key.range) {
        at = pair.key.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return at;
}

/**
 * For a syntax error at `offset`: a list item on that line or one of the next two that is indented into the entry
 * above it (its "- " at or past the column of that entry's keys), with where it should start. Undefined otherwise.
 */
export function overIndentedItem(text: string, offset: number): { offset: number; item: OverIndentedItem } | undefined {
  const lines = text.split('\n');
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; i++) {
    starts.push(at);
    at += lines[i]!.length + 1;
  }
  const errorLine = text.slice(0, offset).split('\n').length - 1;
  const indent = (line: string) => line.length - line.trimStart().length;
  const blank = (line: string) => /^\s*(#.*)?$/.test(line);
  for (let i = errorLine; i <= Math.min(errorLine + 2, lines.length - 1); i++) {
    const line = lines[i]!;
    if (!/^ *- \S/.test(line)) continue;
    let above = i - 1;
    while (above >= 0 && blank(lines[above]!)) above--;
    if (above < 0) continue;
    const prev = lines[above]!;
    // The line above is an entry with a value of its own ("name: Maria", or "- id: maria"), so nothing nests under it.
    const keyColumn = /^ *- /.test(prev) ? indent(prev) + 2 : indent(prev);
    if (!/^ *(- +)?[^\s#:][^:]*:\s+\S/.test(prev) || indent(line) < keyColumn) continue;
    // The "- " of the items before it: the nearest item above, less indented than this one.
    let sibling: number | undefined;
    for (let j = above; j >= 0; j--) {
      const m = /^( *)- /.exec(lines[j]!);
      if (m && m[1]!.length < indent(line)) {
        sibling = m[1]!.length;
        break;
      }
      // A top-level key ends the search: the item belongs to no list above it.
      if (!blank(lines[j]!) && indent(lines[j]!) === 0) break;
    }
    if (sibling === undefined) continue;
    return { offset: starts[i]! + indent(line), item: { item: line.trim(), column: indent(line) + 1, entryLine: above + 1, itemsColumn: sibling + 1 } };
  }
  return undefined;
}
