import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { PathSegment, Position } from './diagnostics.ts';

/**
 * One file's YAML text and where it sits in the file. Positions are computed lazily:
 * the fast parser gives the data, and only a file that needs a location pays for
 * a second parse with node ranges.
 */
export class YamlSource {
  readonly file: string;
  readonly text: string;
  /** Lines of the file before the YAML text (the MDX frontmatter fence). */
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
    const { doc, counter } = this.document();
    let node: unknown = doc.contents;
    let keyNode: unknown;
    let best: unknown = doc.contents;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === String(seg));
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value ?? pair.key;
        best = target === 'key' ? pair.key : (pair.value ?? pair.key);
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        keyNode = undefined;
        node = item;
        best = item;
      } else break;
    }
    void keyNode;
    return this.positionOf(best as Node | null | undefined, counter);
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
