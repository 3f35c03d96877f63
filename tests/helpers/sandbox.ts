import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository root, where scripts/ and the example plans are. */
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A temporary folder holding a copy of a fixture as `plans/`, and a sibling folder `bystander/` with a
 * file of its own, so a hostile-input test can prove that nothing outside the output was written or deleted.
 */
export interface Sandbox {
  /** The temporary folder: the working directory for commands. */
  dir: string;
  /** The plans folder inside it. */
  plans: string;
  /** A folder beside the plans that no command may touch. */
  bystander: string;
  /** Writes (string or bytes) or removes (null) files below the plans folder, by relative path. */
  write(changes: Record<string, string | Uint8Array | null>): void;
  /** Every file, folder and link below `dir` with its content hash, for before-and-after comparisons. */
  snapshot(): Map<string, string>;
  remove(): void;
}

/** Replaces the first `from` with `to` in a plans file of the sandbox; a `from` the file lacks fails the test. */
export function editPlan(sb: Sandbox, rel: string, from: string, to: string): void {
  const file = join(sb.plans, rel);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${rel} has no ${from}`);
  writeFileSync(file, text.replace(from, to));
}

export function makeSandbox(fixture = 'tests/fixtures/minimal'): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'plans-sandbox-'));
  const plans = join(dir, 'plans');
  const bystander = join(dir, 'bystander');
  cpSync(resolve(ROOT, fixture), plans, { recursive: true });
  mkdirSync(bystander);
  writeFileSync(join(bystander, 'keep.txt'), 'a file that belongs to somebody else\n');
  return {
    dir,
    plans,
    bystander,
    write(changes) {
      for (const [rel, content] of Object.entries(changes)) {
        const path = join(plans, rel);
        if (content === null) rmSync(path, { force: true, recursive: true });
        else {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, content);
        }
      }
    },
    snapshot: () => snapshotTree(dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Path → "dir", "link:<target>", "special" or the sha256 of the file's bytes, for every entry below `root` (links are not followed). */
export function snapshotTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const child = rel === '' ? name : `${rel}/${name}`;
      const full = join(root, child);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) out.set(child, `link:${readlinkSync(full)}`);
      else if (stat.isDirectory()) {
        out.set(child, 'dir');
        walk(child);
      } else if (!stat.isFile()) out.set(child, 'special'); // a FIFO or socket: reading it would block
      else if (stat.size > 64 * 1024 * 1024) out.set(child, `size:${stat.size}:${stat.mtimeMs}`); // a sparse giant: no need to read it
      else out.set(child, createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk('');
  return out;
}

/** Runs one of the repository's scripts (scripts/<name>.ts) as a real process with Node 24, as npm run would. */
export function runScript(
  name: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', `${name}.ts`), ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: undefined, GITHUB_STEP_SUMMARY: undefined, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
