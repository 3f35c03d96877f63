import fc from 'fast-check';
import { expect } from 'vitest';
import { type CaseFiles, type FuzzCase, otherValidFiles } from './case.ts';
import { commandProblems } from './commands.ts';
import { coreProblems, runCore, totals } from './invariants.ts';
import { validFiles } from './model.ts';
import { mutate, mutation } from './mutate.ts';
import { downloadProblems, downloadsCase, ledgerCase, ledgerProblems } from './ledger.ts';
import { movePlan, reorderKeys, scaleAmounts, shuffled, splitAnnual } from './transform.ts';

/**
 * A property over a case that can be saved: `check` takes only the files and JSON parameters, so a shrunk
 * counterexample written to tests/fixtures/fuzz/ replays without fast-check.
 */
export interface FuzzProperty {
  name: string;
  /** Runs in the quick (npm test) run. */
  quick: number;
  arbitrary: fc.Arbitrary<FuzzCase>;
  /** May be async (the commands are): every caller awaits it. */
  check(c: FuzzCase): void | Promise<void>;
}

const anyValid: fc.Arbitrary<CaseFiles> = fc.oneof({ weight: 3, arbitrary: validFiles }, { weight: 1, arbitrary: otherValidFiles });
const mutated = fc.record({ files: anyValid, mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) }).map(({ files, mutations }) => ({ files: mutate(files, mutations), params: {} }));

function noProblems(problems: string[]): void {
  expect(problems, problems.join('\n')).toEqual([]);
}

/** Runs core and requires a valid workspace: a metamorphic property means nothing over invalid plans. */
function rollupOf(files: CaseFiles, order?: readonly string[]) {
  const run = runCore(files, order);
  const errors = run.result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
  expect(errors, `the workspace is not valid:\n${errors.join('\n')}`).toEqual([]);
  return run.rollup!;
}

/** Every number of a totals projection multiplied by k. */
function scaleDeep(value: unknown, k: number): unknown {
  if (typeof value === 'number') return value * k;
  if (Array.isArray(value)) return value.map((v) => scaleDeep(v, k));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, scaleDeep(v, k)]));
  return value;
}

export const PROPERTIES: FuzzProperty[] = [
  {
    name: 'valid-workspaces-load',
    quick: 40,
    arbitrary: anyValid.map((files) => ({ files, params: {} })),
    check: (c) => {
      rollupOf(c.files);
      noProblems(coreProblems(c.files));
    },
  },
  {
    name: 'mutated-files-are-located',
    quick: 150,
    arbitrary: mutated,
    check: (c) => noProblems(coreProblems(c.files)),
  },
  {
    name: 'commands-exit-0-1-2',
    quick: 25,
    arbitrary: mutated,
    check: async (c) => noProblems(await commandProblems(c.files)),
  },
  {
    name: 'file-order-keeps-totals',
    quick: 20,
    arbitrary: fc.record({ files: anyValid, params: fc.record({ seed: fc.nat() }) }),
    check: (c) => {
      const order = shuffled(Object.keys(c.files).sort(), c.params['seed'] as number);
      expect(totals(rollupOf(c.files, order))).toEqual(totals(rollupOf(c.files)));
    },
  },
  {
    name: 'key-order-keeps-totals',
    quick: 20,
    arbitrary: fc.record({ files: anyValid, params: fc.record({ seed: fc.nat() }) }),
    check: (c) => expect(totals(rollupOf(reorderKeys(c.files, c.params['seed'] as number)))).toEqual(totals(rollupOf(c.files))),
  },
  {
    name: 'moved-plan-keeps-totals',
    quick: 20,
    arbitrary: fc.record({ files: anyValid, params: fc.record({ index: fc.nat(), folder: fc.constantFrom('emea/', 'archive/2026/', 'x/', '', 'ü ñ/', 'a,b/') }) }),
    check: (c) => {
      const moved = movePlan(c.files, c.params['index'] as number, c.params['folder'] as string);
      expect(totals(rollupOf(moved))).toEqual(totals(rollupOf(c.files)));
    },
  },
  {
    name: 'quarter-split-keeps-annual-totals',
    quick: 25,
    // Model workspaces only: their amounts are multiples of 400, so a quarter of each is exact.
    arbitrary: fc.record({ files: validFiles, params: fc.record({ index: fc.nat(), year: fc.constantFrom('FY2027', 'FY2028') }) }),
    check: (c) => {
      const { files } = splitAnnual(c.files, c.params['index'] as number, c.params['year'] as string);
      expect(totals(rollupOf(files), { annualOnly: true })).toEqual(totals(rollupOf(c.files), { annualOnly: true }));
    },
  },
  {
    name: 'scaled-amounts-scale-totals',
    quick: 25,
    arbitrary: fc.record({ files: validFiles, params: fc.record({ k: fc.integer({ min: 2, max: 9 }) }) }),
    check: (c) => {
      const k = c.params['k'] as number;
      expect(totals(rollupOf(scaleAmounts(c.files, k)))).toEqual(scaleDeep(totals(rollupOf(c.files)), k));
    },
  },
  {
    name: 'ledger-rows-are-located',
    quick: 60,
    arbitrary: ledgerCase,
    check: (c) => noProblems(ledgerProblems(c)),
  },
  {
    name: 'csv-downloads-defuse-formulas',
    quick: 25,
    arbitrary: downloadsCase,
    check: (c) => noProblems(downloadProblems(c)),
  },
];
