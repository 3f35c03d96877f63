import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { accountPlans, inlineAsset, PAGES_AT_ONCE } from '../src/astro/integration.ts';

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;

/** What the integration's config hook asks of Astro, for a site whose own build settings are `build`. */
function configOf(build: Partial<AstroConfig['build']>, vite: AstroConfig['vite'] = {}): { build?: Partial<AstroConfig['build']>; vite?: AstroConfig['vite'] } {
  const updates: { build?: Partial<AstroConfig['build']>; vite?: AstroConfig['vite'] }[] = [];
  const hook = accountPlans({ plans: 'tests/fixtures/minimal' }).hooks['astro:config:setup'] as Setup;
  const options = {
    config: { root: pathToFileURL(`${process.cwd()}/`), build: { concurrency: 1, ...build }, vite },
    injectRoute: () => {},
    updateConfig: (update: { build?: Partial<AstroConfig['build']>; vite?: AstroConfig['vite'] }) => updates.push(update),
  };
  void hook(options as unknown as Parameters<Setup>[0]);
  return Object.assign({}, ...updates);
}

// Astro waits for each page's folder and file write before it renders the next page; the integration has it render
// two at a time so that wait is spent on the other page (docs/development.md, "Benchmarks"). A site of its own may
// ask for more.
describe('the build settings the integration gives Astro', () => {
  it('renders two pages at a time, with one folder and index.html per page', () => {
    expect(PAGES_AT_ONCE).toBe(2);
    expect(configOf({}).build).toEqual({ format: 'directory', concurrency: 2 });
  });

  it("keeps a site's own setting of more pages at a time", () => {
    expect(configOf({ concurrency: 4 }).build).toEqual({ format: 'directory', concurrency: 4 });
  });
});

// A bundled script is its own file under _astro/, fetched once for the site, not repeated in every page that uses it
// (docs/development.md, "The lighter build"); stylesheets and other assets keep Vite's rule of inlining under 4 KB.
describe('what Vite inlines into a page', () => {
  it('serves every bundled script as a file of its own, however small', () => {
    expect(configOf({}).vite?.build?.assetsInlineLimit).toBe(inlineAsset);
    expect(inlineAsset('_astro/Mermaid.astro_astro_type_script_index_0_lang.CqXfyW4U.js', Buffer.alloc(2273))).toBe(false);
    expect(inlineAsset('_astro/Base.astro_astro_type_script_index_0_lang.DBFEvJy0.js', Buffer.alloc(10))).toBe(false);
  });

  it("keeps a site's own assetsInlineLimit", () => {
    expect(configOf({}, { build: { assetsInlineLimit: 8192 } }).vite?.build).toBeUndefined();
  });

  it('inlines a stylesheet or asset under 4 KB, as Vite does by default', () => {
    expect(inlineAsset('_astro/_id_.B9N3NjUI.css', Buffer.alloc(283))).toBe(true);
    expect(inlineAsset('_astro/Base.CZIqiajL.css', Buffer.alloc(14241))).toBe(false);
    expect(inlineAsset('_astro/logo.svg', Buffer.alloc(4096))).toBe(false);
  });
});
