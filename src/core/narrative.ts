import { defineMdastPlugin, mdxToJs } from 'satteri';
import type { Diagnostic } from './diagnostics.ts';
import { positionAt } from './source.ts';

interface Construct {
  code: 'mdx-expression' | 'mdx-esm' | 'mdx-component';
  /** Text to find in the narrative, to locate the construct. */
  needle: string;
  message: string;
}

/**
 * An MDX narrative is compiled into the site, so it is checked with the same compiler
 * Astro uses (Sätteri) when the plans are validated, not only when the site is built:
 * a syntax error would otherwise pass `check` and break the build of main, and an
 * expression, import or component would run as code on the build machine.
 */
export function checkNarrative(file: string, text: string, bodyStart: number): Diagnostic[] {
  const body = text.slice(bodyStart);
  const found: Construct[] = [];
  const plugin = defineMdastPlugin({
    name: 'account-plans-narrative-check',
    mdxjsEsm(node) {
      const line = String(node.value ?? '').split('\n')[0] ?? '';
      found.push({ code: 'mdx-esm', needle: line, message: `The narrative has an "${line.split(/\s/)[0]}" statement, which would run as code when the site is built. Remove it: narratives are Markdown.` });
    },
    mdxFlowExpression(node) {
      found.push(expression(String(node.value ?? '')));
    },
    mdxTextExpression(node) {
      found.push(expression(String(node.value ?? '')));
    },
    mdxJsxFlowElement(node) {
      if (isComponent(node.name)) found.push(component(String(node.name)));
    },
    mdxJsxTextElement(node) {
      if (isComponent(node.name)) found.push(component(String(node.name)));
    },
  });
  try {
    mdxToJs(body, { mdastPlugins: [plugin] });
  } catch (e) {
    return [syntaxError(file, text, bodyStart, String((e as Error).message))];
  }
  let from = 0;
  return found.map((c) => {
    const index = body.indexOf(c.needle, from);
    if (index !== -1) from = index + c.needle.length;
    return { file, ...positionAt(text, bodyStart + Math.max(index, 0)), severity: 'error', code: c.code, message: c.message };
  });
}

function expression(value: string): Construct {
  const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
  return {
    code: 'mdx-expression',
    needle: `{${value}}`,
    message: `"{${shown}}" is an MDX expression, which would run as code when the site is built. Write \\{ and \\} for literal braces, or put code in backticks.`,
  };
}

function component(name: string): Construct {
  return { code: 'mdx-component', needle: `<${name}`, message: `<${name}> is a component, and plan narratives have none: the site build would fail. Use Markdown, or plain HTML such as <b> or <table>.` };
}

/** Capitalised or dotted names are components; lower-case names are HTML, which the site sanitises. */
function isComponent(name: unknown): boolean {
  return typeof name === 'string' && /^[A-Z]|\./.test(name);
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
