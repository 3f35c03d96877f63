import { formatMoney } from '../shared/money.ts';
import { isQuarter, yearOf } from '../shared/periods.ts';
import { onPlan, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';

export const stretchBelowPlan: Rule<'stretch-below-plan'> = {
  meta: ruleMeta('stretch-below-plan'),
  check({ ws }, { min_ratio }) {
    return ws.accounts.flatMap((a) => {
      const currency = a.plan.currency ?? ws.settings.currency;
      return a.plan.stretch.flatMap((s, i) => {
        // Amounts as written: stretch and forecast share the plan's currency.
        const inPeriod = a.plan.forecast.filter((f) => (isQuarter(s.period) ? f.period === s.period : yearOf(f.period) === s.period));
        const forecast = inPeriod.reduce((sum, f) => sum + f.revenue, 0);
        if (forecast === 0 || s.revenue > forecast * min_ratio) return [];
        const bar = min_ratio === 1 ? `the forecast of ${formatMoney(forecast, currency)}` : `${min_ratio} × the forecast of ${formatMoney(forecast, currency)}`;
        return [onPlan(a, ['stretch', i, 'revenue'], `The ${s.period} stretch target of ${formatMoney(s.revenue, currency)} is not above ${bar}. A stretch target is what the account could bring if the bold moves work: raise it, or remove it.`, a.plan.owner)];
      });
    });
  },
};
