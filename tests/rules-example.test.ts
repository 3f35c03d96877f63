import { describe, expect, it } from 'vitest';
import { readPlansFolder } from '../src/core/load/files.ts';
import { Run } from '../src/core/engine/run.ts';
import { loadValid } from './rules-fixture.ts';

/** The date the example organisation in plans/ was written for. */
const EXAMPLE_TODAY = '2026-11-24';

describe('the example organisation', () => {
  const findings = Run.ofWorkspace(loadValid(readPlansFolder('plans')), { today: EXAMPLE_TODAY }).findings;

  it('triggers a believable handful of findings: more than a few, far fewer than dozens', () => {
    expect(findings.length).toBeGreaterThanOrEqual(5);
    expect(findings.length).toBeLessThanOrEqual(15);
  });

  it('has no error finding, so check passes on a fresh clone', () => {
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
  });

  it('shows several different rules rather than one rule many times', () => {
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(4);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(3);
  });
});
