import type { SalesSettings } from '../../../../schemas/index.ts';

/** A fiscal year or quarter as a ledger's period column writes it. */
export const PERIOD = /^FY\d{4}(-Q[1-4])?$/;

type DateFormat = NonNullable<SalesSettings['date_format']>;
type DayFormat = 'YYYY-MM-DD' | 'YYYY/MM/DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY';

const DAYS: Record<DayFormat, { re: string; order: [number, number, number] }> = {
  // order: the capture groups holding year, month and day
  'YYYY-MM-DD': { re: '(\\d{4})-(\\d{1,2})-(\\d{1,2})', order: [1, 2, 3] },
  'YYYY/MM/DD': { re: '(\\d{4})\\/(\\d{1,2})\\/(\\d{1,2})', order: [1, 2, 3] },
  'DD/MM/YYYY': { re: '(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})', order: [3, 2, 1] },
  'MM/DD/YYYY': { re: '(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})', order: [3, 1, 2] },
  'DD.MM.YYYY': { re: '(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})', order: [3, 2, 1] },
};

// A time of day after the day: 24-hour (HH:mm), or 12-hour with AM or PM (h:mm a); seconds may follow the minutes.
const TIMES = {
  'HH:mm': '(\\d{1,2}):(\\d{2})(?::(\\d{2}))?',
  'h:mm a': '(\\d{1,2}):(\\d{2})(?::(\\d{2}))? ?([AaPp][Mm])',
} as const;

const PATTERNS = new Map<DateFormat, { re: RegExp; order: [number, number, number]; time?: keyof typeof TIMES }>();

/** The pattern of a format: its day, then, after a space or a T, its time. */
function patternOf(format: DateFormat): { re: RegExp; order: [number, number, number]; time?: keyof typeof TIMES } {
  let found = PATTERNS.get(format);
  if (!found) {
    const m = /^(\S+?)(?:([ T])(.+))?$/.exec(format)!;
    const day = DAYS[m[1] as DayFormat];
    const time = m[3] as keyof typeof TIMES | undefined;
    const re = new RegExp(`^${day.re}${time ? `${m[2] === 'T' ? 'T' : ' +'}${TIMES[time]}` : ''}$`);
    found = { re, order: day.order, ...(time && { time }) };
    PATTERNS.set(format, found);
  }
  return found;
}

/**
 * A ledger date in the declared format as YYYY-MM-DD, or undefined when it is not one, or not a day of the calendar
 * (2026-02-30), or its time is not a time of day (25:00, 13:00 PM). The day is the one written: no time zone applies.
 */
export function parseLedgerDate(value: string, format: DateFormat): string | undefined {
  const { re, order, time } = patternOf(format);
  const m = re.exec(value);
  if (!m) return undefined;
  if (time) {
    const [h, min, sec] = [Number(m[4]), Number(m[5]), m[6] === undefined ? 0 : Number(m[6])];
    const hours = time === 'HH:mm' ? h <= 23 : h >= 1 && h <= 12;
    if (!hours || min > 59 || sec > 59) return undefined;
  }
  const [y, mo, d] = order.map((g) => Number(m[g]));
  const day = new Date(Date.UTC(y!, mo! - 1, d!));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo! - 1 || day.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
