import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { accountPlans, PAGES_AT_ONCE } from '../src/astro/integration.ts';

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;

/** What the integration's config hook asks of Astro, for a site whose own build settings are `build`. */
function configOf(build: Partial<AstroConfig['build']>): { build?: Partial<AstroConfig['build']> } {
  const updates: { build?: Partial<AstroConfig['build']> }[] = [];
  const hook = accountPlans({ plans: 'tests/fixtures/minimal' }).hooks['astro:config:setup'] as Setup;
  const options = {
    config: { root: pathToFileURL(`${process.cwd()}/`), build: { concurrency: 1, ...build } },
    injectRoute: () => {},
    updateConfig: (update: { build?: Partial<AstroConfig['build']> }) => updates.push(update),
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
