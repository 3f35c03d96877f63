import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .astro file of the site: pages, components and layouts. */
function astroFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? astroFiles(path) : e.name.endsWith('.astro') ? [path] : [];
  });
}

const files = ['src/routes', 'src/components', 'src/layouts'].flatMap(astroFiles);

// Pages lay out what their view model in src/core/views gives them: filtering, sorting and summing
// belong there, where they are tested. A .map( that emits markup is layout and stays allowed.
describe('.astro files only lay out', () => {
  it('finds the site\'s pages and components', () => {
    expect(files).toContain(join('src/routes/accounts/[id].astro'));
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((name) => ({ name })))('$name computes nothing', ({ name }) => {
    const found = readFileSync(name, 'utf8').split('\n').flatMap((line, i) =>
      /\.(reduce|filter|sort|flatMap)\(/.test(line) ? [`${name}:${i + 1}: ${line.trim()}`] : []);
    expect(found).toEqual([]);
  });
});
