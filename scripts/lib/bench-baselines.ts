import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countPages, fastest, measureCommand, type Sample } from './bench-run.ts';

/**
 * What the site build is compared with: the same account plans published by Hugo (when `hugo` is on the PATH) and
 * by a bare Astro site that does nothing but lay out each plan's fields. Both write every field of every plan, so
 * the difference with the tool's build is what the tool adds (validation, figures, charts, search, many page kinds).
 */
export interface Baseline {
  /** Pages the baseline wrote (its HTML files). */
  pages: number;
  sample: Sample;
}

export interface Baselines {
  /** Hugo over the account plans, one page each; null when Hugo is not installed, with the reason. */
  hugo: (Baseline & { version: string }) | { skipped: string };
  /** A bare Astro site of as many pages as the tool's build wrote, each laying out one plan's fields. */
  astro: Baseline;
}

/** The plans of a generated workspace as (id, front matter, body): a .yaml plan is all front matter. */
function plansOf(plansDir: string): { id: string; front: string; body: string }[] {
  const dir = join(plansDir, 'accounts');
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|mdx)$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const id = name.replace(/\.(ya?ml|mdx)$/, '');
      if (!name.endsWith('.mdx')) return { id, front: text, body: '' };
      const match = /^---\n([\s\S]*?)\n?---\n?([\s\S]*)$/.exec(text);
      return { id, front: match?.[1] ?? '', body: match?.[2] ?? '' };
    });
}

const indent = (text: string) => text.split('\n').map((line) => (line === '' ? line : `  ${line}`)).join('\n');

function hugoVersion(): string | undefined {
  const result = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return result.status === 0 ? (/v\d+\.\d+\.\d+/.exec(result.stdout)?.[0] ?? 'unknown version') : undefined;
}

/** A Hugo site whose template writes each plan's fields, nested maps and lists included. */
function writeHugoSite(site: string, plansDir: string): void {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'content', 'accounts'), { recursive: true });
  mkdirSync(join(site, 'layouts', '_default'), { recursive: true });
  writeFileSync(join(site, 'hugo.toml'), 'baseURL = "/"\ntitle = "Accounts"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n');
  // Every field, written inline three levels deep (a field, a list's items or a map's keys, their keys), deeper
  // values as Hugo prints them. A recursive partial writes the same fields but costs Hugo 2.5 times the CPU
  // (6.1 s against 2.4 s for 2,000 plans), which would flatter the tool: the baseline is the fast way.
  const fields =
    '<dl>{{ range $k, $v := .Params.plan }}<dt>{{ $k }}</dt><dd>' +
    '{{ if reflect.IsMap $v }}<dl>{{ range $k2, $v2 := $v }}<dt>{{ $k2 }}</dt><dd>{{ $v2 }}</dd>{{ end }}</dl>' +
    '{{ else if reflect.IsSlice $v }}<ul>{{ range $v }}<li>{{ if reflect.IsMap . }}<dl>{{ range $k3, $v3 := . }}<dt>{{ $k3 }}</dt><dd>{{ $v3 }}</dd>{{ end }}</dl>{{ else }}{{ . }}{{ end }}</li>{{ end }}</ul>' +
    '{{ else }}{{ $v }}{{ end }}</dd>{{ end }}</dl>';
  const page = (main: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>${main}</main></body></html>`;
  writeFileSync(join(site, 'layouts', '_default', 'single.html'), page(`${fields}{{ .Content }}`));
  writeFileSync(join(site, 'layouts', '_default', 'list.html'), page('<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>'));
  // Under one key, so no field of a plan is read as one of Hugo's own (title, date, type …).
  for (const plan of plansOf(plansDir)) {
    writeFileSync(join(site, 'content', 'accounts', `${plan.id}.md`), `---\ntitle: ${JSON.stringify(plan.id)}\nplan:\n${indent(plan.front)}\n---\n${plan.body}`);
  }
}

/** A bare Astro site: `pages` pages, each laying out one plan's fields (the plans taken in turn), nothing else. */
function writeAstroSite(site: string): void {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'src', 'pages', 'p'), { recursive: true });
  mkdirSync(join(site, 'src', 'components'), { recursive: true });
  writeFileSync(join(site, 'astro.config.mjs'), "export default { output: 'static', devToolbar: { enabled: false } };\n");
  writeFileSync(
    join(site, 'src', 'components', 'Value.astro'),
    [
      '---',
      'const { value } = Astro.props;',
      "const kind = value instanceof Date ? 'date' : Array.isArray(value) ? 'list' : value !== null && typeof value === 'object' ? 'map' : 'scalar';",
      '---',
      "{kind === 'list' ? <ul>{value.map((v) => <li><Astro.self value={v} /></li>)}</ul>",
      " : kind === 'map' ? <dl>{Object.entries(value).map(([k, v]) => <><dt>{k}</dt><dd><Astro.self value={v} /></dd></>)}</dl>",
      " : kind === 'date' ? value.toISOString().slice(0, 10) : String(value ?? '')}",
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(site, 'src', 'pages', 'p', '[n].astro'),
    [
      '---',
      "import { readFileSync } from 'node:fs';",
      "import yaml from 'js-yaml';",
      "import Value from '../../components/Value.astro';",
      'export function getStaticPaths() {',
      "  const plans = JSON.parse(readFileSync(process.env.BENCH_BARE_PLANS, 'utf8'));",
      '  const pages = Number(process.env.BENCH_BARE_PAGES);',
      '  return Array.from({ length: pages }, (_, n) => ({ params: { n: String(n) }, props: { plan: plans[n % plans.length] } }));',
      '}',
      'const { plan } = Astro.props;',
      '---',
      '<html lang="en"><head><meta charset="utf-8" /><title>{plan.id}</title></head><body><main><h1>{plan.id}</h1>',
      '<Value value={yaml.load(plan.front)} /><pre>{plan.body}</pre></main></body></html>',
      '',
    ].join('\n'),
  );
}

/** Fails the bench when a baseline did not write what it is credited with: the first plan's name, laid out as a field. */
function expectPlanFields(page: string, plansDir: string, what: string): void {
  const first = plansOf(plansDir)[0];
  const name = first && /^name: (.*)$/m.exec(first.front)?.[1];
  const html = readFileSync(page, 'utf8');
  if (name && !html.includes(`<dt>name</dt><dd>${name}`)) throw new Error(`${what} did not lay out the plan's fields in ${page}.`);
}

