import { PENETRATION_STATUSES } from '../../../schemas/index.ts';
import { rateOf, roundCents } from '../shared/money.ts';
import { ownValue } from '../shared/own.ts';
import { fiscalYearOfDate, parsePeriod } from '../shared/periods.ts';
import { counted, ledgerYear } from '../rollup/accounts.ts';
import type { Rollup } from '../rollup/rollup.ts';
import type { Finding } from '../rules/finding.ts';
import type { LedgerClient, Workspace } from '../model.ts';

/** One account's revenue in the workspace currency: what it bought last fiscal year and what is planned this one. */
export interface AccountRevenue {
  account: string;
  lastYear: number;
  planned: number;
  /** Last year's gross margin booked in the sales ledger; undefined when no ledger row of last year gives its margin. */
  lastYearMargin?: number;
}

/** A client of the sales ledger that has no plan file: what it bought last year, where it sits, where its rows are. */
export interface ClientRevenue extends AccountRevenue {
  /** The name the ledger gives, else the ledger id. */
  name: string;
  dimensions: Readonly<Record<string, string>>;
  at: { file: string; line: number; column: number };
}

export interface PortfolioRevenue {
  /** The last complete fiscal year before today's, such as FY2026. */
  lastYear: string;
  /** The fiscal year containing today, such as FY2027. */
  currentYear: string;
  byAccount: ReadonlyMap<string, AccountRevenue>;
  /** The ledger's clients without a plan, by ledger id (empty without a ledger): steps 1 and 2 rank them too. */
  withoutPlan: ReadonlyMap<string, ClientRevenue>;
}

/** Last year's sales and this year's plan for every account, read from the rollup's per-account totals. */
export function computeRevenue(ws: Workspace, today: string, rollup: Pick<Rollup, 'accounts'>): PortfolioRevenue {
  const currentYear = fiscalYearOfDate(today, ws.settings.fiscal_year_start_month);
  const lastYear = `FY${parsePeriod(currentYear).year - 1}`;
  const byAccount = new Map<string, AccountRevenue>();
  // A client's margin is known for a year only when its rows give one: else it would be ranked at a margin of 0.
  const margined = (c: LedgerClient | undefined) => c?.marginYears.has(lastYear) === true;
  for (const t of rollup.accounts) {
    const year = t.forecastByYear[currentYear];
    const planned = year ? counted(year, ws.settings.count) : 0;
    const client = ws.ledger?.clients.get(t.id);
    const margin = margined(client) ? { lastYearMargin: ledgerYear(client, lastYear).margin } : {};
    byAccount.set(t.id, { account: t.id, lastYear: t.history[lastYear] ?? 0, planned, ...margin });
  }
  const withoutPlan = new Map<string, ClientRevenue>();
  for (const c of ws.ledger?.clients.values() ?? []) {
    if (c.hasPlan) continue;
    const year = ledgerYear(c, lastYear);
    withoutPlan.set(c.id, { account: c.id, name: c.name ?? c.id, dimensions: c.dimensions, at: c.at, lastYear: year.revenue, ...(margined(c) && { lastYearMargin: year.margin }), planned: 0 });
  }
  return { lastYear, currentYear, byAccount, withoutPlan };
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
  // By id once: finding each account's row in the whitespace list made the ranking accounts².
  const openPotential = new Map(buildWhitespace(ws).rows.map((r) => [r.account, r.openPotential]));
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
    const open = openPotential.get(a.id) ?? 0;
    const opportunity = roundCents((revenue.byAccount.get(a.id)?.planned ?? 0) + open);
    rows.push({ account: a.id, name: a.plan.name, scores, total: Math.round((points / totalWeight) * 1000) / 10, rank: 0, opportunity });
  }
  rows.sort((x, y) => y.total - x.total || x.account.localeCompare(y.account));
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1]!.total === r.total ? rows[i - 1]!.rank : i + 1));
  return { scale: icp.scale, criteria: icp.criteria.map(({ id, name, weight }) => ({ id, name, weight })), rows, unscored };
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
