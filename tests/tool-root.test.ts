import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolRootFor } from '../src/core/load/history/tool-root.ts';

const ROOT = join(import.meta.dirname, '..');

/** A repository made by init, with the package installed as npm installs it (src/, schemas/, compiled/). */
function installedRepository(options: { compiled: boolean; name?: string }): string {
  const repo = mkdtempSync(join(tmpdir(), 'tool-root-'));
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'acme-plans', private: true }));
  const pkg = join(repo, 'node_modules', 'account-plans');
  for (const dir of ['src/core', 'schemas', ...(options.compiled ? ['compiled/src/core', 'compiled/schemas'] : [])]) mkdirSync(join(pkg, dir), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: options.name ?? 'account-plans', version: '0.4.0' }));
  return repo;
}

describe('the tool whose code keys the caches, found from where a command runs (the site, the history)', () => {
  it('is this repository when the command runs in it', () => {
    expect(toolRootFor(ROOT)).toBe(ROOT);
  });

  it('is the installed package\'s compiled/ folder in a repository made by init, as its command line runs from there', () => {
    const repo = installedRepository({ compiled: true });
    expect(toolRootFor(repo)).toBe(join(repo, 'node_modules', 'account-plans', 'compiled'));
  });

  it('is the installed package itself when it has no compiled/ folder', () => {
    const repo = installedRepository({ compiled: false });
    expect(toolRootFor(repo)).toBe(join(repo, 'node_modules', 'account-plans'));
  });

  it('is nobody when node_modules/account-plans is another package, or there is none: then nothing is cached', () => {
    expect(toolRootFor(installedRepository({ compiled: true, name: 'account-plans-fork' }))).toBeUndefined();
    expect(toolRootFor(mkdtempSync(join(tmpdir(), 'tool-root-none-')))).toBeUndefined();
  });
});

describe('the history cache of a repository made by init', () => {
  it('is kept under the repository\'s own node_modules, beside validate\'s caches, not inside the installed package', async () => {
    const { openBlobCache, CACHE_FOLDER } = await import('../src/core/load/history/cache.ts');
    const { readdirSync } = await import('node:fs');
    const repo = installedRepository({ compiled: true });
    const cache = openBlobCache({ scope: 'repo\0plans', cwd: repo, fingerprint: 'a tool' });
    cache.set('blob', { ok: false, line: 1, column: 1, message: 'not a plan' });
    cache.save();
    expect(readdirSync(join(repo, CACHE_FOLDER)).filter((name) => name.endsWith('.json'))).toHaveLength(1);
    expect(openBlobCache({ scope: 'repo\0plans', cwd: repo, fingerprint: 'a tool' }).get('blob')).toEqual({ ok: false, line: 1, column: 1, message: 'not a plan' });
    expect(() => readdirSync(join(repo, 'node_modules', 'account-plans', 'node_modules'))).toThrow();
  });
});
