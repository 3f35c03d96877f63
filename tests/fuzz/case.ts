import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import { generateWorkspace } from '../../scripts/lib/generate.ts';
import type { PlansFile } from '../../src/core/load/files.ts';

/** A plans folder in memory: path inside the folder → bytes. */
export type CaseFiles = Record<string, Uint8Array>;

/** What a property checks, as it is saved in a fixture: the plans files and the property's own parameters. */
export interface FuzzCase {
  files: CaseFiles;
  params: Record<string, unknown>;
}

/** Every display path starts with this, as when a command runs with --plans plans. */
export const ROOT = 'plans/';
export const REPO = resolve(import.meta.dirname, '../..');

export function toBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The files as loadWorkspace takes them, in the given order of paths (sorted by default, as readPlansFolder does). */
export function toPlansFiles(files: CaseFiles, order: readonly string[] = Object.keys(files).sort()): PlansFile[] {
  return order.map((rel) => ({ rel, display: `${ROOT}${rel}`, bytes: files[rel]! }));
}

/** Every file below a folder, by forward-slash path; nothing is filtered, so a saved case replays byte for byte. */
export function readTree(dir: string): CaseFiles {
  const files: CaseFiles = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const child = rel === '' ? name : `${rel}/${name}`;
      if (statSync(join(dir, child)).isDirectory()) walk(child);
      else files[child] = new Uint8Array(readFileSync(join(dir, child)));
    }
  };
  walk('');
  return files;
}

export function writeTree(dir: string, files: CaseFiles): void {
  for (const [rel, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), bytes);
  }
}

// Characters a checkout on Windows or macOS cannot hold in a file name: such files are stored under plain names.
// eslint-disable-next-line no-control-regex
const UNPORTABLE = /[\u0000-\u001f\u007f-\u009f:*?"<>|\\]|[. ]$|[. ]\//;

/** A fixture folder: case.json (property, params, how it was found, stored names) and plans/ with the files. */
export function saveCase(folder: string, property: string, c: FuzzCase, note: string): string {
  const hash = createHash('sha256').update(JSON.stringify([property, c.params, Object.entries(c.files).map(([k, v]) => [k, [...v]])])).digest('hex').slice(0, 8);
  const dir = join(folder, `${property}-${hash}`);
  const stored: CaseFiles = {};
  const names: Record<string, string> = {};
  Object.entries(c.files).forEach(([rel, bytes], i) => {
    const name = UNPORTABLE.test(rel) ? `unportable-name-${i}` : rel;
    if (name !== rel) names[name] = rel;
    stored[name] = bytes;
  });
  rmSync(dir, { recursive: true, force: true });
  writeTree(join(dir, 'plans'), stored);
  writeFileSync(join(dir, 'case.json'), `${JSON.stringify({ property, params: c.params, note, ...(Object.keys(names).length > 0 && { names }) }, null, 2)}\n`);
  return dir;
}

export function loadCase(dir: string): { property: string; case: FuzzCase } {
  const meta = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { property: string; params?: Record<string, unknown>; names?: Record<string, string> };
  const files: CaseFiles = {};
  for (const [rel, bytes] of Object.entries(readTree(join(dir, 'plans')))) files[meta.names?.[rel] ?? rel] = bytes;
  return { property: meta.property, case: { files, params: meta.params ?? {} } };
}

const generated = new Map<string, CaseFiles>();

/** A workspace from the benchmark generator (scripts/lib/generate.ts), cached by its options. */
export function generatedFiles(seed: number, accounts: number, mdx: number): CaseFiles {
  const key = `${seed}|${accounts}|${mdx}`;
  let files = generated.get(key);
  if (!files) {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-gen-'));
    generateWorkspace(join(dir, 'plans'), { seed, accounts, mdx });
    files = readTree(join(dir, 'plans'));
    rmSync(dir, { recursive: true, force: true });
    generated.set(key, files);
  }
  return files;
}

/** Valid workspaces that are not from the model: the generator's, the example organisation and the small fixtures. */
export const otherValidFiles: fc.Arbitrary<CaseFiles> = fc.oneof(
  fc.record({ seed: fc.integer({ min: 1, max: 1000 }), accounts: fc.integer({ min: 1, max: 4 }), mdx: fc.constantFrom(0, 0.5) }).map((o) => generatedFiles(o.seed, o.accounts, o.mdx)),
  fc.constantFrom('plans', 'tests/fixtures/minimal', 'tests/fixtures/rollup-basic').map(fixtureFiles),
);

const fixtures = new Map<string, CaseFiles>();

export function fixtureFiles(folder: string): CaseFiles {
  let files = fixtures.get(folder);
  if (!files) {
    files = readTree(join(REPO, folder));
    fixtures.set(folder, files);
  }
  return files;
}
