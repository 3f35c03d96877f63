import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { afterEach, describe, expect, it } from 'vitest';
import { belowBase, pageFile, searchedFirst, SiteIndex } from '../src/astro/search-index.ts';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';

// The build hands each searched folder to Pagefind while Astro renders the other pages (src/astro/search-index.ts).
// Whichever way it goes, the index must be the one Pagefind makes from the finished site, file for file.

let folders: string[] = [];
afterEach(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
  folders = [];
});

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
  folders.push(dir);
  return dir;
}

/** Every file below `dir`, by path, with its bytes. */
function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)).toString('base64'));
  }
  return files;
}

/** The index Pagefind makes from the finished site, as the build made it before: every searched page at once. */
async function indexOfFinished(site: string): Promise<Map<string, string>> {
  const out = tempFolder();
  const { index } = await pagefind.createIndex({});
  try {
    await index!.addDirectory({ path: site, glob: '{accounts,people}/**/*.html' });
    await index!.writeFiles({ outputPath: out });
  } finally {
    await pagefind.close();
  }
  return filesOf(out);
}

const page = (title: string, words: string, searchable = true) =>
  `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main${searchable ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>${words}</p></main></body></html>`;

/** A site as Astro writes it: account and person pages, and pages nobody searches. */
function site(): string {
  const dir = tempFolder();
  const write = (path: string, html: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  };
  write('accounts/acme/index.html', page('Acme', 'sensors for the harbour'));
  write('accounts/globex/index.html', page('Globex', 'calibration service renewal'));
  write('accounts/index.html', page('Accounts', 'every account', false));
  write('findings/index.html', page('Findings', 'nobody searches this', false));
  write('people/ana/index.html', page('Ana', 'account executive harbour region'));
  write('people/index.html', page('People', 'everyone', false));
  return dir;
}

/** Tells `index` the pages Astro starts, in order (paths below the base), as the build's prerenderer does. */
function starting(index: SiteIndex, paths: string[]): void {
  for (const path of paths) index.starting(path, path.endsWith('.csv') ? undefined : pageFile(path));
}

const IN_ORDER = ['404', 'accounts/acme/', 'accounts/globex/', 'accounts/', 'accounts.csv', 'findings/', 'people/ana/', 'people/', 'search/'];

describe('the search index made while the site is built', () => {
  it('reads each folder once Astro has moved past it, and is the index of the finished site, file for file', async () => {
    const dir = site();
    const expected = await indexOfFinished(dir);
    const index = await SiteIndex.start(dir);
    starting(index, IN_ORDER);
    expect(await index.finish(dir)).toBe('as-rendered');
    expect(filesOf(join(dir, 'pagefind'))).toEqual(expected);
    // One fragment per searched page: the two accounts and the person, none of the pages without data-pagefind-body.
    expect([...expected.keys()].filter((f) => f.startsWith('fragment/'))).toHaveLength(3);
  });

  it('waits for a page Astro is still writing when it moves on', async () => {
    const dir = site();
    const expected = await indexOfFinished(dir);
    const whole = readFileSync(join(dir, 'accounts/globex/index.html'));
    writeFileSync(join(dir, 'accounts/globex/index.html'), whole.subarray(0, 40));
    const index = await SiteIndex.start(dir);
    starting(index, IN_ORDER);
    setTimeout(() => writeFileSync(join(dir, 'accounts/globex/index.html'), whole), 100);
    expect(await index.finish(dir)).toBe('as-rendered');
    expect(filesOf(join(dir, 'pagefind'))).toEqual(expected);
  });

  it('is made afresh from the finished site when a folder gets a page after it was read', async () => {
    const dir = site();
    const index = await SiteIndex.start(dir);
    starting(index, ['accounts/acme/', 'accounts/globex/', 'accounts/', 'findings/', 'accounts/initech/', 'people/ana/', 'people/']);
    mkdirSync(join(dir, 'accounts/initech'));
    writeFileSync(join(dir, 'accounts/initech/index.html'), page('Initech', 'late page'));
    const expected = await indexOfFinished(dir);
    expect(await index.finish(dir)).toBe('afresh');
    expect(filesOf(join(dir, 'pagefind'))).toEqual(expected);
  });

  it('is made afresh when the folder holds a page Astro did not render (one from public/), or one never whole', async () => {
    const dir = site();
    mkdirSync(join(dir, 'accounts/from-public'));
    writeFileSync(join(dir, 'accounts/from-public/index.html'), page('Public', 'copied as it is'));
    const expected = await indexOfFinished(dir);
    const index = await SiteIndex.start(dir);
    starting(index, IN_ORDER);
    expect(await index.finish(dir)).toBe('afresh');
    expect(filesOf(join(dir, 'pagefind'))).toEqual(expected);

    const cut = site();
    writeFileSync(join(cut, 'accounts/acme/index.html'), '<!DOCTYPE html><html lang="en"><body><main data-pagefind-body><h1>Acme</h1></main></body>');
    const cutExpected = await indexOfFinished(cut);
    const waiting = await SiteIndex.start(cut, 50);
    starting(waiting, IN_ORDER);
    expect(await waiting.finish(cut)).toBe('afresh');
    expect(filesOf(join(cut, 'pagefind'))).toEqual(cutExpected);
  });
});

