import jsYaml from 'js-yaml';
import type { PathSegment } from '../diagnostics/diagnostic.ts';

/** A node of the YAML text: where it starts, what it is, and its children in order. */
interface PosNode {
  start: number;
  kind: 'mapping' | 'sequence' | 'scalar';
  /** The key's value, for scalars that are keys. */
  value: unknown;
  children: PosNode[];
  /** For mappings: the index of each key among `children`, built on the first lookup. */
  keys?: Map<string, number>;
}

interface OpenNode {
  start: number;
  children: PosNode[];
}

/**
 * Node start offsets for a YAML text, recorded by js-yaml's parse listener. About ten
 * times cheaper than a `yaml` document with ranges, which matters when thousands of
 * findings each need a line and column. Returns undefined when the text is outside
 * what the listener tracks reliably (anchors, explicit keys), so callers fall back.
 */
export function indexPositions(text: string): PositionIndex | undefined {
  const plain = text.replace(/"[^"\n]*"|'[^'\n]*'/g, '""').replace(/(^|\s)#.*$/gm, '');
  if (/(^|[\s[{,])[&*!][^\s]/m.test(plain) || /^[ \t]*(- +)?\? /m.test(plain)) return undefined;
  const stack: OpenNode[] = [{ start: 0, children: [] }];
  try {
    jsYaml.load(text, {
      schema: jsYaml.CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          stack.push({ start: skipBlank(text, state.position), children: [] });
          return;
        }
        const open = stack.pop()!;
        const kind = state.kind === 'mapping' || state.kind === 'sequence' ? state.kind : 'scalar';
        const node: PosNode = { start: open.start, kind, value: state.result, children: open.children };
        // js-yaml opens some nodes twice (a flow collection inside a block entry): keep one.
        const only = node.children.length === 1 ? node.children[0]! : undefined;
        stack.at(-1)!.children.push(only && only.start === node.start && only.kind === node.kind && only.value === node.value ? only : node);
      },
    });
  } catch {
    return undefined;
  }
  const root = stack[0]!.children[0];
  return root && root.value != null ? new PositionIndex(root, text) : undefined;
}

export class PositionIndex {
  private readonly root: PosNode;
  private readonly text: string;

  constructor(root: PosNode, text: string) {
    this.root = root;
    this.text = text;
  }

  private isEmpty(node: PosNode): boolean {
    return node.value == null && !/^(null|Null|NULL|~)/.test(this.text.slice(node.start, node.start + 4));
  }

  /** The offset of the node at `path`, or of its deepest existing ancestor; `key` asks for the key of a mapping entry. */
  offsetOf(path: readonly PathSegment[], target: 'value' | 'key'): number {
    let node = this.root;
    let best = node.start;
    for (const seg of path) {
      if (node.kind === 'mapping') {
        const i = findKey(node, String(seg));
        if (i === -1) break;
        const key = node.children[i]!;
        const value = node.children[i + 1];
        if (!value) break;
        node = value;
        // An empty value ("key:" then nothing) has no text of its own: point at the key.
        best = target === 'key' || this.isEmpty(value) ? key.start : value.start;
      } else if (node.kind === 'sequence' && typeof seg === 'number') {
        const item = node.children[seg];
        if (!item) break;
        node = item;
        best = item.start;
      } else break;
    }
    return best;
  }
}

/** A map per mapping, built once: a scan per lookup would make thousands of findings in a big mapping quadratic. */
function findKey(node: PosNode, key: string): number {
  if (!node.keys) {
    node.keys = new Map();
    for (let i = 0; i < node.children.length; i += 2) {
      const k = String(node.children[i]!.value);
      if (!node.keys.has(k)) node.keys.set(k, i);
    }
  }
  return node.keys.get(key) ?? -1;
}

/** Past spaces, line breaks and comments to where a node's text begins. */
export function skipBlank(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      const end = text.indexOf('\n', i);
      if (end === -1) return text.length;
      i = end + 1;
    } else return i;
  }
}
