import { ACCOUNT_STATUSES, STRATEGIES, TIERS } from '../../../schemas/account.ts';
import { forecastCounting, NO_DATA } from '../report/sentences.ts';
import { ownValue } from '../shared/own.ts';
import { formatMoney } from '../shared/money.ts';
import { personName, type SiteData } from './site.ts';

/** The accounts page: every plan in one table, with the filters the page's script applies. */
export interface AccountsView {
  accountCount: number;
  lastYear: string;
  currentYear: string;
  /** How forecasts are counted (report/sentences.ts). */
  counting: string;
  /** The dimension names of workspace.yaml, in order: a column and a filter each. */
  dimensions: string[];
  filters: AccountFilter[];
  rows: AccountRow[];
}

export interface AccountFilter {
  /** The row's data attribute the filter matches: data-status, data-dim-channel. */
  key: string;
  label: string;
  options: { value: string; label: string }[];
}

export interface AccountRow {
  id: string;
  name: string;
  strategic: boolean;
  status: string;
  strategy: string;
  tier: string;
  owner: { id: string; name: string };
  /** One per dimension, in `dimensions` order; undefined where the plan sets none. */
  dimensions: { name: string; value: string | undefined }[];
  /** `text` is a dash when the plan records no sales for the year: no data, not "$0 sold". */
  lastYear: { value: number; text: string };
  /** `text` is a dash when the plan forecasts nothing for the year. */
  planned: { value: number; text: string };
  /** The health score, undefined for a plan with no score. */
  health: number | undefined;
  lastReviewed: string | undefined;
}

const same = (v: string) => ({ value: v, label: v });

export function accountsView(data: SiteData): AccountsView {
  const { ws, revenue, tiers } = data;
  const money = (n: number) => formatMoney(n, data.rollup.currency);
  const dimensions = Object.keys(ws.settings.dimensions);
  const owners = [...new Set(ws.accounts.map((a) => a.plan.owner))]
    .map((id) => ({ value: id, label: personName(ws, id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return {
    accountCount: ws.accounts.length,
    lastYear: revenue.lastYear,
    currentYear: revenue.currentYear,
    counting: forecastCounting(data.rollup.count),
    dimensions,
    // The lists the schema accepts, so a new status, strategy or tier reaches the filter by itself.
    filters: [
      { key: 'status', label: 'Status', options: ACCOUNT_STATUSES.map(same) },
      { key: 'strategy', label: 'Strategy', options: STRATEGIES.map(same) },
      { key: 'tier', label: 'Tier', options: TIERS.map(same) },
      { key: 'owner', label: 'Owner', options: owners },
      ...dimensions.map((d) => ({ key: `dim-${d}`, label: d, options: (ws.settings.dimensions[d] ?? []).map(same) })),
    ],
    rows: ws.accounts.map((a) => {
      const r = revenue.byAccount.get(a.id);
      const t = data.totals.get(a.id);
      const lastYear = r?.lastYear ?? 0;
      const planned = r?.planned ?? 0;
      const sold = t !== undefined && ownValue(t.history, revenue.lastYear) !== undefined;
      const forecast = t !== undefined && ownValue(t.forecastByYear, revenue.currentYear) !== undefined;
      return {
        id: a.id,
        name: a.plan.name,
        strategic: a.plan.strategic === true,
        status: a.plan.status,
        strategy: a.plan.strategy,
        tier: tiers.get(a.id) ?? 'D',
        owner: { id: a.plan.owner, name: personName(ws, a.plan.owner) },
        dimensions: dimensions.map((d) => ({ name: d, value: a.plan.dimensions[d] })),
        lastYear: { value: lastYear, text: sold ? money(lastYear) : NO_DATA },
        planned: { value: planned, text: forecast ? money(planned) : NO_DATA },
        health: data.findings.health.get(a.id)?.score,
        lastReviewed: a.plan.last_reviewed,
      };
    }),
  };
}
