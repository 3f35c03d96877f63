import type { PlansHistory } from '../load/history/read-history.ts';
import type { AccountPlan } from '../../../schemas/index.ts';
import type { Workspace } from '../model.ts';
import { renderHistoryLine } from '../charts/history-line.ts';
import { describePlanChanges } from '../report/plan-changes.ts';
import { buildSeries } from '../rollup/history.ts';
import { compactMoney, formatMoney } from '../shared/money.ts';
import { addDays, fiscalYearOfDate } from '../shared/periods.ts';

export interface GoalHistoryItem {
  index: number;
  label: string;
  /** The inline SVG line (coverage over time, with the target), or undefined without points. */
  svg: string | undefined;
  /** The weeks the line has a value for; one week is a dot, not yet a line. */
  points: number;
  /** The first week's date, or undefined without points. */
  since: string | undefined;
}

export interface AccountHistoryItem {
  /** The fiscal year whose forecast the line follows. */
  year: string;
  svg: string | undefined;
  /** What changed since the last review, or since the first commit when git has no version on or before it: one sentence per change. */
  changes: string[];
  /** What the list means, or why there is none. */
  summary: string;
}

/** What the site shows of the plans' history; `unavailable` says why there is none (not in git, a shallow clone). */
export interface SiteHistory {
  unavailable: string | undefined;
  notes: string[];
  goals: GoalHistoryItem[];
  accounts: ReadonlyMap<string, AccountHistoryItem>;
}

/**
 * The history views of every page, computed once per build: each goal's planned total week by week for the last
 * year, each account's forecast of the current fiscal year, and what changed in each plan since its `last_reviewed`
 * date (the plan as committed on that day against the plan now).
 */
export function buildSiteHistory(history: PlansHistory, ws: Workspace, today: string): SiteHistory {
  if (history.unavailable) return { unavailable: history.unavailable.message, notes: [], goals: [], accounts: new Map() };
  const series = buildSeries(history, { since: addDays(today, -364), until: today, every: 'week', current: ws });
  const currency = ws.settings.currency;
  const format = (n: number) => formatMoney(n, currency);
  const axis = compactMoney(currency);
  const goals = series.goals.map((g, index) => ({
    index,
    label: g.label,
    svg: renderHistoryLine(g.points.map((p) => ({ date: p.date, value: p.planned })), { title: `${g.label}, planned by week`, target: g.goal, format, axis }),
    points: g.points.length,
    since: g.points[0]?.date,
  }));
  const year = fiscalYearOfDate(today, ws.settings.fiscal_year_start_month);
  const lines = new Map(series.accounts.map((a) => [a.account, a.points.map((p) => ({ date: p.date, value: p.forecast[year] ?? 0 }))]));
  const reviewed = plansAtReview(history, ws);
  const accounts = new Map<string, AccountHistoryItem>();
  for (const a of ws.accounts) {
    const points = lines.get(a.id) ?? [];
    // One week is a dot, not a line: the page says so rather than drawing it.
    const svg = points.length < 2 ? undefined : renderHistoryLine(points, { title: `${a.plan.name}, ${year} forecast by week`, format, axis });
    const date = a.plan.last_reviewed;
    const before = reviewed.get(a.id);
    let changes: string[] = [];
    let summary: string;
    if (!before) summary = 'This plan has no committed version yet, so there is nothing to compare with.';
    else {
      changes = describePlanChanges(before.plan, a.plan, currency);
      // Since the review when git holds the plan as it was then; else since its first commit, and the page says which.
      const since = before.atReview ? `the last review (${date})` : `its first commit (${before.date}), ${date === undefined ? 'as it has no last_reviewed date' : `as it was first committed after its last review (${date})`}`;
      summary = changes.length === 0 ? `Nothing changed in the forecast, stakeholders or actions since ${since}.` : `Since ${since}:`;
    }
    accounts.set(a.id, { year, svg, changes, summary });
  }
  return { unavailable: series.unavailable, notes: series.notes, goals, accounts };
}

/**
 * Each account's plan to compare with, by current id: as committed at the end of its last_reviewed day (the last valid
 * commit then), or else its first valid version (a plan first committed after its review, or never reviewed).
 */
function plansAtReview(history: PlansHistory, ws: Workspace): Map<string, { plan: AccountPlan; date: string; atReview: boolean }> {
  const lineage = history.lineage;
  const wanted = new Map<string, { id: string; date: string | undefined }>();
  for (const a of ws.accounts) {
    const key = lineage.get(a.id);
    if (key !== undefined) wanted.set(key, { id: a.id, date: a.plan.last_reviewed });
  }
  const found = new Map<string, { plan: AccountPlan; date: string; atReview: boolean }>();
  if (wanted.size === 0) return found;
  history.replay((state) => {
    if (!state.workspace) return;
    for (const [id, key] of state.lineage) {
      const want = wanted.get(key);
      const entry = want && state.workspace.accountById.get(id);
      if (!want || !entry) continue;
      const atReview = want.date !== undefined && state.date <= want.date;
      if (atReview || !found.has(want.id)) found.set(want.id, { plan: entry.plan, date: state.date, atReview });
    }
  });
  return found;
}

/** The goals' lines as the goals and home pages show them. */
export function goalHistoryView(h: SiteHistory): { message: string | undefined; goals: (GoalHistoryItem & { svg: string })[]; notes: string[] } {
  const goals = h.goals.flatMap((g) => (g.svg === undefined ? [] : [{ ...g, svg: g.svg }]));
  // A lone dot per goal reads as a broken chart: until the history spans two weeks, say so instead.
  const since = goals[0]?.since;
  const oneWeek = goals.length > 0 && goals.every((g) => g.points < 2);
  const message = h.unavailable
    ?? (goals.length === 0 ? 'No commit of the plans in the last year holds valid plans, so there is no line to draw yet.' : undefined)
    ?? (oneWeek ? `The plans' git history holds one week so far (the week ending ${since}); each goal's line appears here once it spans two.` : undefined);
  return { message, goals, notes: h.notes };
}

/** One account's history as its page shows it; undefined for a plan the history does not know. */
export function accountHistoryView(h: SiteHistory, id: string): { message: string | undefined; item: AccountHistoryItem | undefined } {
  const item = h.accounts.get(id);
  const oneWeek = item !== undefined && item.svg === undefined ? `The plan's git history holds less than two weeks, so there is no line of its ${item.year} forecast yet.` : undefined;
  return { message: h.unavailable ?? (item ? oneWeek : 'This plan has no committed history yet.'), item };
}
