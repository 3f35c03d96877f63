import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { join, resolve } from 'node:path';
import { oneLine } from '../src/core/shared/text.ts';
import { PROPERTIES } from '../tests/fuzz/properties.ts';
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
  // At most nine digits, the same bound --seed takes, so a seed picked here can always be given back.
  const seed = values.seed ?? String(randomInt(1_000_000_000));
  if (!/^[1-9]\d{0,8}$/.test(runs)) throw new ExitError(2, `--runs must be a whole number from 1, such as 2000, not "${oneLine(runs, 60)}".\n${USAGE}`);
  if (!/^\d{1,9}$/.test(seed)) throw new ExitError(2, `--seed must be a whole number, such as 42, not "${oneLine(seed, 60)}".\n${USAGE}`);
  const names = PROPERTIES.map((p) => p.name);
  if (values.only !== undefined && !names.includes(values.only)) {
    throw new ExitError(2, `--only takes the name of a property, not "${oneLine(values.only, 60)}". The properties are: ${names.join(', ')}.\n${USAGE}`);
  }
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
