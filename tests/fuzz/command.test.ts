import { describe, expect, it } from 'vitest';
import { ROOT, runScript } from '../helpers/sandbox.ts';

const USAGE = 'Usage: npm run fuzz -- [--runs N] [--seed S] [--only NAME]';
const PROPERTY_NAMES =
  'valid-workspaces-load, mutated-files-are-located, commands-exit-0-1-2, file-order-keeps-totals, key-order-keeps-totals, moved-plan-keeps-totals, quarter-split-keeps-annual-totals, scaled-amounts-scale-totals, ledger-rows-are-located, csv-downloads-defuse-formulas';

// npm run fuzz takes its options from the command line: each misuse is exit 2 with one clear message, before any run.
describe('npm run fuzz refuses bad options before running anything', () => {
  it.each([
    { name: 'a run count that is not a number', args: ['--runs', 'abc'], message: '--runs must be a whole number from 1, such as 2000, not "abc".' },
    { name: 'zero runs', args: ['--runs', '0'], message: '--runs must be a whole number from 1, such as 2000, not "0".' },
    { name: 'a seed of ten digits', args: ['--seed', '4294967296'], message: '--seed must be a whole number, such as 42, not "4294967296".' },
    { name: 'a seed with a line break', args: ['--seed', '1\n::error::x'], message: '--seed must be a whole number, such as 42, not "1\\n::error::x".' },
    { name: 'a property that does not exist, with no seed given', args: ['--only', 'nope'], message: `--only takes the name of a property, not "nope". The properties are: ${PROPERTY_NAMES}.` },
    { name: 'an unknown option', args: ['--bogus'], message: "Unknown option '--bogus'." },
  ])('$name', ({ args, message }) => {
    const r = runScript('fuzz', args, { cwd: ROOT });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${message}\n${USAGE}\n`);
  });
});
