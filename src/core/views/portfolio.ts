import { renderIcpQuadrant } from '../charts/icp-quadrant.ts';
import { buildWhitespace, rankIcp, type IcpMatrix, type WhitespaceMatrix } from '../portfolio/portfolio.ts';
import { summarizeTiers, TIER_SHARES } from '../portfolio/tiers.ts';
import { rankClients } from '../portfolio/clients.ts';
import { topShareOf } from '../rollup/top-accounts.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import { accountName, type SiteData } from './site.ts';

type Named = { id: string; name: string };
/** An account of a category: a plan (linked) or a client of the sales ledger without one. */
type Member = Named & { plan: boolean };

/** The portfolio page: A–D categories, the ideal customer profile and the whitespace. */
export interface PortfolioView {
  company: string;
  accountCount: number;
  lastYear: string;
  currentYear: string;
  currency: string;
  tiers: {
    /** How the categories are cut: by the thresholds of workspace.yaml, or ranked by share. */
    basis: string;
    rows: { tier: string; count: number; lastYear: string; share: string; planned: string; accounts: Member[] }[];
    /** Current accounts whose plan declares another tier than their revenue earns. */
    declaredOtherwise: { id: string; name: string; declared: string; computed: string }[];
  };
  /** Undefined without icp.yaml. */
  icp: { matrix: IcpMatrix; unscored: Named[]; chart: string | undefined; caption: string } | undefined;
  /** Undefined when workspace.yaml lists no offerings. */
  whitespace: WhitespaceMatrix | undefined;
  /** Every client with sales last year ranked within each dimension value; undefined without a sales ledger. */
  clients: ClientsView | undefined;
}

/** One ranked client: figures formatted for the page, and `amounts` as plain numbers for the CSV download. */
export interface ClientRow {
  id: string;
  name: string;
  plan: boolean;
  revenue: string;
  revenueRank: number;
  margin: string;
  marginRank: string;
  top: string;
  amounts: { revenue: number; margin: number | undefined; marginRank: number | undefined };
}

export interface ClientsView {
  /** "the top 25%". */
  top: string;
  /** What the ranking is: by revenue and by margin, or by revenue alone when no client has a margin in the ledger. */
  intro: string;
  /** Said when clients have no margin in the sales ledger for the year ranked: they are not ranked by margin (never at 0). */
  margin: string | undefined;
  dimensions: {
    name: string;
    groups: { value: string; rows: ClientRow[] }[];
    /** Said when clients of the ledger give no value for the dimension, and so appear in none of its groups. */
    unplaced: string | undefined;
  }[];
}

export function portfolioView(data: SiteData): PortfolioView {
  const { ws, revenue } = data;
  const currency = ws.settings.currency;
  const money = (n: number) => formatMoney(n, currency);
  const named = (id: string) => ({ id, name: accountName(ws, id) });
  // The categories the revenue earns, not the ones plans declare: the page shows where they differ.
  const tiers = data.tiers;
  const t = ws.settings.tiers;
  const icp = rankIcp(ws, revenue);
  return {
    company: ws.settings.company,
    accountCount: ws.accounts.length,
    lastYear: revenue.lastYear,
    currentYear: revenue.currentYear,
    currency,
    tiers: {
      basis: t
        ? ` at or above the thresholds in workspace.yaml: A ${money(t.A)}, B ${money(t.B)}, C ${money(t.C)}.`
        : ` ranked: the top ${formatPercent(TIER_SHARES.A)} of accounts with sales are A, the next ${formatPercent(TIER_SHARES.B)} B, the next ${formatPercent(TIER_SHARES.C)} C, the rest D.`,
      rows: summarizeTiers(ws, revenue, tiers).map((s) => ({
        tier: s.tier,
        count: s.count,
        lastYear: money(s.lastYear),
        share: formatPercent(s.share),
        planned: money(s.planned),
        accounts: s.accounts.map((id) => ({ ...named(id), plan: ws.accountById.has(id), ...(!ws.accountById.has(id) && { name: revenue.withoutPlan.get(id)?.name ?? id }) })),
      })),
      declaredOtherwise: ws.accounts
        .filter((a) => a.plan.status === 'current' && a.plan.tier !== undefined && a.plan.tier !== tiers.get(a.id))
        .map((a) => ({ id: a.id, name: a.plan.name, declared: a.plan.tier ?? '', computed: tiers.get(a.id) ?? 'D' })),
    },
    icp: icp && {
      matrix: icp,
      unscored: icp.unscored.map(named),
      chart: renderIcpQuadrant(icp),
      caption: `opportunity is the ${revenue.currentYear} plan plus the potential of open and competitor-held offerings, relative to the largest`,
    },
    whitespace: ws.settings.offerings.length === 0 ? undefined : buildWhitespace(ws),
    clients: ws.ledger && clientsView(data, money),
  };
}

function clientsView(data: SiteData, money: (n: number) => string): ClientsView {
  const { share } = topShareOf(data.ws.settings);
  const top = `the top ${formatPercent(share)}`;
  const ranking = rankClients(data.ws, data.revenue, share);
  const year = data.revenue.lastYear;
  // Each client once, though it is ranked in a group of every dimension.
  const margins = new Map(ranking.flatMap((d) => d.groups.flatMap((g) => g.clients.map((c) => [c.id, c.margin !== undefined] as const))));
  const without = [...margins.values()].filter((known) => !known).length;
  const none = without > 0 && without === margins.size;
  return {
    top,
    intro: none
      ? `Every client of the sales ledger with ${year} sales, plans or not, ranked within each value of each dimension by revenue; ${top} of each group is marked top.`
      : `Every client of the sales ledger with ${year} sales, plans or not, ranked within each value of each dimension by revenue and by gross margin; ${top} of each group by either is marked top.`,
    margin: none
      ? `The sales ledger gives no gross margin for ${year}, so clients are ranked by revenue alone; to rank them by margin too, add each sale's margin to the export in a column named margin, or name the export's margin column in workspace.yaml under sales.columns.margin.`
      : without > 0
        ? `${without === 1 ? '1 client has' : `${without} clients have`} no gross margin in the sales ledger for ${year}, so ${without === 1 ? 'it is' : 'they are'} ranked by revenue alone (— under Margin).`
        : undefined,
    dimensions: ranking.map((d) => ({
      name: d.dimension,
      unplaced: d.unplaced === 0
        ? undefined
        : `${d.unplaced === 1 ? '1 client' : `${d.unplaced} clients`} without a plan ${d.unplaced === 1 ? 'has' : 'have'} no ${d.dimension} in the sales ledger, so ${d.unplaced === 1 ? 'it is' : 'they are'} ranked in no ${d.dimension}. Add a ${d.dimension} column to the export, or write ${d.unplaced === 1 ? 'its plan' : 'their plans'}.`,
      groups: d.groups.map((g) => ({
        value: g.value,
        rows: g.clients.map((c) => ({
          id: c.id,
          name: c.name,
          plan: c.hasPlan,
          revenue: money(c.revenue),
          revenueRank: c.revenueRank,
          margin: c.margin === undefined ? '—' : money(c.margin),
          marginRank: c.marginRank === undefined ? '—' : String(c.marginRank),
          top: [c.topByRevenue && 'revenue', c.topByMargin && 'margin'].filter(Boolean).join(', ') || '—',
          amounts: { revenue: c.revenue, margin: c.margin, marginRank: c.marginRank },
        })),
      })),
    })),
  };
}