/**
 * Builds both baselines `runs` times each (fastest kept), in a scratch folder of this process inside the tool's
 * node_modules (so the bare site resolves Astro and js-yaml from there), removed afterwards.
 */
export function benchBaselines(options: { plansDir: string; pages: number; runs: number; toolRoot: string }): Baselines {
  const { plansDir, pages, runs, toolRoot } = options;
  const scratch = join(toolRoot, 'node_modules', '.cache', `account-plans-bench-${process.pid}`);
  try {
    return measureBaselines(plansDir, pages, runs, scratch, toolRoot);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function measureBaselines(plansDir: string, pages: number, runs: number, scratch: string, toolRoot: string): Baselines {
  const version = hugoVersion();
  let hugo: Baselines['hugo'] = { skipped: 'Hugo is not installed (hugo is not on the PATH)' };
  if (version) {
    const site = join(scratch, 'hugo-site');
    writeHugoSite(site, plansDir);
    const out = join(scratch, 'hugo-out');
    const sample = fastest(Array.from({ length: runs }, () => (rmSync(out, { recursive: true, force: true }), measureCommand('hugo', ['--quiet', '--source', site, '--destination', out]))));
    expectPlanFields(join(out, 'accounts', `${plansOf(plansDir)[0]?.id}`, 'index.html'), plansDir, 'Hugo');
    hugo = { version, pages: countPages(out), sample };
  }

  const site = join(scratch, 'bare-astro');
  writeAstroSite(site);
  const plansFile = join(scratch, 'bare-plans.json');
  writeFileSync(plansFile, JSON.stringify(plansOf(plansDir)));
  const env = { ...process.env, BENCH_BARE_PLANS: plansFile, BENCH_BARE_PAGES: String(pages), ASTRO_TELEMETRY_DISABLED: '1' };
  const astroBin = join(toolRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const out = join(site, 'dist');
  const sample = fastest(
    Array.from({ length: runs }, () => {
      rmSync(out, { recursive: true, force: true });
      rmSync(join(site, 'node_modules'), { recursive: true, force: true });
      return measureCommand(process.execPath, [astroBin, 'build', '--root', site, '--silent'], { env, cwd: site });
    }),
  );
  expectPlanFields(join(out, 'p', '0', 'index.html'), plansDir, 'The bare Astro site');
  return { hugo, astro: { pages: countPages(out), sample } };
}
