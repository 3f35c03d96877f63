import { describe, expect, it } from 'vitest';
import { compareFindings } from '../src/core/report/finding-change.ts';
import type { Finding } from '../src/core/rules/finding.ts';

const finding = (account: string, line: number, rule = 'no-champion'): Finding =>
  ({ rule, severity: 'warning', file: `plans/accounts/${account}.yaml`, line, column: 1, message: `m${line}`, account, subject: 'stakeholders' }) satisfies Finding;

describe('compareFindings', () => {
  it('counts duplicates: each base finding of a key covers one working-copy finding, and the ones left over are resolved', () => {
    const base = [finding('a', 1), finding('a', 2), finding('a', 3), finding('b', 1)];
    const head = [finding('a', 7), finding('c', 1), finding('a', 8)];
    const change = compareFindings(head, base);
    expect(change.isNew).toEqual([false, true, false]);
    // The last of a's three base findings and b's one are gone, in the base's order.
    expect(change.resolved.map((f) => [f.account, f.line])).toEqual([['a', 3], ['b', 1]]);
  });

  it('counts a renamed plan\'s base findings under its new id', () => {
    const change = compareFindings([finding('new', 1)], [finding('old', 5)], new Map([['old', 'new']]));
    expect(change).toEqual({ isNew: [false], resolved: [] });
  });

  it('matches 20,000 findings of one key, leaving the last one resolved', () => {
    const base = Array.from({ length: 20_000 }, (_, i) => finding('a', i + 1));
    const change = compareFindings(base.slice(0, 19_999), base);
    expect(change.isNew.every((x) => !x)).toBe(true);
    expect(change.resolved.map((f) => f.line)).toEqual([20_000]);
  });
});
