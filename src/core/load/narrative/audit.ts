import type { Element, ElementContent, Root } from 'hast';
import type { Removed } from '../../diagnostics/catalog/narrative.ts';
import { NARRATIVE_SCHEMA, STRIPPED } from './schema.ts';
import { propertyInformation } from '../lazy.ts';

/** Something the sanitiser will take out of a narrative, where it was written (1-based, in the body). */
export interface Removal {
  line: number;
  column: number;
  /** What is removed: the data of its narrative-removed diagnostic. */
  removed: Removed;
}

type Definition = string | [string, ...(string | number | boolean | RegExp | null | undefined)[]];

const TAGS = new Set(NARRATIVE_SCHEMA.tagNames ?? []);
const ATTRIBUTES = new Map<string, readonly Definition[]>(Object.entries(NARRATIVE_SCHEMA.attributes ?? {}) as [string, Definition[]][]);

/**
 * Walks the tree the way hast-util-sanitize will, with the same schema, and lists what it will remove,
 * so `validate` can tell the author at the line instead of the site dropping it silently. The
 * sanitiser, not this list, decides what is published: this only explains it.
 */
export function auditNarrative(tree: Root): Removal[] {
  const out: Removal[] = [];
  const visit = (nodes: readonly (ElementContent | Root["children"][number])[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const at = node.position?.start ?? { line: 1, column: 1 };
      if (!TAGS.has(node.tagName)) {
        const stripped = STRIPPED.includes(node.tagName);
        out.push({
          line: at.line,
          column: at.column,
          removed: { what: 'element', tag: node.tagName, stripped },
        });
        if (stripped) continue;
      } else {
        for (const [property, value] of Object.entries(node.properties)) {
          if (value === undefined || value === null || value === false) continue;
          if (!allowed(node, property, value)) {
            const { find, html: htmlInfo } = propertyInformation();
            const attribute = find(htmlInfo, property).attribute;
            out.push({
              line: at.line,
              column: at.column,
              removed: { what: 'attribute', tag: node.tagName, attribute, value: Array.isArray(value) ? value.join(' ') : String(value) },
            });
          }
        }
      }
      visit(node.children);
    }
  };
  visit(tree.children);
  return out;
}

function allowed(node: Element, property: string, value: unknown): boolean {
  const definitions = [...(ATTRIBUTES.get(node.tagName) ?? []), ...(ATTRIBUTES.get('*') ?? [])];
  const definition = definitions.find((d) => (typeof d === 'string' ? d : d[0]) === property);
  if (definition === undefined) return false;
  if (typeof definition === 'string' || definition.length === 1) return true;
  const values = definition.slice(1);
  const items = Array.isArray(value) ? value : [value];
  return items.every((item) => values.some((v) => (v instanceof RegExp ? typeof item === 'string' && v.test(item) : v === item)));
}
