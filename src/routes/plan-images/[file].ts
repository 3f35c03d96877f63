import type { APIRoute, GetStaticPaths } from 'astro';
import type { PublishedImage } from '../../core/load/narrative/image-file.ts';
import { loadNarratives } from '../../lib/narratives.ts';

/**
 * The images narratives show, published under the hash of their bytes: the bytes validate checked,
 * held in memory since, so a file changed after validation cannot slip in. Works in `astro dev` too.
 */
export const getStaticPaths = (() => [...loadNarratives().images.values()].map((image) => ({ params: { file: image.name }, props: { image } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ image: PublishedImage }> = ({ props }) =>
  new Response(new Uint8Array(props.image.bytes), { headers: { 'content-type': props.image.mime, 'x-content-type-options': 'nosniff' } });
