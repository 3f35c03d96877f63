import fc from 'fast-check';
import { type CaseFiles, toBytes } from './case.ts';

/** Text that YAML, MDX, terminals or browsers give a meaning to, inserted anywhere in a file. */
export const SPECIALS = [
  '&a ', '*a', '*zz', '!!', '!!binary ', '!!js/function ', '!<tag:yaml.org,2002:str> ', '<<: *a\n', '<<: {}\n', '\t', '---\n', '...\n',
  '{', '}', '[', ']', '"', "'", '\0', '\uFEFF', '\r\n', '\r', '\uD800', '\uDC00', '\u2028', '\u202E', '\x1b[2J', '? ', '|', '>-\n',
  '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '#', ': ', '- ', '\n  - ', '@', '`', 'x'.repeat(20_000), `${'a'.repeat(1025)}: 1\n`,
  // Deep nesting: a recursive parser or walker that overflows the stack throws a RangeError (each under the 1 MB size limit).
  '['.repeat(10_000), '{a: '.repeat(5_000), '- '.repeat(5_000), Array.from({ length: 1_400 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
  'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
];
export const HOSTILE_KEYS = ['max_file_bytes', '__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf', '__defineGetter__', '<<', '"__proto__"', "''"];
export const HOSTILE_NUMBERS = ['1e308', '1e309', '-1e308', '.inf', '-.inf', '.nan', '-0', '0x10', '0o17', '1_000', '5e-324', '9007199254740993', '010', '+12', '1.', '-400', '1e400'];
export const HOSTILE_STRINGS = [
  '"a\\nb"', '"::error file=x.yaml,line=1::injected"', '"\\e[31mred\\e[0m"', '<script>alert(1)</script>', '"\\0"', '"\\u202Eevil"', '{{x}}',
  '$(touch /tmp/pwned)', '../../../etc/passwd', 'javascript:alert(1)', '"%0A::warning::x"', '[]', '{}', '~', 'null', 'true', '2026-02-30', 'FY2027-Q5',
  '"x\\r\\n::error::y"', "'<img src=x onerror=alert(1)>'", '"\\uD800"',
];
export const MDX_BODIES = [
  '{', '}', '<', '<Foo />', '<script>alert(1)</script>', 'import fs from "node:fs"', 'export const x = 1', '{process.exit(1)}',
  '{/* comment */}', '<div>', '</div>', '\\{', '<!-- x -->', '`{`', '<a href="javascript:alert(1)">x</a>', '<img src=x onerror="alert(1)">',
  '---\nname: again\n---', '> '.repeat(5_000), '<div>'.repeat(3_000), '*'.repeat(10_000), '['.repeat(10_000), '{'.repeat(5_000), '- '.repeat(5_000), '<style>body{display:none}</style>', '[x](javascript:alert(1))', '\0', '<iframe src="https://evil.example"></iframe>',
];
const RENAMES = ['accounts/ACME.yaml', 'accounts/a b.yaml', 'accounts/deep/deeper/x.mdx', 'accounts/.yaml', 'accounts/x.md', 'accounts/__proto__.yaml', 'accounts/constructor.mdx', 'reviews/2026-13/rep-0.yaml', 'reviews/2026-11/nobody.yaml', 'goals.yml', 'icp.yaml',
  // Names that break out of a printed line or an annotation's properties.
  'accounts/x\n::warning::forged.yaml', 'accounts/a,line=999::b.yaml', 'accounts/p%0Aq.yaml', 'accounts/##[group]x.mdx', 'accounts/\u001b[2Jx.yaml', 'accounts/ü ñ/acme.yaml'];

/** Keys whose values the 'field' mutation replaces, in block or flow style: where a hostile value does most harm. */
export const FIELDS = [
  'revenue', 'confidence', 'period', 'owner', 'parent', 'currency', 'name', 'id', 'reports_to', 'relationship', 'manager', 'channel', 'region',
  'EUR', 'tolerance', 'count', 'fiscal_year_start_month', 'last_reviewed', 'status', 'strategy', 'scope', 'dimensions', 'stakeholders',
  'forecast', 'goals', 'people', 'roles', 'product', 'offering', 'fx', 'history', 'stretch', 'potential',
];
const NUMERIC_FIELDS = ['revenue', 'confidence', 'potential', 'tolerance', 'fiscal_year_start_month', 'EUR', 'GBP', 'margin'];
const STRUCTURES = ['[]', '{}', '~', '&a x', '*a', '!!str 1', '!!int "7"', '!!float 1', '[1, 2]', '{a: 1}', '{ __proto__: { polluted: 1 } }', '{ constructor: x }', 'constructor', 'prototype'];

/** Byte sequences that are not UTF-8, or are but mean trouble: a UTF-8-encoded surrogate half, an overlong slash, past U+10FFFF, a lone continuation byte. */
const RAW = [[0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xff, 0xfe], [0xe2, 0x80, 0xa8], [0xef, 0xbb, 0xbf], [0x00, 0x00]];

const at = fc.integer({ min: 0, max: 1000 });
export const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), file: fc.nat(), at, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), file: fc.nat(), at }),
  fc.record({ kind: fc.constant('raw' as const), file: fc.nat(), at, bytes: fc.constantFrom(...RAW) }),
  fc.record({ kind: fc.constant('insert' as const), file: fc.nat(), at, text: fc.constantFrom(...SPECIALS) }),
  fc.record({ kind: fc.constant('value' as const), file: fc.nat(), at, text: fc.constantFrom(...HOSTILE_NUMBERS, ...HOSTILE_STRINGS) }),
  fc.record({ kind: fc.constant('field' as const), file: fc.nat(), key: fc.constantFrom(...FIELDS), nth: fc.nat({ max: 8 }), all: fc.boolean(), text: fc.constantFrom(...HOSTILE_NUMBERS, ...HOSTILE_STRINGS, ...STRUCTURES) }),
  // Numbers where numbers are read, so that a hostile amount survives the schema and reaches the rollup.
  fc.record({ kind: fc.constant('field' as const), file: fc.nat(), key: fc.constantFrom(...NUMERIC_FIELDS), nth: fc.nat({ max: 8 }), all: fc.boolean(), text: fc.constantFrom(...HOSTILE_NUMBERS) }),
  fc.record({ kind: fc.constant('key' as const), file: fc.nat(), at, key: fc.constantFrom(...HOSTILE_KEYS), text: fc.constantFrom('x', '1', '{}', '[]', ...HOSTILE_NUMBERS.slice(0, 4)) }),
  fc.record({ kind: fc.constant('body' as const), file: fc.nat(), at, text: fc.constantFrom(...MDX_BODIES) }),
  fc.record({ kind: fc.constant('crlf' as const), file: fc.nat() }),
  // Past the reader's size limit (1 MB by default), as one line or as many.
  fc.record({ kind: fc.constant('huge' as const), file: fc.nat(), lines: fc.boolean() }),
  fc.record({ kind: fc.constant('bom' as const), file: fc.nat(), utf16: fc.boolean() }),
  fc.record({ kind: fc.constant('drop' as const), file: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), file: fc.nat(), to: fc.constantFrom(...RENAMES) }),
);
export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

