import { formatMoney } from '../shared/money.ts';
import { onPlan, type Rule } from './context.ts';
import { type Draft } from './finding.ts';
import { ruleMeta } from './meta.ts';

export const tierMismatch: Rule<'tier-mismatch'> = {
  meta: ruleMeta('tier-mismatch'),
  check({ ws, tiers, revenue }) {
    return ws.accounts.flatMap((a): Draft[] => {
      const declared = a.plan.tier;
      const computed = tiers.get(a.id);
      // A target's tier states its potential: there is no revenue to compare it with.
      if (declared === undefined || computed === undefined || a.plan.status === 'target' || declared === computed) return [];
      const sales = revenue.byAccount.get(a.id)?.lastYear ?? 0;
      const basis = ws.settings.tiers ? 'the tier thresholds in workspace.yaml' : 'its rank among all accounts';
      return [onPlan(a, ['tier'], `The plan says tier ${declared}, but ${revenue.lastYear} sales of ${formatMoney(sales, ws.settings.currency)} make it tier ${computed} by ${basis}. Change the tier to ${computed}, or record the missing history if the figure is wrong.`, a.plan.owner)];
    });
  },
};
