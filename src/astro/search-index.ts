import { closeSync, fstatSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import * as pagefind from 'pagefind';
import { oneLine } from '../core/shared/text.ts';

/**
 * The folders of the pages people search: each account's plan and each person's page (src/routes/accounts,
 * src/routes/people). Only those pages carry data-pagefind-body (Base.astro's `searchable`), so Pagefind indexes only
 * them; reading just these folders makes the same index without parsing every other page (the findings page alone is
 * megabytes at scale).
 */
export const SEARCHED_FOLDERS = ['accounts', 'people'] as const;
/** Whether `folder` (a page's first path segment) is one people search. */
const isSearched = (folder: string) => (SEARCHED_FOLDERS as readonly string[]).includes(folder);
/** The pages of `folders`, as a glob below the site. */
const globOf = (folders: readonly string[]) => (folders.length === 1 ? `${folders[0]}/**/*.html` : `{${folders.join(',')}}/**/*.html`);

/** How long the index waits for Astro to finish writing a folder's pages before it leaves them to the end. */
const WRITE_WAIT_MS = 5000;

/**
 * The site's search index (Pagefind), made in the build's own process, each searched folder as soon as Astro has
 * written all of its pages: Astro renders the pages route by route, the searched folders first (searchedFirst), so
 * Pagefind (a process of its own) reads the 2,000 plans of accounts/ on the other core while this one renders the
 * people pages, and writes the index while it renders the findings, packs and other pages (SiteIndex.writeEarly). A folder is handed to Pagefind when Astro
 * starts a page outside it and every page it wrote there is whole on disk; the pages are seen through Astro's
 * prerenderer (`astro:build:start`'s setPrerenderer, around Astro's own, which is left to render and write as before).
 *
 * The index is the same files, byte for byte, as Pagefind makes from the finished site (the folders go to Pagefind one
 * after the other, in the order Astro renders them; tests/search-index.test.ts). Whenever the build does not go folder
 * by folder as expected (a site with an adapter, which may bring its own prerenderer; a page of a folder after the
 * folder was read; a page not whole within WRITE_WAIT_MS; a file in the folder that Astro did not render, such as one
 * from public/), the index is made afresh from the finished site at the end, as it was before. Only `astro build` runs
 * these hooks; `astro dev` has no index.
 */
export function searchIndex(): AstroIntegration {
  let base = '/';
  let site = '';
  let adapter = false;
  let index: SiteIndex | undefined;
  return {
    name: 'account-plans:search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = fileURLToPath(config.outDir);
        adapter = config.adapter !== undefined;
      },
      'astro:build:start': async ({ setPrerenderer }) => {
        // Pagefind's process starts while Vite bundles the site.
        index = await SiteIndex.start(site);
        const taking = index;
        if (!adapter) setPrerenderer((astro) => watchPages(astro, base, taking));
      },
      'astro:build:done': async ({ dir }) => {
        const taken = index;
        index = undefined;
        await taken?.finish(fileURLToPath(dir));
      },
    },
  };
}

/** Pagefind's index of one build, fed a folder at a time. */
export class SiteIndex {
  private readonly index: pagefind.PagefindIndex;
  private readonly site: string;
  private readonly waitMs: number;
  /** Each searched folder's pages Astro has started, by folder, until the folder is handed to Pagefind. */
  private readonly pages = new Map<string, string[]>();
  /** The folders handed to Pagefind, with the pages read from each (undefined: left to the end). */
  private readonly read = new Map<string, Promise<string[] | undefined>>();
  /** The folder handed to Pagefind last. */
  private last: Promise<unknown> = Promise.resolve();
  /** Set when the build did not go folder by folder: the index is then made from the finished site. */
  private afresh = false;
  /** The searched folders Astro will render pages in (from its static paths), once known. */
  private expected: Set<string> | undefined;
  /** The index written as soon as every expected folder was read, while Astro renders the other pages. */
  private early: Promise<boolean> | undefined;

  private constructor(index: pagefind.PagefindIndex, site: string, waitMs: number) {
    this.index = index;
    this.site = site;
    this.waitMs = waitMs;
  }

