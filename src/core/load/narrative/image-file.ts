import type { DiagnosticCode } from '../../diagnostics/codes.ts';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve } from 'node:path';
import { schemeOf } from './url.ts';
import { isBelow, toPosix } from '../../shared/paths.ts';

/** An image a narrative shows, read from the plans folder and checked, as the site publishes it. */
export interface PublishedImage {
  /** The name the site publishes it under: a hash of its bytes and the type's extension. */
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export type ImageCheck = { ok: true; image: PublishedImage } | { ok: false; code: DiagnosticCode; message: string };

/** Larger images slow every reader's page; a chart or a photo fits well below this. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const RASTER: readonly { ext: string; mime: string; test: (b: Uint8Array) => boolean }[] = [
  { ext: 'png', mime: 'image/png', test: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { ext: 'jpg', mime: 'image/jpeg', test: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { ext: 'gif', mime: 'image/gif', test: (b) => ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a' },
  { ext: 'webp', mime: 'image/webp', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { ext: 'avif', mime: 'image/avif', test: (b) => ascii(b, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 12)) },
];

/** What a folder of plans holds at a path relative to it, as an image check needs it (the working copy, or a commit). */
export type ImageEntry = { kind: 'file'; size: number; read(): Uint8Array } | { kind: 'missing' } | { kind: 'outside' } | { kind: 'unreadable' } | { kind: 'other' };

/** A plans folder as images are looked up in it: `open` is given a path inside the folder, with forward slashes. */
export interface ImageFolder {
  open(rel: string): ImageEntry;
}

/**
 * Checks one image path written in a narrative and reads the image. The path is relative to the plan
 * file and must stay inside the plans folder once symbolic links are followed; the file must be a
 * PNG, JPEG, GIF, WebP or AVIF by its first bytes (not its name). Remote images are refused: each
 * reader's browser would fetch them from a third party, telling it who reads which plan. SVG is refused
 * too: it is a document that can hold script, and published on the site's own origin it would run.
 */
export function checkImage(src: string, planFile: string, plansRoot: string): ImageCheck {
  const root = resolve(plansRoot);
  return checkImageIn(src, toPosix(relative(root, resolve(planFile))), folderOnDisk(root));
}

/** checkImage over any plans folder: the plan's path inside it, and the folder. */
export function checkImageIn(src: string, planRel: string, folder: ImageFolder): ImageCheck {
  const fail = (code: DiagnosticCode, message: string): ImageCheck => ({ ok: false, code, message });
  const shown = JSON.stringify(src);
  const scheme = schemeOf(src);
  if (scheme !== undefined || /^\s*[/\\]{2}/.test(src)) {
    return scheme === undefined || scheme === 'http' || scheme === 'https'
      ? fail('narrative-image-remote', `The image ${shown} is on another server. The site publishes only images kept in the plans folder, because a remote image tells its server who reads the plan. Save the image next to the plan and write its relative path, such as ./chart.png.`)
      : fail('narrative-image-remote', `The image ${shown} is a "${scheme}:" URL, not a file. Save the image next to the plan and write its relative path, such as ./chart.png.`);
  }
  if (src.trim() === '') return fail('narrative-image-missing', 'The image has no path. Write the path of an image file next to the plan, such as ./chart.png.');
  if (isAbsolute(src) || /^[a-zA-Z]:[\\/]/.test(src) || src.startsWith('\\')) {
    return fail('narrative-image-outside', `The image ${shown} is an absolute path. Write a path relative to the plan, such as ./chart.png, to an image inside the plans folder.`);
  }
  const outside = `The image ${shown} is outside the plans folder, and the site publishes only what is inside it. Copy the image next to the plan and write ./ and its name.`;
  let entry: ImageEntry = { kind: 'missing' };
  let name = '';
  for (const candidate of candidates(src)) {
    // A decoded candidate may be absolute ("%2Fetc"), or climb out with "..": either leaves the folder.
    const rel = posix.normalize(posix.join(posix.dirname(planRel), candidate));
    if (posix.isAbsolute(candidate) || rel === '..' || rel.startsWith('../')) return fail('narrative-image-outside', outside);
    entry = folder.open(rel);
    name = rel;
    if (entry.kind !== 'missing') break;
  }
  if (entry.kind === 'missing') return fail('narrative-image-missing', `The image ${shown} does not exist. Check the name and the folder; the path is relative to the plan file.`);
  if (entry.kind === 'outside') return fail('narrative-image-outside', outside);
  if (entry.kind === 'unreadable') return fail('narrative-image-missing', `The image ${shown} cannot be read (check its permissions). Save it again next to the plan.`);
  if (entry.kind === 'other') return fail('narrative-image-missing', `The image ${shown} is a folder or a special file, not an image file. Write the path of the image file.`);
  if (entry.size > MAX_IMAGE_BYTES) {
    return fail('narrative-image-too-large', `The image ${shown} is ${(entry.size / 1048576).toFixed(1)} MB; images in plans are at most ${MAX_IMAGE_BYTES / 1048576} MB. Export it smaller or as JPEG.`);
  }
  let bytes: Uint8Array;
  try {
    bytes = entry.read();
  } catch {
    return fail('narrative-image-missing', `The image ${shown} cannot be read (check its permissions). Save it again next to the plan.`);
  }
  const type = RASTER.find((t) => t.test(bytes));
  if (!type) {
    const svg = /\.svgz?$/i.test(name) || /^\s*(<\?xml|<svg|<!DOCTYPE svg)/i.test(ascii(bytes, 0, 256));
    return svg
      ? fail('narrative-image-type', `The image ${shown} is an SVG, which can hold script that would run on the site. Export it as PNG and refer to the PNG.`)
      : fail('narrative-image-type', `The file ${shown} is not a PNG, JPEG, GIF, WebP or AVIF image (judged by its content, not its name). Export the image in one of these formats.`);
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
  return { ok: true, image: { name: `${hash}.${type.ext}`, mime: type.mime, bytes } };
}

/** The working copy's plans folder: links are followed, but only to files that stay inside the folder. */
export function folderOnDisk(plansRoot: string): ImageFolder {
  let root: string | undefined;
  return {
    open(rel) {
      root ??= realpathSync(plansRoot);
      let real: string;
      try {
        real = realpathSync(join(plansRoot, rel));
      } catch {
        return { kind: 'missing' };
      }
      if (!isBelow(root, real)) return { kind: 'outside' };
      let stat;
      try {
        stat = statSync(real);
      } catch {
        return { kind: 'unreadable' };
      }
      if (!stat.isFile()) return { kind: 'other' };
      // The name decides the SVG message, as the user wrote it; the bytes are read only when the size allows.
      return { kind: 'file', size: stat.size, read: () => new Uint8Array(readFileSync(real)) };
    },
  };
}

/**
 * The file names a written path may mean, most URL-like first: Markdown percent-encodes a destination
 * (a space becomes %20) but leaves "#" and "?", which may start a fragment or query or be part of the
 * name; an HTML attribute is taken as written. Each candidate is checked against the folder the same way.
 */
function candidates(src: string): string[] {
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s; // a lone "%": the name is literal
    }
  };
  return [...new Set([decode(src.replace(/[?#].*$/s, '')), decode(src), src])].filter((c) => c !== '');
}


function starts(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((m, i) => bytes[i] === m);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
