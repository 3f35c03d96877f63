import { rankTopAccounts, topShareOf } from '../rollup/top-accounts.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import { toIdSlug } from '../shared/paths.ts';
import { excerpt } from '../shared/suggest.ts';
import { onPlan, type Rule } from './context.ts';
import type { Draft } from './finding.ts';
import { ruleMeta } from './meta.ts';

export const topAccountWithoutPlan: Rule<'top-account-without-plan'> = {
  meta: ruleMeta('top-account-without-plan'),
  check({ ws, revenue }, { share, dimension }) {
    const top = topShareOf(ws.settings, { share, dimension });
    const sales = (id: string) => (revenue.byAccount.get(id) ?? revenue.withoutPlan.get(id))?.lastYear ?? 0;
    // Steps 1 and 2 rank every client: the plans, and the ledger's clients that have none yet.
    const candidates = [
      ...ws.accounts.map((a) => ({ id: a.id, sales: sales(a.id), dimensions: a.plan.dimensions })),
      ...[...revenue.withoutPlan.values()].map((c) => ({ id: c.account, sales: c.lastYear, dimensions: c.dimensions })),
    ];
    const ranked = rankTopAccounts(candidates, top);
    const out: Draft[] = [];
    for (const [id, { group, rank, of }] of ranked) {
      const where = top.dimension !== undefined && group ? `${dimension} ${group}` : 'all accounts';
      const standing = `#${rank} of ${of} in ${where} by ${revenue.lastYear} sales (${formatMoney(sales(id), ws.settings.currency)}, top ${formatPercent(share)})`;
      const a = ws.accountById.get(id);
      if (!a) {
        const c = revenue.withoutPlan.get(id)!;
        const name = c.name === id ? excerpt(id) : `${excerpt(c.name)} (${excerpt(id)} in the ledger)`;
        const crm = `crm: { id: ${JSON.stringify(id)} }`;
        // A plan of the same name, or whose id the ledger writes in capitals, is likely this client without its CRM id.
        const twin = ws.accounts.find((p) => p.plan.name.toLowerCase() === c.name.toLowerCase() || p.id === id.toLowerCase());
        if (twin) {
          out.push({ ...c.at, account: id, message: `${name} is ${standing}, and no plan names it. The plan ${excerpt(twin.rel)} looks like the same client: if it is, add ${crm} to it so the ledger's rows find it; otherwise write this client's plan.` });
          continue;
        }
        // A file name to suggest, from the ledger's name: short, whatever the export wrote.
        const file = `accounts/${toIdSlug(c.name).slice(0, 40).replace(/-+$/, '') || 'new-account'}.yaml`;
        out.push({ ...c.at, account: id, message: `${name} is ${standing}, and has no plan. The top accounts carry most of the revenue: write one, such as ${file} with ${crm} so the ledger's rows find it.` });
        continue;
      }
      const missing = [!a.plan.strategic && 'is not strategic', a.plan.forecast.length === 0 && 'has no forecast'].filter(Boolean);
      if (missing.length === 0) continue;
      const fix = [!a.plan.strategic && 'set "strategic: true"', a.plan.forecast.length === 0 && 'add a forecast'].filter(Boolean).join(' and ');
      out.push(onPlan(a, a.plan.strategic ? ['forecast'] : ['strategic'], `${a.plan.name} is ${standing}, but the plan ${missing.join(' and ')}. The top accounts carry most of the revenue: ${fix}.`, a.plan.owner, 'key'));
    }
    return out;
  },
};