  /** Starts Pagefind for the site Astro writes into `site`. */
  static async start(site: string, waitMs = WRITE_WAIT_MS): Promise<SiteIndex> {
    try {
      return new SiteIndex(await newIndex(), site, waitMs);
    } catch (e) {
      await pagefind.close();
      throw e;
    }
  }

  /** The searched folders of the site's pages, from the paths Astro is about to render (in `searchedFirst` order). */
  expect(folders: Iterable<string>): void {
    this.expected = new Set(folders);
  }

  /**
   * Astro starts the page at `pathname` (below the base), written to `file` below the site when it is a page. A
   * searched folder with pages started is handed to Pagefind once a page outside it starts.
   */
  starting(pathname: string, file: string | undefined): void {
    const folder = pathname.split('/')[0] ?? '';
    for (const [open, files] of this.pages) {
      if (open === folder) continue;
      this.pages.delete(open);
      // One folder after the other, in the order Astro rendered them, so Pagefind numbers the pages as it does
      // reading the finished site: the index is the same bytes, not only the same pages.
      const reading = this.last.then(() => this.readFolder(open, files));
      this.last = reading.catch(() => undefined);
      // Its failure is reported by finish, which awaits it; until then it is not an unhandled rejection.
      reading.catch(() => {});
      this.read.set(open, reading);
    }
    if (file !== undefined && isSearched(folder) && file.endsWith('.html')) {
      if (this.read.has(folder)) this.afresh = true;
      else this.pages.set(folder, [...(this.pages.get(folder) ?? []), file]);
    }
    this.writeEarly();
  }

  /**
   * Once every searched folder with pages has been handed to Pagefind, the index is written while Astro renders the
   * rest of the site (the findings, packs and other pages, which searchedFirst puts after them); finish keeps it when
   * nothing was added to those folders since, as it keeps the pages read.
   */
  private writeEarly(): void {
    const expected = this.expected;
    if (this.early || this.afresh || !expected || this.pages.size > 0 || [...expected].some((f) => !this.read.has(f))) return;
    const folders = [...this.read.values()];
    const writing = this.last.then(async () => {
      for (const files of folders) if ((await files) === undefined) return false;
      await writeIndex(this.index, this.site);
      return true;
    });
    // Its failure is reported by finish, which awaits it.
    writing.catch(() => {});
    this.early = writing;
  }

  /** Hands `folder` to Pagefind once each of its `files` is whole on disk; undefined when it is left to the end. */
  private async readFolder(folder: string, files: string[]): Promise<string[] | undefined> {
    if (!(await written(files.map((f) => join(this.site, f)), this.waitMs))) return undefined;
    await addPages(this.index, this.site, [folder]);
    return files;
  }

  /**
   * Adds what is left, or the whole site afresh, and writes the index into `site`/pagefind. Says which it did:
   * 'as-rendered' when every folder read while Astro rendered was whole, 'afresh' when the index was made anew.
   */
  async finish(site: string): Promise<'as-rendered' | 'afresh'> {
    try {
      const read = new Map<string, string[] | undefined>();
      for (const [folder, files] of this.read) read.set(folder, await files);
      const early = this.early ? await this.early : false;
      const folders = SEARCHED_FOLDERS.filter((f) => !read.has(f));
      // What was read must be every page of its folder now: nothing added to it since, nothing Astro did not render.
      const same = resolve(site) === resolve(this.site);
      const whole = same && [...read].every(([folder, files]) => files !== undefined && sameFiles(htmlBelow(site, folder), files));
      // An index written early covers the folders read; one left with a page now (from public/, say) makes it afresh.
      const afresh = this.afresh || !whole || (early && folders.some((f) => htmlBelow(site, f).length > 0));
      if (early && !afresh) return 'as-rendered';
      let index = this.index;
      if (afresh) {
        // An index written early is not kept, not even a file of it.
        if (this.early) rmSync(join(this.site, 'pagefind'), { recursive: true, force: true });
        await this.index.deleteIndex();
        index = await newIndex();
      }
      const left = afresh ? SEARCHED_FOLDERS : folders;
      if (left.length > 0) await addPages(index, site, left);
      await writeIndex(index, site);
      return afresh ? 'afresh' : 'as-rendered';
    } finally {
      await pagefind.close();
    }
  }
}

