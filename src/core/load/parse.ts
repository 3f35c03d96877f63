import jsYaml from 'js-yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose, placed, problem, type Problem } from '../diagnostics/diagnose.ts';
import { checkNarrative } from './narrative/check.ts';
import { positionAt, YamlSource } from './yaml-source.ts';
import { clip } from '../shared/suggest.ts';
import { MAX_ALIAS_NODES, withinAliasBudget } from './aliases.ts';
import { PositionRecorder, type PositionIndex } from './position-index.ts';
import { complexKeyAt, overIndentedItem } from './yaml-shapes.ts';
import { matter, yaml } from './lazy.ts';

export interface ParsedFile {
  /** The YAML data, or undefined when the file could not be parsed. */
  data: unknown;
  /** The YAML text with positions, for locating fields later. */
  source: YamlSource;
  /** The MDX body after the frontmatter. */
  body?: string;
  diagnostics: Diagnostic[];
  /** The positions the parse recorded, when it gave data (for the cache). */
  index?: PositionIndex;
}

/** Decodes, normalises and parses one plans file. Never throws. */
export function parseFile(file: string, bytes: Uint8Array, format: 'yaml' | 'mdx'): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  const at = (text: string, offset: number, found: Problem) => {
    diagnostics.push(placed(file, positionAt(text, offset), found));
  };

  let text = decode(file, bytes, diagnostics);
  if (text === undefined) return { data: undefined, source: new YamlSource(file, ''), diagnostics };

  if (text.includes('\r')) {
    const crlf = (text.match(/\r\n/g) ?? []).length;
    const lf = (text.match(/\n/g) ?? []).length;
    if (crlf > 0 && crlf < lf) {
      at(text, text.indexOf('\r'), problem('mixed-line-endings'));
    }
    text = text.replace(/\r\n?/g, '\n');
  }

  let yamlText = text;
  let body: string | undefined;
  if (format === 'mdx') {
    if (!/^---[ \t]*\n/.test(text)) {
      at(text, 0, problem('mdx-no-frontmatter'));
      return { data: undefined, source: new YamlSource(file, ''), diagnostics };
    }
    if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
      at(text, 0, problem('mdx-unclosed-frontmatter'));
      return { data: undefined, source: new YamlSource(file, ''), diagnostics };
    }
    const fm = matter(text, { engines: { yaml: () => ({}) } });
    // gray-matter's `matter` starts at the end of the opening fence line, so its
    // line numbers are the file's line numbers.
    yamlText = fm.matter;
    body = fm.content;
    diagnostics.push(...checkNarrative(file, text, text.length - body.length));
  }

  if (yamlText.trim() === '') {
    const source = new YamlSource(file, yamlText);
    at(text, 0, problem('empty-file', { of: format === 'mdx' ? 'frontmatter' : 'file' }));
    return { data: undefined, source, diagnostics, ...(body !== undefined && { body }) };
  }

  let data: unknown;
  let index: PositionIndex | undefined;
  try {
    ({ data, index } = loadYaml(yamlText, (offset, found) => at(yamlText, offset, found)));
  } catch (e) {
    // A parser failure that is not a YAML error (say, the stack running out) is still the file's problem, not a crash.
    at(yamlText, 0, problem('yaml-syntax', { by: 'parser-failure', detail: firstLine(String((e as Error).message ?? e)) }));
    data = undefined;
  }
  const source = new YamlSource(file, yamlText, index ?? null);
  return { data, source, diagnostics, ...(body !== undefined && { body }), ...(index && { index }) };
}

function decode(file: string, bytes: Uint8Array, diagnostics: Diagnostic[]): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    diagnostics.push(diagnose(file, { line: 1, column: 1 }, 'not-utf8', { utf16: true }));
    return undefined;
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    start = 3;
    diagnostics.push(diagnose(file, { line: 1, column: 1 }, 'bom'));
  }
  const view = bytes.subarray(start);
  try {
    return decodeStrict(view);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(view);
    const pos = positionAt(lossy, lossy.indexOf('\uFFFD'));
    diagnostics.push(diagnose(file, pos, 'not-utf8', { utf16: false }));
    return undefined;
  }
}

function decodeStrict(view: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(view);
}

