import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { placed } from '../../diagnostics/diagnose.ts';
import type { PlansFile } from '../files.ts';
import { checkImageIn, folderOnDisk, type ImageFolder } from './image-file.ts';
import { bodyOffset, parseNarrative, inspectTree } from './render.ts';
import { positionAt } from '../yaml-source.ts';
import { matter } from '../lazy.ts';
import { isNarrative, MAY_HAVE_IMAGE, mayShowImage } from './image-hint.ts';


/**
 * Checks every image the MDX narratives show (narrative-images is the file-system half of the
 * narrative checks; parse.ts runs the pure half): each problem is an error at the image's line, so the
 * site never publishes an image outside the plans folder, a missing one, or one that could run script.
 */
export function checkNarrativeImages(files: readonly PlansFile[], plansRoot: string | ImageFolder): Diagnostic[] {
  const folder = typeof plansRoot === 'string' ? folderOnDisk(plansRoot) : plansRoot;
  const out: Diagnostic[] = [];
  for (const f of files) {
    if (!isNarrative(f.rel)) continue;
    // Most files stop here, unsplit; one the stat index vouched for, unread.
    if (!(f.mayShowImage ?? mayShowImage(f.bytes))) continue;
    const split = splitMdx(f.bytes);
    if (split === undefined || !MAY_HAVE_IMAGE.test(split.body)) continue;
    let tree;
    try {
      tree = parseNarrative(split.body);
    } catch {
      continue; // parse.ts reports the syntax error
    }
    for (const image of inspectTree(tree).images) {
      const check = checkImageIn(image.src, f.rel, folder);
      if (check.ok) continue;
      const position = positionAt(split.text, split.bodyStart + bodyOffset(split.body, image.line, image.column));
      out.push(placed(f.display, position, check));
    }
  }
  return out;
}

/** The text and narrative of an .mdx file exactly as parse.ts splits them, or undefined if it cannot be read. */
export function splitMdx(bytes: Uint8Array): { text: string; body: string; bodyStart: number } | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return undefined;
  }
  text = text.replace(/\r\n?/g, '\n');
  if (!/^---[ \t]*\n/.test(text) || !/\n---[ \t]*(\n|$)/.test(text.slice(3))) return undefined;
  const body = matter(text, { engines: { yaml: () => ({}) } }).content;
  return { text, body, bodyStart: text.length - body.length };
}
