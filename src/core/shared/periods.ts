/** Fiscal periods: FY2027 is the fiscal year that ends in calendar 2027 and starts in the workspace's start month. */

export interface Period {
  year: number;
  quarter?: 1 | 2 | 3 | 4;
}

export function parsePeriod(period: string): Period {
  const m = /^FY(\d{4})(?:-Q([1-4]))?$/.exec(period);
  if (!m) throw new Error(`not a fiscal period: ${period}`);
  const year = Number(m[1]);
  return m[2] ? { year, quarter: Number(m[2]) as 1 | 2 | 3 | 4 } : { year };
}

export function isQuarter(period: string): boolean {
  return period.includes('-Q');
}

export function yearOf(period: string): string {
  // Without the quarter, whatever the year's digits: a date late in 9999 is in FY10000, not FY1000.
  return period.replace(/-Q[1-4]$/, '');
}

/** The first day of a period, as YYYY-MM-DD. */
export function periodStart(period: string, startMonth: number): string {
  const { year, quarter } = parsePeriod(period);
  const firstYear = startMonth === 1 ? year : year - 1;
  const monthIndex = startMonth - 1 + ((quarter ?? 1) - 1) * 3;
  return iso(new Date(Date.UTC(firstYear, monthIndex, 1)));
}

/** The last day of a period, as YYYY-MM-DD. */
export function periodEnd(period: string, startMonth: number): string {
  const { year, quarter } = parsePeriod(period);
  const firstYear = startMonth === 1 ? year : year - 1;
  const months = quarter ? startMonth - 1 + quarter * 3 : startMonth - 1 + 12;
  return iso(new Date(Date.UTC(firstYear, months, 0)));
}

/** The share of a period gone as of `today`: days elapsed (today included) over the days in the period, 0 before it starts, 1 once it is over. */
export function periodGone(period: string, startMonth: number, today: string): number {
  const start = periodStart(period, startMonth);
  const days = daysBetween(start, periodEnd(period, startMonth)) + 1;
  const elapsed = daysBetween(start, today) + 1;
  return Math.min(1, Math.max(0, elapsed / days));
}

/** The fiscal quarter a date falls in, such as FY2027-Q3. */
export function quarterOfDate(date: string, startMonth: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const offset = (m - startMonth + 12) % 12;
  const fiscalYear = startMonth === 1 ? y : m >= startMonth ? y + 1 : y;
  return `FY${fiscalYear}-Q${Math.floor(offset / 3) + 1}`;
}

export function fiscalYearOfDate(date: string, startMonth: number): string {
  return yearOf(quarterOfDate(date, startMonth));
}

/** Sort key: FY2027 before FY2027-Q1 before FY2027-Q2 before FY2028. */
export function comparePeriods(a: string, b: string): number {
  return a.localeCompare(b);
}

/** Today's date in UTC as YYYY-MM-DD: the default "today" of the date rules. */
export function todayIso(): string {
  return iso(new Date());
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The month before the one `date` falls in, as YYYY-MM: the last complete month. */
export function lastCompleteMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
