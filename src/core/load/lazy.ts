import { createRequire } from 'node:module';

/**
 * Libraries that few runs need, loaded on first use. A run over plain YAML plans never loads them: `yaml` is for
 * the files js-yaml refuses or that need node ranges, gray-matter and satteri for MDX plans, hast-util-to-html for
 * the site's narratives. Together they cost about 90 ms of start-up.
 * `require` keeps the callers synchronous (Node 24 requires an ES module synchronously).
 */
const load = createRequire(import.meta.url);

let yamlModule: typeof import('yaml') | undefined;
let matterModule: typeof import('gray-matter') | undefined;
let satteriModule: typeof import('satteri') | undefined;
let toHtmlModule: typeof import('hast-util-to-html') | undefined;

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
