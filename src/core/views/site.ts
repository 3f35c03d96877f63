import { displayRoot } from '../load/files.ts';
import type { Run } from '../engine/run.ts';
import { repoPathOf, type LastCommits } from '../git/log.ts';
import { toPosix } from '../shared/paths.ts';
import { safeExternalHref } from '../load/narrative/url.ts';
import type { Person } from '../../../schemas/index.ts';
import type { AccountEntry, ReviewEntry, Workspace } from '../model.ts';
import { scorePlans, type PlanHealth } from '../portfolio/health.ts';
import { findPareto, sortAttention, type Pareto, type PortfolioRevenue } from '../portfolio/portfolio.ts';
import type { Tier } from '../portfolio/tiers.ts';
import { rollUpBooks, type Book } from '../rollup/books.ts';
import type { GoalResult, Rollup } from '../rollup/rollup.ts';
import { type AccountTotals, type FamilyTotals } from '../rollup/accounts.ts';
import type { Finding } from '../rules/finding.ts';
import type { CompPerson } from '../comp/comp.ts';
import { formatMoney } from '../shared/money.ts';
import { asOfSentence } from '../report/sentences.ts';
import { pushTo } from '../shared/group.ts';
import { ownValue } from '../shared/own.ts';

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
  /** When each plans file last changed, from git (git/log.ts). */
  history: LastCommits;
  /** The plans folder as given, to name a plan's path in the repository when git does not know it. */
  plansDir: string;
  /** How diagnostics and findings name the plans folder ("plans/"), relative to where the build ran (load/files.ts). */
  fileRoot: string;
  /** Each person's book in the current fiscal year (rollup/books.ts). */
  books: ReadonlyMap<string, Book>;
  findings: SiteFindings;
  index: SiteIndex;
  /** What the home page and every footer say the figures are as of. */
  build: BuildInfo;
  /** comp.yaml's people with attainment and payout (comp/comp.ts); empty without it. Pay reaches a page only through views/comp.ts. */
  comp: readonly CompPerson[];
}

export interface BuildInfo {
  /** The build date, YYYY-MM-DD. */
  asOf: string;
  /** The short hash of the commit the plans were read from; undefined outside git. */
  commit: string | undefined;
  /** "As of 2026-11-24, built from commit 1a2b3c4d" (report/sentences.ts). */
  sentence: string;
}

/**
 * Lookups the pages make by id, built once per build: a page that filtered every account, person, review
 * or family for its own id made the whole site pages × plans.
 */
export interface SiteIndex {
  /** Plans by owner, in workspace order. */
  ownedBy: ReadonlyMap<string, AccountEntry[]>;
  /** Plans a person sponsors or works on without owning them, in workspace order. */
  supportedBy: ReadonlyMap<string, AccountEntry[]>;
  /** Direct reports by manager, in team.yaml order. */
  reportsOf: ReadonlyMap<string, Person[]>;
  /** Reviews by the person whose book they review, in the order loaded. */
  reviewsOf: ReadonlyMap<string, ReviewEntry[]>;
  /** Goals scoped to a person as owner or manager, in goals.yaml order. */
  goalsOf: ReadonlyMap<string, GoalResult[]>;
  /** The rollup's families by head account. */
  familyOf: ReadonlyMap<string, FamilyTotals>;
}

export interface SiteFindings {
  /** Every finding, most urgent first (severity, then revenue at stake). */
  all: Finding[];
  byAccount: ReadonlyMap<string, Finding[]>;
  /** Each plan's health score from its findings and filled parts (portfolio/health.ts). */
  health: ReadonlyMap<string, PlanHealth>;
}

export interface SiteInput {
  /** The engine's run over the plans (engine/run.ts): the site reads its stages, never computes them again. */
  run: Run;
  /** When each plans file last changed, and HEAD (git/log.ts). */
  history: LastCommits;
  plansDir: string;
  /** The folder plansDir is relative to (default: the process's). */
  cwd?: string | undefined;
}

