import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlansFolder } from '../src/core/load/files.ts';
import { computeRevenue } from '../src/core/portfolio/portfolio.ts';
import { rollUp } from '../src/core/rollup/rollup.ts';
import { diagnosticLines, fixtureFiles, load, withFiles } from './helpers/workspace.ts';
import { AT_THE_BOUNDS, REFUSED, TEXT_NOT_NUMBERS } from './values/numbers-cases.ts';

/** Every number below `value` that is not finite, or a null, by its path: what would print as $∞ or "planned": null. */
function nonFinite(value: unknown, path = '$'): string[] {
  if (value === null) return [`${path}: null`];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (value instanceof Map) return [...value].flatMap(([k, v]) => nonFinite(v, `${path}.${String(k)}`));
  if (typeof value === 'object' && value !== undefined) return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

const MAX = 1e15;

describe('numbers: bounded, finite and written as plain decimals', () => {
  it.each(REFUSED)('$name', ({ changes, expected }) => {
    const files = withFiles(fixtureFiles('minimal'), changes);
    expect(diagnosticLines(files)).toEqual(expected);
    expect(load(files).workspace).toBeUndefined();
  });

  it.each(TEXT_NOT_NUMBERS)('$name is text, not a number', ({ changes }) => {
    expect(diagnosticLines(withFiles(fixtureFiles('minimal'), changes))).toEqual([]);
  });

  it('the largest amounts and rates a plan may write still sum to finite totals', () => {
    const { workspace, diagnostics } = load(withFiles(fixtureFiles('minimal'), AT_THE_BOUNDS));
    expect(diagnostics).toEqual([]);
    const rollup = rollUp(workspace!);
    expect(nonFinite(rollup)).toEqual([]);
    // Acme: 1e15 EUR in Q1 at 1e6 USD per EUR, plus Q2's 200 × 0.5 EUR; Globex: 1e15 × 0.5, annual only.
    const [year, quarter] = rollup.goals.map((g) => g.planned);
    // Beyond 2^53 a double keeps about 16 significant digits: exact enough for a total of 10^21.
    expect(Math.abs(year! - (1e21 + 1e8 + 5e14)) / 1e21).toBeLessThan(1e-15);
    expect(Math.abs(quarter! - 1e21) / 1e21).toBeLessThan(1e-15);
  });

  it('the example organisation: every total of the rollup and the portfolio is finite', () => {
    const { workspace } = load(readPlansFolder('plans'));
    expect(workspace).toBeDefined();
    expect(nonFinite(rollUp(workspace!))).toEqual([]);
    expect(nonFinite(computeRevenue(workspace!, '2026-11-01', rollUp(workspace!)))).toEqual([]);
  });

  it('any plans within the bounds give finite totals (property)', () => {
    const entry = fc.record({
      quarter: fc.integer({ min: 1, max: 4 }),
      // 0, or a cent and more: a positive amount under a cent is refused (schemas/common.ts).
      revenue: fc.oneof(fc.constantFrom(0, 0.01, MAX), fc.double({ min: 0.01, max: MAX, noNaN: true, noDefaultInfinity: true })),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    const plan = fc.record({ euro: fc.boolean(), forecast: fc.uniqueArray(entry, { selector: (e) => e.quarter, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(plan, { minLength: 1, maxLength: 6 }), fc.double({ min: Number.MIN_VALUE, max: 1e6, noNaN: true }), (plans, rate) => {
        const changes: Record<string, string | null> = { 'accounts/acme.yaml': null, 'accounts/globex.mdx': null };
        plans.forEach((p, i) => {
          const lines = p.forecast.map((f) => `  - { period: FY2027-Q${f.quarter}, revenue: ${f.revenue}, confidence: ${Object.is(f.confidence, -0) ? 0 : f.confidence} }`);
          changes[`accounts/a${i}.yaml`] = `name: A${i}\nstatus: current\nstrategy: grow\nowner: ann-lee\ndimensions: { channel: direct, region: emea }\n${p.euro ? 'currency: EUR\n' : ''}forecast:\n${lines.join('\n') || '  []'}\n`;
        });
        changes['workspace.yaml'] = `company: C\ncurrency: USD\ndimensions:\n  channel: [direct, partner]\n  region: [americas, emea]\ncount: weighted\nfx: { EUR: ${rate} }\n`;
        const { workspace, diagnostics } = load(withFiles(fixtureFiles('minimal'), changes));
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(nonFinite(rollUp(workspace!))).toEqual([]);
      }),
      { numRuns: 60, seed: 20261124 },
    );
  });
});
