import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * The browser project's one build of the example: most browser test files look at the same site (the example plans
 * with today pinned), and building it once instead of once per file saves a build per file. The build starts here,
 * without waiting, so the unit tests run meanwhile; a test file waits for it through `exampleSite()` in helpers.ts.
 */

/** The example's dates are set around 2026-11-24: the shared build pins today there so its pages stay the same. */
export const EXAMPLE_TODAY = '2026-11-24';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the shared build goes (`dir`), and the file written when it ends (`marker`: its exit code and output). */
    exampleSite: { dir: string; marker: string };
  }
}

export default function setup(project: TestProject): () => Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'site-e2e-shared-'));
  const dir = join(root, 'dist');
  const marker = join(root, 'built.json');
  const child = spawn(process.execPath, ['scripts/build.ts', '--plans', 'plans', '--out', dir], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: { ...process.env, TODAY: EXAMPLE_TODAY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const ended = new Promise<void>((done) => {
    const finish = (status: number | null, error?: Error): void => {
      // Written whole, then renamed, so a waiting test never reads half of it.
      writeFileSync(`${marker}.part`, JSON.stringify({ status, stdout, stderr: error ? `${stderr}\n${error.message}` : stderr }));
      renameSync(`${marker}.part`, marker);
      done();
    };
    child.on('error', (error) => finish(null, error));
    child.on('close', (status) => finish(status));
  });
  project.provide('exampleSite', { dir, marker });
  return async () => {
    if (child.exitCode === null) child.kill();
    await ended;
    rmSync(root, { recursive: true, force: true });
  };
}
