import { problem, type Problem } from '../../diagnostics/diagnose.ts';
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

export type ImageCheck = { ok: true; image: PublishedImage } | ({ ok: false } & Problem);

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
  const fail = (found: Problem): ImageCheck => ({ ok: false, ...found });
  const scheme = schemeOf(src);
  if (scheme !== undefined || /^\s*[/\\]{2}/.test(src)) {
    return fail(problem('narrative-image-remote', { src, scheme }));
  }
  if (src.trim() === '') return fail(problem('narrative-image-missing', { why: 'no-path' }));
  if (isAbsolute(src) || /^[a-zA-Z]:[\\/]/.test(src) || src.startsWith('\\')) {
    return fail(problem('narrative-image-outside', { src, absolute: true }));
  }
  const outside = problem('narrative-image-outside', { src, absolute: false });
  let entry: ImageEntry = { kind: 'missing' };
  let name = '';
  for (const candidate of candidates(src)) {
    // A decoded candidate may be absolute ("%2Fetc"), or climb out with "..": either leaves the folder.
    const rel = posix.normalize(posix.join(posix.dirname(planRel), candidate));
    if (posix.isAbsolute(candidate) || rel === '..' || rel.startsWith('../')) return fail(outside);
    entry = folder.open(rel);
    name = rel;
    if (entry.kind !== 'missing') break;
  }
  if (entry.kind === 'missing') return fail(problem('narrative-image-missing', { why: 'not-found', src }));
  if (entry.kind === 'outside') return fail(outside);
  if (entry.kind === 'unreadable') return fail(problem('narrative-image-missing', { why: 'unreadable', src }));
  if (entry.kind === 'other') return fail(problem('narrative-image-missing', { why: 'not-a-file', src }));
  if (entry.size > MAX_IMAGE_BYTES) {
    return fail(problem('narrative-image-too-large', { src, size: entry.size, max: MAX_IMAGE_BYTES }));
  }
  let bytes: Uint8Array;
  try {
    bytes = entry.read();
  } catch {
    return fail(problem('narrative-image-missing', { why: 'unreadable', src }));
  }
  const type = RASTER.find((t) => t.test(bytes));
  if (!type) {
    const svg = /\.svgz?$/i.test(name) || /^\s*(<\?xml|<svg|<!DOCTYPE svg)/i.test(ascii(bytes, 0, 256));
    return fail(problem('narrative-image-type', { src, svg }));
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
