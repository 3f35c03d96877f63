import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlansCache } from '../src/core/load/cache.ts';
import { CHECKSUM_BYTES } from '../src/core/load/cache-folder.ts';
import { contentHash, toolFingerprint } from '../src/core/load/cache-key.ts';
import { loadFile } from '../src/core/load/load-file.ts';
import { YamlSource } from '../src/core/load/yaml-source.ts';
import type { PathSegment } from '../src/core/diagnostics/diagnostic.ts';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';

const POISON = 'a message only the planted cache entry has';
/** The pack's footer (cache-pack.ts): where the table starts, its row count, its checksum, the tag. */
const PACK_FOOTER = 12 + CHECKSUM_BYTES;
const CLEAN = '0 errors, 0 warnings, 0 notes in 2 account plans.\n';
const POISONED = `plans/accounts/acme.yaml:1:1 error ${POISON}\n1 error, 0 warnings, 0 notes.\n`;

let box: Sandbox | undefined;
afterEach(() => box?.remove());

/** A sandbox whose working directory has node_modules/, so the cache lives (only) inside it. */
function sandbox(): Sandbox {
  box = makeSandbox();
  mkdirSync(join(box.dir, 'node_modules'));
  return box;
}

const cacheFolder = (s: Sandbox) => join(s.dir, 'node_modules', '.cache', 'account-plans');
const packOf = (s: Sandbox) => {
  const folder = cacheFolder(s);
  return join(folder, readdirSync(folder).find((n) => n.endsWith('.pack'))!);
};

/**
 * Plants, for accounts/acme.yaml as it is on disk (or for `asIfFor`'s bytes), an entry that says the file is
 * broken with POISON: a run that shows POISON used the entry, one that does not parsed the file again.
 */
function plant(s: Sandbox, asIfFor?: Uint8Array, extra: Record<string, unknown> = {}): void {
  // A run whose inputs are all unchanged prints its last output (tests/run-cache.test.ts): without those records,
  // the next run reads its files' entries, which is what these tests are about.
  removeRunRecords(s);
  const cache = PlansCache.open(s.plans, s.dir)!;
  const bytes = readFileSync(join(s.plans, 'accounts/acme.yaml'));
  const entryKey = cache.keyOf({ display: 'plans/accounts/acme.yaml', rel: 'accounts/acme.yaml', bytes: asIfFor ?? bytes });
  cache.set({ key: entryKey, parse: [{ file: 'plans/accounts/acme.yaml', line: 1, column: 1, severity: 'error', code: 'not-a-mapping', message: POISON }], parsed: false, ...extra });
  cache.save();
}

const validate = (s: Sandbox, args: string[] = [], env: Record<string, string> = {}) => runScript('validate', ['--plans', 'plans', ...args], { cwd: s.dir, env });

describe('the content cache', () => {
  it('is used when the plan and the tool are unchanged, and a second run gives the first run\'s output', () => {
    const s = sandbox();
    expect(validate(s)).toMatchObject({ status: 0, stdout: CLEAN });
    expect(validate(s)).toMatchObject({ status: 0, stdout: CLEAN });
    plant(s);
    expect(validate(s)).toMatchObject({ status: 2, stdout: POISONED });
  });

  it.each([
    { name: 'the plan is edited', act: (s: Sandbox) => s.write({ 'accounts/acme.yaml': `${readFileSync(join(s.plans, 'accounts/acme.yaml'), 'utf8')}# edited\n` }) },
    { name: 'the pack was written by another version of the tool', act: (s: Sandbox) => rewritePack(s, (b) => Buffer.from(b.toString('latin1').replace(toolFingerprint()!, 'f'.repeat(64)), 'latin1')) },
    { name: 'the run says --no-cache', args: ['--no-cache'] },
    { name: 'ACCOUNT_PLANS_CACHE=0 is set', env: { ACCOUNT_PLANS_CACHE: '0' } },
  ])('gives fresh results when $name', ({ act, args, env }) => {
    const s = sandbox();
    plant(s);
    act?.(s);
    expect(validate(s, args, env)).toMatchObject({ status: 0, stdout: CLEAN, stderr: '' });
  });
});

