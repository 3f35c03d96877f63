import { isScalar, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readPlansFolder, type PlansFile } from '../src/core/load/files.ts';
import { loadWorkspace } from '../src/core/load/workspace.ts';
import { positionAt } from '../src/core/load/yaml-source.ts';

/**
 * For every file of the example organisation: take its most deeply nested value,
 * replace it with a mapping (wrong for every scalar field), and check that the one
 * error reported sits on that value's own line and column.
 */
const example = readPlansFolder('plans');

interface Break {
  rel: string;
  field: string;
  text: string;
  line: number;
  column: number;
}

function breakDeepestField(file: PlansFile): Break | undefined {
  const text = new TextDecoder().decode(file.bytes);
  const fence = file.rel.endsWith('.mdx') ? text.indexOf('\n---', 3) : -1;
  const start = file.rel.endsWith('.mdx') ? text.indexOf('\n') + 1 : 0;
  const yamlText = fence === -1 ? text : text.slice(start, fence + 1);
  let best: { depth: number; range: [number, number]; path: string } | undefined;
  visit(parseDocument(yamlText), {
    Scalar(key, node, path) {
      if (key === 'key' || !isScalar(node) || !node.range) return;
      const depth = path.length;
      if (!best || depth > best.depth) best = { depth, range: [node.range[0], node.range[1]], path: String(node.value) };
    },
  });
  if (!best || best.depth < 4) return undefined;
  const [from, to] = best.range;
  const broken = `${text.slice(0, start + from)}{ broken: true }${text.slice(start + to)}`;
  return { rel: file.rel, field: best.path, text: broken, ...positionAt(broken, start + from) };
}

const cases = example.map(breakDeepestField).filter((b): b is Break => b !== undefined);

describe('a broken nested field is reported on its own line, in every example file', () => {
  it('covers every account plan of the example', () => {
    expect(cases.filter((c) => c.rel.startsWith('accounts/')).length).toBe(example.filter((f) => f.rel.startsWith('accounts/')).length);
  });

  it.each(cases.map((c) => ({ ...c, name: `${c.rel} (value "${c.field}")` })))('$name', ({ rel, text, line, column }) => {
    const files = example.map((f) => (f.rel === rel ? { ...f, bytes: new TextEncoder().encode(text) } : f));
    const errors = loadWorkspace(files).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: `plans/${rel}`, line, column });
  });
});
