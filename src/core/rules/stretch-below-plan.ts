import { formatMoney } from '../shared/money.ts';
import { isQuarter, yearOf } from '../shared/periods.ts';
import { definePlanRule, onPlan } from './context.ts';

export const stretchBelowPlan = definePlanRule('stretch-below-plan', {
  messages: {
    notAbove: ({ period, stretch, forecast, minRatio, currency }: { period: string; stretch: number; forecast: number; minRatio: number; currency: string }) => {
      const bar = minRatio === 1 ? `the forecast of ${formatMoney(forecast, currency)}` : `${minRatio} × the forecast of ${formatMoney(forecast, currency)}`;
      return `The ${period} stretch target of ${formatMoney(stretch, currency)} is not above ${bar}. A stretch target is what the account could bring if the bold moves work: raise it, or remove it.`;
    },
  },
  checkPlan(a, { settings }, { min_ratio }, say) {
    const currency = a.plan.currency ?? settings.currency;
    return a.plan.stretch.flatMap((s, i) => {
      // Amounts as written: stretch and forecast share the plan's currency.
      const inPeriod = a.plan.forecast.filter((f) => (isQuarter(s.period) ? f.period === s.period : yearOf(f.period) === s.period));
      const forecast = inPeriod.reduce((sum, f) => sum + f.revenue, 0);
      if (forecast === 0 || s.revenue > forecast * min_ratio) return [];
      return [onPlan(a, ['stretch', i, 'revenue'], say('notAbove', { period: s.period, stretch: s.revenue, forecast, minRatio: min_ratio, currency }), a.plan.owner)];
    });
  },
});
