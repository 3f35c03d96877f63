import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { PathSegment, Position } from './diagnostics.ts';
import { indexPositions, type PositionIndex } from './positions.ts';

/**
 * One file's YAML text and where it sits in the file. Positions are computed lazily:
 * the fast parser gives the data, and only a file that needs a location pays for
 * a second parse with node ranges.
 */
export class YamlSource {
  readonly file: string;
  readonly text: string;
  private index: PositionIndex | null | undefined;
  private lineStarts: number[] | undefined;
  private doc: Document | undefined;
  private counter: LineCounter | undefined;

  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
  }

  private document(): { doc: Document; counter: LineCounter } {
    if (!this.doc || !this.counter) {
      this.counter = new LineCounter();
      this.doc = parseDocument(this.text, { lineCounter: this.counter, uniqueKeys: false, keepSourceTokens: false });
    }
    return { doc: this.doc, counter: this.counter };
  }

  /** The position of the node at `path`, or of its deepest existing ancestor. `key` asks for the key of a mapping entry. */
  locate(path: readonly PathSegment[], target: 'value' | 'key' = 'value'): Position {
    if (this.index === undefined) this.index = indexPositions(this.text) ?? null;
    if (this.index) return this.positionAtOffset(this.index.offsetOf(path, target));
    return this.locateWithDocument(path, target);
  }

  /** The same answer from a `yaml` document with node ranges: slower, for texts the fast index does not cover. */
  locateWithDocument(path: readonly PathSegment[], target: 'value' | 'key' = 'value'): Position {
    const { doc, counter } = this.document();
    let node: unknown = doc.contents;
    let best: unknown = doc.contents;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === String(seg));
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
    return this.positionOf(best as Node | null | undefined, counter);
  }

  private positionAtOffset(offset: number): Position {
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

  private positionOf(node: Node | null | undefined, counter: LineCounter): Position {
    const offset = node?.range?.[0] ?? firstContentOffset(this.text);
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  }
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function firstContentOffset(text: string): number {
  const m = /[^\s#]/m.exec(text.replace(/#.*$/gm, (c) => ' '.repeat(c.length)));
  return m ? m.index : 0;
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): Position {
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