const decoder = new TextDecoder('utf-8');
const offset = (length: number, per: number) => Math.floor((length * per) / 1000);
const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;

/** Applies mutations in order; each picks its file by index modulo the number of files (sorted by path). */
export function mutate(files: CaseFiles, mutations: readonly Mutation[]): CaseFiles {
  const out: CaseFiles = { ...files };
  for (const m of mutations) {
    const names = Object.keys(out).sort();
    if (names.length === 0) break;
    const rel = names[m.file % names.length]!;
    const bytes = out[rel]!;
    const text = decoder.decode(bytes);
    switch (m.kind) {
      case 'flip': {
        const copy = new Uint8Array(bytes);
        if (copy.length > 0) copy[offset(copy.length - 1, m.at)] = m.byte;
        out[rel] = copy;
        break;
      }
      case 'raw': {
        const pos = offset(bytes.length, m.at);
        out[rel] = new Uint8Array([...bytes.subarray(0, pos), ...m.bytes, ...bytes.subarray(pos)]);
        break;
      }
      case 'truncate':
        out[rel] = bytes.subarray(0, offset(bytes.length, m.at));
        break;
      case 'insert': {
        const pos = offset(text.length, m.at);
        out[rel] = toBytes(text.slice(0, pos) + m.text + text.slice(pos));
        break;
      }
      case 'value': {
        // Replaces what follows the first ": " of a line, so the hostile scalar lands where a value is expected.
        const start = lineStart(text, offset(text.length, m.at));
        const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
        const line = text.slice(start, end);
        const colon = line.indexOf(': ');
        const replaced = colon === -1 ? `${line}${m.text}` : `${line.slice(0, colon + 2)}${m.text}`;
        out[rel] = toBytes(text.slice(0, start) + replaced + text.slice(end));
        break;
      }
      case 'field': {
        // The value after "key: " up to the end of the line or of the flow item: every occurrence, or the nth.
        let n = 0;
        const pattern = new RegExp(`(^|[\\s{,])(${m.key}: ?)([^,}\\n]*)`, 'gm');
        const replaced = text.replace(pattern, (all, before: string, key: string) => (m.all || n++ === m.nth ? `${before}${key.trimEnd()} ${m.text}` : all));
        out[rel] = toBytes(replaced);
        break;
      }
      case 'key': {
        // A sibling key at the line's indentation, or a key inside the line's flow mapping.
        const start = lineStart(text, offset(text.length, m.at));
        const line = text.slice(start, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start));
        const brace = line.indexOf('{ ');
        const insertion = brace !== -1 ? { pos: start + brace + 2, text: `${m.key}: ${m.text}, ` } : { pos: start, text: `${/^[ -]*/.exec(line)![0].replace('-', ' ')}${m.key}: ${m.text}\n` };
        out[rel] = toBytes(text.slice(0, insertion.pos) + insertion.text + text.slice(insertion.pos));
        break;
      }
      case 'body': {
        // Into the narrative of an .mdx plan (after the frontmatter), or anywhere in other files.
        const fence = rel.endsWith('.mdx') ? text.indexOf('\n---', 3) : -1;
        const from = fence === -1 ? 0 : fence + 4;
        const pos = from + offset(text.length - from, m.at);
        out[rel] = toBytes(`${text.slice(0, pos)}\n${m.text}\n${text.slice(pos)}`);
        break;
      }
      case 'huge':
        out[rel] = toBytes(`${text}\n${m.lines ? '# padding\n'.repeat(110_000) : `# ${'x'.repeat(1_100_000)}`}\n`);
        break;
      case 'crlf':
        out[rel] = toBytes(text.replace(/\r?\n/g, '\r\n'));
        break;
      case 'bom':
        out[rel] = m.utf16 ? utf16le(`\uFEFF${text}`) : new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
        break;
      case 'drop':
        delete out[rel];
        break;
      case 'rename':
        delete out[rel];
        out[m.to] = bytes;
        break;
    }
  }
  return out;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}
