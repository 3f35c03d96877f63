import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { bodyOffset, NarrativeLimit, parseNarrative, inspectTree, type UnknownNode } from './render.ts';
import { positionAt } from '../yaml-source.ts';

interface Found {
  code: 'mdx-expression' | 'mdx-esm' | 'mdx-component';
  /** Offset in the narrative body. */
  offset: number;
  message: string;
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
      return [{ file, ...positionAt(text, bodyStart + bodyOffset(body, e.at.line, e.at.column)), severity: 'error', code: e.code, message: e.message }];
    }
    return [syntaxError(file, text, bodyStart, String((e as Error).message))];
  }
  const found: Found[] = [];
  collect(tree, found, body);
  const at = (offset: number) => positionAt(text, bodyStart + offset);
  const errors: Diagnostic[] = found.map((f) => ({ file, ...at(f.offset), severity: 'error', code: f.code, message: f.message }));
  const warnings: Diagnostic[] = inspectTree(tree).removed.map((r) => ({
    file,
    ...at(bodyOffset(body, r.line, r.column)),
    severity: 'warning',
    code: 'narrative-removed',
    message: r.message,
  }));
  return [...errors, ...warnings];
}

function collect(node: UnknownNode, found: Found[], body: string): void {
  const offset = node.position?.start.offset ?? 0;
  switch (node.type) {
    case 'mdxjsEsm': {
      const line = String(node.value ?? '').split('\n')[0] ?? '';
      found.push({ code: 'mdx-esm', offset, message: `The narrative has an "${line.split(/\s/)[0]}" statement, which would run as code when the site is built. Remove it: narratives are Markdown.` });
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
          found.push({ code: 'mdx-expression', offset: near(`{${String(a.value ?? '')}`, '{'), message: `<${node.name} {${shorten(String(a.value ?? ''))}}> spreads an expression into the element's attributes, which is code. Write each attribute as name="value".` });
        } else if (a.value !== null && a.value !== undefined && typeof a.value !== 'string') {
          const value = String((a.value as { value?: unknown }).value ?? '');
          found.push({ code: 'mdx-expression', offset: near(`${a.name}=`), message: `The attribute ${a.name}={${shorten(value)}} of <${node.name}> is an MDX expression, which is code. Write a literal value in quotes: ${a.name}="...".` });
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
  return {
    code: 'mdx-expression',
    offset,
    message: `"{${shorten(value)}}" is an MDX expression, which would run as code when the site is built. Write \\{ and \\} for literal braces, or put code in backticks.`,
  };
}

function component(name: string, offset: number): Found {
  return { code: 'mdx-component', offset, message: `<${name}> is a component, and plan narratives have none: the site build would fail. Use Markdown, or plain HTML such as <b> or <table>.` };
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
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
  return {
    file,
    line,
    column,
    severity: 'error',
    code: 'mdx-syntax',
    message: `The narrative is not valid MDX here, so the site cannot be built: ${reason}. A literal "<" or "{" is written "\\<" or "\\{".`,
  };
}