/** A .yaml file's text exactly as parseFile parsed it, for a file it parsed before (so it decodes). */
export function yamlTextOf(bytes: Uint8Array): string {
  const text = decodeStrict(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

type Report = (offset: number, found: Problem) => void;

/** A syntax error in a text longer than this is described by js-yaml alone: `yaml` costs ten times more and holds the whole tree. */
const EXPLAIN_MAX_CHARS = 256 * 1024;

/**
 * js-yaml parses every file: it is an order of magnitude faster than `yaml`, linear in the text (duplicate keys
 * are found with a hash, not by comparing every pair), and it does not copy aliased values, so an alias costs
 * nothing until something walks the data. That walk is bounded here, before Zod sees the data: every alias use
 * is weighed by the values it stands for, and a file whose aliases stand for too many, or for themselves, is refused
 * at the alias that crossed the line. When js-yaml refuses a small file, `yaml` explains why: its errors have codes
 * and better positions than js-yaml's.
 */
function loadYaml(text: string, report: Report): { data: unknown; index?: PositionIndex | undefined } {
  const recorder = new PositionRecorder(text, text.includes('*'));
  const aliases = recorder.aliases;
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, listener: recorder.listener });
  } catch (e) {
    if (!(e instanceof jsYaml.YAMLException)) throw e;
    const offset = e.mark ? lineColumnToOffset(text, e.mark.line, e.mark.column) : 0;
    if (/duplicated mapping key/.test(e.reason)) {
      report(offset, describeYamlError('DUPLICATE_KEY', e.reason, text, offset));
      return { data: undefined };
    }
    // Too deep for js-yaml is too deep for `yaml` too, which would only report its own stack running out.
    const explained = text.length <= EXPLAIN_MAX_CHARS && !/maxDepth/.test(e.reason) ? explainWithYaml(text) : undefined;
    if (explained) report(...explained);
    else report(offset, jsYamlProblem(e.reason));
    return { data: undefined };
  }
  if (aliases && aliases.size > 0 && !withinAliasBudget(aliases, Math.max(MAX_ALIAS_NODES, text.length), report)) return { data: undefined };
  const complex = complexKeyAt(text);
  if (complex !== undefined) {
    report(complex, problem('yaml-syntax', { by: 'complex-key' }));
    return { data: undefined };
  }
  return { data, ...(data !== undefined && { index: recorder.finish() }) };
}

function explainWithYaml(text: string): [number, Problem] | undefined {
  const doc = yaml().parseDocument(text, { uniqueKeys: false, merge: false, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    const offset = error.pos[0];
    // A list item indented into the entry above: said at the item, with its column, not as "two keys on one line" above it.
    const item = /IMPLICIT_KEY|BAD_INDENT|MISSING_CHAR|UNEXPECTED_TOKEN/.test(error.code) ? overIndentedItem(text, offset) : undefined;
    if (item) return [item.offset, problem('yaml-indentation', item.item)];
    const unclosed = /closing|end with a|quote/.test(error.message);
    const code = unclosed ? 'UNCLOSED' : error.code;
    return [unclosed ? openingOf(text, offset) : offset, describeYamlError(code, error.message, text, offset)];
  }
  const alias = doc.warnings.length === 0 ? undefined : doc.warnings[0];
  if (alias) return [alias.pos[0], problem('yaml-syntax', { by: 'yaml-warning', detail: firstLine(alias.message) })];
  return undefined;
}

function describeYamlError(code: string, message: string, text: string, offset: number): Problem {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', start);
  // At most a screenful of the line: the key is at its start, and a regex over a 1 MB line costs more than it tells.
  const lineText = text.slice(start, Math.min(end === -1 ? text.length : end, start + 1000));
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*-?\s*([^:#]+?)\s*:/.exec(lineText)?.[1];
      return problem('yaml-duplicate-key', { key });
    }
    case 'TAB_AS_INDENT':
      return problem('yaml-tab');
    case 'MULTIPLE_DOCS':
      return problem('yaml-multiple-documents');
    case 'UNCLOSED':
      return problem('yaml-unclosed', { detail: firstLine(message).replace(/ at line.*$/, '') });
    case 'BAD_INDENT':
      return problem('yaml-indentation', { detail: firstLine(message).replace(/ at line.*$/, '') });
    case 'BLOCK_AS_IMPLICIT_KEY':
      return problem('yaml-syntax', { by: 'two-keys-on-a-line' });
    case 'BAD_SCALAR_START':
      return problem('yaml-syntax', { by: 'reserved-first-character' });
    default:
      return problem('yaml-syntax', { by: 'yaml', detail: firstLine(message).replace(/ at line.*$/, '') });
  }
}

/** For an unclosed quote or bracket, the line that opened it: the last line above with an odd number of quotes or an unbalanced bracket. */
function openingOf(text: string, offset: number): number {
  const lines = text.slice(0, offset).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const quotes = (line.match(/"/g) ?? []).length;
    const opens = (line.match(/[[{]/g) ?? []).length - (line.match(/[\]}]/g) ?? []).length;
    if (quotes % 2 === 1 || opens > 0) {
      const start = lines.slice(0, i).join('\n').length + (i > 0 ? 1 : 0);
      return start + line.search(/["[{]/);
    }
  }
  return offset;
}

/** What js-yaml refused, when `yaml` does not explain it better. */
function jsYamlProblem(reason: string): Problem {
  if (/alias/.test(reason)) return problem('yaml-alias', { reason });
  if (/maxDepth/.test(reason)) return problem('yaml-too-deep');
  return problem('yaml-syntax', { by: 'js-yaml', reason });
}

function lineColumnToOffset(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + column;
}

/** A parser's message, cut to its first line: some quote the source text, which is the plan author's, not ours. */
function firstLine(s: string): string {
  return clip(s.split('\n')[0]!.replace(/\.$/, ''));
}
