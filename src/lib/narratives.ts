import { join, resolve } from 'node:path';
import { checkImage, type PublishedImage } from '../core/load/narrative/image-file.ts';
import { renderNarrative } from '../core/load/narrative/render.ts';
import type { Workspace } from '../core/model.ts';
import { href } from './links.ts';
import { loadSiteWorkspace, plansCwd, plansDir } from './workspace.ts';

/**
 * Every narrative as sanitised HTML, and the images they show, rendered in core from the bodies core
 * read and validated: the site compiles no plan file, so nothing in a plans folder runs at build time,
 * and what a page shows is exactly what `validate` checked.
 */
export interface SiteNarratives {
  html: ReadonlyMap<string, string>;
  /** By published name (a hash of the bytes), for src/routes/plan-images/[file].ts. */
  images: ReadonlyMap<string, PublishedImage>;
}

let cached: { ws: Workspace; narratives: SiteNarratives } | undefined;

export function loadNarratives(): SiteNarratives {
  const ws = loadSiteWorkspace();
  if (cached?.ws === ws) return cached.narratives;
  const root = resolve(plansCwd(), plansDir());
  const html = new Map<string, string>();
  const images = new Map<string, PublishedImage>();
  for (const account of ws.accounts) {
    if (account.format !== 'mdx' || account.body === undefined) continue;
    const rendered = renderNarrative(account.body, {
      image: (src) => {
        const check = checkImage(src, join(root, account.rel), root);
        if (!check.ok) return undefined;
        images.set(check.image.name, check.image);
        return href(`plan-images/${check.image.name}`);
      },
    });
    html.set(account.id, rendered.html);
  }
  cached = { ws, narratives: { html, images } };
  return cached.narratives;
}
