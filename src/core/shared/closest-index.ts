import { distance } from 'fastest-levenshtein';

/**
 * "Did you mean" over a large candidate list (every account id of 50,000 plans), built once per list. A scan
 * computes an edit distance per candidate and word, so 4,000 distinct wrong parents over 10,000 ids took
 * seconds. The index gives the same answer as the scan (the first candidate, in list order, at the smallest
 * distance) while computing few distances: two-character pieces (bigrams) shared with the word give each
 * candidate a lower bound of its distance (each edit changes at most two bigrams), and a candidate whose bound
 * cannot beat the best distance found is skipped.
 */
export class ClosestIndex {
  private readonly lowered: string[];
  /** For each bigram, the candidates holding it and how many times: [candidate, count, candidate, count, …]. */
  private readonly postings = new Map<string, number[]>();
  private readonly shared: Int32Array;
  private readonly answers = new Map<string, number>();

  /** Undefined when lower-casing changes a candidate's length: the scan's length check then differs from a bound, and only the scan is exact. */
  static of(candidates: readonly string[]): ClosestIndex | undefined {
    const lowered = candidates.map((c) => c.toLowerCase());
    if (lowered.some((l, i) => l.length !== candidates[i]!.length)) return undefined;
    return new ClosestIndex(lowered);
  }

  private constructor(lowered: string[]) {
    this.lowered = lowered;
    this.shared = new Int32Array(lowered.length);
    lowered.forEach((text, i) => {
      for (const [gram, count] of bigrams(text)) {
        const list = this.postings.get(gram);
        if (list) list.push(i, count);
        else this.postings.set(gram, [i, count]);
      }
    });
  }

  /** The position of the first candidate at the smallest distance from `lower` (already lower-cased), or -1 for none. */
  nearest(lower: string): number {
    const known = this.answers.get(lower);
    if (known !== undefined) return known;
    const n = this.lowered.length;
    const shared = this.shared.fill(0);
    // A bigram most candidates hold is counted as held by all: cheaper, and the bound stays a lower bound.
    let common = 0;
    for (const [gram, count] of bigrams(lower)) {
      const list = this.postings.get(gram);
      if (!list) continue;
      if (list.length > n) common += count;
      else for (let k = 0; k < list.length; k += 2) shared[list[k]!]! += Math.min(count, list[k + 1]!);
    }
    // A lower bound of each distance: the length difference, and the bigrams that edits must have changed.
    const bound = new Int32Array(n);
    let most = 0;
    for (let i = 0; i < n; i++) {
      const length = this.lowered[i]!.length;
      const longer = Math.max(length, lower.length);
      const b = Math.max(Math.abs(length - lower.length), Math.ceil((longer - 1 - shared[i]! - common) / 2));
      bound[i] = b;
      if (b > most) most = b;
    }
    // The smallest distance, trying the most promising candidates first (a counting sort by bound).
    const starts = new Int32Array(most + 2);
    for (let i = 0; i < n; i++) starts[bound[i]! + 1]!++;
    for (let b = 1; b <= most + 1; b++) starts[b]! += starts[b - 1]!;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[starts[bound[i]!]!++] = i;
    const found = new Map<number, number>();
    let best = Infinity;
    for (const i of order) {
      if (bound[i]! >= best) break;
      const d = distance(lower, this.lowered[i]!);
      found.set(i, d);
      if (d < best) best = d;
    }
    // The first candidate in list order at that distance, as the scan would keep.
    let answer = -1;
    for (let i = 0; i < n && answer === -1; i++) {
      if (bound[i]! > best) continue;
      if ((found.get(i) ?? distance(lower, this.lowered[i]!)) === best) answer = i;
    }
    this.answers.set(lower, answer);
    return answer;
  }
}

/** Each two-character piece of a text and how often it occurs. */
function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}
