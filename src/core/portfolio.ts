import { PENETRATION_STATUSES, TIERS } from '../../schemas/index.ts';
import { quoteLabel } from './charts/escape.ts';
import { rateOf, roundCents } from './money.ts';
import { ownValue } from './own.ts';
import { fiscalYearOfDate, parsePeriod } from './periods.ts';
import { totalAccount } from './rollup-accounts.ts';
import type { Finding } from './rules/index.ts';
import type { Workspace } from './workspace.ts';

export type Tier = (typeof TIERS)[number];

/** One account's revenue in the workspace currency: what it bought last fiscal year and what is planned this one. */
export interface AccountRevenue {
  account: string;
  lastYear: number;
  planned: number;
}

export interface PortfolioRevenue {
  /** The last complete fiscal year before today's, such as FY2026. */
  lastYear: string;
  /** The fiscal year containing today, such as FY2027. */
  currentYear: string;
  byAccount: ReadonlyMap<string, AccountRevenue>;
}

/** Last year's sales and this year's plan for every account, from the rollup's per-account totals. */
export function computeRevenue(ws: Workspace, today: string): PortfolioRevenue {
  const currentYear = fiscalYearOfDate(today, ws.settings.fiscal_year_start_month);
  const lastYear = `FY${parsePeriod(currentYear).year - 1}`;
  const byAccount = new Map<string, AccountRevenue>();
  for (const a of ws.accounts) {
    const t = totalAccount(a, ws.settings);
    const year = t.forecastByYear[currentYear];
    const planned = year ? (ws.settings.count === 'weighted' ? year.weighted : year.full) : 0;
    byAccount.set(a.id, { account: a.id, lastYear: t.history[lastYear] ?? 0, planned });
  }
  return { lastYear, currentYear, byAccount };
}

/** Share of ranked accounts that falls in each tier when the workspace sets no thresholds. */
export const TIER_SHARES: Readonly<Record<Tier, number>> = { A: 0.2, B: 0.3, C: 0.3, D: 0.2 };

/**
 * The A–D category of every account from last year's revenue: the workspace `tiers` thresholds,
 * or else the top 20% / next 30% / next 30% / rest of the accounts that bought anything last year.
 * An account with no revenue last year is D either way: there is nothing to rank it by.
 */
export function assignTiers(ws: Workspace, revenue: PortfolioRevenue): Map<string, Tier> {
  const tiers = new Map<string, Tier>();
  const lastYear = (id: string) => revenue.byAccount.get(id)?.lastYear ?? 0;
  const thresholds = ws.settings.tiers;
  if (thresholds) {
    for (const a of ws.accounts) {
      const r = lastYear(a.id);
      tiers.set(a.id, r > 0 && r >= thresholds.A ? 'A' : r > 0 && r >= thresholds.B ? 'B' : r > 0 && r >= thresholds.C ? 'C' : 'D');
    }
    return tiers;
  }
  const ranked = ws.accounts.map((a) => a.id).filter((id) => lastYear(id) > 0);
  ranked.sort((x, y) => lastYear(y) - lastYear(x) || x.localeCompare(y));
  const n = ranked.length;
  const cutA = Math.ceil(n * TIER_SHARES.A);
  const cutB = Math.ceil(n * (TIER_SHARES.A + TIER_SHARES.B));
  const cutC = Math.ceil(n * (TIER_SHARES.A + TIER_SHARES.B + TIER_SHARES.C));
  ranked.forEach((id, i) => tiers.set(id, i < cutA ? 'A' : i < cutB ? 'B' : i < cutC ? 'C' : 'D'));
  for (const a of ws.accounts) if (!tiers.has(a.id)) tiers.set(a.id, 'D');
  return tiers;
}

export interface TierSummary {
  tier: Tier;
  accounts: string[];
  count: number;
  /** Sum of last year's revenue of the tier's accounts. */
  lastYear: number;
  /** Sum of this year's planned revenue of the tier's accounts. */
  planned: number;
  /** The tier's part of all of last year's revenue (0 when nobody bought anything). */
  share: number;
}