/** A new Pagefind index; throws with Pagefind's words when it cannot start. */
async function newIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${oneLine(errors.join('; '))}`);
  return index;
}

/** Writes `index` into `site`/pagefind; throws with Pagefind's words when it cannot. */
async function writeIndex(index: pagefind.PagefindIndex, site: string): Promise<void> {
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${oneLine(written.errors.join('; '))}`);
}

/** Adds the pages of `folders` below `site` to `index`; throws with Pagefind's words when it cannot. */
async function addPages(index: pagefind.PagefindIndex, site: string, folders: readonly string[]): Promise<void> {
  const added = await index.addDirectory({ path: site, glob: globOf(folders) });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${oneLine(added.errors.join('; '))}`);
}

/** Astro's prerenderer, telling `index` which page it starts before it renders and writes it as ever. */
function watchPages(astro: AstroPrerenderer, base: string, index: SiteIndex): AstroPrerenderer {
  const paths = astro.getStaticPaths.bind(astro);
  astro.getStaticPaths = async () => {
    const ordered = searchedFirst(await paths(), base);
    index.expect(ordered.map((p) => folderOf(p.pathname, base)).filter(isSearched));
    return ordered;
  };
  const render = astro.render.bind(astro);
  astro.render = (request, options) => {
    const pathname = belowBase(new URL(request.url).pathname, base);
    if (pathname !== undefined) index.starting(pathname, options.routeData.type === 'page' ? pageFile(pathname) : undefined);
    return render(request, options);
  };
  return astro;
}

/**
 * The pages of the searched folders first, then every other page, each group in Astro's own order: Pagefind reads
 * the searched folders and writes the index while Astro renders the rest (the findings page, the packs, …). The
 * searched folders keep their order among themselves, so Pagefind numbers their pages as before.
 */
export function searchedFirst<T extends { pathname: string }>(paths: readonly T[], base: string): T[] {
  const searched = (p: T) => isSearched(folderOf(p.pathname, base));
  return [...paths.filter(searched), ...paths.filter((p) => !searched(p))];
}

/** The first folder of a page's path, below the base when the path has it (`/accounts/acme/` is `accounts`). */
function folderOf(pathname: string, base: string): string {
  return (belowBase(pathname, base) ?? pathname.replace(/^\//, '')).split('/')[0] ?? '';
}

/** A URL's path below the site's base, without its leading slash (`/base/accounts/acme/` is `accounts/acme/`). */
export function belowBase(pathname: string, base: string): string | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const path = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname === base ? '' : undefined;
  if (path === undefined) return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/** The file a page below the base is written to with build.format 'directory' (which the integration sets). */
export function pageFile(path: string): string {
  return `${path === '' ? '' : path.replace(/\/?$/, '/')}index.html`;
}

/** The .html files below `folder` of `site`, as paths below the site. */
function htmlBelow(site: string, folder: string): string[] {
  try {
    return readdirSync(join(site, folder), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.html'))
      .map((e) => relative(site, join(e.parentPath, e.name)).split(sep).join('/'));
  } catch {
    return [];
  }
}

function sameFiles(a: string[], b: string[]): boolean {
  const set = new Set(b);
  return a.length === set.size && a.every((f) => set.has(f));
}

/**
 * Whether every file is whole on disk within WRITE_WAIT_MS: it ends with `</html>`, as every page of the site does
 * (Astro writes a page in one piece from its start, and plan text is escaped, so `</html>` is only at its end).
 */
async function written(files: string[], waitMs: number): Promise<boolean> {
  const until = Date.now() + waitMs;
  let left = files;
  for (;;) {
    left = left.filter((f) => !endsWithHtml(f));
    if (left.length === 0) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const END = Buffer.from('</html>');

function endsWithHtml(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size < END.length) return false;
    const tail = Buffer.alloc(END.length);
    readSync(fd, tail, 0, END.length, size - END.length);
    return tail.equals(END);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