export function buildSiteData({ run, history, plansDir, cwd }: SiteInput): SiteData {
  const ws = run.valid;
  const { today, rollup, findings } = run;
  const { revenue, tiers } = run.portfolio;
  return {
    ws,
    today,
    rollup,
    totals: new Map(rollup.accounts.map((t) => [t.id, t])),
    revenue,
    pareto: findPareto(revenue),
    tiers,
    history,
    plansDir,
    fileRoot: displayRoot(plansDir, cwd),
    books: rollUpBooks(ws, revenue.currentYear),
    findings: findingsOf(ws, findings),
    index: indexOf(ws, rollup),
    build: { asOf: today, commit: history.head, sentence: asOfSentence(today, history.head) },
    comp: run.comp,
  };
}

function indexOf(ws: Workspace, rollup: Rollup): SiteIndex {
  const ownedBy = new Map<string, AccountEntry[]>();
  const supportedBy = new Map<string, AccountEntry[]>();
  for (const a of ws.accounts) {
    pushTo(ownedBy, a.plan.owner, a);
    const helpers = new Set([...(a.plan.exec_sponsor === undefined ? [] : [a.plan.exec_sponsor]), ...a.plan.team.map((t) => t.person)]);
    helpers.delete(a.plan.owner);
    for (const id of helpers) pushTo(supportedBy, id, a);
  }
  const reportsOf = new Map<string, Person[]>();
  for (const p of ws.people) if (p.manager !== undefined) pushTo(reportsOf, p.manager, p);
  const reviewsOf = new Map<string, ReviewEntry[]>();
  for (const r of ws.reviews) pushTo(reviewsOf, r.person, r);
  const goalsOf = new Map<string, GoalResult[]>();
  for (const g of rollup.goals) {
    const owner = ownValue(g.scope, 'owner');
    const manager = ownValue(g.scope, 'manager');
    if (owner !== undefined) pushTo(goalsOf, owner, g);
    if (manager !== undefined && manager !== owner) pushTo(goalsOf, manager, g);
  }
  return { ownedBy, supportedBy, reportsOf, reviewsOf, goalsOf, familyOf: new Map(rollup.families.map((f) => [f.id, f])) };
}

/** The method's findings (the run's, with the build date as today), most urgent first and by account. */
function findingsOf(ws: Workspace, found: Finding[]): SiteFindings {
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
 * How the site names a file of the plans folder (`rel`, e.g. "accounts/acme.yaml"): its path in the repository,
 * which is what an author finds on the host, or else under the plans folder's own name. Never the build
 * machine's folders: a plans folder given as /srv/ci/work/plans or ../../tmp/x/plans is still "plans/…".
 */
export function sitePathOf(data: SiteData, rel: string): string {
  if (data.history.repoPath !== undefined) return repoPathOf(data.history, rel, data.plansDir);
  const name = toPosix(data.plansDir).replace(/\/+$/, '').split('/').pop() ?? '';
  return name === '' || name === '.' || name === '..' ? rel : `${name}/${rel}`;
}

/** The same for a path as diagnostics and findings give it (relative to where the build ran). */
export function sitePathOfFile(data: SiteData, file: string): string {
  return file.startsWith(data.fileRoot) ? sitePathOf(data, file.slice(data.fileRoot.length)) : (file.split('/').pop() ?? file);
}

/**
 * The link to edit a plan on the repository host, when workspace.yaml sets repository.edit_url: each
 * segment of the file's path is URL-encoded (a folder named "a #b" stays one path), and the whole is
 * published only as an http(s) URL.
 */
export function editUrl(data: SiteData, account: AccountEntry): string | undefined {
  const base = data.ws.settings.repository?.edit_url;
  if (!base) return undefined;
  const path = sitePathOf(data, account.rel).split('/').map(encodeURIComponent).join('/');
  return safeExternalHref(`${base.replace(/\/?$/, '/')}${path}`);
}
