import jsYaml from 'js-yaml';
import matter from 'gray-matter';
import { parse as parseSlow } from 'yaml';
import type { Diagnostic } from './diagnostics.ts';
import { positionAt, YamlSource } from './source.ts';

export interface ParsedFile {
  /** The YAML data, or undefined when the file could not be parsed. */
  data: unknown;
  /** The YAML text with positions, for locating fields later. */
  source: YamlSource;
  /** The MDX body after the frontmatter. */
  body?: string;
  diagnostics: Diagnostic[];
}

const MAX_ALIASES = 100;

/** Decodes, normalises and parses one plans file. Never throws. */
export function parseFile(file: string, bytes: Uint8Array, format: 'yaml' | 'mdx'): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  const at = (text: string, offset: number, code: string, message: string, severity: Diagnostic['severity'] = 'error') => {
    diagnostics.push({ file, ...positionAt(text, offset), severity, code, message });
  };

  let text = decode(file, bytes, diagnostics);
  if (text === undefined) return { data: undefined, source: new YamlSource(file, ''), diagnostics };

  if (text.includes('\r')) {
    const crlf = (text.match(/\r\n/g) ?? []).length;
    const lf = (text.match(/\n/g) ?? []).length;
    if (crlf > 0 && crlf < lf) {
      at(text, text.indexOf('\r'), 'mixed-line-endings', 'The file mixes Windows (CRLF) and Unix (LF) line endings. It was read, but save it with LF line endings so diffs stay clean.', 'warning');
    }
    text = text.replace(/\r\n?/g, '\n');
  }

  let yamlText = text;
  let body: string | undefined;
  if (format === 'mdx') {
    if (!/^---[ \t]*\n/.test(text)) {
      at(text, 0, 'mdx-no-frontmatter', 'An .mdx plan starts with a frontmatter block: a line "---", the plan\'s fields in YAML, and another "---" line, then the narrative.');
      return { data: undefined, source: new YamlSource(file, ''), diagnostics };
    }
    if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
      at(text, 0, 'mdx-unclosed-frontmatter', 'The frontmatter block is never closed. Add a line "---" after the plan\'s fields, before the narrative.');
      return { data: undefined, source: new YamlSource(file, ''), diagnostics };
    }
    const fm = matter(text, { engines: { yaml: () => ({}) } });
    // gray-matter's `matter` starts at the end of the opening fence line, so its
    // line numbers are the file's line numbers.
    yamlText = fm.matter;
    body = fm.content;
  }

  const source = new YamlSource(file, yamlText);
  if (yamlText.trim() === '') {
    at(text, 0, 'empty-file', format === 'mdx' ? 'The frontmatter is empty. Write the plan\'s fields between the two "---" lines.' : 'The file is empty. Write its fields, or delete the file.');
    return { data: undefined, source, diagnostics, ...(body !== undefined && { body }) };
  }

  const data = loadYaml(yamlText, (offset, code, message) => at(yamlText, offset, code, message));
  return { data, source, diagnostics, ...(body !== undefined && { body }) };
}

function decode(file: string, bytes: Uint8Array, diagnostics: Diagnostic[]): string | undefined {
  const error = (message: string, line = 1, column = 1, code = 'not-utf8') =>
    diagnostics.push({ file, line, column, severity: 'error', code, message });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    error('The file is saved as UTF-16. Save it as UTF-8 (in VS Code: "Save with Encoding", then "UTF-8").');
    return undefined;
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    start = 3;
    diagnostics.push({ file, line: 1, column: 1, severity: 'warning', code: 'bom', message: 'The file starts with a byte order mark (BOM). It was ignored, but save the file as UTF-8 without BOM.' });
  }
  const view = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(view);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(view);
    const pos = positionAt(lossy, lossy.indexOf('\uFFFD'));
    error('The file is not valid UTF-8 (it may be saved as Latin-1 or Windows-1252). Save it as UTF-8; the first bad character is here.', pos.line, pos.column);
    return undefined;
  }
}

type Report = (offset: number, code: string, message: string) => void;

/**
 * js-yaml is an order of magnitude faster than `yaml` on plain files, so it parses
 * every file; `yaml`, which counts alias expansions, takes over only for files that
 * define anchors, where a "billion laughs" document could otherwise blow up.
 */
function loadYaml(text: string, report: Report): unknown {
  if (text.includes('&') && text.includes('*')) return loadWithAliases(text, report);
  try {
    return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch (e) {
    if (e instanceof jsYaml.YAMLException) {
      const offset = lineColumnToOffset(text, e.mark.line, e.mark.column);
      const [code, message] = explainYamlError(e.reason, text, offset);
      report(offset, code, message);
      return undefined;
    }
    throw e;
  }
}

function loadWithAliases(text: string, report: Report): unknown {
  try {
    return parseSlow(text, { maxAliasCount: MAX_ALIASES, uniqueKeys: true, merge: false, prettyErrors: false });
  } catch (e) {
    const err = e as { message?: string; pos?: [number, number] };
    const offset = err.pos?.[0] ?? 0;
    if (/alias/i.test(err.message ?? '')) {
      report(offset, 'yaml-alias-limit', `The file expands YAML aliases (*name) more than ${MAX_ALIASES} times, which looks like a resource exhaustion attack. Write the values out instead of nesting aliases.`);
    } else if (/unique|duplicate/i.test(err.message ?? '')) {
      report(offset, 'yaml-duplicate-key', 'This key appears twice in the same mapping. Keep one of them.');
    } else {
      report(offset, 'yaml-syntax', `The YAML cannot be read: ${firstLine(err.message ?? 'syntax error')}. Check the indentation and the quotes on this line.`);
    }
    return undefined;
  }
}

function explainYamlError(reason: string, text: string, offset: number): [string, string] {
  const lineText = text.slice(text.lastIndexOf('\n', offset - 1) + 1).split('\n')[0] ?? '';
  if (/duplicated mapping key/.test(reason)) {
    const key = /^\s*-?\s*([^:#]+?)\s*:/.exec(lineText)?.[1];
    return ['yaml-duplicate-key', `The key ${key ? `"${key}" ` : ''}appears twice in the same mapping. Keep one of them; a second one would silently replace the first.`];
  }
  if (/tab characters/.test(reason) || (/\t/.test(lineText) && /indent/.test(reason)))
    return ['yaml-tab', 'A tab is used for indentation. YAML indents with spaces only: replace the tab with spaces.'];
  if (/single document/.test(reason))
    return ['yaml-multiple-documents', 'The file holds several YAML documents (separated by "---"). A plans file holds exactly one: remove the extra "---" line.'];
  if (/bad indentation|end of the stream|flow collection|block mapping entry|block collection/.test(reason))
    return ['yaml-syntax', `The YAML cannot be read here (${reason}). Check the indentation, and that brackets and quotes are closed.`];
  if (/unknown tag/.test(reason))
    return ['yaml-tag', `The YAML uses a tag that plans files do not support (${reason}). Remove the "!" tag.`];
  if (/undefined alias|unidentified alias/.test(reason))
    return ['yaml-alias', 'This alias (*name) refers to an anchor (&name) that is not defined above it. Define the anchor first, or write the value out.'];
  return ['yaml-syntax', `The YAML cannot be read here (${reason}). Check the indentation and the quotes on this line.`];
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

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/\.$/, '');
}
