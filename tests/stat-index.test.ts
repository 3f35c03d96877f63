import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine/index.ts';
import { contentHash } from '../src/core/load/cache-key.ts';
import { checksum, CHECKSUM_BYTES } from '../src/core/load/cache-folder.ts';
import { PlansFileChanged, readPlansFolder, type PlansFile } from '../src/core/load/files.ts';
import { mayShowImage } from '../src/core/load/narrative/image-hint.ts';
import { checkNarrativeImages } from '../src/core/load/narrative/images.ts';
import { fixtureFiles, writeTree } from './fuzz/case.ts';

/*
 * The stat index (src/core/load/stat-index.ts): a plans file whose lstat is as recorded is known by its hash and read
 * only when its bytes are asked for; a file written less than two seconds before it was read is never vouched for; an
 * index that is damaged, foreign or a link is no index; and a run through it prints exactly what a run without caches
 * prints, whatever changed in between, including a change that kept the file's size and modification time.
 */

const TODAY = '2026-11-24';
/** Longer than the index's racy window: files written before it are recorded by the next read. */
const SETTLE_MS = 2100;

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A working directory with node_modules/ (the caches live there) and the example plans in plans/, removed after the test. */
function workdir(keep = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'stat-index-'));
  mkdirSync(join(dir, 'node_modules'));
  writeTree(join(dir, 'plans'), fixtureFiles('plans'));
  if (!keep) dirs.push(dir);
  return dir;
}

const folderOf = (dir: string) => join(dir, 'node_modules', '.cache', 'account-plans');
const indexFile = (dir: string) => {
  const name = readdirSync(folderOf(dir)).find((n) => n.endsWith('.stat'));
  return name === undefined ? undefined : join(folderOf(dir), name);
};
const read = (dir: string, env: NodeJS.ProcessEnv = {}) => readPlansFolder('plans', dir, { index: true, env });
const vouched = (files: readonly PlansFile[]) => files.filter((f) => f.hash !== undefined).map((f) => f.rel);
const plan = (files: readonly PlansFile[], rel: string) => files.find((f) => f.rel === rel)!;
const A_PLAN = 'accounts/bayou-instrument-repair.yaml';

/** A folder settled past the racy window and read once, so its index holds every file: the files of a second read. */
async function vouchedFolder(before: (dir: string) => void = () => undefined): Promise<{ dir: string; files: PlansFile[] }> {
  const dir = workdir();
  before(dir);
  await sleep(SETTLE_MS);
  read(dir);
  return { dir, files: read(dir) };
}

/** Rewrites a file with other bytes of the same length, and puts its modification time back: only ctime tells. */
function sameSizeSameMtime(path: string): void {
  const before = statSync(path, { bigint: true });
  const text = readFileSync(path, 'utf8');
  // A forecast of 15000 becomes 95000 (or back): a figure every check prints.
  const changed = text.replace(/(period: FY2027-Q1, revenue: )(\d)/, (_m, at: string, d: string) => `${at}${d === '9' ? '1' : '9'}`);
  expect(changed).not.toBe(text);
  expect(changed.length).toBe(text.length);
  writeFileSync(path, changed);
  // Exactly as it was, to the nanosecond (utimes through a Date would keep whole milliseconds; the index compares finer).
  const ns = before.mtimeNs;
  execFileSync('touch', ['-m', '-d', `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`, path]);
  const after = statSync(path, { bigint: true });
  expect(after.mtimeNs).toBe(before.mtimeNs);
  expect(after.size).toBe(before.size);
}

/** The check --json of the folder, through the caches (the stat index among them) and without any. */
async function cachedAndUncached(dir: string): Promise<[string, string]> {
  const options = { plans: 'plans', cwd: dir, today: TODAY };
  return [JSON.stringify(await check({ ...options, cache: true })), JSON.stringify(await check({ ...options, cache: false }))];
}

describe('what the index vouches for', () => {
  let dir: string;
  beforeAll(async () => {
    dir = workdir(true);
    await sleep(SETTLE_MS);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a file read once, long enough after it was written, is known by its hash the next time and read only when asked', () => {
    const first = read(dir);
    expect(vouched(first)).toEqual([]);
    expect(indexFile(dir)).toBeDefined();
    const second = read(dir);
    // workspace.yaml is always read: its size limit applies to every other file.
    expect(vouched(second)).toEqual(first.filter((f) => f.rel !== 'workspace.yaml' && f.bytes.length > 0).map((f) => f.rel));
    for (const f of second) {
      const bytes = readFileSync(join(dir, 'plans', f.rel));
      if (f.hash !== undefined) {
        expect(f.hash).toBe(contentHash(bytes));
        expect(f.size).toBe(bytes.length);
      }
      expect(Buffer.from(f.bytes).equals(bytes)).toBe(true);
    }
  });

  it('the index is not written again by a run that changed nothing', () => {
    read(dir);
    const path = indexFile(dir)!;
    const before = statSync(path);
    read(dir);
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(path).ino).toBe(before.ino);
  });

  it('ACCOUNT_PLANS_CACHE=0 reads every file and leaves no index', () => {
    const other = workdir();
    const files = read(other, { ACCOUNT_PLANS_CACHE: '0' });
    expect(vouched(files)).toEqual([]);
    expect(readdirSync(other, { recursive: true }).some((n) => String(n).endsWith('.stat'))).toBe(false);
  });
});

