import type { CatalogEntry } from './entry.ts';

/** Narratives (the MDX body of an .mdx plan, and the images it shows). `src` is an image's path as the narrative writes it. */
export const NARRATIVE = {
  'mdx-syntax': {
    severity: 'error',
    meaning: 'A narrative cannot be parsed as MDX.',
    message: ({ reason }: { reason: string }) => `The narrative is not valid MDX here, so the site cannot be built: ${reason}. A literal "<" or "{" is written "\\<" or "\\{".`,
  },
  'mdx-expression': {
    severity: 'error',
    meaning: 'A narrative holds an MDX expression ({...}), which is code.',
    message: (data: MdxExpression) => mdxExpression(data),
  },
  'mdx-esm': {
    severity: 'error',
    meaning: 'A narrative holds an import or export statement, which is code.',
    message: ({ keyword }: { keyword: string }) =>
      `The narrative has an "${keyword}" statement, which would run as code when the site is built. Remove it: narratives are Markdown.`,
  },
  'mdx-component': {
    severity: 'error',
    meaning: 'A narrative uses a component (<Chart />); narratives have none.',
    message: ({ name }: { name: string }) =>
      `<${name}> is a component, and plan narratives have none: the site build would fail. Use Markdown, or plain HTML such as <b> or <table>.`,
  },
  'narrative-too-deep': {
    severity: 'error',
    meaning: 'A narrative nests lists, quotes or elements more than 100 levels deep.',
    message: ({ max }: { max: number }) => `The narrative nests quotes, lists or elements more than ${max} levels deep here, far deeper than any plan. Flatten it.`,
  },
  'narrative-too-long': {
    severity: 'error',
    meaning: 'A narrative is over 100,000 characters, or a paragraph of it over 8,000 without a blank line.',
    message: (data: { of: 'narrative'; length: number; max: number } | { of: 'paragraph'; max: number }) =>
      data.of === 'narrative'
        ? `The narrative is ${data.length} characters long; a narrative is at most ${data.max} (about 15,000 words). Keep the plan's story here and link to longer documents.`
        : `This paragraph runs over ${data.max} characters without a blank line, longer than the site's Markdown parser handles quickly. Split it with blank lines.`,
  },
  'narrative-too-many-braces': {
    severity: 'error',
    meaning: 'A narrative holds more than 8 unescaped "{", which the MDX parser takes exponential time over.',
    message: ({ count, max }: { count: number; max: number }) =>
      `The narrative has ${count} "{", each the start of MDX code to the parser, which slows down beyond use past ${max}. Narratives hold no code: write \\{ for a literal brace, and keep at most ${max} {/* comments */}.`,
  },
  'narrative-removed': {
    severity: 'warning',
    meaning: 'An element or attribute of a narrative is removed from the site.',
    message: (data: Removed) => removed(data),
  },
  'narrative-image-remote': {
    severity: 'error',
    meaning: 'A narrative image is a URL, not a file in the plans folder.',
    message: ({ src, scheme }: { src: string; scheme: string | undefined }) =>
      scheme === undefined || scheme === 'http' || scheme === 'https'
        ? `The image ${JSON.stringify(src)} is on another server. The site publishes only images kept in the plans folder, because a remote image tells its server who reads the plan. Save the image next to the plan and write its relative path, such as ./chart.png.`
        : `The image ${JSON.stringify(src)} is a "${scheme}:" URL, not a file. Save the image next to the plan and write its relative path, such as ./chart.png.`,
  },
  'narrative-image-missing': {
    severity: 'error',
    meaning: 'A narrative image path names no readable image file.',
    message: (data: ImageMissing) => imageMissing(data),
  },
  'narrative-image-outside': {
    severity: 'error',
    meaning: 'A narrative image path leads outside the plans folder.',
    message: ({ src, absolute }: { src: string; absolute: boolean }) =>
      absolute
        ? `The image ${JSON.stringify(src)} is an absolute path. Write a path relative to the plan, such as ./chart.png, to an image inside the plans folder.`
        : `The image ${JSON.stringify(src)} is outside the plans folder, and the site publishes only what is inside it. Copy the image next to the plan and write ./ and its name.`,
  },
  'narrative-image-too-large': {
    severity: 'error',
    meaning: 'A narrative image is over the size limit.',
    message: ({ src, size, max }: { src: string; size: number; max: number }) =>
      `The image ${JSON.stringify(src)} is ${(size / 1048576).toFixed(1)} MB; images in plans are at most ${max / 1048576} MB. Export it smaller or as JPEG.`,
  },
  'narrative-image-type': {
    severity: 'error',
    meaning: 'A narrative image is not a PNG, JPEG, GIF, WebP or AVIF (SVG included).',
    message: ({ src, svg }: { src: string; svg: boolean }) =>
      svg
        ? `The image ${JSON.stringify(src)} is an SVG, which can hold script that would run on the site. Export it as PNG and refer to the PNG.`
        : `The file ${JSON.stringify(src)} is not a PNG, JPEG, GIF, WebP or AVIF image (judged by its content, not its name). Export the image in one of these formats.`,
  },
  'site-logo': {
    severity: 'error',
    meaning: 'The site\'s logo (site.logo in workspace.yaml) is not a PNG, JPEG, GIF, WebP or AVIF file inside the plans folder (SVG included).',
    /** `image` is the message of the narrative image check the logo failed (narrative-image-*), worded here for workspace.yaml. */
    message: ({ image }: { image: string }) => `site.logo: ${forLogo(image)}`,
  },
} as const satisfies Record<string, CatalogEntry>;

