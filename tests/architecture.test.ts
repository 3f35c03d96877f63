import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The imports of src/core, read from the text of every .ts file (type-only imports and re-exports included,
 * since a cycle of types still ties two modules together), checked for cycles and for imports "up" or out.
 */
const ROOT = resolve(import.meta.dirname, '..');
const CORE = join(ROOT, 'src/core');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module a file names in an import or export statement, or a dynamic import. */
export function specifiersOf(text: string): string[] {
  const found: string[] = [];
  const statement = /(?:^|[\n;])\s*(?:import|export)\b[^'";]*?\bfrom\s*(['"])([^'"]+)\1|(?:^|[\n;])\s*import\s*(['"])([^'"]+)\3|\bimport\s*\(\s*(['"])([^'"]+)\5\s*\)/g;
  for (const m of text.matchAll(statement)) found.push((m[2] ?? m[4] ?? m[6])!);
  return found;
}

const rel = (p: string) => relative(ROOT, p).split('\\').join('/');
const files = tsFiles(CORE);
const graph = new Map<string, { local: string[]; packages: string[] }>();
for (const file of files) {
  const specs = specifiersOf(readFileSync(file, 'utf8'));
  graph.set(rel(file), {
    local: specs.filter((s) => s.startsWith('.')).map((s) => rel(resolve(dirname(file), s))),
    packages: specs.filter((s) => !s.startsWith('.')),
  });
}

/** The cycles, each as the path of files that closes it (Tarjan's strongly connected components). */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.local ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = graph.get(v)?.local.includes(v) ?? false;
      if (component.length > 1 || selfLoop) out.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

describe('the imports of src/core', () => {
  it('finds the import statements of every kind', () => {
    const text = "import type { A } from './a.ts';\nexport { b } from \"./b.ts\";\nimport './c.ts';\nexport * from './d.ts';\nconst e = await import('./e.ts');\nimport {\n  f,\n  type G,\n} from './f.ts';";
    expect(specifiersOf(text)).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts']);
  });

  it('reads a fair number of modules', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('have no cycle, type-only imports included', () => {
    expect(cycles()).toEqual([]);
  });

  it('resolve to files that exist', () => {
    const missing = [...graph].flatMap(([from, { local }]) => local.filter((to) => !graph.has(to) && !to.startsWith('schemas/')).map((to) => `${from} -> ${to}`));
    expect(missing).toEqual([]);
  });

  it('never reach Astro, the site (src/lib, src/routes, components, layouts) or the scripts', () => {
    const outside = /^(src\/(lib|routes|components|layouts)|scripts)\//;
    const wrong = [...graph].flatMap(([from, { local, packages }]) => [
      ...local.filter((to) => outside.test(to)).map((to) => `${from} -> ${to}`),
      ...packages.filter((p) => p === 'astro' || p.startsWith('astro:') || p.startsWith('astro/') || p.startsWith('@astrojs/')).map((p) => `${from} -> ${p}`),
    ]);
    expect(wrong).toEqual([]);
  });

  it('point down the layers: shared <- diagnostics <- load, git <- rollup, portfolio, rules, comp <- report, charts, templates <- engine <- views', () => {
    const layer = (file: string): number => {
      const part = file.replace(/^src\/core\//, '').split('/')[0]!;
      const layers: Record<string, number> = { shared: 0, diagnostics: 1, 'model.ts': 2, load: 2, git: 2, rollup: 3, portfolio: 3, rules: 3, comp: 3, report: 4, charts: 4, templates: 4, engine: 5, views: 6 };
      return Object.hasOwn(layers, part) ? layers[part]! : 2;
    };
    const up = [...graph].flatMap(([from, { local }]) =>
      local.filter((to) => to.startsWith('src/core/') && layer(to) > layer(from)).map((to) => `${from} -> ${to}`),
    );
    expect(up).toEqual([]);
  });
});
