import { formatMoney } from '../shared/money.ts';
import { daysBetween } from '../shared/periods.ts';
import { excerpt } from '../shared/suggest.ts';
import { definePlanRule, onPlan } from './context.ts';

/** A deal still open after the date it was to close: the forecast behind it is late, or the deal is lost and not said. */
export const opportunityOverdue = definePlanRule('opportunity-overdue', {
  messages: {
    overdue: ({ opportunity, revenue, currency, close, late }: { opportunity: string; revenue: number; currency: string; close: string; late: number }) =>
      `The opportunity ${excerpt(opportunity)} (${formatMoney(revenue, currency)}) was expected to close on ${close}, ${late} ${late === 1 ? 'day' : 'days'} ago, and is still open. Set "status: won" or "status: lost", or move its close date.`,
  },
  checkPlan(a, { today, settings }, { grace_days }, say) {
    return a.plan.opportunities.flatMap((o, i) => {
      if (o.status !== 'open' || o.close === undefined) return [];
      const late = daysBetween(o.close, today);
      if (late <= grace_days) return [];
      const currency = a.plan.currency ?? settings.currency;
      return [onPlan(a, ['opportunities', i, 'close'], say('overdue', { opportunity: o.name, revenue: o.revenue, currency, close: o.close, late }), a.plan.owner)];
    });
  },
});
