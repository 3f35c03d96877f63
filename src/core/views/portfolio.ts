import { renderIcpQuadrant } from '../charts/icp-quadrant.ts';
import { buildWhitespace, rankIcp, type IcpMatrix, type WhitespaceMatrix } from '../portfolio/portfolio.ts';
import { summarizeTiers, TIER_SHARES } from '../portfolio/tiers.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import { accountName, type SiteData } from './site.ts';

type Named = { id: string; name: string };

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
    rows: { tier: string; count: number; lastYear: string; share: string; planned: string; accounts: Named[] }[];
    /** Current accounts whose plan declares another tier than their revenue earns. */
    declaredOtherwise: { id: string; name: string; declared: string; computed: string }[];
  };
  /** Undefined without icp.yaml. */
  icp: { matrix: IcpMatrix; unscored: Named[]; chart: string | undefined; caption: string } | undefined;
  /** Undefined when workspace.yaml lists no offerings. */
  whitespace: WhitespaceMatrix | undefined;
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
        accounts: s.accounts.map(named),
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
  };
}
