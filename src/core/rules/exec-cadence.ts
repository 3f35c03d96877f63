import { periodEnd, periodStart, quarterOfDate } from '../shared/periods.ts';
import { definePlanRule, onPlan } from './context.ts';
import { type Draft } from './finding.ts';

export const execCadence = definePlanRule('exec-cadence', {
  messages: {
    noMeeting: ({ ours, theirs, lastMeeting, quarter, quarterEnd }: { ours: string; theirs: string; lastMeeting?: string; quarter: string; quarterEnd: string }) =>
      `${ours} and ${theirs} ${lastMeeting ? `last met on ${lastMeeting}` : 'have no meeting on record'} and have nothing booked before ${quarter} ends on ${quarterEnd}. Executives meet their counterparts every quarter: book a meeting and set next_meeting.`,
  },
  checkPlan(a, { today, settings, personById }, _thresholds, say) {
    const start = settings.fiscal_year_start_month;
    const quarter = quarterOfDate(today, start);
    const from = periodStart(quarter, start);
    const to = periodEnd(quarter, start);
    return a.plan.exec_relationships.flatMap((x, i): Draft[] => {
      const met = x.last_meeting !== undefined && x.last_meeting >= from && x.last_meeting <= today;
      const booked = x.next_meeting !== undefined && x.next_meeting >= today && x.next_meeting <= to;
      if (met || booked) return [];
      const ours = personById.get(x.ours)?.name ?? x.ours;
      const theirs = a.plan.stakeholders.find((s) => s.id === x.theirs)?.name ?? x.theirs;
      const data = { ours, theirs, ...(x.last_meeting !== undefined && { lastMeeting: x.last_meeting }), quarter, quarterEnd: to };
      return [onPlan(a, ['exec_relationships', i], say('noMeeting', data), x.ours)];
    });
  },
});
