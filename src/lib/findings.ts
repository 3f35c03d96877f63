import { sortAttention } from '../core/portfolio.ts';
import { runRules, type Finding } from '../core/rules/index.ts';
import { loadSiteData } from './site-data.ts';

/** The method's rules over the plans, run once per build with the build date as today, most urgent first. */
let cached: { all: Finding[]; byAccount: Map<string, Finding[]> } | undefined;

export function loadFindings(): { all: Finding[]; byAccount: ReadonlyMap<string, Finding[]> } {
  if (cached) return cached;
  const data = loadSiteData();
  const all = sortAttention(runRules(data.ws, { today: data.today }));
  const byAccount = new Map<string, Finding[]>();
  for (const f of all) if (f.account) byAccount.set(f.account, [...(byAccount.get(f.account) ?? []), f]);
  cached = { all, byAccount };
  return cached;
}

export type { Finding };
