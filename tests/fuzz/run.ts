import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { REPO, saveCase } from './case.ts';
import type { FuzzCase } from './case.ts';
import type { FuzzProperty } from './properties.ts';

/** The quick run of npm test is fixed; scripts/fuzz.ts sets these for a long run. */
export const SEED = Number(process.env['FUZZ_SEED'] ?? 20261124);
const RUNS = process.env['FUZZ_RUNS'] === undefined ? undefined : Number(process.env['FUZZ_RUNS']);
/** Where a shrunk counterexample is written, when set (scripts/fuzz.ts sets it to tests/fixtures/fuzz). */
const SAVE = process.env['FUZZ_SAVE'];

export const FIXTURES = join(REPO, 'tests/fixtures/fuzz');
export const REPO_PATH = (path: string): string => resolve(REPO, path);

/** Runs a property with fast-check; on failure saves the shrunk case (when asked) and throws fast-check's report. */
export async function runProperty(p: FuzzProperty): Promise<{ runs: number }> {
  const numRuns = RUNS ?? p.quick;
  // An async property, as some checks run the (async) commands: a sync check is awaited just the same.
  const details = await fc.check(fc.asyncProperty(p.arbitrary, async (c) => {
    await p.check(c);
  }), { numRuns, seed: SEED, endOnFailure: false });
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const c = details.counterexample ? await dropFiles(p, details.counterexample[0], error) : undefined;
    const saved = SAVE && c ? `\nSaved as ${saveCase(SAVE, p.name, c, `seed ${SEED}, path ${details.counterexamplePath}`)}` : '';
    const shown = c ? describeCase(c) : '';
    throw new Error(`${p.name} failed after ${details.numRuns} runs (seed ${SEED}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times)${saved}\n${error}\n${shown}`);
  }
  return { runs: details.numRuns };
}

/** The kind of a failure, without the numbers that move when files or lines go. */
const kindOf = (message: string) => (message.split('\n')[0] ?? '').replace(/\d+/g, '#');

/** fast-check shrinks values, not the list of files: drop each file the failure does not need, keeping the same kind of failure. */
async function dropFiles(p: FuzzProperty, c: FuzzCase, error: string): Promise<FuzzCase> {
  let current = c;
  for (const rel of Object.keys(c.files).sort().reverse()) {
    const files = { ...current.files };
    delete files[rel];
    try {
      await p.check({ files, params: current.params });
    } catch (e) {
      if (kindOf(e instanceof Error ? e.message : String(e)) === kindOf(error)) current = { files, params: current.params };
    }
  }
  return current;
}

/** The case as text, each file cut to its first lines, so a failure can be read in the test output. */
export function describeCase(c: FuzzCase): string {
  const files = Object.entries(c.files).map(([rel, bytes]) => {
    const text = JSON.stringify(new TextDecoder().decode(bytes)).slice(1, -1).replace(/\\n/g, '\n    ');
    return `  ${rel}:\n    ${text.length > 1500 ? `${text.slice(0, 1500)}…` : text}`;
  });
  return `params ${JSON.stringify(c.params)}\n${files.join('\n')}`;
}
