import type { Element, ElementContent, Properties, Root } from 'hast';
import { auditNarrative, type Removal } from './audit.ts';
import { NARRATIVE_SCHEMA } from './schema.ts';
import { narrativeHref } from './url.ts';
import { hastSanitize, hastToHtml, propertyInformation, satteri } from '../lazy.ts';
import { problem, type Problem } from '../../diagnostics/diagnose.ts';

/** A position inside the narrative body, 1-based, as satteri reports it. */
export interface BodyPoint {
  line: number;
  column: number;
}

/** An image the narrative shows, with where it is written. */
export interface ImageRef extends BodyPoint {
  src: string;
}

export interface RenderOptions {
  /**
   * The URL to publish for an image path written in the narrative, or undefined to drop the image.
   * Without it, image paths are kept as written (validate checks them separately, images.ts).
   */
  image?: (src: string) => string | undefined;
}

export interface RenderedNarrative {
  html: string;
  /** What the sanitiser removed, for validate to report. */
  removed: Removal[];
  images: ImageRef[];
}

/** Markdown features as Astro's own MDX pipeline had them, so narratives look as they did. */
const FEATURES = { gfm: true, smartPunctuation: true } as const;

/** Deeper than any narrative needs; the walks below recurse once per level and would run out of stack near 1,000. */
export const MAX_NARRATIVE_DEPTH = 100;
/**
 * satteri's time grows with the square of a paragraph's length when it holds many quotes, dashes or
 * character references (64 KB of `"a` takes seconds, then fails). Bounding each run of lines between
 * blank lines, and the whole narrative, keeps validate to seconds; both are far above a readable page.
 */
export const MAX_NARRATIVE_CHARS = 100_000;
export const MAX_BLOCK_CHARS = 8_000;
/**
 * Each "{" is an expression to satteri, and its time doubles or more with each one nested in JSX
 * (`<i>{<b>` twelve times: seconds; sixteen: hours). Expressions are errors in a narrative anyway, and
 * a comment or two stays well below this; a literal brace is written \{.
 */
export const MAX_NARRATIVE_BRACES = 8;

/** A narrative refused before or while parsing for its size or depth, at the place to fix. */
export class NarrativeLimit extends Error {
  readonly at: BodyPoint;
  /** The diagnostic: narrative-too-deep, narrative-too-long or narrative-too-many-braces, with its message. */
  readonly found: Problem;
  constructor(at: BodyPoint, found: Problem) {
    super(found.message);
    this.at = at;
    this.found = found;
  }
}

/**
 * Parses an MDX narrative with satteri. Throws on a syntax error (validate reports it as mdx-syntax),
 * and NarrativeLimit for a narrative too long to parse in linear time, or nested so deep that a
 * recursive walk would run out of stack (`> > > …`, `<b><b><b>…`), checked here without recursion.
 */
export function parseNarrative(body: string): UnknownNode {
  checkLength(body);
  const tree = satteri().mdxToHast(body, { features: FEATURES }) as unknown as UnknownNode;
  const stack: [UnknownNode, number, BodyPoint][] = [[tree, 0, { line: 1, column: 1 }]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth, above] = item;
    const at = node.position ? { line: node.position.start.line, column: node.position.start.column } : above;
    if (depth > MAX_NARRATIVE_DEPTH) {
      throw new NarrativeLimit(at, problem('narrative-too-deep', { max: MAX_NARRATIVE_DEPTH }));
    }
    // Pushed last to first, so the first element past the limit in reading order is the one reported.
    for (const child of [...(node.children ?? [])].reverse()) stack.push([child, depth + 1, at]);
  }
  return tree;
}

/**
 * Renders a narrative to HTML that runs nothing: MDX parsed by satteri (no code is compiled or
 * evaluated), JSX elements with literal attributes turned into plain elements, expressions, imports
 * and components dropped (validate refuses them), headings moved two levels down, link URLs judged
 * after the browser's normalisation, then hast-util-sanitize with an allow-list schema.
 */
export function renderNarrative(body: string, options: RenderOptions = {}): RenderedNarrative {
  return renderTree(parseNarrative(body), options);
}

function checkLength(body: string): void {
  if (body.length > MAX_NARRATIVE_CHARS) {
    throw new NarrativeLimit({ line: 1, column: 1 }, problem('narrative-too-long', { of: 'narrative', length: body.length, max: MAX_NARRATIVE_CHARS }));
  }
  checkBraces(body);
  let line = 1;
  let start = 0; // line where the current run of non-blank lines began, 0 when between runs
  let size = 0;
  for (const text of body.split('\n')) {
    if (text.trim() === '') start = 0;
    else {
      if (start === 0) [start, size] = [line, 0];
      size += text.length + 1;
      if (size > MAX_BLOCK_CHARS) {
        throw new NarrativeLimit({ line: start, column: 1 }, problem('narrative-too-long', { of: 'paragraph', max: MAX_BLOCK_CHARS }));
      }
    }
    line++;
  }
}

function checkBraces(body: string): void {
  let count = 0;
  let escaped = false; // after an odd run of backslashes: "\\{" is a backslash and a real brace
  let first = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{' && !escaped && ++count === 1) first = i;
    escaped = c === '\\' && !escaped;
  }
  if (count <= MAX_NARRATIVE_BRACES) return;
  const before = body.slice(0, first);
  const at = { line: before.split('\n').length, column: first - before.lastIndexOf('\n') };
  throw new NarrativeLimit(at, problem('narrative-too-many-braces', { count, max: MAX_NARRATIVE_BRACES }));
}

