import { TIERS } from '../../../schemas/index.ts';
import type { Workspace } from '../model.ts';
import { roundCents } from '../shared/money.ts';
import type { PortfolioRevenue } from './portfolio.ts';

/**
 * The one meaning of "tier" in src/core: the A–D category an account earns from last year's revenue.
 * What a plan writes under `tier` is its declared tier; the tier-mismatch rule compares the two.
 */
export type Tier = (typeof TIERS)[number];

/** Share of ranked accounts that falls in each tier when the workspace sets no thresholds. */
export const TIER_SHARES: Readonly<Record<Tier, number>> = { A: 0.2, B: 0.3, C: 0.3, D: 0.2 };

/**
 * The A–D category of every account from last year's revenue: the workspace `tiers` thresholds,
 * or else the top 20% / next 30% / next 30% / rest of the accounts that bought anything last year.
 * An account with no revenue last year is D either way: there is nothing to rank it by.
 */
export function assignTiers(ws: Workspace, revenue: PortfolioRevenue): Map<string, Tier> {
  const tiers = new Map<string, Tier>();
  const lastYear = (id: string) => (revenue.byAccount.get(id) ?? revenue.withoutPlan.get(id))?.lastYear ?? 0;
  const thresholds = ws.settings.tiers;
  // Clients of the sales ledger without a plan are categorised too (article 001 sorts every account), under their ledger id.
  const ids = [...ws.accounts.map((a) => a.id), ...revenue.withoutPlan.keys()];
  if (thresholds) {
    for (const id of ids) {
      const r = lastYear(id);
      tiers.set(id, r > 0 && r >= thresholds.A ? 'A' : r > 0 && r >= thresholds.B ? 'B' : r > 0 && r >= thresholds.C ? 'C' : 'D');
    }
    return tiers;
  }
  const ranked = ids.filter((id) => lastYear(id) > 0);
  ranked.sort((x, y) => lastYear(y) - lastYear(x) || x.localeCompare(y));
  const n = ranked.length;
  const cutA = Math.ceil(n * TIER_SHARES.A);
  const cutB = Math.ceil(n * (TIER_SHARES.A + TIER_SHARES.B));
  const cutC = Math.ceil(n * (TIER_SHARES.A + TIER_SHARES.B + TIER_SHARES.C));
  ranked.forEach((id, i) => tiers.set(id, i < cutA ? 'A' : i < cutB ? 'B' : i < cutC ? 'C' : 'D'));
  for (const id of ids) if (!tiers.has(id)) tiers.set(id, 'D');
  return tiers;
}

/** How a tier is shown beside an account: the earned tier, and the plan's declared one where the two differ ("B, plan says A"). */
export function tierLabel(earned: Tier, declared: Tier | undefined): string {
  return declared === undefined || declared === earned ? earned : `${earned}, plan says ${declared}`;
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
  const all = [...revenue.byAccount.values(), ...revenue.withoutPlan.values()].reduce((s, r) => s + r.lastYear, 0);
  const ids = [...ws.accounts.map((a) => a.id), ...revenue.withoutPlan.keys()];
  return TIERS.map((tier) => {
    const accounts = ids.filter((id) => tiers.get(id) === tier);
    const sum = (key: 'lastYear' | 'planned') => roundCents(accounts.reduce((s, id) => s + ((revenue.byAccount.get(id) ?? revenue.withoutPlan.get(id))?.[key] ?? 0), 0));
    const lastYear = sum('lastYear');
    return { tier, accounts, count: accounts.length, lastYear, planned: sum('planned'), share: all > 0 ? lastYear / all : 0 };
  });
}
