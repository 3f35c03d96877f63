import type { APIRoute, GetStaticPaths } from 'astro';
import type { PublishedImage } from '../../core/load/narrative/image-file.ts';
import { loadSiteBrand } from '../../lib/site-brand.ts';

/** The company logo of workspace.yaml's site.logo, published under the hash of its bytes (the bytes validate checked). */
export const getStaticPaths = (() => {
  const { logo } = loadSiteBrand();
  return logo ? [{ params: { file: logo.name }, props: { image: logo } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ image: PublishedImage }> = ({ props }) =>
  new Response(new Uint8Array(props.image.bytes), { headers: { 'content-type': props.image.mime, 'x-content-type-options': 'nosniff' } });
