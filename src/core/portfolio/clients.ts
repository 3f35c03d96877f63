import type { Workspace } from '../model.ts';
import { ownValue } from '../shared/own.ts';
import type { PortfolioRevenue } from './portfolio.ts';

/**
 * Steps 1 and 2 over every client: within each value of each dimension, every client with sales last year
 * (plans and the ledger's clients without one) ranked by revenue and by gross margin, the top `share` marked.
 */
export interface RankedClient {
  id: string;
  name: string;
  hasPlan: boolean;
  revenue: number;
  /** undefined when the ledger does not cover last year. */
  margin: number | undefined;
  revenueRank: number;
  marginRank: number | undefined;
  topByRevenue: boolean;
  topByMargin: boolean;
}

export interface DimensionRanking {
  dimension: string;
  groups: { value: string; clients: RankedClient[] }[];
  /** Clients with sales last year whose ledger rows give no value for this dimension, so they are ranked in no group of it. */
  unplaced: number;
}

export function rankClients(ws: Workspace, revenue: PortfolioRevenue, share: number): DimensionRanking[] {
  const all = [
    ...ws.accounts.map((a) => ({ id: a.id, name: a.plan.name, hasPlan: true, dimensions: a.plan.dimensions, r: revenue.byAccount.get(a.id) })),
    ...[...revenue.withoutPlan.values()].map((c) => ({ id: c.account, name: c.name, hasPlan: false, dimensions: c.dimensions, r: c })),
  ].filter((c) => (c.r?.lastYear ?? 0) > 0);
  return Object.entries(ws.settings.dimensions).map(([dimension, values]) => ({
    dimension,
    groups: values.map((value) => {
      const members = all.filter((c) => ownValue(c.dimensions, dimension) === value);
      const top = Math.ceil(members.length * share);
      const byMargin = [...members].filter((c) => c.r?.lastYearMargin !== undefined).sort((x, y) => y.r!.lastYearMargin! - x.r!.lastYearMargin! || x.id.localeCompare(y.id));
      const marginRank = new Map(byMargin.map((c, i) => [c.id, i + 1]));
      const clients = [...members]
        .sort((x, y) => y.r!.lastYear - x.r!.lastYear || x.id.localeCompare(y.id))
        .map((c, i): RankedClient => {
          const m = marginRank.get(c.id);
          return { id: c.id, name: c.name, hasPlan: c.hasPlan, revenue: c.r!.lastYear, margin: c.r!.lastYearMargin, revenueRank: i + 1, marginRank: m, topByRevenue: i < top, topByMargin: m !== undefined && m <= top };
        });
      return { value, clients };
    }),
    unplaced: all.filter((c) => ownValue(c.dimensions, dimension) === undefined).length,
  }));
}