function removeRunRecords(s: Sandbox): void {
  const folder = cacheFolder(s);
  for (const name of existsSync(folder) ? readdirSync(folder) : []) if (name.endsWith('.run')) rmSync(join(folder, name));
}

function rewritePack(s: Sandbox, change: (bytes: Buffer) => Buffer): void {
  const pack = packOf(s);
  writeFileSync(pack, change(readFileSync(pack)));
}

describe('a damaged or hostile cache is ignored: never a crash, never a write outside the cache folder', () => {
  const cases: { name: string; act: (s: Sandbox) => void }[] = [
    { name: 'garbage bytes in the pack', act: (s) => rewritePack(s, (b) => Buffer.concat([b.subarray(0, 120), Buffer.from('\x00\xff garbage \xfe'.repeat(50), 'latin1')])) },
    { name: 'a pack cut short', act: (s) => rewritePack(s, (b) => b.subarray(0, b.length - 7)) },
    { name: 'a pack of random bytes from the start', act: (s) => rewritePack(s, () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))) },
    { name: 'a valid-looking entry for another file\'s bytes', act: (s) => {
      rmSync(cacheFolder(s), { recursive: true });
      // The entry is filed under acme's current key but was made for other bytes of the same length.
      const other = Buffer.from(readFileSync(join(s.plans, 'accounts/acme.yaml')));
      other[0] = other[0] === 0x23 ? 0x20 : 0x23;
      plantUnder(s, other);
    } },
    { name: 'a cache folder that is a link to another folder', act: (s) => {
      rmSync(cacheFolder(s), { recursive: true });
      symlinkSync(s.bystander, cacheFolder(s));
    } },
    { name: 'a cache "folder" that is a file', act: (s) => {
      rmSync(cacheFolder(s), { recursive: true });
      writeFileSync(cacheFolder(s), 'not a folder\n');
    } },
    { name: 'a table row that points past the entries', act: (s) => rewritePack(s, (b) => {
      const row = b.readUInt32LE(b.length - PACK_FOOTER);
      b.writeUInt32LE(0xfffffff0, row + 4);
      return b;
    }) },
    { name: 'a table that says it has one row more', act: (s) => rewritePack(s, (b) => (b.writeUInt32LE(b.readUInt32LE(b.length - PACK_FOOTER + 4) + 1, b.length - PACK_FOOTER + 4), b)) },
    { name: 'an entry overwritten with zeros, its table intact', act: (s) => rewritePack(s, (b) => {
      const row = b.readUInt32LE(b.length - PACK_FOOTER);
      b.fill(0, b.readUInt32LE(row + 4), b.readUInt32LE(row + 4) + b.readUInt32LE(row + 8));
      return b;
    }) },
    // Only the entry's checksum tells this from the real thing: the entry still decodes, to another message.
    { name: 'one byte of the planted entry changed, its table intact', act: (s) => rewritePack(s, (b) => {
      const at = b.indexOf(POISON);
      b[at] = 'b'.charCodeAt(0);
      return b;
    }) },
    { name: 'a pack that is a FIFO (opening it would wait for a writer forever)', act: (s) => {
      const pack = packOf(s);
      rmSync(pack);
      execFileSync('mkfifo', [pack]);
    } },
    { name: 'a pack that is a link', act: (s) => {
      const pack = packOf(s);
      rmSync(pack);
      symlinkSync(join(s.bystander, 'keep.txt'), pack);
    } },
  ];
  it.each(cases)('$name', ({ act }) => {
    const s = sandbox();
    plant(s);
    act(s);
    const outside = () => new Map([...s.snapshot()].filter(([path]) => !path.startsWith('node_modules/.cache/account-plans/')));
    const before = outside();
    expect(validate(s)).toMatchObject({ status: 0, stdout: CLEAN, stderr: '' });
    expect(outside()).toEqual(before);
    // A second run reads what the first one left: still the truth.
    expect(validate(s)).toMatchObject({ status: 0, stdout: CLEAN, stderr: '' });
  });
});

