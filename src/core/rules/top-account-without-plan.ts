import { formatMoney, formatPercent } from '../shared/money.ts';
import { ownValue } from '../shared/own.ts';
import { onPlan, type Rule } from './context.ts';
import { type Draft } from './finding.ts';
import { ruleMeta } from './meta.ts';

export const topAccountWithoutPlan: Rule<'top-account-without-plan'> = {
  meta: ruleMeta('top-account-without-plan'),
  check({ ws, revenue }, { share, dimension }) {
    const split = Object.hasOwn(ws.settings.dimensions, dimension);
    const groups = new Map<string, string[]>();
    for (const a of ws.accounts) {
      if ((revenue.byAccount.get(a.id)?.lastYear ?? 0) <= 0) continue;
      const key = split ? (ownValue(a.plan.dimensions, dimension) ?? '') : '';
      groups.set(key, [...(groups.get(key) ?? []), a.id]);
    }
    const sales = (id: string) => revenue.byAccount.get(id)?.lastYear ?? 0;
    const out: Draft[] = [];
    for (const [group, ids] of groups) {
      ids.sort((x, y) => sales(y) - sales(x) || x.localeCompare(y));
      const top = ids.slice(0, Math.ceil(ids.length * share));
      top.forEach((id, i) => {
        const a = ws.accountById.get(id)!;
        const missing = [!a.plan.strategic && 'is not strategic', a.plan.forecast.length === 0 && 'has no forecast'].filter(Boolean);
        if (missing.length === 0) return;
        const where = split && group ? `${dimension} ${group}` : 'all accounts';
        const fix = [!a.plan.strategic && 'set "strategic: true"', a.plan.forecast.length === 0 && 'add a forecast'].filter(Boolean).join(' and ');
        out.push(onPlan(a, a.plan.strategic ? ['forecast'] : ['strategic'], `${a.plan.name} is #${i + 1} of ${ids.length} in ${where} by ${revenue.lastYear} sales (${formatMoney(sales(id), ws.settings.currency)}, top ${formatPercent(share)}), but the plan ${missing.join(' and ')}. The top accounts carry most of the revenue: ${fix}.`, a.plan.owner, 'key'));
      });
    }
    return out;
  },
};
