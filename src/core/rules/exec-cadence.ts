import { periodEnd, periodStart, quarterOfDate } from '../shared/periods.ts';
import { onPlan, type Rule } from './context.ts';
import { type Draft } from './finding.ts';
import { ruleMeta } from './meta.ts';

export const execCadence: Rule<'exec-cadence'> = {
  meta: ruleMeta('exec-cadence'),
  check({ ws, today }) {
    const start = ws.settings.fiscal_year_start_month;
    const quarter = quarterOfDate(today, start);
    const from = periodStart(quarter, start);
    const to = periodEnd(quarter, start);
    return ws.accounts.flatMap((a) =>
      a.plan.exec_relationships.flatMap((x, i): Draft[] => {
        const met = x.last_meeting !== undefined && x.last_meeting >= from && x.last_meeting <= today;
        const booked = x.next_meeting !== undefined && x.next_meeting >= today && x.next_meeting <= to;
        if (met || booked) return [];
        const ours = ws.personById.get(x.ours)?.name ?? x.ours;
        const theirs = a.plan.stakeholders.find((s) => s.id === x.theirs)?.name ?? x.theirs;
        const last = x.last_meeting ? `last met on ${x.last_meeting}` : 'have no meeting on record';
        return [onPlan(a, ['exec_relationships', i], `${ours} and ${theirs} ${last} and have nothing booked before ${quarter} ends on ${to}. Executives meet their counterparts every quarter: book a meeting and set next_meeting.`, x.ours)];
      }),
    );
  },
};