describe('a change the index must see', () => {
  it('a file just written is read again on every run until it has settled (git\'s racily clean entries)', () => {
    const dir = workdir();
    // Everything was written just now: nothing may be vouched for, however often it is read.
    read(dir);
    read(dir);
    expect(vouched(read(dir))).toEqual([]);
  });

  it('new bytes of the same length under the same modification time are read, not taken from the index', async () => {
    const dir = workdir();
    await sleep(SETTLE_MS);
    read(dir);
    sameSizeSameMtime(join(dir, 'plans', A_PLAN));
    const files = read(dir);
    expect(vouched(files)).not.toContain(A_PLAN);
    expect(Buffer.from(plan(files, A_PLAN).bytes).equals(readFileSync(join(dir, 'plans', A_PLAN)))).toBe(true);
  });

  it('a vouched file that changes before its bytes are read stops the run with an error naming it, never a result', async () => {
    const { dir, files } = await vouchedFolder();
    const f = plan(files, A_PLAN);
    expect(f.hash).toBeDefined();
    writeFileSync(join(dir, 'plans', A_PLAN), `${readFileSync(join(dir, 'plans', A_PLAN), 'utf8')}# one more line\n`);
    expect(() => f.bytes).toThrow(PlansFileChanged);
    expect(() => f.bytes).toThrow(`plans/${A_PLAN} changed while the plans were being read. Run the command again once the files are saved.`);
  });

  it('a vouched file removed, or replaced by a link, before its bytes are read is the same error', async () => {
    const { dir, files } = await vouchedFolder();
    const removed = plan(files, A_PLAN);
    rmSync(join(dir, 'plans', A_PLAN));
    expect(() => removed.bytes).toThrow(PlansFileChanged);
    const linked = files.find((f) => f.hash !== undefined && f.rel !== A_PLAN && f.rel.startsWith('accounts/'))!;
    writeFileSync(join(dir, 'secret.txt'), 'not a plan\n');
    rmSync(join(dir, 'plans', linked.rel));
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'plans', linked.rel));
    expect(() => linked.bytes).toThrow(PlansFileChanged);
  });

  it('check prints exactly what it prints without caches after each kind of change', async () => {
    const dir = workdir();
    await sleep(SETTLE_MS);
    let [cached, uncached] = await cachedAndUncached(dir);
    expect(cached).toBe(uncached);
    // Now every file is vouched for: the run reads only what a message points into.
    [cached, uncached] = await cachedAndUncached(dir);
    expect(cached).toBe(uncached);
    sameSizeSameMtime(join(dir, 'plans', A_PLAN));
    const before = cached;
    [cached, uncached] = await cachedAndUncached(dir);
    expect(cached).toBe(uncached);
    expect(cached).not.toBe(before);
    writeFileSync(join(dir, 'plans', 'accounts', 'zz-new.yaml'), readFileSync(join(dir, 'plans', A_PLAN)));
    rmSync(join(dir, 'plans', 'accounts', 'brenmoor-foods.yaml'));
    [cached, uncached] = await cachedAndUncached(dir);
    expect(cached).toBe(uncached);
  });
});

describe('the narratives\' image check', () => {
  it('reads a vouched narrative only when it may show an image', async () => {
    const { dir, files } = await vouchedFolder((at) => {
      const shown = join(at, 'plans', 'accounts/aldersgate-scientific.mdx');
      writeFileSync(shown, `${readFileSync(shown, 'utf8')}\n![A chart](chart.png)\n`);
    });
    const narratives = files.filter((f) => f.rel.endsWith('.mdx'));
    const withImage = narratives.filter((f) => mayShowImage(readFileSync(join(dir, 'plans', f.rel))));
    expect(withImage.map((f) => f.rel)).toEqual(['accounts/aldersgate-scientific.mdx']);
    for (const f of narratives) expect(f.mayShowImage, f.rel).toBe(withImage.includes(f));
    const before = checkNarrativeImages(files, join(dir, 'plans'));
    expect(before.map((d) => d.file)).toEqual([`plans/accounts/aldersgate-scientific.mdx`]);
    // A narrative without an image is never read by the check: removed now, it goes unnoticed until its bytes are needed.
    for (const f of narratives) if (!withImage.includes(f)) rmSync(join(dir, 'plans', f.rel));
    expect(checkNarrativeImages(files, join(dir, 'plans'))).toEqual(before);
    // One that may show an image is read, and checked against what the index vouched for.
    const stale = read(dir).find((f) => f.rel === 'accounts/aldersgate-scientific.mdx')!;
    writeFileSync(join(dir, 'plans', stale.rel), `${readFileSync(join(dir, 'plans', stale.rel), 'utf8')}\n![another](missing.png)\n`);
    expect(() => checkNarrativeImages([stale], join(dir, 'plans'))).toThrow(PlansFileChanged);
  });
});

