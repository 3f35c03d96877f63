import { formatMoney } from '../shared/money.ts';
import { defineRule, onPlan } from './context.ts';
import { type Draft } from './finding.ts';

export const tierMismatch = defineRule('tier-mismatch', {
  messages: {
    /** `byThresholds`: the workspace sets tier thresholds; otherwise tiers go by rank. */
    otherTier: ({ declared, computed, year, sales, currency, byThresholds }: { declared: string; computed: string; year: string; sales: number; currency: string; byThresholds: boolean }) =>
      `The plan says tier ${declared}, but ${year} sales of ${formatMoney(sales, currency)} make it tier ${computed} by ${byThresholds ? 'the tier thresholds in workspace.yaml' : 'its rank among all accounts'}. Change the tier to ${computed}, or record the missing history if the figure is wrong.`,
  },
  check({ ws, tiers, revenue }, _thresholds, say) {
    return ws.accounts.flatMap((a): Draft[] => {
      const declared = a.plan.tier;
      const computed = tiers.get(a.id);
      // A target's tier states its potential: there is no revenue to compare it with.
      if (declared === undefined || computed === undefined || a.plan.status === 'target' || declared === computed) return [];
      const sales = revenue.byAccount.get(a.id)?.lastYear ?? 0;
      const data = { declared, computed, year: revenue.lastYear, sales, currency: ws.settings.currency, byThresholds: ws.settings.tiers !== undefined };
      return [onPlan(a, ['tier'], say('otherTier', data), a.plan.owner)];
    });
  },
});
