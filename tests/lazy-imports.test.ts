import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../scripts/lib/generate.ts';

const ROOT = join(import.meta.dirname, '..');
const LAZY = ['yaml', 'gray-matter', 'satteri', 'hast-util-to-html', 'hast-util-sanitize', 'property-information', 'csv-parse'];
const work = mkdtempSync(join(tmpdir(), 'lazy-imports-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A module hook, written to `name`, that prints at exit which modules the run loaded (by import or require): for each
 * URL `pattern` matches, the first group that matched.
 */
function loadHook(name: string, pattern: RegExp): string {
  const path = join(work, name);
  writeFileSync(
    path,
    `import { registerHooks } from 'node:module';
const seen = new Set();
const pattern = new RegExp(${JSON.stringify(pattern.source)});
registerHooks({ load(url, context, next) {
  const m = pattern.exec(url);
  const found = m && m.slice(1).find((g) => g !== undefined);
  if (found) seen.add(found);
  return next(url, context);
} });
process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify([...seen].sort()) + '\\n'));
`,
  );
  return path;
}

// Which of the lazily loaded libraries the run loaded.
const hook = loadHook('hook.mjs', new RegExp(`node_modules/(${LAZY.join('|')})/`));

function loadedBy(plans: string): { status: number | null; loaded: string[]; output: string } {
  const r = spawnSync(process.execPath, ['--import', hook, join(ROOT, 'scripts/account-plans.ts'), 'validate', '--plans', plans], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, ACCOUNT_PLANS_CACHE: '0', GITHUB_ACTIONS: undefined },
  });
  const line = /^LOADED (.*)$/m.exec(r.stderr)?.[1];
  return { status: r.status, loaded: line === undefined ? ['<no report>'] : (JSON.parse(line) as string[]), output: r.stdout + r.stderr };
}

describe('libraries only some files need', () => {
  it('are not loaded by a run over plain YAML plans', () => {
    const plans = join(work, 'yaml-only');
    generateWorkspace(plans, { accounts: 5, seed: 1, mdx: 0 });
    expect(loadedBy(plans)).toMatchObject({ status: 0, loaded: [] });
  });

  it('are loaded when a plan is MDX', () => {
    const plans = join(work, 'with-mdx');
    generateWorkspace(plans, { accounts: 5, seed: 1, mdx: 1 });
    const { status, loaded } = loadedBy(plans);
    expect(status).toBe(0);
    expect(loaded).toEqual(expect.arrayContaining(['gray-matter', 'satteri']));
  });

  it('are loaded when the plans have a sales ledger: the CSV parser', () => {
    const { status, loaded } = loadedBy(join(ROOT, 'plans'));
    expect(status).toBe(0);
    expect(loaded).toContain('csv-parse');
  });

  it('are loaded when js-yaml refuses a file, and the error is still explained', () => {
    const plans = join(work, 'broken');
    generateWorkspace(plans, { accounts: 2, seed: 1, mdx: 0 });
    writeFileSync(join(plans, 'accounts/broken.yaml'), 'id: broken\nname: "unclosed\n');
    const { status, loaded, output } = loadedBy(plans);
    expect(status).toBe(2);
    expect(loaded).toContain('yaml');
    expect(output).toMatch(/accounts\/broken\.yaml:2:\d+/);
  });
});

describe('a run whose output the run cache replays', () => {
  // Whether the run loaded Zod, the CSV parser, or any module of the engine.
  const engineHook = loadHook('engine-hook.mjs', /node_modules\/(zod|csv-parse)\/|src\/core\/(engine|rules|rollup|portfolio)\//);
  const run = (cwd: string, plans: string, command: string[]) => {
    const r = spawnSync(process.execPath, ['--import', engineHook, join(ROOT, 'scripts/run.mjs'), ...command, '--plans', plans], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: undefined } });
    return { status: r.status, stdout: r.stdout, loaded: JSON.parse(/^LOADED (.*)$/m.exec(r.stderr)?.[1] ?? '["<no report>"]') as string[] };
  };

  it.each([['validate'], ['check', '--json', '--today', '2026-11-24']])('loads neither Zod nor the engine: %s', (...command) => {
    const cwd = mkdtempSync(join(work, 'replay-'));
    mkdirSync(join(cwd, 'node_modules'));
    const plans = join(cwd, 'plans');
    generateWorkspace(plans, { accounts: 5, seed: 1, mdx: 0 });
    const first = run(cwd, plans, command);
    expect(first.loaded).toEqual(expect.arrayContaining(['engine', 'zod']));
    const again = run(cwd, plans, command);
    expect(again).toEqual({ status: first.status, stdout: first.stdout, loaded: [] });
  });
});
