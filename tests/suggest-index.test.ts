import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { closest } from '../src/core/shared/suggest.ts';

/** The scan closest() did for every list before the index: the reference the index must agree with. */
function scan(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 100) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (Math.abs(c.length - lower.length) >= bestDistance) continue;
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(2, Math.floor(Math.max(word.length, best.length) / 3)) ? best : undefined;
}

const ids = (n: number, shape: (i: number) => string) => Array.from({ length: n }, (_, i) => shape(i));

describe('"did you mean" over a large candidate list (the index) gives what the scan gave', () => {
  it('on random words and lists of 256 to 600 ids, with duplicates, capitals and ties', () => {
    const alphabet = fc.constantFrom(...'abcdeAB-01'.split(''));
    const text = fc.string({ unit: alphabet, minLength: 0, maxLength: 14 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 256, maxLength: 600 }), fc.array(text, { minLength: 1, maxLength: 20 }), (candidates, words) => {
        for (const list of [candidates, new Set(candidates)]) {
          for (const word of words) expect(closest(word, list)).toBe(scan(word, [...list]));
        }
      }),
      { numRuns: 40, seed: 10 },
    );
  });

  it('on generated account ids, for near misses, far misses and ids of another shape', () => {
    const candidates = ids(10_000, (i) => `account-${String(i).padStart(5, '0')}`);
    const words = ['account-01234', 'acount-01234', 'account-1234', 'account-012345', 'ACCOUNT-00042', 'accuont-09999', 'account-0x234', 'acme-corp', '', 'a', 'account-', 'tnuocca-43210', 'x'.repeat(100), 'x'.repeat(101)];
    for (const word of words) expect(closest(word, candidates), word).toBe(scan(word, candidates));
  });

  it('falls back to the scan when lower-casing changes an id\'s length, and agrees with it', () => {
    const candidates = [...ids(300, (i) => `id-${i}`), 'İstanbul-1', 'istanbul-2'];
    for (const word of ['istanbul-1', 'İstanbul-2', 'id-42x']) expect(closest(word, candidates)).toBe(scan(word, candidates));
  });
});
