// @ts-check
/**
 * Plan narratives are MDX, and MDX passes HTML through as live elements: a `<script>` or an
 * `onerror=` written in a plan would run in every reader's browser. This Sätteri hast plugin
 * (wired in astro.config.mjs) replaces such elements with a visible note, so the narrative keeps
 * Markdown, tables, links and harmless HTML, and runs nothing.
 */
const BLOCKED = new Set(['script', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'frame', 'frameset', 'svg', 'math', 'template']);

/** @param {string} name @param {unknown} value */
function isDangerousAttribute(name, value) {
  if (/^on/i.test(name)) return true;
  if (/^(set:html|dangerouslySetInnerHTML)$/i.test(name)) return true;
  return typeof value === 'string' && /^\s*(javascript|vbscript|data):/i.test(value);
}

/** @param {any} node */
function isDangerous(node) {
  if (node.type === 'element') {
    if (BLOCKED.has(String(node.tagName).toLowerCase())) return true;
    return Object.entries(node.properties ?? {}).some(([k, v]) => isDangerousAttribute(k, Array.isArray(v) ? v.join(' ') : v));
  }
  const name = String(node.name ?? '');
  if (BLOCKED.has(name.toLowerCase())) return true;
  // Expression attributes ({...}) are code: refuse them rather than guess what they evaluate to.
  return (node.attributes ?? []).some((a) => a.type !== 'mdxJsxAttribute' || isDangerousAttribute(a.name, a.value) || (a.value !== null && typeof a.value === 'object'));
}

/** @param {any} node */
function neutralise(node) {
  if (!isDangerous(node)) return undefined;
  const name = node.type === 'element' ? node.tagName : node.name;
  return { type: 'text', value: `[a <${name}> element was removed from this narrative: plans may not run code]` };
}

/**
 * The narrative sits under the account page's own h1 and a "Narrative" h2, so its headings move two
 * levels down (# becomes h3) to keep one h1 per page and an outline screen readers can follow.
 * @param {any} node
 */
function demoteHeading(node) {
  const level = Number(String(node.tagName).slice(1));
  return { ...node, tagName: `h${Math.min(level + 2, 6)}` };
}

export const narrativeSafety = {
  name: 'account-plans-narrative-safety',
  // An empty filter visits every node of the kind.
  element: [
    { filter: [], visit: neutralise },
    { filter: ['h1', 'h2', 'h3', 'h4'], visit: demoteHeading },
  ],
  mdxJsxFlowElement: { filter: [], visit: neutralise },
  mdxJsxTextElement: { filter: [], visit: neutralise },
};
