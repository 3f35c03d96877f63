import { describe, expect, it } from 'vitest';
import { BAD_CASES } from './bad-input-cases.ts';
import { diagnosticLines, fixtureFiles, load, withFiles } from './helpers/workspace.ts';

describe('bad input: each mistake is reported at its file, line and column with what to write', () => {
  const base = fixtureFiles('minimal');

  it('covers at least 40 kinds of mistake', () => {
    expect(BAD_CASES.length).toBeGreaterThanOrEqual(40);
  });

  // Each row of BAD_CASES holds the mistake and every diagnostic line `validate` prints for it.
  it.each(BAD_CASES)('$name', ({ changes, expected }) => {
    const files = withFiles(base, changes);
    expect(diagnosticLines(files)).toEqual(expected);
  });

  it.each(BAD_CASES.filter((c) => c.expected.some((l) => / error /.test(l))))('$name: yields no workspace, so nothing is summed', ({ changes }) => {
    expect(load(withFiles(base, changes)).workspace).toBeUndefined();
  });
});

describe('one run shows the problems of every file', () => {
  it('reports a schema error in one plan and a cross-file error in another together', () => {
    const base = fixtureFiles('minimal');
    const acme = new TextDecoder().decode(base.find((f) => f.rel === 'accounts/acme.yaml')!.bytes);
    const globex = new TextDecoder().decode(base.find((f) => f.rel === 'accounts/globex.mdx')!.bytes);
    const files = withFiles(base, {
      'accounts/acme.yaml': acme.replace('strategy: grow', 'strategy: grw'),
      'accounts/globex.mdx': globex.replace('owner: bo-kim', 'owner: bo-kym').replace('name: Globex\n', 'name: Globex\nparent: acme\n'),
    });
    expect(diagnosticLines(files)).toEqual([
      'minimal/accounts/acme.yaml:3:11 error strategy: "grw" is not allowed. Did you mean "grow"? Write one of: acquire, grow, reactivate, retain, retire.',
      'minimal/accounts/globex.mdx:6:8 error owner: "bo-kym" is not a person in team.yaml. Did you mean "bo-kim"?',
    ]);
  });
});
