import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { join, resolve } from 'node:path';
import { ExitError, main, parseOptions, type Output } from './lib/cli.ts';

const USAGE = 'Usage: npm run fuzz -- [--runs N] [--seed S] [--only NAME]';
const ROOT = resolve(import.meta.dirname, '..');

/**
 * Runs the properties of tests/fuzz long: the same properties npm test runs quickly with a fixed seed. A failure's
 * shrunk counterexample is saved under tests/fixtures/fuzz/<property>-<hash>/, which tests/fuzz/replay.test.ts replays.
 */
function fuzzCommand(argv: string[], output: Output): number {
  const values = parseOptions(argv, { runs: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (values.help) {
    output.out(USAGE);
    return 0;
  }
  const runs = values.runs ?? '1000';
  const seed = values.seed ?? String(randomInt(2 ** 31));
  if (!/^[1-9]\d{0,8}$/.test(runs)) throw new ExitError(2, `--runs must be a whole number from 1, such as 2000, not "${runs}".\n${USAGE}`);
  if (!/^\d{1,9}$/.test(seed)) throw new ExitError(2, `--seed must be a whole number, such as 42, not "${seed}".\n${USAGE}`);
  output.out(`Fuzzing with ${runs} runs per property, seed ${seed} (repeat with --seed ${seed}).`);
  const args = [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/fuzz/properties.test.ts', '--testTimeout=0', ...(values.only ? ['-t', values.only] : [])];
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed, FUZZ_SAVE: join(ROOT, 'tests/fixtures/fuzz') },
  });
  if (result.status !== 0) output.err('A property failed: its shrunk case is saved under tests/fixtures/fuzz/ (see "Saved as" above); npm test replays it.');
  return result.status === 0 ? 0 : 1;
}

await main(fuzzCommand);