/** Renders a tree parseNarrative returned. */
export function renderTree(parsed: UnknownNode, options: RenderOptions = {}): RenderedNarrative {
  const { tree, removed, images } = prepare(parsed, options);
  return { html: hastToHtml().toHtml(hastSanitize().sanitize(tree, NARRATIVE_SCHEMA)), removed, images };
}

/**
 * What rendering a tree would remove and which images it shows, without producing the HTML:
 * validate parses each narrative once and inspects the same tree the site renders.
 */
export function inspectTree(parsed: UnknownNode): Omit<RenderedNarrative, 'html'> {
  const { removed, images } = prepare(parsed, {});
  return { removed, images };
}

function prepare(parsed: UnknownNode, options: RenderOptions): { tree: Root } & Omit<RenderedNarrative, 'html'> {
  const ctx: Context = { images: [], removed: [], options };
  const tree: Root = { type: 'root', children: convertChildren(parsed.children, ctx, { line: 1, column: 1 }) };
  const removed = [...ctx.removed, ...auditNarrative(tree)].sort((a, b) => a.line - b.line || a.column - b.column);
  return { tree, removed, images: ctx.images };
}

/** The offset in the body of a 1-based line and column satteri reported (UTF-16 units, like JavaScript strings). */
export function bodyOffset(body: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = body.indexOf('\n', offset);
    if (next === -1) return body.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** A node of satteri's tree: hast, plus MDX's own node types. */
export interface UnknownNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: unknown;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: UnknownNode[];
  position?: { start: BodyPoint & { offset?: number } };
}

interface Context {
  images: ImageRef[];
  removed: Removal[];
  options: RenderOptions;
}

function convertChildren(nodes: readonly UnknownNode[] | undefined, ctx: Context, at: BodyPoint): ElementContent[] {
  return (nodes ?? []).flatMap((n) => convert(n, ctx, at));
}

/** `at` is the nearest position above: generated nodes (table rows, footnotes) carry none of their own. */
function convert(node: UnknownNode, ctx: Context, at: BodyPoint): ElementContent[] {
  const start = node.position ? { line: node.position.start.line, column: node.position.start.column } : at;
  const position = { start, end: start };
  if (node.type === 'text') return [{ type: 'text', value: String(node.value ?? '') }];
  if (node.type === 'element' && typeof node.tagName === 'string') {
    return [finish(node.tagName.toLowerCase(), markdownProperties(node), node, ctx, position)];
  }
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    // A fragment (<>…</>) is only its children.
    if (node.name === null || node.name === undefined || node.name === '') return convertChildren(node.children, ctx, start);
    // Components (capitalised or dotted names) are validate errors; the site shows nothing for them.
    if (/^[A-Z]|[.:]/.test(node.name)) return [];
    return [finish(node.name.toLowerCase(), jsxProperties(node), node, ctx, position)];
  }
  // Expressions, imports and exports, comments, raw HTML and anything unknown: never published.
  return [];
}

function finish(tagName: string, properties: Properties, node: UnknownNode, ctx: Context, position: { start: BodyPoint; end: BodyPoint }): Element {
  const heading = /^h([1-6])$/.exec(tagName);
  // The narrative sits under the page's h1 and a "Narrative" h2: # becomes h3, keeping one outline.
  const name = heading ? `h${Math.min(Number(heading[1]) + 2, 6)}` : tagName;
  if (typeof properties['href'] === 'string') {
    const href = narrativeHref(properties['href']);
    if (href === undefined) {
      ctx.removed.push({ ...position.start, removed: { what: 'link', tag: name, href: properties['href'] } });
      delete properties['href'];
    } else properties['href'] = href;
  }
  if (name === 'img' && typeof properties['src'] === 'string') {
    const src = properties['src'];
    ctx.images.push({ src, ...position.start });
    if (ctx.options.image) {
      const url = ctx.options.image(src);
      if (url === undefined) delete properties['src'];
      else properties['src'] = url;
    }
  }
  return { type: 'element', tagName: name, properties, children: convertChildren(node.children, ctx, position.start), position };
}

/**
 * Markdown's own output, adjusted to the schema: table alignment as `align` rather than a style
 * attribute (narratives may not style), and footnote ids without the prefix the sanitiser adds again.
 */
function markdownProperties(node: UnknownNode): Properties {
  const properties = { ...(node.properties as Properties) };
  const align = /^text-align:\s*(left|right|center);?$/.exec(String(properties['style'] ?? ''));
  if (align && (node.tagName === 'th' || node.tagName === 'td')) {
    delete properties['style'];
    properties['align'] = align[1]!;
  }
  for (const key of ['id', 'ariaDescribedBy']) {
    const value = properties[key];
    if (typeof value === 'string' && value.startsWith('user-content-')) properties[key] = value.slice('user-content-'.length);
  }
  return properties;
}

/** Literal JSX attributes as hast properties; expression and spread attributes are left out (validate errors). */
function jsxProperties(node: UnknownNode): Properties {
  const properties: Properties = {};
  for (const a of node.attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute' || typeof a.name !== 'string') continue;
    if (a.value !== null && a.value !== undefined && typeof a.value !== 'string') continue;
    const { find, html: htmlInfo } = propertyInformation();
    const info = find(htmlInfo, a.name);
    const value = a.value ?? '';
    if (a.value === null || info.boolean) properties[info.property] = true;
    else if (info.spaceSeparated) properties[info.property] = value.split(/[ \t\n\f\r]+/).filter(Boolean);
    else if (info.commaSeparated) properties[info.property] = value.split(',').map((v) => v.trim());
    else properties[info.property] = value;
  }
  return properties;
}
