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
  readonly aliases: Map<number, unknown> | undefined;
  readonly listener: Listener;
  /** The index, or undefined when the parse failed or gave nothing; see `finish`. */
  private done: () => PositionIndex | undefined;

  constructor(text: string, withAliases: boolean) {
    const aliases = withAliases ? new Map<number, unknown>() : undefined;
    this.aliases = aliases;
    // Every node of every file passes here twice: plain locals and typed arrays, no object per node. A node's
    // start is kept as js-yaml gives it (before blanks and comments) and skipped to its text on lookup.
    let nodes = new Int32Array(3 * 256);
    let count = 0;
    let stack = new Int32Array(3 * 32);
    let depth = 0;
    const values: unknown[] = [];
    const lastValues: unknown[] = [];
    this.listener = (event, state) => {
      if (event === 'open') {
        const id = count++;
        if (3 * count > nodes.length) nodes = grow(nodes);
        nodes[3 * id] = state.position;
        values.push(null);
        if (3 * (depth + 1) > stack.length) stack = grow(stack);
        stack[3 * depth] = id;
        stack[3 * depth + 1] = 0;
        stack[3 * depth + 2] = -1;
        lastValues[depth] = undefined;
        depth++;
        return;
      }
      depth--;
      const id = stack[3 * depth]!;
      const result = state.result;
      const kind = state.kind === 'mapping' ? MAPPING : state.kind === 'sequence' ? SEQUENCE : SCALAR;
      nodes[3 * id + 1] = count;
      let stored = kind;
      if (stack[3 * depth + 1] === 1 && lastValues[depth] === result) {
        const only = stack[3 * depth + 2]!;
        if (kind2(nodes, resolve(nodes, only)) === kind && skipBlank(text, nodes[3 * only]!) === skipBlank(text, nodes[3 * id]!)) stored = SAME_AS_CHILD;
      }
      nodes[3 * id + 2] = stored;
      values[id] = result;
      if (aliases) {
        const start = skipBlank(text, nodes[3 * id]!);
        if (text.charCodeAt(start) === 42 /* * */ && !aliases.has(start)) aliases.set(start, result);
      }
      if (depth > 0) {
        stack[3 * depth - 2]!++;
        stack[3 * depth - 1] = id;
        lastValues[depth - 1] = result;
      }
    };
    this.done = () => {
      if (count === 0 || depth > 0 || values[resolve(nodes, 0)] == null) return undefined;
      const kept = nodes.slice(0, 3 * count);
      return new PositionIndex(text, kept, compactValues(kept, values));
    };
  }

  /**
   * The index, or undefined when the parse failed or gave nothing, so callers fall back to a `yaml` document.
   * Whether the text uses what the listener does not track (anchors, tags, explicit keys) is checked on the first lookup.
   */
  finish(): PositionIndex | undefined {
    return this.done();
  }
}

/**
 * A key keeps its text (lookups compare it), any other node only whether it is null (an empty value points at its
 * key): the index then holds no reference to the parse's objects, which are freed once the schema has checked them.
 */
function compactValues(nodes: Int32Array, raw: unknown[]): unknown[] {
  const count = raw.length;
  const values: unknown[] = new Array<unknown>(count);
  for (let id = 0; id < count; id++) values[id] = raw[id] == null ? null : true;
  for (let id = 0; id < count; id++) {
    if (kind2(nodes, id) !== MAPPING) continue;
    const end = nodes[3 * id + 1]!;
    for (let c = id + 1, i = 0; c < end; c = nodes[3 * c + 1]!, i++) {
      if (i % 2 === 0) {
        const key = resolve(nodes, c);
        const value = raw[key];
        values[key] = typeof value === 'object' && value !== null ? keyText(value) : String(value);
      }
    }
  }
  return values;
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
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
  // Each form needs one of these characters: most plans have none, and a scan for them costs a twentieth of the check below.
  if (!/[&*!?]/.test(text)) return false;
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

  /** What the cache keeps: the index holds no parse objects, so it is all there is. */
  toCache(): { nodes: Int32Array; values: unknown[] } {
    return { nodes: this.nodes, values: this.values };
  }

  /** An index from the cache, or undefined when its numbers could send a lookup outside the text or round in circles. */
  static fromCache(text: string, nodes: Int32Array, values: unknown[]): PositionIndex | undefined {
    const count = values.length;
    if (count === 0 || nodes.length !== 3 * count) return undefined;
    for (let id = 0; id < count; id++) {
      const start = nodes[3 * id]!;
      const end = nodes[3 * id + 1]!;
      const kind = nodes[3 * id + 2]!;
      if (!(start >= 0 && start <= text.length && end > id && end <= count && kind >= 0 && kind <= 3)) return undefined;
      if (kind === SAME_AS_CHILD && id + 1 >= end) return undefined;
    }
    return new PositionIndex(text, nodes, values);
  }

  private startOf(id: number): number {
    return skipBlank(this.text, this.nodes[3 * id]!);
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

function keyText(value: object): string {
  try {
    return String(value);
  } catch {
    return '[object Object]';
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
