import { rankTopAccounts, topShareOf } from '../rollup/top-accounts.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import { toIdSlug } from '../shared/paths.ts';
import { excerpt } from '../shared/suggest.ts';
import { defineRule, onPlan } from './context.ts';
import type { Draft } from './finding.ts';

/** Where an account ranks: `group` is its value of the ranked `dimension`, when the ranking is by dimension. */
interface Standing {
  rank: number;
  of: number;
  dimension?: string;
  group?: string;
  year: string;
  sales: number;
  currency: string;
  share: number;
}

function standing({ rank, of, dimension, group, year, sales, currency, share }: Standing): string {
  const where = dimension !== undefined && group !== undefined ? `${dimension} ${group}` : 'all accounts';
  return `#${rank} of ${of} in ${where} by ${year} sales (${formatMoney(sales, currency)}, top ${formatPercent(share)})`;
}

/** A ledger client by its ledger id, and by its name when that differs. */
function client(id: string, name: string): string {
  return name === id ? excerpt(id) : `${excerpt(name)} (${excerpt(id)} in the ledger)`;
}

const crm = (id: string) => `crm: { id: ${JSON.stringify(id)} }`;

export const topAccountWithoutPlan = defineRule('top-account-without-plan', {
  messages: {
    /** A ledger client no plan names, and a plan (`twin`, its file) that looks like it. */
    unlinked: (d: Standing & { client: string; name: string; twin: string }) =>
      `${client(d.client, d.name)} is ${standing(d)}, and no plan names it. The plan ${excerpt(d.twin)} looks like the same client: if it is, add ${crm(d.client)} to it so the ledger's rows find it; otherwise write this client's plan.`,
    noPlan: (d: Standing & { client: string; name: string; file: string }) =>
      `${client(d.client, d.name)} is ${standing(d)}, and has no plan. The top accounts carry most of the revenue: write one, such as ${d.file} with ${crm(d.client)} so the ledger's rows find it.`,
    planIncomplete: (d: Standing & { name: string; strategic: boolean; forecast: boolean }) => {
      const missing = [!d.strategic && 'is not strategic', !d.forecast && 'has no forecast'].filter(Boolean);
      const fix = [!d.strategic && 'set "strategic: true"', !d.forecast && 'add a forecast'].filter(Boolean).join(' and ');
      return `${d.name} is ${standing(d)}, but the plan ${missing.join(' and ')}. The top accounts carry most of the revenue: ${fix}.`;
    },
  },
  check({ ws, revenue }, { share, dimension }, say) {
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
      const byGroup = top.dimension !== undefined && group ? { dimension, group } : {};
      const where: Standing = { rank, of, ...byGroup, year: revenue.lastYear, sales: sales(id), currency: ws.settings.currency, share };
      const a = ws.accountById.get(id);
      if (!a) {
        const c = revenue.withoutPlan.get(id)!;
        // A plan of the same name, or whose id the ledger writes in capitals, is likely this client without its CRM id.
        const twin = ws.accounts.find((p) => p.plan.name.toLowerCase() === c.name.toLowerCase() || p.id === id.toLowerCase());
        if (twin) {
          out.push({ ...c.at, account: id, ...say('unlinked', { ...where, client: id, name: c.name, twin: twin.rel }) });
          continue;
        }
        // A file name to suggest, from the ledger's name: short, whatever the export wrote.
        const file = `accounts/${toIdSlug(c.name).slice(0, 40).replace(/-+$/, '') || 'new-account'}.yaml`;
        out.push({ ...c.at, account: id, ...say('noPlan', { ...where, client: id, name: c.name, file }) });
        continue;
      }
      if (a.plan.strategic && a.plan.forecast.length > 0) continue;
      const data = { ...where, name: a.plan.name, strategic: a.plan.strategic, forecast: a.plan.forecast.length > 0 };
      out.push(onPlan(a, a.plan.strategic ? ['forecast'] : ['strategic'], say('planIncomplete', data), a.plan.owner, 'key'));
    }
    return out;
  },
});
