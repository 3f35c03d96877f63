import { describe, expect, it } from 'vitest';
import { readPlansFolder } from '../src/core/files.ts';
import { parseFile } from '../src/core/parse.ts';
import { indexPositions } from '../src/core/positions.ts';
import { YamlSource } from '../src/core/source.ts';
import type { PathSegment } from '../src/core/diagnostics.ts';

/** Every path into a value: each key of each mapping and each item of each list, and some that do not exist. */
function allPaths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...allPaths(item, [...prefix, i])));
    out.push([...prefix, value.length]);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
    out.push([...prefix, 'no_such_key']);
  }
  return out;
}

const files = [...readPlansFolder('plans'), ...readPlansFolder('tests/fixtures/minimal')];

describe('the fast position index agrees with the yaml document on every field', () => {
  it.each(files.map((f) => ({ name: f.display, f })))('$name', ({ f }) => {
    const parsed = parseFile(f.display, f.bytes, f.rel.endsWith('.mdx') ? 'mdx' : 'yaml');
    const source = parsed.source;
    expect(indexPositions(source.text)).toBeDefined();
    const slow = new YamlSource(f.display, source.text);
    for (const path of allPaths(parsed.data)) {
      for (const target of ['value', 'key'] as const) {
        expect(source.locate(path, target), `${path.join('.')} (${target})`).toEqual(slow.locateWithDocument(path, target));
      }
    }
  });

  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['an explicit key', '? a\n: 1\n'],
  ])('leaves %s to the yaml document', (_name, text) => {
    expect(indexPositions(text)).toBeUndefined();
  });

  it.each([
    ['comments and blank lines', '# head\n\na: 1 # one\n\n# mid\nb:\n  # inside\n  - x\n', ['b', 0], { line: 8, column: 5 }],
    ['an empty value points at its key', 'a:\nb: 2\n', ['a'], { line: 1, column: 1 }],
    ['a flow mapping inside a list', 'l:\n  - { x: 1, y: [2, 3] }\n', ['l', 0, 'y', 1], { line: 2, column: 20 }],
    ['an explicit null points at the value', 'a: ~\nb: 2\n', ['a'], { line: 1, column: 4 }],
    ['a quoted value with a hash', 'a: "x # y"\nb: 1\n', ['b'], { line: 2, column: 4 }],
    ['a multi-line block scalar', 'a: |\n  one\n  two\nb: 1\n', ['b'], { line: 4, column: 4 }],
  ])('%s', (_name, text, path, expected) => {
    const source = new YamlSource('x.yaml', text);
    expect(source.locate(path as PathSegment[])).toEqual(expected);
    expect(source.locateWithDocument(path as PathSegment[])).toEqual(expected);
  });
});

describe('positions stay inside the text and values are read as written', () => {
  it.each([
    ['the end of a text with a final line break is its last line', 'a: 1\nb: [\n', ['b', 0], { line: 2, column: 4 }],
    ['a key deep in a big mapping', `${Array.from({ length: 5000 }, (_, i) => `k${i}: ${i}\n`).join('')}`, ['k4999'], { line: 5000, column: 8 }],
    ['a key deep in a big mapping with an anchor', `x: &a 1\n${Array.from({ length: 5000 }, (_, i) => `k${i}: *a\n`).join('')}`, ['k4999'], { line: 5001, column: 8 }],
  ])('%s', (_name, text, path, expected) => {
    expect(new YamlSource('x.yaml', text).locate(path as PathSegment[])).toEqual(expected);
  });

  it.each([
    ['leading zeros', 'id: 00123\n', ['id'], '00123'],
    ['an exponent in a flow mapping', 'm: { n: 1e3, o: 2 }\n', ['m', 'n'], '1e3'],
    ['a hex number before a comment', 'n: 0x1F # hex\n', ['n'], '0x1F'],
    ['a quoted value is not plain', 'n: "12"\n', ['n'], undefined],
  ])('rawScalar: %s', (_name, text, path, expected) => {
    expect(new YamlSource('x.yaml', text).rawScalar(path as PathSegment[])).toBe(expected);
  });
});