/** Waits until `file` exists (the index written while pages still render), failing after 20 s. */
async function until(file: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (existsSync(file)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${file} never came`);
}

// The searched folders render first (searchedFirst), so the index can be written while the other pages render.
const SEARCHED_FIRST = ['accounts/acme/', 'accounts/globex/', 'accounts/', 'people/ana/', 'people/', '404', 'accounts.csv', 'findings/', 'search/'];

describe('the search index written while the other pages render', () => {
  it('is written once every searched folder is read, before the build ends, and is the finished site\'s index', async () => {
    const dir = site();
    const expected = await indexOfFinished(dir);
    const index = await SiteIndex.start(dir);
    index.expect(['accounts', 'people']);
    starting(index, SEARCHED_FIRST);
    // Written before finish is called: Astro is still rendering the findings and search pages.
    await until(join(dir, 'pagefind', 'pagefind-entry.json'));
    expect(await index.finish(dir)).toBe('as-rendered');
    expect(filesOf(join(dir, 'pagefind'))).toEqual(expected);
  });

  it('is not written early while a searched folder with pages is still to come', async () => {
    const dir = site();
    const index = await SiteIndex.start(dir);
    index.expect(['accounts', 'people']);
    starting(index, ['accounts/acme/', 'accounts/globex/', 'accounts/', 'findings/']);
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
    starting(index, ['people/ana/', 'people/', 'search/']);
    expect(await index.finish(dir)).toBe('as-rendered');
    expect(filesOf(join(dir, 'pagefind'))).toEqual(await indexOfFinished(dir));
  });

  it('is replaced whole, no file of it left, when a searched folder gets a page after it was written', async () => {
    const dir = site();
    const index = await SiteIndex.start(dir);
    index.expect(['accounts', 'people']);
    starting(index, SEARCHED_FIRST);
    await until(join(dir, 'pagefind', 'pagefind-entry.json'));
    mkdirSync(join(dir, 'people/from-public'));
    writeFileSync(join(dir, 'people/from-public/index.html'), page('Public', 'copied after the index was written'));
    const expected = await indexOfFinished(dir);
    expect(await index.finish(dir)).toBe('afresh');
    expect(filesOf(join(dir, 'pagefind'))).toEqual(expected);
  });

  it('puts the pages of the searched folders first, each group in the order Astro gave', () => {
    const paths = ['/', '/404', '/accounts/acme/', '/accounts.csv', '/findings/', '/accounts/', '/people/ana/', '/people/ana.csv', '/peoplex/', '/search/'].map((pathname) => ({ pathname }));
    expect(searchedFirst(paths, '/').map((p) => p.pathname)).toEqual(['/accounts/acme/', '/accounts/', '/people/ana/', '/people/ana.csv', '/', '/404', '/accounts.csv', '/findings/', '/peoplex/', '/search/']);
    // Below a base, with or without the base in the path.
    expect(searchedFirst([{ pathname: '/docs/findings/' }, { pathname: '/docs/people/ana/' }, { pathname: '/accounts/acme/' }], '/docs').map((p) => p.pathname)).toEqual(['/docs/people/ana/', '/accounts/acme/', '/docs/findings/']);
  });
});

describe('the page a URL of the site is written to', () => {
  it('takes the path below the base, decoded, and its index.html', () => {
    expect(belowBase('/accounts/acme/', '/')).toBe('accounts/acme/');
    expect(belowBase('/docs/accounts/acme/', '/docs')).toBe('accounts/acme/');
    expect(belowBase('/docs/accounts/acme/', '/docs/')).toBe('accounts/acme/');
    expect(belowBase('/docs', '/docs')).toBe('');
    expect(belowBase('/accounts/caf%C3%A9/', '/')).toBe('accounts/café/');
    expect(pageFile('accounts/acme/')).toBe('accounts/acme/index.html');
    expect(pageFile('accounts/acme')).toBe('accounts/acme/index.html');
    expect(pageFile('')).toBe('index.html');
  });

  it('has none for a URL outside the base or one that does not decode', () => {
    expect(belowBase('/other/accounts/acme/', '/docs/')).toBeUndefined();
    expect(belowBase('/docsx/accounts/', '/docs')).toBeUndefined();
    expect(belowBase('/accounts/%E0%A4%A/', '/')).toBeUndefined();
  });
});

// The real build: the account and person pages of a built site are searchable, and its index is the finished site's.
describe('npm run build', () => {
  let sb: Sandbox | undefined;
  afterEach(() => sb?.remove());

  it('writes the index of the finished site', async () => {
    sb = makeSandbox();
    const built = runScript('build', ['--plans', 'plans', '--out', 'out'], { cwd: sb.dir });
    expect(built.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    expect(built.status).toBe(0);
    const out = join(sb.dir, 'out');
    const index = filesOf(join(out, 'pagefind'));
    expect(index).toEqual(await indexOfFinished(out));
    const searchable = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html') && readFileSync(join(out, String(f)), 'utf8').includes('data-pagefind-body'));
    expect(searchable.length).toBeGreaterThan(2);
    expect([...index.keys()].filter((f) => f.startsWith('fragment/'))).toHaveLength(searchable.length);
  }, 180_000);
});
