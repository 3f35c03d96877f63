import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SALES_DATE_FORMATS } from '../schemas/sales.ts';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { parseLedgerDate } from '../src/core/load/sales/dates.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

/*
 * Dates with a time of day, as CRMs export them (HubSpot: 2026-03-04 14:05; Salesforce: 3/14/2026 2:05 PM). The day
 * is the one written, never moved by a time zone; a time that is no time of day is refused like a day that is no day.
 */
describe('a date with a time of day', () => {
  it.each([
    { format: 'YYYY-MM-DD HH:mm', value: '2026-03-04 14:05', day: '2026-03-04' },
    { format: 'YYYY-MM-DD HH:mm', value: '2026-03-04 23:59:59', day: '2026-03-04' },
    { format: 'YYYY-MM-DD HH:mm', value: '2026-03-04 00:00', day: '2026-03-04' },
    { format: 'YYYY-MM-DDTHH:mm', value: '2026-03-04T14:05:09', day: '2026-03-04' },
    { format: 'MM/DD/YYYY h:mm a', value: '3/14/2026 2:05 PM', day: '2026-03-14' },
    { format: 'MM/DD/YYYY h:mm a', value: '12/31/2026 11:59 pm', day: '2026-12-31' },
    { format: 'MM/DD/YYYY h:mm a', value: '1/1/2027 12:00AM', day: '2027-01-01' },
    { format: 'MM/DD/YYYY HH:mm', value: '03/14/2026 23:30', day: '2026-03-14' },
    { format: 'DD/MM/YYYY HH:mm', value: '14/03/2026 09:30', day: '2026-03-14' },
    { format: 'DD.MM.YYYY HH:mm', value: '14.03.2026 9:30', day: '2026-03-14' },
    { format: 'YYYY/MM/DD HH:mm', value: '2026/03/14 09:30', day: '2026-03-14' },
  ] as const)('$format reads $value as the day written, $day', ({ format, value, day }) => {
    expect(parseLedgerDate(value, format)).toBe(day);
  });

  it.each([
    { format: 'YYYY-MM-DD HH:mm', value: '2026-03-04 24:00', why: 'hour 24' },
    { format: 'YYYY-MM-DD HH:mm', value: '2026-03-04 14:60', why: 'minute 60' },
    { format: 'YYYY-MM-DD HH:mm', value: '2026-03-04 14:05:60', why: 'second 60' },
    { format: 'YYYY-MM-DD HH:mm', value: '2026-03-04', why: 'no time' },
    { format: 'YYYY-MM-DD HH:mm', value: '2026-02-30 10:00', why: 'no such day' },
    { format: 'YYYY-MM-DD HH:mm', value: '2026-03-04 14:05 +02:00', why: 'a time zone, which would move the day' },
    { format: 'MM/DD/YYYY h:mm a', value: '3/14/2026 13:05 PM', why: 'hour 13 on a 12-hour clock' },
    { format: 'MM/DD/YYYY h:mm a', value: '3/14/2026 0:05 AM', why: 'hour 0 on a 12-hour clock' },
    { format: 'MM/DD/YYYY h:mm a', value: '3/14/2026 2:05', why: 'no AM or PM' },
    { format: 'YYYY-MM-DD', value: '2026-03-04 14:05', why: 'a time where the format has none' },
  ] as const)('$format refuses $value ($why)', ({ format, value }) => {
    expect(parseLedgerDate(value, format)).toBeUndefined();
  });

  it('every format of the schema reads a date of its own shape', () => {
    const sample: Record<string, string> = { YYYY: '2026', MM: '03', DD: '14', HH: '14', h: '2', mm: '05', a: 'PM' };
    for (const format of SALES_DATE_FORMATS) {
      const value = format.replace(/YYYY|MM|DD|HH|mm|h|a/g, (t) => sample[t]!);
      expect(parseLedgerDate(value, format), `${format}: ${value}`).toBe('2026-03-14');
    }
  });
});

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

describe('a ledger of datetimes', () => {
  it('is booked by the day written; a bad time is an error at its cell naming the format', () => {
    const s = (sandbox = makeSandbox('tests/fixtures/ledger'));
    const ws = readFileSync('tests/fixtures/ledger/workspace.yaml', 'utf8').replace('date_format: DD/MM/YYYY', 'date_format: YYYY-MM-DD HH:mm');
    // FY2027 starts on 1 February 2026: 2026-01-31 23:59 stays in FY2026-Q4, whatever time zone it was entered in.
    s.write({ 'workspace.yaml': ws, 'sales/2026.csv': 'Invoice date,Account ID,Amount\n2026-01-31 23:59,acme,5\n2026-02-01 00:00,acme,7\n' });
    const read = () => readWorkspace(workingCopy({ plansDir: 'plans', cwd: s.dir }));
    const { workspace, diagnostics } = read();
    expect(diagnostics).toEqual([]);
    expect([...workspace!.ledger!.clients.get('acme')!.byPeriod]).toEqual([
      ['FY2026-Q4', { revenue: 5, margin: 0 }],
      ['FY2027-Q1', { revenue: 7, margin: 0 }],
    ]);
    s.write({ 'sales/2026.csv': 'Invoice date,Account ID,Amount\n2026-02-01 25:00,acme,7\n' });
    expect(read().diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      '2:1 ledger-bad-date Invoice date: "2026-02-01 25:00" is not a date written YYYY-MM-DD HH:mm. Write it as YYYY-MM-DD HH:mm, or set sales.date_format in workspace.yaml to the format the export uses.',
    ]);
  });
});
