import { createRequire } from 'node:module';

/**
 * Libraries that few runs need, loaded on first use. A run over plain YAML plans never loads them: `yaml` is for
 * the files js-yaml refuses or that need node ranges, gray-matter and satteri for MDX plans, hast-util-to-html for
 * the site's narratives (with hast-util-sanitize and property-information, which the narratives' check and HTML
 * use), csv-parse for a sales ledger. Together they cost about 0.1 s of start-up.
 * `require` keeps the callers synchronous (Node 24 requires an ES module synchronously).
 */
const load = createRequire(import.meta.url);

let yamlModule: typeof import('yaml') | undefined;
let matterModule: typeof import('gray-matter') | undefined;
let satteriModule: typeof import('satteri') | undefined;
let toHtmlModule: typeof import('hast-util-to-html') | undefined;
let sanitizeModule: typeof import('hast-util-sanitize') | undefined;
let propertiesModule: typeof import('property-information') | undefined;
let csvModule: typeof import('csv-parse') | undefined;

export function yaml(): typeof import('yaml') {
  return (yamlModule ??= load('yaml') as typeof import('yaml'));
}

export function matter(...args: Parameters<typeof import('gray-matter')>): ReturnType<typeof import('gray-matter')> {
  matterModule ??= load('gray-matter') as typeof import('gray-matter');
  return matterModule(...args);
}

export function satteri(): typeof import('satteri') {
  return (satteriModule ??= load('satteri') as typeof import('satteri'));
}

export function hastToHtml(): typeof import('hast-util-to-html') {
  return (toHtmlModule ??= load('hast-util-to-html') as typeof import('hast-util-to-html'));
}

export function hastSanitize(): typeof import('hast-util-sanitize') {
  return (sanitizeModule ??= load('hast-util-sanitize') as typeof import('hast-util-sanitize'));
}

export function propertyInformation(): typeof import('property-information') {
  return (propertiesModule ??= load('property-information') as typeof import('property-information'));
}

export function csvParse(): typeof import('csv-parse') {
  return (csvModule ??= load('csv-parse') as typeof import('csv-parse'));
}
