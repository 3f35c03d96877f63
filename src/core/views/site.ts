import { repoPathOf, type PlansHistory } from '../load/git-log.ts';
import { safeExternalHref } from '../load/narrative/url.ts';
import type { AccountEntry, Workspace } from '../model.ts';
import { scorePlans, type PlanHealth } from '../portfolio/health.ts';
import { computeRevenue, findPareto, sortAttention, type Pareto, type PortfolioRevenue } from '../portfolio/portfolio.ts';
import { assignTiers, type Tier } from '../portfolio/tiers.ts';
import { rollUpBooks, type Book } from '../rollup/books.ts';
import { rollUp, type Rollup } from '../rollup/rollup.ts';
import { type AccountTotals } from '../rollup/accounts.ts';
import { runRules } from '../rules/index.ts';
import type { Finding } from '../rules/finding.ts';
import { formatMoney } from '../shared/money.ts';
import { pushTo } from '../shared/group.ts';

/**
 * Everything core computes for the site, once per build, shared by every page's view model.
 * Pure: the loaded workspace, the build date and the git history in; src/lib only caches it.
 */
export interface SiteData {
  ws: Workspace;
  /** The build date, YYYY-MM-DD: "today" for the rules and the portfolio's current year. */
  today: string;
  rollup: Rollup;
  totals: ReadonlyMap<string, AccountTotals>;
  revenue: PortfolioRevenue;
  pareto: Pareto;
  /** A–D earned by last year's revenue (portfolio/tiers.ts), the one meaning of tier; a plan's declared `tier` is shown beside it where they differ. */
  tiers: ReadonlyMap<string, Tier>;
  history: PlansHistory;
  /** The plans folder as given, to name a plan's path in the repository when git does not know it. */
  plansDir: string;
  /** Each person's book in the current fiscal year (rollup/books.ts). */
  books: ReadonlyMap<string, Book>;
  findings: SiteFindings;
}

export interface SiteFindings {
  /** Every finding, most urgent first (severity, then revenue at stake). */
  all: Finding[];
  byAccount: ReadonlyMap<string, Finding[]>;
  /** Each plan's health score from its findings and filled parts (portfolio/health.ts). */
  health: ReadonlyMap<string, PlanHealth>;
}

export interface SiteInput {
  ws: Workspace;
  today: string;
  history: PlansHistory;
  plansDir: string;
}

export function buildSiteData({ ws, today, history, plansDir }: SiteInput): SiteData {
  const rollup = rollUp(ws);
  const revenue = computeRevenue(ws, today, rollup);
  return {
    ws,
    today,
    rollup,
    totals: new Map(rollup.accounts.map((t) => [t.id, t])),
    revenue,
    pareto: findPareto(revenue),
    tiers: assignTiers(ws, revenue),
    history,
    plansDir,
    books: rollUpBooks(ws, revenue.currentYear),
    findings: findingsOf(ws, today, rollup),
  };
}

/** The method's rules over the plans, with the build date as today. */
function findingsOf(ws: Workspace, today: string, rollup: Rollup): SiteFindings {
  const found = runRules(ws, { today, rollup });
  const all = sortAttention(found);
  const byAccount = new Map<string, Finding[]>();
  for (const f of all) if (f.account) pushTo(byAccount, f.account, f);
  return { all, byAccount, health: scorePlans(ws, found) };
}

/** A person's name for an id from team.yaml (linking guarantees it exists). */
export function personName(ws: Workspace, id: string): string {
  return ws.personById.get(id)?.name ?? id;
}

/** An account's name, or its id when no plan has it (a review may name one that is gone). */
export function accountName(ws: Workspace, id: string): string {
  return ws.accountById.get(id)?.plan.name ?? id;
}

/** Money in the workspace currency, formatted the one way core formats it. */
export function moneyIn(data: SiteData): (n: number) => string {
  return (n) => formatMoney(n, data.rollup.currency);
}

/**
 * The link to edit a plan on the repository host, when workspace.yaml sets repository.edit_url: each
 * segment of the file's path is URL-encoded (a folder named "a #b" stays one path), and the whole is
 * published only as an http(s) URL.
 */
export function editUrl(data: SiteData, account: AccountEntry): string | undefined {
  const base = data.ws.settings.repository?.edit_url;
  if (!base) return undefined;
  const path = repoPathOf(data.history, account.rel, data.plansDir).split('/').map(encodeURIComponent).join('/');
  return safeExternalHref(`${base.replace(/\/?$/, '/')}${path}`);
}
