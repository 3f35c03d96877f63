import { describe, expect, it } from 'vitest';
import { isRealDate } from '../schemas/common.ts';

/** The check as it was, through Date.UTC: the arithmetic one must agree with it on every date. */
function throughDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

describe('isRealDate', () => {
  it('agrees with the calendar (Date.UTC) on every day and month number 0–32 / 0–13 of leap, century and ordinary years', () => {
    const differ: string[] = [];
    for (const y of [0, 1, 4, 99, 100, 101, 400, 1600, 1900, 1999, 2000, 2024, 2025, 2026, 2100, 2400, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          if (isRealDate(s) !== throughDate(s)) differ.push(s);
        }
      }
    }
    expect(differ).toEqual([]);
    expect([isRealDate('2028-02-29'), isRealDate('2026-02-29'), isRealDate('2026-04-31'), isRealDate('not a date')]).toEqual([true, false, false, true]);
  });
});
