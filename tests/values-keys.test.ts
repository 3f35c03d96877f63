import { describe, expect, it } from 'vitest';
import { computeRevenue, rankIcp } from '../src/core/portfolio/portfolio.ts';
import { rollUp } from '../src/core/rollup/rollup.ts';
import { Run } from '../src/core/engine/run.ts';
import { diagnosticLines, fixtureFiles, load, withFiles } from './helpers/workspace.ts';
import { plainNames, REFUSED } from './values/keys-cases.ts';

describe('names an object inherits, from plan text', () => {
  it.each(REFUSED)('$name', ({ changes, expected }) => {
    const files = withFiles(fixtureFiles('minimal'), changes);
    expect(diagnosticLines(files)).toEqual(expected);
    expect(load(files).workspace).toBeUndefined();
  });

  it('constructor, valueof and prototype defined in the workspace roll up, rank and score like any name', () => {
    const files = withFiles(fixtureFiles('minimal'), plainNames('icp: { constructor: 5, valueof: 1 }'));
    const { workspace, diagnostics } = load(files);
    expect(diagnostics).toEqual([]);
    const rollup = rollUp(workspace!);
    // Acme: (100 + 200 × 0.5) × 1.1 EUR→USD; Globex: 400 × 0.5.
    expect(rollup.goals.map((g) => [g.label, g.planned])).toEqual([
      ['FY2027 constructor: valueof', 220],
      ['FY2027 constructor: prototype', 200],
    ]);
    const icp = rankIcp(workspace!, computeRevenue(workspace!, '2026-11-01', rollUp(workspace!)));
    expect(icp?.rows.map((r) => [r.account, r.scores, r.total])).toEqual([['acme', { constructor: 5, valueof: 1 }, 40]]);
  });

  it('a rule ranking by a dimension called constructor groups by its values', () => {
    const rules = 'rules:\n  top-account-without-plan: { dimension: constructor, share: 1 }\n';
    const files = withFiles(fixtureFiles('minimal'), plainNames('history:\n  - { period: FY2026, revenue: 500 }', rules));
    const { workspace, diagnostics } = load(files);
    expect(diagnostics).toEqual([]);
    const found = Run.ofWorkspace(workspace!, { today: '2026-11-01' }).findings.filter((f) => f.rule === 'top-account-without-plan');
    expect(found.map((f) => f.message)).toEqual([
      'Acme is #1 of 1 in constructor valueof by FY2026 sales ($550, top 100%), but the plan is not strategic. The top accounts carry most of the revenue: set "strategic: true".',
    ]);
  });
});
