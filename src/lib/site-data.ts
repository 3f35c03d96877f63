import { readPlansHistory, repoPathOf, type PlansHistory } from '../core/git.ts';
import { safeExternalHref } from '../core/narrative-url.ts';
import { assignTiers, computeRevenue, findPareto, type Pareto, type PortfolioRevenue, type Tier } from '../core/portfolio.ts';
import { todayIso } from '../core/periods.ts';
import { rollUp, type AccountTotals, type GoalResult, type Rollup } from '../core/rollup.ts';
import type { AccountEntry, Workspace } from '../core/workspace.ts';
import { loadSiteWorkspace, plansCwd, plansDir } from './workspace.ts';

/**
 * Everything core computes for the site, computed once per build and shared by every page.
 * Pages only look figures up here; they never add anything up themselves.
 */
export interface SiteData {
  ws: Workspace;
  /** The build date, YYYY-MM-DD: "today" for the rules and the portfolio's current year. */
  today: string;
  rollup: Rollup;
  totals: ReadonlyMap<string, AccountTotals>;
  revenue: PortfolioRevenue;
  pareto: Pareto;
  /** A–D by last year's revenue (portfolio.ts); a plan's own `tier` wins where it sets one. */
  tiers: ReadonlyMap<string, Tier>;
  history: PlansHistory;
  /**
   * Each person's book in the current fiscal year: their own plans, and for a manager their whole team's.
   * Summed by core's rollup, as goals of zero for `owner:` and `manager:` scopes, so the figures are the
   * ones `check` would print for such a goal.
   */
  books: ReadonlyMap<string, { own: GoalResult; team: GoalResult | undefined }>;
}

let cached: SiteData | undefined;

export function loadSiteData(): SiteData {
  const ws = loadSiteWorkspace();
  if (cached?.ws === ws) return cached;
  const today = process.env['TODAY'] || todayIso();
  const rollup = rollUp(ws);
  const revenue = computeRevenue(ws, today);
  const computed = assignTiers(ws, revenue);
  cached = {
    ws,
    today,
    rollup,
    totals: new Map(rollup.accounts.map((t) => [t.id, t])),
    revenue,
    pareto: findPareto(revenue),
    tiers: new Map(ws.accounts.map((a) => [a.id, a.plan.tier ?? computed.get(a.id) ?? 'D'])),
    history: readPlansHistory(plansDir(), plansCwd()),
    books: rollUpBooks(ws, revenue.currentYear),
  };
  return cached;
}

/** A person's name for an id from team.yaml (link.ts guarantees it exists). */
export function personName(ws: Workspace, id: string): string {
  return ws.personById.get(id)?.name ?? id;
}

/**
 * The link to edit a plan on the repository host, when workspace.yaml sets repository.edit_url: each
 * segment of the file's path is URL-encoded (a folder named "a #b" stays one path), and the whole is
 * published only as an http(s) URL.
 */
export function editUrl(data: SiteData, account: AccountEntry): string | undefined {
  const base = data.ws.settings.repository?.edit_url;
  if (!base) return undefined;
  const path = repoPathOf(data.history, account.rel, plansDir()).split('/').map(encodeURIComponent).join('/');
  return safeExternalHref(`${base.replace(/\/?$/, '/')}${path}`);
}

function rollUpBooks(ws: Workspace, year: string): Map<string, { own: GoalResult; team: GoalResult | undefined }> {
  const managers = new Set(ws.people.flatMap((p) => (p.manager ? [p.manager] : [])));
  const goals = ws.people.flatMap((p) => [
    { period: year, scope: { owner: p.id }, revenue: 0 },
    ...(managers.has(p.id) ? [{ period: year, scope: { manager: p.id }, revenue: 0 }] : []),
  ]);
  const results = rollUp({ ...ws, goals }).goals;
  const books = new Map<string, { own: GoalResult; team: GoalResult | undefined }>();
  for (const r of results) {
    const id = r.scope['owner'] ?? r.scope['manager'] ?? '';
    const book = books.get(id);
    if (r.scope['owner'] !== undefined) books.set(id, { own: r, team: book?.team });
    else if (book) book.team = r;
  }
  return books;
}