/** Counts and revenue per A–D category. */
export function summarizeTiers(ws: Workspace, revenue: PortfolioRevenue, tiers: ReadonlyMap<string, Tier>): TierSummary[] {
  const all = [...revenue.byAccount.values()].reduce((s, r) => s + r.lastYear, 0);
  return TIERS.map((tier) => {
    const accounts = ws.accounts.filter((a) => tiers.get(a.id) === tier).map((a) => a.id);
    const sum = (key: 'lastYear' | 'planned') => roundCents(accounts.reduce((s, id) => s + (revenue.byAccount.get(id)?.[key] ?? 0), 0));
    const lastYear = sum('lastYear');
    return { tier, accounts, count: accounts.length, lastYear, planned: sum('planned'), share: all > 0 ? lastYear / all : 0 };
  });
}

export interface IcpRow {
  account: string;
  name: string;
  /** Score per criterion id; undefined where the plan gives none (counted as 0). */
  scores: Record<string, number | undefined>;
  /** Weighted score from 0 to 100. */
  total: number;
  /** 1 for the best fit; equal totals share a rank. */
  rank: number;
  /** This year's plan plus the potential of open and competitor-held offerings, in the workspace currency. */
  opportunity: number;
}

export interface IcpMatrix {
  scale: number;
  criteria: { id: string; name: string; weight: number }[];
  rows: IcpRow[];
  /** Accounts whose plan has no `icp` scores. */
  unscored: string[];
}

/** Each scored account's weighted ICP score (Σ weight × score ÷ scale ÷ Σ weight × 100), ranked. */
export function rankIcp(ws: Workspace, revenue: PortfolioRevenue): IcpMatrix | undefined {
  const icp = ws.icp;
  if (!icp) return undefined;
  const totalWeight = icp.criteria.reduce((s, c) => s + c.weight, 0);
  const whitespace = buildWhitespace(ws);
  const rows: IcpRow[] = [];
  const unscored: string[] = [];
  for (const a of ws.accounts) {
    const given = a.plan.icp;
    if (!given) {
      unscored.push(a.id);
      continue;
    }
    const scores = Object.fromEntries(icp.criteria.map((c) => [c.id, ownValue(given, c.id)]));
    const points = icp.criteria.reduce((s, c) => s + c.weight * ((ownValue(given, c.id) ?? 0) / icp.scale), 0);
    const open = whitespace.rows.find((r) => r.account === a.id)?.openPotential ?? 0;
    const opportunity = roundCents((revenue.byAccount.get(a.id)?.planned ?? 0) + open);
    rows.push({ account: a.id, name: a.plan.name, scores, total: Math.round((points / totalWeight) * 1000) / 10, rank: 0, opportunity });
  }
  rows.sort((x, y) => y.total - x.total || x.account.localeCompare(y.account));
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1]!.total === r.total ? rows[i - 1]!.rank : i + 1));
  return { scale: icp.scale, criteria: icp.criteria.map(({ id, name, weight }) => ({ id, name, weight })), rows, unscored };
}

/**
 * Mermaid quadrant chart of ICP fit (x, the score ÷ 100) against opportunity size (y, relative to
 * the largest). Account names are plan text: quoteLabel escapes them. Undefined when nothing is scored.
 */
export function renderIcpQuadrant(matrix: IcpMatrix): string | undefined {
  if (matrix.rows.length === 0) return undefined;
  const largest = Math.max(...matrix.rows.map((r) => r.opportunity));
  // Mermaid's grammar takes 0, 1 or 0.ddd only: "1.0" is a syntax error.
  const coordinate = (v: number) => (v >= 1 ? '1' : v <= 0 ? '0' : String(Math.round(v * 1000) / 1000));
  return [
    // Fixed sizing, no plan text: the default 500 px square crowds a few dozen labels.
    '---',
    'config:',
    '  quadrantChart: { chartWidth: 720, chartHeight: 560, pointLabelFontSize: 11 }',
    '---',
    'quadrantChart',
    '  x-axis Low ICP fit --> High ICP fit',
    '  y-axis Small opportunity --> Large opportunity',
    '  quadrant-1 Invest',
    '  quadrant-2 Qualify harder',
    '  quadrant-3 Deprioritise',
    '  quadrant-4 Grow the opportunity',
    ...matrix.rows.map((r) => `  ${quoteLabel(r.name, { max: 40 })}: [${coordinate(r.total / 100)}, ${coordinate(largest > 0 ? r.opportunity / largest : 0)}]`),
  ].join('\n');
}