describe('a hostile or damaged index is no index', () => {
  /** A settled folder read twice, so its index holds every file; returns the index's path. */
  async function indexed(): Promise<{ dir: string; path: string }> {
    const { dir, files } = await vouchedFolder();
    expect(vouched(files).length).toBeGreaterThan(0);
    return { dir, path: indexFile(dir)! };
  }

  const HEAD = 'account-plans stat index 5\n';

  /** The index's rows as its file holds them: eight values a row (the path, then size, mtime, ctime, inode and device as numbers, the hash, and "image" or ""). */
  function rowsOf(path: string): (string | number)[] {
    const whole = readFileSync(path);
    return JSON.parse(whole.subarray(HEAD.length, whole.length - CHECKSUM_BYTES).toString('utf8')) as (string | number)[];
  }

  /** Writes `rows` as the index, with its head and a right checksum. */
  function sealRows(path: string, rows: unknown[]): void {
    sealed(path, Buffer.from(HEAD + JSON.stringify(rows), 'utf8'));
  }

  /** The index file with `content` and a matching checksum, as the tool writes it (cache-folder.ts). */
  function sealed(path: string, content: Buffer): void {
    writeFileSync(path, Buffer.concat([content, checksum(content)]));
  }

  it('a changed byte: nothing is vouched for, nothing crashes, and the index is written anew', async () => {
    const { dir, path } = await indexed();
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0xff, bytes.length >> 1);
    writeFileSync(path, bytes);
    expect(vouched(read(dir))).toEqual([]);
    expect(vouched(read(dir)).length).toBeGreaterThan(0);
  });

  it('cut short, empty, or of another version: nothing is vouched for', async () => {
    const { dir, path } = await indexed();
    const whole = readFileSync(path);
    for (const bad of [whole.subarray(0, whole.length - 7), Buffer.alloc(0)]) {
      writeFileSync(path, bad);
      expect(vouched(read(dir))).toEqual([]);
    }
    sealed(path, Buffer.from(whole.subarray(0, whole.length - CHECKSUM_BYTES).toString('latin1').replace(HEAD, HEAD.replace(/\d+\n$/, '99\n')), 'latin1'));
    expect(vouched(read(dir))).toEqual([]);
  });

  it('rows of the wrong shape, a __proto__ row and rows for files that are not there are ignored; the right rows still count', async () => {
    const { dir, path } = await indexed();
    const rows = rowsOf(path);
    const at = rows.indexOf(A_PLAN);
    const good = rows.slice(at + 1, at + 8);
    // Another plan's row with its numbers written as strings, as an index of an earlier format held them.
    const other = rows.findIndex((r, i) => i % 8 === 0 && typeof r === 'string' && r.startsWith('accounts/') && r !== A_PLAN);
    const asStrings = [rows[other], ...rows.slice(other + 1, other + 6).map(String), ...rows.slice(other + 6, other + 8)];
    const hostile = ['__proto__', ...good, 'accounts/ghost.yaml', ...good, 'team.yaml', 1, 2, 3, 4, 5, 6, 7, 'goals.yaml', ...good.slice(0, 6), 'x', ...asStrings, A_PLAN, ...good];
    sealRows(path, hostile);
    const files = read(dir);
    expect(vouched(files)).toEqual([A_PLAN]);
    expect(({} as Record<string, unknown>)['0']).toBeUndefined();
    expect(Buffer.from(plan(files, A_PLAN).bytes).equals(readFileSync(join(dir, 'plans', A_PLAN)))).toBe(true);
  });

  it('a right-shaped row with a wrong hash stops one run with the file named, then is gone: the next run reads the file', async () => {
    const { dir, path } = await indexed();
    const rows = rowsOf(path);
    const at = rows.indexOf(A_PLAN);
    // As a file system that keeps every stat value through a write, or a cache folder copied with other plans, would leave it.
    rows[at + 6] = contentHash(Buffer.from('other bytes'));
    sealRows(path, rows);
    const lied = plan(read(dir), A_PLAN);
    expect(lied.hash).toBe(rows[at + 6]);
    expect(() => lied.bytes).toThrow(PlansFileChanged);
    const next = read(dir);
    expect(vouched(next)).not.toContain(A_PLAN);
    expect(Buffer.from(plan(next, A_PLAN).bytes).equals(readFileSync(join(dir, 'plans', A_PLAN)))).toBe(true);
  });

  it('an index that is a link is neither read nor written through', async () => {
    const { dir, path } = await indexed();
    const target = join(dir, 'elsewhere.json');
    writeFileSync(target, readFileSync(path));
    const before = readFileSync(target);
    rmSync(path);
    symlinkSync(target, path);
    expect(vouched(read(dir))).toEqual([]);
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  it('an index that is a folder or a FIFO is never opened', async () => {
    const { dir, path } = await indexed();
    rmSync(path);
    mkdirSync(path);
    expect(vouched(read(dir))).toEqual([]);
    rmSync(path, { recursive: true });
    execFileSync('mkfifo', [path]);
    expect(vouched(read(dir))).toEqual([]);
  });
});
