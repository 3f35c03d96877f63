import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { yaml } from './lazy.ts';
import type { PathSegment, Position } from '../diagnostics/diagnostic.ts';
import { beyondIndex, indexPositions, type PositionIndex } from './position-index.ts';
import { scanNumbers, type NumberHints } from './number-hints.ts';

/** A line and a column, as a pair. */
type At = [line: number, column: number];
/**
 * Where a file's top-level fields are, as `locate` gives it: first the answer for a field the file does not have (every
 * missing field gets the same: the nearest part that exists, the top of the mapping) as value and as key, then each
 * field's name with its value's and its key's line and column. Flat, one array per file: the parse cache keeps one for
 * every plan and a run after an edit decodes them all, so each nested array would be thousands of objects more.
 */
export type TopFields = (string | number)[];
/** How many numbers the missing field's answer takes, and each field (its name, then four numbers). */
export const TOP_MISSING = 4;
export const TOP_FIELD = 5;

/** A value given as is, or as a function that gives it when it is first needed. */
export type Lazy<T> = T | (() => T);

/**
 * One file's YAML text and where it sits in the file. The parse that gave the data also recorded where each node
 * starts (a compact index); a text it does not track reliably (anchors, tags, explicit keys) pays for a `yaml`
 * document with node ranges, on its first lookup only. A source from the cache gets its text and its index as
 * functions, called on first use: a plan no message points into is never read from disk nor its index decoded.
 */
export class YamlSource {
  readonly file: string;
  #text: Lazy<string>;
  #numbers: NumberHints | undefined;
  /** Where each top-level field is, when the parse cache kept it (topFields): asked without the text or the index. */
  #top: TopFields | undefined;
  /** The same by field, made on the first question: most plans are never asked one. */
  #topByKey: ReadonlyMap<string, number> | undefined;
  /** The index when known; `indexLater` gives it from the text (or undefined, when it must be rebuilt from it) on first lookup. */
  private index: PositionIndex | null | undefined;
  private indexLater: ((text: string) => PositionIndex | undefined) | undefined;
  /** Whether an index recorded by the parse was checked against what it does not track. */
  private checked: boolean;
  private lineStarts: number[] | undefined;
  private doc: Document | undefined;
  private readonly pairs = new WeakMap<YAMLMap, Map<string, Pair>>();

  /** `index` is the one the parse recorded; without it, the first lookup parses the text for one. */
  constructor(file: string, text: Lazy<string>, index?: PositionIndex | ((text: string) => PositionIndex | undefined) | null, numbers?: NumberHints, top?: TopFields) {
    this.file = file;
    this.#text = text;
    this.#numbers = numbers;
    this.#top = top;
    if (typeof index === 'function') this.indexLater = index;
    else this.index = index;
    this.checked = index === undefined;
  }

