import { load } from 'js-yaml';
import { diagnose } from '../diagnostics/diagnose.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { PlansFile } from './files.ts';
import { checkImageIn, folderOnDisk, type ImageCheck, type ImageFolder } from './narrative/image-file.ts';
import { YamlSource } from './yaml-source.ts';

/**
 * The logo workspace.yaml names in `site.logo`, checked like a narrative image (narrative/image-file.ts): a PNG,
 * JPEG, GIF, WebP or AVIF file inside the plans folder, judged by its bytes; an SVG, a URL, a path out of the folder
 * or through a link out of it is an error at site.logo. Read here, beside the narrative images (load/sources.ts, for the working copy and
 * a commit alike), because it is a file the plans name: the run cache keys on what this returns (scripts/lib/cached-run.ts).
 */
export function checkSiteLogo(files: readonly PlansFile[], plansRoot: string | ImageFolder): Diagnostic[] {
  const found = siteLogo(files, plansRoot);
  if (!found || found.check.ok) return [];
  return [diagnose(found.file.display, { ...found.source.locate(['site', 'logo']), path: 'site.logo' }, 'site-logo', { image: found.check.message })];
}

/** The logo's check, with the file that names it; undefined when workspace.yaml names none (or cannot be read: its own diagnostics say why). */
export function siteLogo(files: readonly PlansFile[], plansRoot: string | ImageFolder): { file: PlansFile; source: YamlSource; check: ImageCheck } | undefined {
  const file = files.find((f) => f.rel === 'workspace.yaml' && !f.problem);
  if (!file) return undefined;
  let text: string;
  let data: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, '');
    data = load(text);
  } catch {
    return undefined; // parse.ts reports a file that is not UTF-8 or not YAML
  }
  const site = isRecord(data) && Object.hasOwn(data, 'site') ? data['site'] : undefined;
  const logo = isRecord(site) && Object.hasOwn(site, 'logo') ? site['logo'] : undefined;
  if (typeof logo !== 'string' || logo === '') return undefined; // the schema reports a logo that is not a path
  return { file, source: new YamlSource(file.display, text), check: checkImageIn(logo, 'workspace.yaml', typeof plansRoot === 'string' ? folderOnDisk(plansRoot) : plansRoot) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
