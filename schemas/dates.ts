/*
 * Dates as the schemas read them, without Zod: the command line's --today is checked by the same rule before any
 * schema is loaded (shared/today.ts), so a run whose output is replayed from the cache never loads Zod.
 */

/** False only for a well-formed date that is not in the calendar (2026-02-30); the pattern reports the rest. */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  // Arithmetic rather than a Date per date field (every plan has dozens). Years before 100 stay refused, as
  // they were when this went through Date.UTC, which reads them as 19xx.
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}
