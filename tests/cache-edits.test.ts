import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { check, validate } from '../src/core/engine/index.ts';
import { PlansCache } from '../src/core/load/cache.ts';
import { type CaseFiles, generatedFiles, toBytes, writeTree } from './fuzz/case.ts';
import { validFiles } from './fuzz/model.ts';
import { mutate, mutation } from './fuzz/mutate.ts';

/*
 * The content cache across edits (src/core/load/cache.ts, cache-pack.ts): a run after any sequence of edits, with
 * the cache every earlier run left (appended to, or written anew), gives exactly what a run without the cache
 * gives, for check and validate alike.
 */

const TODAY = '2026-11-24';
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A working directory with node_modules/ (so the cache lives inside it) and the plans in plans/. */
function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cache-edits-'));
  mkdirSync(join(dir, 'node_modules'));
  dirs.push(dir);
  return dir;
}

function writePlans(dir: string, files: CaseFiles): void {
  rmSync(join(dir, 'plans'), { recursive: true, force: true });
  writeTree(join(dir, 'plans'), files);
}

const packOf = (dir: string) => {
  const folder = join(dir, 'node_modules', '.cache', 'account-plans');
  const name = readdirSync(folder).find((n) => n.endsWith('.pack'));
  return name === undefined ? undefined : join(folder, name);
};

async function sameWithAndWithoutCache(dir: string): Promise<void> {
  const options = { plans: 'plans', cwd: dir, today: TODAY };
  const cached = JSON.stringify(await check({ ...options, cache: true }));
  const fresh = JSON.stringify(await check({ ...options, cache: false }));
  expect(cached).toBe(fresh);
  expect(JSON.stringify(await validate({ ...options, cache: true }))).toBe(JSON.stringify(await validate({ ...options, cache: false })));
}

/** An edit between two runs: a comment appended to one file, a mutation, the original files back, or a file removed. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('comment' as const), file: fc.nat(), n: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('mutate' as const), mutations: fc.array(mutation, { minLength: 1, maxLength: 2 }) }),
  fc.record({ kind: fc.constant('restore' as const) }),
  fc.record({ kind: fc.constant('drop' as const), file: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(original: CaseFiles, files: CaseFiles, e: Edit): CaseFiles {
  const names = Object.keys(files).sort();
  switch (e.kind) {
    case 'comment': {
      if (names.length === 0) return files;
      const rel = names[e.file % names.length]!;
      const text = new TextDecoder().decode(files[rel]);
      // In an MDX file a comment line goes in the narrative, where it is text; anywhere else it is a YAML comment.
      return { ...files, [rel]: toBytes(`${text}${text.endsWith('\n') ? '' : '\n'}# edited ${e.n}\n`) };
    }
    case 'mutate':
      return mutate(files, e.mutations);
    case 'restore':
      return original;
    case 'drop': {
      if (names.length === 0) return files;
      const copy = { ...files };
      delete copy[names[e.file % names.length]!];
      return copy;
    }
  }
}

describe('the content cache across edits', () => {
  it('gives what a run without the cache gives after every edit, for generated and mutated plans', async () => {
    const start = fc.oneof(validFiles, fc.integer({ min: 1, max: 500 }).map((seed) => generatedFiles(seed, 6, 0.3)));
    await fc.assert(
      fc.asyncProperty(start, fc.array(edit, { minLength: 1, maxLength: 5 }), async (original, edits) => {
        const dir = workdir();
        let files = original;
        writePlans(dir, files);
        await sameWithAndWithoutCache(dir);
        for (const e of edits) {
          files = applyEdit(original, files, e);
          writePlans(dir, files);
          await sameWithAndWithoutCache(dir);
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 20, seed: 27 },
    );
    // A limit for a slow, shared machine, not a timing: the property runs about a hundred checks.
  }, 600_000);

  it('appends what one edit changed to the pack, and writes the pack anew before its unused bytes outgrow the used', async () => {
    const dir = workdir();
    const original = generatedFiles(7, 40, 0.2);
    const plan = Object.keys(original).sort().find((rel) => rel.startsWith('accounts/') && rel.endsWith('.yaml'))!;
    writePlans(dir, original);
    const options = { plans: 'plans', cwd: dir, today: TODAY, cache: true };
    await check(options);
    const pack = packOf(dir)!;
    const first = statSync(pack);

    writePlans(dir, { ...original, [plan]: toBytes(`${new TextDecoder().decode(original[plan])}# edited\n`) });
    await check(options);
    const appended = statSync(pack);
    // The same file, longer: the new entry, a table and a footer after the old ones.
    expect(appended.ino).toBe(first.ino);
    expect(appended.size).toBeGreaterThan(first.size);

    let rewritten = false;
    for (let i = 0; i < 60 && !rewritten; i++) {
      writePlans(dir, { ...original, [plan]: toBytes(`${new TextDecoder().decode(original[plan])}# edit ${i}\n`) });
      await check(options);
      rewritten = statSync(pack).ino !== first.ino;
      expect(statSync(pack).size).toBeLessThan(2.5 * first.size);
    }
    expect(rewritten).toBe(true);
    await sameWithAndWithoutCache(dir);
  }, 300_000);

  it.each([
    { name: 'the pack grew since this run opened it (another run appended)', change: (pack: string) => appendFileSync(pack, Buffer.alloc(100, 7)) },
    { name: 'the pack was replaced by another file', change: (pack: string) => (rmSync(pack), appendFileSync(pack, 'not a pack')) },
    { name: 'the pack was replaced by a link', change: (pack: string, dir: string) => (rmSync(pack), appendFileSync(join(dir, 'elsewhere'), 'keep'), symlinkSync(join(dir, 'elsewhere'), pack)) },
  ])('a pack that changed under the run ($name) never gives a wrong result, and nothing is written through a link', async ({ change }) => {
    const dir = workdir();
    const original = generatedFiles(11, 5, 0);
    writePlans(dir, original);
    const options = { plans: 'plans', cwd: dir, today: TODAY, cache: true };
    await check(options);
    const pack = packOf(dir)!;
    // A run in the middle of its work: the old pack open, one new entry held to be appended.
    const cache = PlansCache.open(join(dir, 'plans'), dir)!;
    cache.set({ key: cache.keyOf({ display: 'plans/accounts/x.yaml', rel: 'accounts/x.yaml', bytes: toBytes('x') }), parse: [], parsed: false });
    change(pack, dir);
    cache.save();
    // Nothing is written through a link: the file it pointed at is as it was.
    if (readdirSync(dir).includes('elsewhere')) expect(readFileSync(join(dir, 'elsewhere'), 'utf8')).toBe('keep');
    await sameWithAndWithoutCache(dir);
    await sameWithAndWithoutCache(dir);
  }, 300_000);
});
