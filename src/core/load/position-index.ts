import jsYaml from 'js-yaml';
import type { PathSegment } from '../diagnostics/diagnostic.ts';

const MAPPING = 0;
const SEQUENCE = 1;
const SCALAR = 2;
/** A node js-yaml opened twice (a flow collection inside a block entry): its one child stands for it. */
const SAME_AS_CHILD = 3;

type Listener = (event: 'open' | 'close', state: { position: number; kind: string | null; result: unknown }) => void;

/**
 * Records, during the one js-yaml parse of a file, where each node starts: no object per node, three numbers in a
 * typed array (start offset, end of its subtree in pre-order, kind) and the scalar's value for key lookups.
 * It also keeps, for each alias (a node whose text starts with "*"), the value it stands for, for the alias budget.
 */
export class PositionRecorder {
  private readonly text: string;
  private nodes = new Int32Array(3 * 64);
  private readonly values: unknown[] = [];
  private count = 0;
  /** Per open node: its id, how many children it has, and its last child's id and value (to spot a double open). */
  private readonly open: number[] = [];
  private readonly lastValue: unknown[] = [];
  readonly aliases: Map<number, unknown> | undefined;
  readonly listener: Listener;

  constructor(text: string, withAliases: boolean) {
    this.text = text;
    this.aliases = withAliases ? new Map() : undefined;
    this.listener = (event, state) => (event === 'open' ? this.onOpen(state.position) : this.onClose(state.kind, state.result));
  }

  private onOpen(position: number): void {
    const id = this.count++;
    if (this.nodes.length < 3 * this.count) {
      const grown = new Int32Array(this.nodes.length * 2);
      grown.set(this.nodes);
      this.nodes = grown;
    }
    this.nodes[3 * id] = skipBlank(this.text, position);
    this.values.push(null);
    this.open.push(id, 0, -1);
    this.lastValue.push(undefined);
  }

  private onClose(kind: string | null, result: unknown): void {
    const only = this.open.pop()!;
    const children = this.open.pop()!;
    const id = this.open.pop()!;
    const onlyValue = this.lastValue.pop();
    const n = this.nodes;
    const k = kind === 'mapping' ? MAPPING : kind === 'sequence' ? SEQUENCE : SCALAR;
    n[3 * id + 1] = this.count;
    const same = children === 1 && n[3 * only] === n[3 * id] && kind2(n, resolve(n, only)) === k && onlyValue === result;
    n[3 * id + 2] = same ? SAME_AS_CHILD : k;
    this.values[id] = result;
    const start = n[3 * id]!;
    if (this.aliases && this.text.charCodeAt(start) === 42 /* * */ && !this.aliases.has(start)) this.aliases.set(start, result);
    const depth = this.open.length;
    if (depth > 0) {
      this.open[depth - 2]!++;
      this.open[depth - 1] = id;
      this.lastValue[this.lastValue.length - 1] = result;
    }
  }

  /**
   * The index, or undefined when the text is outside what the listener tracks reliably (anchors, tags, explicit
   * keys) or the parse failed, so callers fall back to a `yaml` document. The check runs on the first lookup only.
   */
  finish(): PositionIndex | undefined {
    if (this.count === 0 || this.open.length > 0) return undefined;
    if (this.values[resolve(this.nodes, 0)] == null) return undefined;
    return new PositionIndex(this.text, this.nodes.slice(0, 3 * this.count), this.values);
  }
}

function kind2(nodes: Int32Array, id: number): number {
  return nodes[3 * id + 2]!;
}

/** The node itself, past the doubles js-yaml opened for it. */
function resolve(nodes: Int32Array, id: number): number {
  while (nodes[3 * id + 2] === SAME_AS_CHILD) id++;
  return id;
}

/** True when the text uses what the listener does not track reliably: anchors, aliases, tags, explicit keys. */
export function beyondIndex(text: string): boolean {
  const plain = text.replace(/"[^"\n]*"|'[^'\n]*'/g, '""').replace(/(^|\s)#.*$/gm, '');
  return /(^|[\s[{,])[&*!][^\s]/m.test(plain) || /^[ \t]*(- +)?\? /m.test(plain);
}

/** Node start offsets for a YAML text on its own (a parse of its own), for texts that did not come through parseFile. */
export function indexPositions(text: string): PositionIndex | undefined {
  if (beyondIndex(text)) return undefined;
  const recorder = new PositionRecorder(text, false);
  try {
    jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, listener: recorder.listener });
  } catch {
    return undefined;
  }
  return recorder.finish();
}

export class PositionIndex {
  private readonly text: string;
  private readonly nodes: Int32Array;
  private readonly values: unknown[];
  /** For containers looked up: their children's ids in order (keys and values alternate), built on the first lookup. */
  private readonly children = new Map<number, Int32Array>();
  /** For mappings looked up: the id of each key. */
  private readonly keys = new Map<number, Map<string, number>>();

  constructor(text: string, nodes: Int32Array, values: unknown[]) {
    this.text = text;
    this.nodes = nodes;
    this.values = values;
  }

  private startOf(id: number): number {
    return this.nodes[3 * id]!;
  }

  private isEmpty(id: number): boolean {
    const start = this.startOf(id);
    return this.values[id] == null && !/^(null|Null|NULL|~)/.test(this.text.slice(start, start + 4));
  }

  /** Built once per container: a scan per lookup would make thousands of findings in a big mapping quadratic. */
  private childrenOf(id: number): Int32Array {
    let list = this.children.get(id);
    if (!list) {
      const ids: number[] = [];
      const end = this.nodes[3 * id + 1]!;
      for (let c = id + 1; c < end; c = this.nodes[3 * c + 1]!) ids.push(resolve(this.nodes, c));
      list = Int32Array.from(ids);
      this.children.set(id, list);
    }
    return list;
  }

  /** The offset of the node at `path`, or of its deepest existing ancestor; `key` asks for the key of a mapping entry. */
  offsetOf(path: readonly PathSegment[], target: 'value' | 'key'): number {
    let node = resolve(this.nodes, 0);
    let best = this.startOf(node);
    for (const seg of path) {
      const kind = kind2(this.nodes, node);
      if (kind === MAPPING) {
        const i = this.keyIndex(node, String(seg));
        const children = this.childrenOf(node);
        if (i === undefined || i + 1 >= children.length) break;
        const value = children[i + 1]!;
        node = value;
        // An empty value ("key:" then nothing) has no text of its own: point at the key.
        best = target === 'key' || this.isEmpty(value) ? this.startOf(children[i]!) : this.startOf(value);
      } else if (kind === SEQUENCE && typeof seg === 'number') {
        const item = this.childrenOf(node)[seg];
        if (item === undefined) break;
        node = item;
        best = this.startOf(item);
      } else break;
    }
    return best;
  }

  /** The position among the mapping's children of the first key `key`. */
  private keyIndex(node: number, key: string): number | undefined {
    let byKey = this.keys.get(node);
    if (!byKey) {
      byKey = new Map();
      const children = this.childrenOf(node);
      for (let i = 0; i < children.length; i += 2) {
        const k = String(this.values[children[i]!]);
        if (!byKey.has(k)) byKey.set(k, i);
      }
      this.keys.set(node, byKey);
    }
    return byKey.get(key);
  }
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
