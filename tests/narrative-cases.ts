import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from './helpers/sandbox.ts';

/** What `validate` says about a narrative appended to tests/fixtures/minimal's globex.mdx, one row per case. */
const FILE = 'plans/accounts/globex.mdx';
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const TOO_DEEP = 'error The narrative nests quotes, lists or elements more than 100 levels deep here, far deeper than any plan. Flatten it.';
const TOO_LONG_BLOCK = "error This paragraph runs over 8000 characters without a blank line, longer than the site's Markdown parser handles quickly. Split it with blank lines.";
const braces = (n: number) => `error The narrative has ${n} "{", each the start of MDX code to the parser, which slows down beyond use past 8. Narratives hold no code: write \\{ for a literal brace, and keep at most 8 {/* comments */}.`;
const REMOVED_KEEP = 'narratives keep Markdown, links, images, tables, and <b>, <i>, <sub>, <sup>, <kbd>, <details>, <summary>, and nothing that could run code.';

export interface Case {
  name: string;
  /** Appended to the narrative, starting on line 16. */
  narrative: string;
  /** Other files to write, relative to the plans folder. */
  files?: Record<string, string | Uint8Array>;
  /** Set up links or folders the sandbox helper cannot write. */
  setup?: (sb: Sandbox) => void;
  status: number;
  lines: string[];
}

