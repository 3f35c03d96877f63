import { join, resolve } from 'node:path';
import { checkImage, type PublishedImage } from '../core/load/narrative/image-file.ts';
import { plansCwd, plansDir, loadSiteWorkspace } from './workspace.ts';

/** The organisation's look from the `site:` block of workspace.yaml, as every page shows it. */
export interface SiteBrand {
  company: string;
  /** The logo as validate checked it, read once per build and published under the hash of its bytes. */
  logo?: PublishedImage;
  /** A #rrggbb colour (the schema allows nothing else, so it may go into a style attribute). */
  accent?: string;
  homeText?: string;
}

let cached: SiteBrand | undefined;

export function loadSiteBrand(): SiteBrand {
  if (cached && !import.meta.env.DEV) return cached;
  const ws = loadSiteWorkspace();
  const site = ws.settings.site;
  const root = resolve(plansCwd(), plansDir());
  let logo: PublishedImage | undefined;
  if (site?.logo !== undefined) {
    const check = checkImage(site.logo, join(root, 'workspace.yaml'), root);
    // validate refuses a bad logo before the build; a file changed since then is refused here, not published.
    if (!check.ok) throw new Error(`site.logo in workspace.yaml: ${check.message} Run npm run validate.`);
    logo = check.image;
  }
  cached = { company: ws.settings.company, ...(logo && { logo }), ...(site?.accent && { accent: site.accent }), ...(site?.home_text && { homeText: site.home_text }) };
  return cached;
}
