/** Whether a plans file is a narrative whose images are checked: an account plan written as MDX. */
export function isNarrative(rel: string): boolean {
  return /^accounts\/.+\.mdx$/.test(rel);
}

/** Only a narrative that mentions an image is parsed again; most have none. */
export const MAY_HAVE_IMAGE = /!\[|<img/i;

/**
 * Whether a narrative file's bytes may show an image (`![` or `<img`). Both markers are ASCII, so the bytes read as
 * Latin-1 show them wherever the text does. The stat index keeps the answer with each file it vouches for, so the image
 * check of a run over unchanged plans reads no narrative (files.ts).
 */
export function mayShowImage(bytes: Uint8Array): boolean {
  return MAY_HAVE_IMAGE.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}