/** Files acme's POISON entry under acme's real key, with the key inside the entry naming other bytes. */
function plantUnder(s: Sandbox, other: Uint8Array): void {
  plant(s, other);
  const cache = PlansCache.open(s.plans, s.dir)!;
  const realKey = cache.keyOf({ display: 'plans/accounts/acme.yaml', rel: 'accounts/acme.yaml', bytes: readFileSync(join(s.plans, 'accounts/acme.yaml')) });
  const otherKey = cache.keyOf({ display: 'plans/accounts/acme.yaml', rel: 'accounts/acme.yaml', bytes: other });
  rewritePack(s, (b) => Buffer.from(b.toString('latin1').replace(latin1(otherKey), latin1(realKey)), 'latin1'));
}

const latin1 = (utf8: string) => Buffer.from(utf8, 'utf8').toString('latin1');

describe('toolFingerprint', () => {
  it.each([
    { name: 'a schema is edited', change: (root: string) => writeFileSync(join(root, 'schemas/account.ts'), 'export const x = 2;\n') },
    { name: 'a file of core is added', change: (root: string) => writeFileSync(join(root, 'src/core/new.ts'), '\n') },
    { name: 'a locked dependency changes', change: (root: string) => writeFileSync(join(root, 'package-lock.json'), '{"v":2}\n') },
  ])('changes when $name', ({ change }) => {
    const root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
    try {
      mkdirSync(join(root, 'src/core'), { recursive: true });
      mkdirSync(join(root, 'schemas'));
      writeFileSync(join(root, 'schemas/account.ts'), 'export const x = 1;\n');
      writeFileSync(join(root, 'src/core/a.ts'), 'export {};\n');
      writeFileSync(join(root, 'package-lock.json'), '{"v":1}\n');
      const before = toolFingerprint(root);
      const copy = `${root}/../${root.split('/').pop()}`; // the same folder under another spelling: not memoised
      change(root);
      expect(toolFingerprint(copy)).not.toBe(before);
      expect(before).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is undefined where the tool\'s sources are not (a bundle): nothing is cached there', () => {
    expect(toolFingerprint(tmpdir())).toBeUndefined();
  });
});

describe('a position index is its own entry, read when a message first points into its file', () => {
  /**
   * A plan loaded through the cache: once to fill it, then again from it (saved), as a run's rules would see it; the
   * second time as the stat index gives a file it vouches for, its hash known and its bytes counted when read.
   */
  function loadTwice(s: Sandbox): { source: NonNullable<ReturnType<typeof loadFile>['source']>; text: string; reads: () => number } {
    const bytes = readFileSync(join(s.plans, 'accounts/acme.yaml'));
    const f = { rel: 'accounts/acme.yaml', display: 'plans/accounts/acme.yaml', bytes };
    const first = PlansCache.open(s.plans, s.dir)!;
    loadFile(f, 'yaml', 'account', first);
    first.save();
    let reads = 0;
    const vouched = { rel: f.rel, display: f.display, hash: contentHash(bytes), size: bytes.length, get bytes() { reads++; return bytes; } };
    const second = PlansCache.open(s.plans, s.dir)!;
    const loaded = loadFile(vouched, 'yaml', 'account', second);
    // The run saves its cache when the files are loaded, before any rule asks where a field is.
    second.save();
    return { source: loaded.source!, text: bytes.toString('utf8'), reads: () => reads };
  }

  /** Where every line of the plan that starts a field is, through a fresh parse: what the cached source must say. */
  const fresh = (text: string) => new YamlSource('plans/accounts/acme.yaml', text);
  const paths: PathSegment[][] = [['name'], ['owner'], ['forecast', 0, 'revenue'], ['stakeholders', 0, 'name'], ['nowhere', 3]];

  it('read after the run saved its cache, from the pack on disk, it gives the positions a fresh parse gives', () => {
    const s = sandbox();
    const { source, text } = loadTwice(s);
    for (const path of paths) expect(source.locate(path), JSON.stringify(path)).toEqual(fresh(text).locate(path));
  });

  it('a top-level field, present or not, as value or as key, is where a fresh parse says, without the text being read', () => {
    const s = sandbox();
    // Fields that come first, last, inline, as a list, and two the plan does not have.
    s.write({ 'accounts/acme.yaml': `${readFileSync(join(s.plans, 'accounts/acme.yaml'), 'utf8')}\ntier: A  # a comment\nstrategic:\n` });
    const { source, text, reads } = loadTwice(s);
    for (const key of ['name', 'owner', 'dimensions', 'forecast', 'stakeholders', 'tier', 'strategic', 'exec_sponsor', 'no-such-field']) {
      for (const target of ['value', 'key'] as const) {
        expect(source.locate([key], target), `${key} ${target}`).toEqual(fresh(text).locate([key], target));
      }
    }
    // The cached source answered every one of them without reading its file.
    expect(reads()).toBe(0);
    expect(source.locate(['forecast', 1, 'revenue'])).toEqual(fresh(text).locate(['forecast', 1, 'revenue']));
    expect(reads()).toBe(1);
  });

  it('a plan with a key made of NULs: a field it lacks is still where a fresh parse says', () => {
    const s = sandbox();
    s.write({ 'accounts/acme.yaml': `${readFileSync(join(s.plans, 'accounts/acme.yaml'), 'utf8')}"\\0": x\n"\\0\\0": y\n` });
    const { source, text } = loadTwice(s);
    for (const target of ['value', 'key'] as const) expect(source.locate(['tier'], target)).toEqual(fresh(text).locate(['tier'], target));
  });

  it('a pack removed or written anew before it is read: the positions are found from the file\'s text instead, the same', () => {
    for (const damage of [(p: string) => rmSync(p), (p: string) => writeFileSync(p, Buffer.alloc(readFileSync(p).length, 7))]) {
      const s = sandbox();
      const { source, text } = loadTwice(s);
      damage(packOf(s));
      for (const path of paths) expect(source.locate(path), JSON.stringify(path)).toEqual(fresh(text).locate(path));
      box?.remove();
    }
  });
});

describe('an entry whose kept facts are not of their shape is a miss, never used', () => {
  // Each is planted with the POISON message: a run that prints it used the entry.
  const at = (line: number, column: number) => [line, column];
  it.each([
    { name: 'a top-level position at line 0', extra: { top: [1, 1, 1, 1, 'name', 0, 1, 1, 1] } },
    { name: 'a top-level position that is not a whole number', extra: { top: [1, 1, 1, 1, 'name', 1.5, 1, 1, 1] } },
    { name: 'no answer for a missing field', extra: { top: [] } },
    { name: 'a field without its four numbers', extra: { top: [1, 1, 1, 1, 'name', 1, 1] } },
    { name: 'a number where a field\'s name goes', extra: { top: [1, 1, 1, 1, 7, 1, 1, 1, 1] } },
    { name: 'top-level positions as the earlier nested form', extra: { top: { fields: [['name', at(1, 7), at(1, 1)]], missing: [at(1, 1), at(1, 1)] } } },
    { name: 'a reference of a kind no schema has', extra: { refs: [{ kind: 'secret', path: ['owner'], value: 'x' }] } },
    { name: 'a reference whose path holds an object', extra: { refs: [{ kind: 'person', path: [{ x: 1 }], value: 'x' }] } },
    { name: 'a reference without a value', extra: { refs: [{ kind: 'person', path: ['owner'] }] } },
    { name: 'number hints that are not yes or no', extra: { numbers: { notPlain: 'yes', threeDecimals: false } } },
    { name: 'a plan\'s own checks that are not a list of lists', extra: { own: { stakeholders: [] } } },
    { name: 'a plan\'s own check that holds something other than diagnostics', extra: { own: [[{ file: 'plans/accounts/acme.yaml', line: 1 }], [], [], []] } },
  ])('$name', ({ extra }) => {
    const s = sandbox();
    expect(validate(s)).toMatchObject({ status: 0, stdout: CLEAN });
    plant(s, undefined, extra);
    expect(validate(s)).toMatchObject({ status: 0, stdout: CLEAN });
    // The same entry with well-shaped facts is used: the test would see it.
    plant(s);
    expect(validate(s)).toMatchObject({ status: 2, stdout: POISONED });
  });
});


describe('a plan\'s own checks (stakeholders, ids, forecast periods, offerings) are kept with its entry', () => {
  /** acme.yaml with a problem for each check of a plan alone: a circle of reports_to, an id twice, a period twice, an offering twice, an unknown objective. */
  const TROUBLED = `${readFileSync(join(import.meta.dirname, 'fixtures/minimal/accounts/acme.yaml'), 'utf8')
    .replace('  - { period: FY2027-Q2, revenue: 200, confidence: 0.5 }', '  - { period: FY2027-Q2, revenue: 200, confidence: 0.5 }\n  - { period: FY2027-Q2, revenue: 50 }\n  - { period: FY2027, revenue: 10 }')
    .replace('    name: Maria\n', '    name: Maria\n    reports_to: tom\n')}  - id: tom
    name: Tom again
penetration:
  - { offering: sensors, status: won }
  - { offering: sensors, status: open }
actions:
  - { id: call, description: Call Maria, owner: ann-lee, due: 2027-01-10, objective: nowhere }
`;

  it('a warm run prints what a cold run and a run without the cache print, problem by problem', () => {
    const s = sandbox();
    s.write({ 'accounts/acme.yaml': TROUBLED });
    const cold = validate(s);
    expect(cold.status, cold.stdout).toBe(2);
    for (const said of ['is a circle', 'is used twice', 'is already forecast', 'would count it twice', 'is listed twice', 'is not an objective']) expect(cold.stdout, said).toContain(said);
    removeRunRecords(s);
    expect(validate(s)).toMatchObject({ status: 2, stdout: cold.stdout });
    expect(validate(s, ['--no-cache'])).toMatchObject({ status: 2, stdout: cold.stdout });
  });

  it('are taken from the entry, not checked again: a planted diagnostic among them is printed', () => {
    const s = sandbox();
    expect(validate(s)).toMatchObject({ status: 0, stdout: CLEAN });
    removeRunRecords(s);
    const cache = PlansCache.open(s.plans, s.dir)!;
    const key = cache.keyOf({ display: 'plans/accounts/acme.yaml', rel: 'accounts/acme.yaml', bytes: readFileSync(join(s.plans, 'accounts/acme.yaml')) });
    const entry = cache.get(key)!;
    expect(entry.own).toEqual([]);
    const index = (typeof entry.index === 'function' ? entry.index() : entry.index) ?? null;
    const planted = { file: 'plans/accounts/acme.yaml', line: 9, column: 3, severity: 'error' as const, code: 'duplicate-id' as const, message: POISON, path: 'stakeholders[0].id' };
    cache.set({ ...entry, index, own: [[], [planted], [], []] });
    cache.save();
    expect(validate(s)).toMatchObject({ status: 2, stdout: `plans/accounts/acme.yaml:9:3 error ${POISON}\n1 error, 0 warnings, 0 notes.\n` });
    // Without the cache the plan is checked, and is clean.
    expect(validate(s, ['--no-cache'])).toMatchObject({ status: 0, stdout: CLEAN });
  });
});
