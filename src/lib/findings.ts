import { scorePlans, type PlanHealth } from '../core/portfolio/health.ts';
import { sortAttention } from '../core/portfolio/portfolio.ts';
import { runRules } from '../core/rules/index.ts';
import { type Finding } from '../core/rules/finding.ts';
import { loadSiteData } from './site-data.ts';

export interface SiteFindings {
  /** Every finding, most urgent first (severity, then revenue at stake). */
  all: Finding[];
  byAccount: ReadonlyMap<string, Finding[]>;
  /** Each plan's health score from its findings and filled parts (src/core/portfolio/health.ts). */
  health: ReadonlyMap<string, PlanHealth>;
}

/** The method's rules over the plans, run once per build with the build date as today. */
let cached: (SiteFindings & { for: unknown }) | undefined;

export function loadFindings(): SiteFindings {
  const data = loadSiteData();
  if (cached?.for === data) return cached;
  const found = runRules(data.ws, { today: data.today });
  const all = sortAttention(found);
  const byAccount = new Map<string, Finding[]>();
  for (const f of all) if (f.account) byAccount.set(f.account, [...(byAccount.get(f.account) ?? []), f]);
  cached = { all, byAccount, health: scorePlans(data.ws, found), for: data };
  return cached;
}

export type { Finding, PlanHealth };
