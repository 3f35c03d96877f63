import { distance } from 'fastest-levenshtein';

/** The closest candidate to a misspelt word, or undefined when none is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** ` Did you mean "x"?` or, for a short list, the valid values. */
export function didYouMean(word: string, candidates: readonly string[], noun = 'one of'): string {
  const match = closest(word, candidates);
  if (match !== undefined) return ` Did you mean "${match}"?`;
  if (candidates.length === 0) return '';
  if (candidates.length <= 12) return ` Write ${noun}: ${candidates.join(', ')}.`;
  return '';
}

/** Reads "1.2M", "$300k", "300,000" or "1 200 000" as a number, to suggest the plain form. */
export function moneyFromText(text: string): number | undefined {
  const m = /^\s*[$€£¥]?\s*([0-9][0-9,_ ]*(?:\.[0-9]+)?)\s*([kKmMbB]?)\s*(?:[A-Z]{3})?\s*$/.exec(text);
  if (!m) return undefined;
  const base = Number(m[1]!.replace(/[,_ ]/g, ''));
  if (!Number.isFinite(base)) return undefined;
  const factor = { '': 1, k: 1e3, m: 1e6, b: 1e9 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'b'];
  return Math.round(base * factor * 100) / 100;
}

/** Reads "2027-Q1", "Q1 2027", "FY27 Q1" or "fy2027" as a fiscal period. */
export function periodFromText(text: string): string | undefined {
  const t = text.trim().toUpperCase();
  const year = /(?:FY)?\s*'?(\d{4}|\d{2})(?!\d)/.exec(t);
  if (!year) return undefined;
  const y = year[1]!.length === 2 ? `20${year[1]}` : year[1]!;
  const q = /Q\s*([1-4])/.exec(t);
  return q ? `FY${y}-Q${q[1]}` : `FY${y}`;
}

/** Reads "15/10/2026", "2026/10/15" or "2026-1-5" as an ISO date. */
export function dateFromText(text: string): string | undefined {
  const t = text.trim();
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (ymd) return `${ymd[1]}-${ymd[2]!.padStart(2, '0')}-${ymd[3]!.padStart(2, '0')}`;
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (dmy && Number(dmy[1]) > 12) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return undefined;
}
