import type { Schema } from 'hast-util-sanitize';

/**
 * Exactly what a narrative needs, and nothing else: the elements Markdown produces (headings already
 * moved two levels down, paragraphs, lists, emphasis, code, quotes, GFM tables, task lists,
 * strikethrough, footnotes), links, images from the plans folder, and a few harmless HTML elements
 * authors reach for (details, sub, sup, kbd, abbr). Everything not listed is removed by
 * hast-util-sanitize; `validate` reports each removal at its line (narrative.ts).
 */
const TEXT = ['p', 'br', 'hr', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'kbd', 'abbr', 'span', 'div'];
const BLOCKS = ['h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'details', 'summary', 'figure', 'figcaption', 'section'];
const TABLES = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];

/** Elements removed together with their content: what is inside is code, or text no reader should see. */
export const STRIPPED = ['script', 'style', 'noscript', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'template', 'svg', 'math', 'object', 'embed', 'select', 'head'];

export const NARRATIVE_SCHEMA: Schema = {
  tagNames: [...TEXT, ...BLOCKS, ...TABLES, 'a', 'img', 'input'],
  attributes: {
    a: ['href', 'title', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel', 'id', ['className', 'data-footnote-backref']],
    // An author's anchor (prefixed, see clobber); the footnotes heading carries a class too.
    h3: ['id'],
    h4: ['id', ['className', 'sr-only']],
    h5: ['id'],
    h6: ['id'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    // GFM task lists: a disabled checkbox, nothing a form could submit.
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    li: [['className', 'task-list-item'], 'id'],
    ul: [['className', 'contains-task-list']],
    ol: ['start', 'reversed'],
    code: [['className', /^language-[\w+-]+$/]],
    th: ['align', 'colSpan', 'rowSpan', 'scope'],
    td: ['align', 'colSpan', 'rowSpan'],
    section: ['dataFootnotes', ['className', 'footnotes']],
    sup: [],
    abbr: ['title'],
    details: ['open'],
    '*': ['title'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  // An id from a narrative could take over one of the page's own (#narrative, #findings): prefix them.
  clobber: ['ariaDescribedBy', 'ariaLabelledBy', 'id', 'name'],
  clobberPrefix: 'user-content-',
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  strip: STRIPPED,
  allowComments: false,
  allowDoctypes: false,
};