  get text(): string {
    if (typeof this.#text === 'function') this.#text = this.#text();
    return this.#text;
  }

  /** What the text may hold that link-numbers.ts looks closer at: scanned once, or as the parse cache kept it. */
  numbers(): NumberHints {
    return (this.#numbers ??= scanNumbers(this.text));
  }

  private document(): { doc: Document } {
    this.doc ??= yaml().parseDocument(this.text, { uniqueKeys: false, keepSourceTokens: false });
    return { doc: this.doc };
  }

  /** The position of the node at `path`, or of its deepest existing ancestor. `key` asks for the key of a mapping entry. */
  locate(path: readonly PathSegment[], target: 'value' | 'key' = 'value'): Position {
    const top = this.#top;
    if (top && path.length === 1 && typeof path[0] === 'string') {
      this.#topByKey ??= topByKey(top);
      const at = this.#topByKey.get(path[0]) ?? 0;
      return target === 'value' ? { line: top[at] as number, column: top[at + 1] as number } : { line: top[at + 2] as number, column: top[at + 3] as number };
    }
    return this.positionAtOffset(this.offsetOf(path, target));
  }

  /**
   * Where each of `keys` (the file's top-level fields, all of them) is, and where a field it does not have would be
   * pointed at, as `locate` gives them: kept with the file in the parse cache, so a message about a plan's tier,
   * forecast or strategic flag (a rule over all plans) needs neither its text nor its index.
   */
  topFields(keys: readonly string[]): TopFields {
    const at = (path: PathSegment[], target: 'value' | 'key'): At => {
      const { line, column } = this.locate(path, target);
      return [line, column];
    };
    // A name none of the fields has stands for every field the file does not have (YAML allows a key of NULs too).
    let name = '\u0000';
    while (keys.includes(name)) name += '\u0000';
    const absent = [name];
    return [...at(absent, 'value'), ...at(absent, 'key'), ...keys.flatMap((key) => [key, ...at([key], 'value'), ...at([key], 'key')])];
  }

  /** The scalar at `path` as written in the file (00123, not 123), when it is a plain scalar on one line. */
  rawScalar(path: readonly PathSegment[]): string | undefined {
    const start = this.offsetOf(path, 'value');
    const m = /^[^\s"'[\]{},#&*!|>][^\n,\]}#]*/.exec(this.text.slice(start, start + 200));
    return m ? m[0].trimEnd() : undefined;
  }

  private offsetOf(path: readonly PathSegment[], target: 'value' | 'key'): number {
    if (this.indexLater) {
      this.index = this.indexLater(this.text);
      this.indexLater = undefined;
    }
    if (!this.checked) {
      this.checked = true;
      if (beyondIndex(this.text)) this.index = null;
    }
    if (this.index === undefined) this.index = indexPositions(this.text) ?? null;
    if (this.index) return this.index.offsetOf(path, target);
    return this.nodeWithDocument(path, target)?.range?.[0] ?? firstContentOffset(this.text);
  }

  /** The same answer from a `yaml` document with node ranges: slower, for texts the fast index does not cover. */
  locateWithDocument(path: readonly PathSegment[], target: 'value' | 'key' = 'value'): Position {
    return this.positionAtOffset(this.nodeWithDocument(path, target)?.range?.[0] ?? firstContentOffset(this.text));
  }

  private nodeWithDocument(path: readonly PathSegment[], target: 'value' | 'key'): Node | null | undefined {
    const { doc } = this.document();
    const { isMap, isScalar, isSeq } = yaml();
    let node: unknown = doc.contents;
    let best: unknown = doc.contents;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = this.pairOf(node, String(seg));
        if (!pair) break;
        const empty = !pair.value || (isScalar(pair.value) && pair.value.value === null && pair.value.range?.[0] === pair.value.range?.[1]);
        node = pair.value ?? pair.key;
        best = target === 'key' || empty ? pair.key : pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        node = item;
        best = item;
      } else break;
    }
    return best as Node | null | undefined;
  }

  /** A mapping's entries by key, built once per mapping: a lookup per key would make many findings in a big mapping quadratic. */
  private pairOf(map: YAMLMap, key: string): Pair | undefined {
    let byKey = this.pairs.get(map);
    if (!byKey) {
      const { isPair } = yaml();
      byKey = new Map();
      for (const p of map.items) {
        const k = isPair(p) ? keyOf(p.key) : undefined;
        if (k !== undefined && !byKey.has(k)) byKey.set(k, p as Pair);
      }
      this.pairs.set(map, byKey);
    }
    return byKey.get(key);
  }

  private positionAtOffset(offset: number): Position {
    // The end of a text that ends with a line break is the end of its last line, not a line of its own.
    if (offset >= this.text.length && this.text.endsWith('\n')) offset = this.text.length - 1;
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

}

function keyOf(key: unknown): string | undefined {
  if (yaml().isScalar(key)) return String(key.value);
  return undefined;
}

function firstContentOffset(text: string): number {
  const m = /[^\s#]/m.exec(text.replace(/#.*$/gm, (c) => ' '.repeat(c.length)));
  return m ? m.index : 0;
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): Position {
  if (offset >= text.length && text.endsWith('\n')) offset = text.length - 1;
  if (offset < 0) offset = 0;
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Where each field's four numbers start in a TopFields. */
function topByKey(top: TopFields): Map<string, number> {
  const by = new Map<string, number>();
  for (let i = TOP_MISSING; i < top.length; i += TOP_FIELD) by.set(top[i] as string, i + 1);
  return by;
}
