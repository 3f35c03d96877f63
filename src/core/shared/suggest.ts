import { distance } from 'fastest-levenshtein';
import { ClosestIndex } from './closest-index.ts';
import { unicodeEscape } from './text.ts';

const MAX_TYPO_LENGTH = 100;

/** From this many candidates, a list or set gets an index (closest-index.ts) instead of a scan per word. */
const INDEX_FROM = 256;
const indexes = new WeakMap<object, { list: string[]; index: ClosestIndex | undefined }>();

/**
 * The closest candidate to a misspelt word, or undefined when none is close enough to be a likely typo. A list or
 * set of candidates must not change once it has been asked about (its index is kept).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  // An edit distance costs the product of the lengths: a long value (a pasted paragraph, a 1 MB key) is no typo of an id.
  if (word.length > MAX_TYPO_LENGTH) return undefined;
  const lower = word.toLowerCase();
  const indexed = indexOf(candidates);
  let best: string | undefined;
  let bestDistance = Infinity;
  if (indexed) {
    const i = indexed.index!.nearest(lower);
    best = i === -1 ? undefined : indexed.list[i];
    if (best !== undefined) bestDistance = distance(lower, best.toLowerCase());
  } else {
    for (const c of candidates) {
      // The difference in length is a lower bound of the distance: skip what cannot win.
      if (Math.abs(c.length - lower.length) >= bestDistance) continue;
      const d = distance(lower, c.toLowerCase());
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

function indexOf(candidates: Iterable<string>): { list: string[]; index: ClosestIndex | undefined } | undefined {
  const size = Array.isArray(candidates) ? candidates.length : candidates instanceof Set ? candidates.size : 0;
  if (size < INDEX_FROM) return undefined;
  let entry = indexes.get(candidates as object);
  if (!entry) {
    const list = [...candidates];
    entry = { list, index: ClosestIndex.of(list) };
    indexes.set(candidates as object, entry);
  }
  return entry.index ? entry : undefined;
}

/** ` Did you mean "x"?` or, for a short list, the valid values. */
export function didYouMean(word: string, candidates: readonly string[], noun = 'one of'): string {
  const match = closest(word, candidates);
  if (match !== undefined) return ` Did you mean "${match}"?`;
  if (candidates.length === 0) return '';
  if (candidates.length <= 12) return ` Write ${noun}: ${candidates.join(', ')}.`;
  return '';
}

/** The most characters of a value a message quotes: enough to recognise it, never a whole file. */
export const EXCERPT_CHARS = 60;

/**
 * Characters that would hide or reorder text on a terminal or in an annotation: controls, zero-width and bidi marks.
 * Wider than oneLine's set (shared/text.ts): a quoted value also shows zero-width characters, which make two ids look alike.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A value as a message quotes it: in double quotes, at most EXCERPT_CHARS characters with "…" when cut, and on one
 * line: a line break shows as \n and other invisible characters as \u escapes, so a value cannot forge a line of
 * output. Plan text is untrusted, and a message must never print a file.
 */
export function excerpt(value: string, max = EXCERPT_CHARS): string {
  const chars = Array.from(value);
  const short = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value;
  return JSON.stringify(short).replace(INVISIBLE, unicodeEscape);
}

/** Text from a parser (not a value) as a message repeats it: one line, at most `max` characters, invisible characters escaped. */
export function clip(text: string, max = 120): string {
  return cut(text, max).replace(INVISIBLE, unicodeEscape);
}

function cut(text: string, max: number): string {
  const lineEnd = text.search(/[\r\n\u2028\u2029]/);
  const line = lineEnd === -1 ? text : text.slice(0, lineEnd);
  const chars = Array.from(line);
  if (chars.length > max) return `${chars.slice(0, max - 1).join('')}…`;
  return lineEnd === -1 ? line : `${line}…`;
}

/**
 * Reads "1.2M", "$300k", "300,000" or "1 200 000" as a number, to suggest the plain form. Separators must group
 * thousands ("1,5" may mean one and a half, so it gets no suggestion): a suggestion never changes the amount.
 */
export function moneyFromText(text: string): number | undefined {
  if (text.length > MAX_TYPO_LENGTH) return undefined;
  // "1e3" or "2.5E6" quoted as text: the number it writes, if it is a whole amount.
  const scientific = /^\s*([0-9]+(?:\.[0-9]+)?[eE]\+?[0-9]{1,2})\s*$/.exec(text);
  if (scientific) {
    const n = Number(scientific[1]);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  const m = /^\s*[$€£¥]?\s*([0-9]{1,3}(?:([, _])[0-9]{3})*(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)\s*([kKmMbB]?)\s*(?:[A-Z]{3})?\s*$/.exec(text);
  if (!m) return undefined;
  const base = Number(m[1]!.replace(/[,_ ]/g, ''));
  if (!Number.isFinite(base)) return undefined;
  const factor = { '': 1, k: 1e3, m: 1e6, b: 1e9 }[m[3]!.toLowerCase() as '' | 'k' | 'm' | 'b'];
  const n = Math.round(base * factor * 100) / 100;
  return Number.isSafeInteger(Math.round(n)) ? n : undefined;
}

/**
 * Reads "2027-Q1", "Q1 2027", "FY27 Q1" or "fy2027" as a fiscal period. The whole text must be a period:
 * "FY99999" or "FY2027-Q5" get no suggestion, since any guess would change what was meant.
 */
export function periodFromText(text: string): string | undefined {
  // Longer text is no period; the patterns below also need a short input to stay fast on runs of spaces.
  if (text.length > MAX_TYPO_LENGTH) return undefined;
  const t = text.trim().toUpperCase();
  const yearFirst = /^(?:FY)?\s*'?(\d{4}|\d{2})(?:\s*[-/ ]?\s*Q([1-4]))?$/.exec(t);
  const quarterFirst = /^Q([1-4])\s*[-/ ]?\s*(?:FY)?\s*'?(\d{4}|\d{2})$/.exec(t);
  const year = yearFirst?.[1] ?? quarterFirst?.[2];
  const quarter = yearFirst ? yearFirst[2] : quarterFirst?.[1];
  if (year === undefined) return undefined;
  const y = year.length === 2 ? `20${year}` : year;
  return quarter ? `FY${y}-Q${quarter}` : `FY${y}`;
}

/** Reads "15/10/2026", "10/15/2026", "2026/10/15" or "2026-1-5" as an ISO date, only when the order is certain and the date exists. */
export function dateFromText(text: string): string | undefined {
  if (text.length > MAX_TYPO_LENGTH) return undefined;
  const t = text.trim();
  const iso = (y: string, m: string, d: string) => {
    const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const parsed = new Date(`${date}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
  };
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (ymd) return iso(ymd[1]!, ymd[2]!, ymd[3]!);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (!dmy) return undefined;
  const [a, b] = [Number(dmy[1]), Number(dmy[2])];
  if (a > 12 && b <= 12) return iso(dmy[3]!, dmy[2]!, dmy[1]!);
  if (b > 12 && a <= 12) return iso(dmy[3]!, dmy[1]!, dmy[2]!);
  return undefined;
}