/** Code in a narrative: an expression in the text, one spread into an element's attributes, or one as an attribute's value. */
export type MdxExpression = { in: 'text'; value: string } | { in: 'spread'; tag: string; value: string } | { in: 'attribute'; tag: string; attribute: string; value: string };

function mdxExpression(data: MdxExpression): string {
  switch (data.in) {
    case 'text':
      return `"{${shorten(data.value)}}" is an MDX expression, which would run as code when the site is built. Write \\{ and \\} for literal braces, or put code in backticks.`;
    case 'spread':
      return `<${data.tag} {${shorten(data.value)}}> spreads an expression into the element's attributes, which is code. Write each attribute as name="value".`;
    case 'attribute':
      return `The attribute ${data.attribute}={${shorten(data.value)}} of <${data.tag}> is an MDX expression, which is code. Write a literal value in quotes: ${data.attribute}="...".`;
  }
}

const SHOWN_ELEMENTS = 'Markdown, links, images, tables, and <b>, <i>, <sub>, <sup>, <kbd>, <details>, <summary>';

/**
 * What the site's sanitiser takes out of a narrative: an element (`stripped` when its content goes with it), an
 * attribute, or a link whose address is not http, https, mailto or relative.
 */
export type Removed =
  | { what: 'element'; tag: string; stripped: boolean }
  | { what: 'attribute'; tag: string; attribute: string; value: string }
  | { what: 'link'; tag: string; href: string };

function removed(data: Removed): string {
  switch (data.what) {
    case 'element':
      return `<${data.tag}> is removed from the site${data.stripped ? ', with everything inside it' : ''}: narratives keep ${SHOWN_ELEMENTS}, and nothing that could run code. ${data.stripped ? 'Write it in backticks to show it as code.' : 'Its text stays; remove the tag.'}`;
    case 'attribute':
      return `The attribute ${data.attribute}=${JSON.stringify(shorten(data.value))} on <${data.tag}> is removed from the site: narratives keep only plain attributes such as href, src, alt and title, and nothing that could run code. Remove it.`;
    case 'link':
      return `The link ${JSON.stringify(data.href.length > 60 ? `${data.href.slice(0, 57)}...` : data.href)} on <${data.tag}> is removed from the site: a narrative links only with http, https, mailto or a relative path. Write the full https:// address.`;
  }
}

/** An image that is not there to publish: no path, no file, a file that cannot be read, or a folder or special file. */
export type ImageMissing = { why: 'no-path' } | { why: 'not-found' | 'unreadable' | 'not-a-file'; src: string };

function imageMissing(data: ImageMissing): string {
  switch (data.why) {
    case 'no-path':
      return 'The image has no path. Write the path of an image file next to the plan, such as ./chart.png.';
    case 'not-found':
      return `The image ${JSON.stringify(data.src)} does not exist. Check the name and the folder; the path is relative to the plan file.`;
    case 'unreadable':
      return `The image ${JSON.stringify(data.src)} cannot be read (check its permissions). Save it again next to the plan.`;
    case 'not-a-file':
      return `The image ${JSON.stringify(data.src)} is a folder or a special file, not an image file. Write the path of the image file.`;
  }
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}

/** The image checks speak of a plan; a logo's path is relative to workspace.yaml. */
function forLogo(message: string): string {
  return message.replace(/relative to the plan file|relative to the plan\b/g, 'relative to workspace.yaml').replace(/next to the plan\b/g, 'in the plans folder');
}
