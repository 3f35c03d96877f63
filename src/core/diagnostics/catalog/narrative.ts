import type { CatalogEntry } from './entry.ts';

/** Narratives. */
export const NARRATIVE = {
  'mdx-syntax': { severity: 'error', meaning: 'A narrative cannot be parsed as MDX.' },
  'mdx-expression': { severity: 'error', meaning: 'A narrative holds an MDX expression ({...}), which is code.' },
  'mdx-esm': { severity: 'error', meaning: 'A narrative holds an import or export statement, which is code.' },
  'mdx-component': { severity: 'error', meaning: 'A narrative uses a component (<Chart />); narratives have none.' },
  'narrative-too-deep': { severity: 'error', meaning: 'A narrative nests lists, quotes or elements more than 100 levels deep.' },
  'narrative-too-long': { severity: 'error', meaning: 'A narrative is over 100,000 characters, or a paragraph of it over 8,000 without a blank line.' },
  'narrative-too-many-braces': { severity: 'error', meaning: 'A narrative holds more than 8 unescaped "{", which the MDX parser takes exponential time over.' },
  'narrative-removed': { severity: 'warning', meaning: 'An element or attribute of a narrative is removed from the site.' },
  'narrative-image-remote': { severity: 'error', meaning: 'A narrative image is a URL, not a file in the plans folder.' },
  'narrative-image-missing': { severity: 'error', meaning: 'A narrative image path names no readable image file.' },
  'narrative-image-outside': { severity: 'error', meaning: 'A narrative image path leads outside the plans folder.' },
  'narrative-image-too-large': { severity: 'error', meaning: 'A narrative image is over the size limit.' },
  'narrative-image-type': { severity: 'error', meaning: 'A narrative image is not a PNG, JPEG, GIF, WebP or AVIF (SVG included).' },
} as const satisfies Record<string, CatalogEntry>;