export type WhitespaceStatus = (typeof PENETRATION_STATUSES)[number] | 'unknown';

export interface WhitespaceCell {
  offering: string;
  status: WhitespaceStatus;
  competitor?: string;
  /** Yearly revenue if won, in the workspace currency. */
  potential?: number;
}

export interface WhitespaceMatrix {
  offerings: { id: string; name: string; counts: Record<WhitespaceStatus, number>; openPotential: number }[];
  rows: { account: string; name: string; cells: WhitespaceCell[]; openPotential: number }[];
  /** Potential of every open and competitor-held cell. */
  openPotential: number;
}

/** Every account against every workspace offering; an offering the plan does not mention is unknown. */
export function buildWhitespace(ws: Workspace): WhitespaceMatrix {
  const isOpen = (c: WhitespaceCell) => c.status === 'open' || c.status === 'competitor';
  const rows = ws.accounts.map((a) => {
    const rate = rateOf(ws.settings, a.plan.currency);
    const cells = ws.settings.offerings.map((o): WhitespaceCell => {
      const p = a.plan.penetration.find((x) => x.offering === o.id);
      if (!p) return { offering: o.id, status: 'unknown' };
      return {
        offering: o.id,
        status: p.status,
        ...(p.competitor !== undefined && { competitor: p.competitor }),
        ...(p.potential !== undefined && { potential: roundCents(p.potential * rate) }),
      };
    });
    const openPotential = roundCents(cells.filter(isOpen).reduce((s, c) => s + (c.potential ?? 0), 0));
    return { account: a.id, name: a.plan.name, cells, openPotential };
  });
  const offerings = ws.settings.offerings.map((o, i) => {
    const counts: Record<WhitespaceStatus, number> = { won: 0, competitor: 0, open: 0, 'not-applicable': 0, unknown: 0 };
    let openPotential = 0;
    for (const r of rows) {
      const c = r.cells[i]!;
      counts[c.status]++;
      if (isOpen(c)) openPotential += c.potential ?? 0;
    }
    return { id: o.id, name: o.name, counts, openPotential: roundCents(openPotential) };
  });
  return { offerings, rows, openPotential: roundCents(rows.reduce((s, r) => s + r.openPotential, 0)) };
}

export interface ParetoEntry {
  account: string;
  planned: number;
  /** This account's share of the total plan. */
  share: number;
  /** Share of the total plan carried by this account and every larger one. */
  cumulative: number;
}

export interface Pareto {
  year: string;
  total: number;
  /** The largest accounts that together carry at least `cutoff` of the plan. */
  accounts: ParetoEntry[];
  /** How many accounts have any plan this year. */
  planning: number;
  cutoff: number;
}

/** The fewest largest accounts that carry `cutoff` (80%) of this year's planned revenue. */
export function findPareto(revenue: PortfolioRevenue, cutoff = 0.8): Pareto {
  const planned = [...revenue.byAccount.values()].filter((r) => r.planned > 0);
  planned.sort((x, y) => y.planned - x.planned || x.account.localeCompare(y.account));
  const total = roundCents(planned.reduce((s, r) => s + r.planned, 0));
  const accounts: ParetoEntry[] = [];
  let running = 0;
  for (const r of planned) {
    if (total === 0 || running / total >= cutoff - 1e-9) break;
    running += r.planned;
    accounts.push({ account: r.account, planned: r.planned, share: r.planned / total, cumulative: running / total });
  }
  return { year: revenue.currentYear, total, accounts, planning: planned.length, cutoff };
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Findings most in need of attention first: by severity, then by revenue at stake, then by place. */
export function sortAttention(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (b.revenueAtStake ?? 0) - (a.revenueAtStake ?? 0) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.rule.localeCompare(b.rule),
  );
}