export const CASES: Case[] = [
  // Family 3: what the sanitiser removes is a warning at its line.
  { name: 'sanitiser: a <noscript> whose attribute closes it is removed, and said so', narrative: '\n<noscript><p title="</noscript><img src=x onerror=alert(1)>">x</p></noscript>\n', status: 0, lines: [`${FILE}:17:1 warning <noscript> is removed from the site, with everything inside it: ${REMOVED_KEEP} Write it in backticks to show it as code.`] },
  { name: 'sanitiser: an event handler on an image is removed, and said so', narrative: '\nA chart <img src="./c.png" alt="c" onerror="alert(1)" /> here.\n', files: { 'accounts/c.png': PNG }, status: 0, lines: [`${FILE}:17:9 warning The attribute onerror="alert(1)" on <img> is removed from the site: narratives keep only plain attributes such as href, src, alt and title, and nothing that could run code. Remove it.`] },
  { name: 'sanitiser: a javascript: link with a newline in the scheme is removed, and said so', narrative: '\nSee <a href="java&#10;script:alert(1)">this</a>.\n', status: 0, lines: [`${FILE}:17:5 warning The link "java\\nscript:alert(1)" on <a> is removed from the site: a narrative links only with http, https, mailto or a relative path. Write the full https:// address.`] },
  { name: 'sanitiser: a form is unwrapped and its text stays', narrative: '\n<form>Order now</form>\n', status: 0, lines: [`${FILE}:17:1 warning <form> is removed from the site: ${REMOVED_KEEP} Its text stays; remove the tag.`] },
  // Limits that keep the parser linear: nesting, paragraph and narrative length, braces (each a located error, never a hang or a crash).
  { name: 'depth: 3,000 nested quotes are an error at the first level past the limit', narrative: `\n${'>'.repeat(3000)}x\n`, status: 2, lines: [`${FILE}:17:100 ${TOO_DEEP}`] },
  { name: 'depth: 1,000 nested <b> elements are an error, not a stack overflow', narrative: `\n${'<b>'.repeat(1000)}x${'</b>'.repeat(1000)}\n`, status: 2, lines: [`${FILE}:17:301 ${TOO_DEEP}`] },
  { name: 'depth: a list nested 1,000 levels is an error', narrative: `\n${'- '.repeat(1000)}y\n`, status: 2, lines: [`${FILE}:17:99 ${TOO_DEEP}`] },
  { name: 'length: a paragraph of 5,000 quoted letters is an error at its first line', narrative: `\n${'"a'.repeat(5000)}\n`, status: 2, lines: [`${FILE}:17:1 ${TOO_LONG_BLOCK}`] },
  { name: 'length: character references over many lines without a blank one are one paragraph', narrative: `\nIntro.\n${`${'&#x41;'.repeat(30)}\n`.repeat(50)}`, status: 2, lines: [`${FILE}:17:1 ${TOO_LONG_BLOCK}`] },
  { name: 'length: 110,000 characters in short paragraphs are an error at the start of the narrative', narrative: `\n${`${'"a'.repeat(50)}\n\n`.repeat(1100)}`, status: 2, lines: [`${FILE}:12:1 error The narrative is 112235 characters long; a narrative is at most 100000 (about 15,000 words). Keep the plan's story here and link to longer documents.`] },
  { name: 'depth: thirty nested quotes pass', narrative: `\n${'> '.repeat(30)}x\n`, status: 0, lines: [] },
  { name: 'braces: sixteen <i>{<b> in a row are an error, not a hang', narrative: `\n${'<i>{<b>'.repeat(16)}\n`, status: 2, lines: [`${FILE}:17:4 ${braces(16)}`] },
  { name: 'braces: "{<b>" in separate paragraphs still count', narrative: `\nText.\n\n${'{<b>\n\n'.repeat(28)}`, status: 2, lines: [`${FILE}:19:1 ${braces(28)}`] },
  { name: 'braces: an escaped backslash before a brace does not hide it', narrative: `\n${'\\\\{<b x={'.repeat(6)}\n`, status: 2, lines: [`${FILE}:17:3 ${braces(12)}`] },
  { name: 'braces: fifty escaped braces pass', narrative: `\n${'\\{a\\} '.repeat(50)}\n`, status: 0, lines: [] },
  // Family 12: comments pass; expression and spread attributes are located errors.
  { name: 'mdx: a {/* comment */} is not code and passes', narrative: '\n{/* a note for the next editor */}\n\nText {/* inline */} here.\n', status: 0, lines: [] },
  { name: 'mdx: a comment followed by code is still code', narrative: '\n{/* x */ process.exit(1) /* y */}\n', status: 2, lines: [`${FILE}:17:1 error "{/* x */ process.exit(1) /* y */}" is an MDX expression, which would run as code when the site is built. Write \\{ and \\} for literal braces, or put code in backticks.`] },
  { name: 'mdx: an attribute expression is an error at the attribute', narrative: '\nA chart: <img alt="c" src={x} />\n', status: 2, lines: [`${FILE}:17:23 error The attribute src={x} of <img> is an MDX expression, which is code. Write a literal value in quotes: src="...".`] },
  { name: 'mdx: a spread attribute is an error at the spread', narrative: '\n<b title="t" {...props}>x</b>\n', status: 2, lines: [`${FILE}:17:14 error <b {...props}> spreads an expression into the element's attributes, which is code. Write each attribute as name="value".`] },
  // Family 6: images are checked at their line.
  { name: 'image: a PNG next to the plan passes', narrative: '\n![chart](./chart.png)\n', files: { 'accounts/chart.png': PNG }, status: 0, lines: [] },
  { name: 'image: a missing image is an error, not a bundler failure', narrative: '\nSee ![chart](./missing.png).\n', status: 2, lines: [`${FILE}:17:5 error The image "./missing.png" does not exist. Check the name and the folder; the path is relative to the plan file.`] },
  { name: 'image: a path out of the plans folder is refused', narrative: '\n![k](../../bystander/keep.txt)\n', status: 2, lines: [`${FILE}:17:1 error The image "../../bystander/keep.txt" is outside the plans folder, and the site publishes only what is inside it. Copy the image next to the plan and write ./ and its name.`] },
  { name: 'image: an absolute path is refused', narrative: '\n<img src="/etc/hostname" alt="h" />\n', status: 2, lines: [`${FILE}:17:1 error The image "/etc/hostname" is an absolute path. Write a path relative to the plan, such as ./chart.png, to an image inside the plans folder.`] },
  { name: 'image: a symbolic link out of the plans folder is refused', narrative: '\n![k](./k.png)\n', setup: (sb) => symlinkSync(join(sb.bystander, 'keep.txt'), join(sb.plans, 'accounts/k.png')), status: 2, lines: [`${FILE}:17:1 error The image "./k.png" is outside the plans folder, and the site publishes only what is inside it. Copy the image next to the plan and write ./ and its name.`] },
  { name: 'image: an SVG is refused, with the way out', narrative: '\n![c](./chart.svg)\n', files: { 'accounts/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }, status: 2, lines: [`${FILE}:17:1 error The image "./chart.svg" is an SVG, which can hold script that would run on the site. Export it as PNG and refer to the PNG.`] },
  { name: 'image: an SVG renamed .png is judged by its content', narrative: '\n![c](./chart.png)\n', files: { 'accounts/chart.png': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' }, status: 2, lines: [`${FILE}:17:1 error The image "./chart.png" is an SVG, which can hold script that would run on the site. Export it as PNG and refer to the PNG.`] },
  { name: 'image: a text file named .png is refused', narrative: '\n![c](./notes.png)\n', files: { 'accounts/notes.png': 'just text' }, status: 2, lines: [`${FILE}:17:1 error The file "./notes.png" is not a PNG, JPEG, GIF, WebP or AVIF image (judged by its content, not its name). Export the image in one of these formats.`] },
  { name: 'image: a remote image is refused', narrative: '\n![c](https://tracker.example/pixel.png)\n', status: 2, lines: [`${FILE}:17:1 error The image "https://tracker.example/pixel.png" is on another server. The site publishes only images kept in the plans folder, because a remote image tells its server who reads the plan. Save the image next to the plan and write its relative path, such as ./chart.png.`] },
  { name: 'image: a data: URL is refused', narrative: '\n<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x" />\n', status: 2, lines: [`${FILE}:17:1 error The image "data:image/svg+xml,<svg onload=alert(1)>" is a "data:" URL, not a file. Save the image next to the plan and write its relative path, such as ./chart.png.`] },
  { name: 'image: a folder is not an image', narrative: '\n![c](./pics)\n', setup: (sb) => mkdirSync(join(sb.plans, 'accounts/pics')), status: 2, lines: [`${FILE}:17:1 error The image "./pics" is a folder or a special file, not an image file. Write the path of the image file.`] },
  { name: 'image: a name with a space, written the Markdown way, passes', narrative: '\n![c](<./my chart #1.png>) and ![d](./my%20chart%20%231.png)\n', files: { 'accounts/my chart #1.png': PNG }, status: 0, lines: [] },
];

