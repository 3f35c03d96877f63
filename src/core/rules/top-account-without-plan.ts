import { rankTopAccounts, topShareOf } from '../rollup/top-accounts.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import { onPlan, type Rule } from './context.ts';
import type { Draft } from './finding.ts';
import { ruleMeta } from './meta.ts';

export const topAccountWithoutPlan: Rule<'top-account-without-plan'> = {
  meta: ruleMeta('top-account-without-plan'),
  check({ ws, revenue }, { share, dimension }) {
    const top = topShareOf(ws.settings, { share, dimension });
    const sales = (id: string) => revenue.byAccount.get(id)?.lastYear ?? 0;
    const ranked = rankTopAccounts(ws.accounts.map((a) => ({ id: a.id, sales: sales(a.id), dimensions: a.plan.dimensions })), top);
    const out: Draft[] = [];
    for (const [id, { group, rank, of }] of ranked) {
      const a = ws.accountById.get(id)!;
      const missing = [!a.plan.strategic && 'is not strategic', a.plan.forecast.length === 0 && 'has no forecast'].filter(Boolean);
      if (missing.length === 0) continue;
      const where = top.dimension !== undefined && group ? `${dimension} ${group}` : 'all accounts';
      const fix = [!a.plan.strategic && 'set "strategic: true"', a.plan.forecast.length === 0 && 'add a forecast'].filter(Boolean).join(' and ');
      out.push(onPlan(a, a.plan.strategic ? ['forecast'] : ['strategic'], `${a.plan.name} is #${rank} of ${of} in ${where} by ${revenue.lastYear} sales (${formatMoney(sales(id), ws.settings.currency)}, top ${formatPercent(share)}), but the plan ${missing.join(' and ')}. The top accounts carry most of the revenue: ${fix}.`, a.plan.owner, 'key'));
    }
    return out;
  },
};
