import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnose, placed, problem, type Problem } from '../../diagnostics/diagnose.ts';
import { bodyOffset, NarrativeLimit, parseNarrative, inspectTree, type UnknownNode } from './render.ts';
import { positionAt } from '../yaml-source.ts';

interface Found extends Problem {
  /** Offset in the narrative body. */
  offset: number;
}

/**
 * Checks an MDX narrative with the parser the site renders it with (satteri, render.ts), so
 * `validate` says everything the site will do with it: a syntax error, an import or export, an
 * expression (in text or in an attribute), a spread attribute or a component is an error at its line;
 * each element, attribute or link the sanitiser will remove from the page is a warning at its line.
 * Nothing is compiled or run: the site renders the same body to HTML in core, never as code.
 */
export function checkNarrative(file: string, text: string, bodyStart: number): Diagnostic[] {
  const body = text.slice(bodyStart);
  let tree: UnknownNode;
  try {
    tree = parseNarrative(body);
  } catch (e) {
    if (e instanceof NarrativeLimit) {
      return [placed(file, positionAt(text, bodyStart + bodyOffset(body, e.at.line, e.at.column)), e.found)];
    }
    return [syntaxError(file, text, bodyStart, String((e as Error).message))];
  }
  const found: Found[] = [];
  collect(tree, found, body);
  const at = (offset: number) => positionAt(text, bodyStart + offset);
  const errors: Diagnostic[] = found.map((f) => placed(file, at(f.offset), f));
  const warnings: Diagnostic[] = inspectTree(tree).removed.map((r) => diagnose(file, at(bodyOffset(body, r.line, r.column)), 'narrative-removed', r.removed));
  return [...errors, ...warnings];
}

function collect(node: UnknownNode, found: Found[], body: string): void {
  const offset = node.position?.start.offset ?? 0;
  switch (node.type) {
    case 'mdxjsEsm': {
      const line = String(node.value ?? '').split('\n')[0] ?? '';
      found.push({ offset, ...problem('mdx-esm', { keyword: line.split(/\s/)[0] ?? '' }) });
      return;
    }
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (!isComment(String(node.value ?? ''))) found.push(expression(String(node.value ?? ''), offset));
      return;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      if (isComponent(node.name)) found.push(component(String(node.name), offset));
      for (const a of node.attributes ?? []) {
        // Attributes carry no position: find their text inside the element's opening tag.
        const near = (...needles: string[]) => {
          for (const needle of needles) {
            const i = body.indexOf(needle, offset);
            if (i !== -1) return i;
          }
          return offset;
        };
        if (a.type === 'mdxJsxExpressionAttribute') {
          found.push({ offset: near(`{${String(a.value ?? '')}`, '{'), ...problem('mdx-expression', { in: 'spread', tag: String(node.name), value: String(a.value ?? '') }) });
        } else if (a.value !== null && a.value !== undefined && typeof a.value !== 'string') {
          const value = String((a.value as { value?: unknown }).value ?? '');
          found.push({ offset: near(`${a.name}=`), ...problem('mdx-expression', { in: 'attribute', tag: String(node.name), attribute: String(a.name), value }) });
        }
      }
  }
  for (const child of node.children ?? []) collect(child, found, body);
}

/** `{/* a note *\/}` is how MDX writes a comment (its own error messages recommend it); it holds no code. */
function isComment(value: string): boolean {
  return /^\s*(?:\/\*(?:(?!\*\/)[\s\S])*\*\/\s*)+$/.test(value);
}

function expression(value: string, offset: number): Found {
  return { offset, ...problem('mdx-expression', { in: 'text', value }) };
}

function component(name: string, offset: number): Found {
  return { offset, ...problem('mdx-component', { name }) };
}

/** Capitalised or dotted names are components; lower-case names are HTML, which the site sanitises. */
function isComponent(name: unknown): boolean {
  return typeof name === 'string' && /^[A-Z]|[.:]/.test(name);
}

function syntaxError(file: string, text: string, bodyStart: number, raw: string): Diagnostic {
  const m = /^(\d+):(\d+):\s*([\s\S]*?)(?:\s*\([a-z-]+:[a-z-]+\))?\s*$/.exec(raw);
  const start = positionAt(text, bodyStart);
  const line = m ? start.line + Number(m[1]) - 1 : start.line;
  const column = m ? (Number(m[1]) === 1 ? start.column - 1 : 0) + Number(m[2]) : start.column;
  const reason = (m?.[3] ?? raw).replace(/\.$/, '');
  return diagnose(file, { line, column }, 'mdx-syntax', { reason });
}
