import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type CaseFiles, toBytes } from './case.ts';
import { outputProblems } from './commands.ts';
import { lineCount, locationProblems } from './invariants.ts';
import { mutate } from './mutate.ts';
import { movePlan, reorderKeys, scaleAmounts, splitAnnual } from './transform.ts';

// The fuzz properties are only as good as their oracles: these pin that each one can fail.
const files: CaseFiles = {
  'workspace.yaml': toBytes('company: X\ncurrency: USD\ntiers: { A: 100, B: 10, C: 1 }\n'),
  'accounts/acme.yaml': toBytes('name: Acme\nforecast:\n  - { period: FY2027, revenue: 400, confidence: 0.5 }\n'),
};
const at = (file: string, line: number, column: number) => ({ file, line, column, severity: 'error' as const, message: 'm' });

describe('the location oracle', () => {
  it.each([
    { name: 'a line past the end', d: at('plans/accounts/acme.yaml', 5, 1), problem: /past the end of the file \(4 lines\)/ },
    { name: 'line 0', d: at('plans/accounts/acme.yaml', 0, 1), problem: /whole numbers from 1/ },
    { name: 'column 0', d: at('plans/accounts/acme.yaml', 1, 0), problem: /whole numbers from 1/ },
    { name: 'a fractional line', d: at('plans/accounts/acme.yaml', 1.5, 1), problem: /whole numbers from 1/ },
    { name: 'a file not in the input', d: at('plans/accounts/other.yaml', 1, 1), problem: /not in the input/ },
    { name: 'a missing team.yaml not at 1:1', d: at('plans/team.yaml', 2, 1), problem: /located at 1:1/ },
  ])('flags $name', ({ d, problem }) => {
    expect(locationProblems(files, [d])).toEqual([expect.stringMatching(problem)]);
  });

  it('accepts the empty line after a final newline and a missing shared file at 1:1', () => {
    expect(lineCount(toBytes('a\r\nb\rc\n'))).toBe(4);
    expect(locationProblems(files, [at('plans/accounts/acme.yaml', 4, 1), at('plans/team.yaml', 1, 1)])).toEqual([]);
  });
});

describe('the output oracle', () => {
  it.each([
    { name: 'an escape sequence', line: 'plans/accounts/acme.yaml:1:1 warning \u001b[2Jgone', problem: /control character/ },
    { name: 'a forged annotation', line: 'ok\n::error file=plans/forged.yaml,line=1::x', problem: /not an annotation of an input file/ },
    { name: 'another workflow command', line: '::add-mask::secret', problem: /not an annotation of an input file/ },
    { name: 'a command after blanks', line: '  ::stop-commands::x', problem: /not an annotation of an input file/ },
    { name: 'a legacy command', line: 'text ##[error]x', problem: /not an annotation of an input file/ },
  ])('flags $name', ({ line, problem }) => {
    expect(outputProblems(files, [line])).toEqual([expect.stringMatching(problem)]);
  });

  it('accepts an annotation of an input file', () => {
    const escaped = { ...files, 'accounts/a,b:c.yaml': files['accounts/acme.yaml']! };
    expect(outputProblems(escaped, ['::error file=plans/accounts/acme.yaml,line=3,col=5::bad', '::warning file=plans/accounts/a%2Cb%3Ac.yaml,line=1,col=1::x'])).toEqual([]);
  });
});

describe('the transforms', () => {
  const plan = (f: CaseFiles, rel = 'accounts/acme.yaml') => parse(new TextDecoder().decode(f[rel]!)) as { forecast: { period: string; revenue: number }[] };

  it('split an annual entry into four quarters of a quarter each', () => {
    const { files: out, split } = splitAnnual(files, 0, 'FY2027');
    expect(split).toBe(1);
    expect(plan(out).forecast.map((f) => [f.period, f.revenue])).toEqual([1, 2, 3, 4].map((q) => [`FY2027-Q${q}`, 100]));
  });

  it('scale amounts and tiers but not confidences', () => {
    const out = scaleAmounts(files, 3);
    expect(plan(out).forecast).toEqual([{ period: 'FY2027', revenue: 1200, confidence: 0.5 }]);
    expect(parse(new TextDecoder().decode(out['workspace.yaml']!)).tiers).toEqual({ A: 300, B: 30, C: 3 });
  });

  it('reorder keys without changing the data, and move a plan into a folder', () => {
    const out = reorderKeys(files, 7);
    expect(plan(out)).toEqual(plan(files));
    expect(new TextDecoder().decode(out['accounts/acme.yaml']!)).not.toBe(new TextDecoder().decode(files['accounts/acme.yaml']!));
    expect(Object.keys(movePlan(files, 0, 'emea/')).sort()).toEqual(['accounts/emea/acme.yaml', 'workspace.yaml']);
  });

  it('mutate: a hostile number lands on every revenue', () => {
    const out = mutate(files, [{ kind: 'field', file: 0, key: 'revenue', nth: 0, all: true, text: '1e308' }]);
    expect(plan(out).forecast[0]!.revenue).toBe(1e308);
  });
});
